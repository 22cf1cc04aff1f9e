import { commands, usage } from './commands/index';
import { CliError } from './cli-error';

/** `pamoja <command> [flags]`: the same services as the app, for scripts and checks. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 1;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    process.stderr.write(`pamoja: there is no command "${name}".\n\n${usage()}`);
    return 1;
  }
  try {
    const command = await entry.load();
    return await command.run(rest);
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`pamoja ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`pamoja ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
