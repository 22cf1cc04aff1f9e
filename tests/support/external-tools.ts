import { execFile, execFileSync } from 'node:child_process';

/**
 * Tests that need a program from Debian (LibreOffice, poppler, Chromium) must never pass silently
 * without it: under CI=true a missing program fails the run; elsewhere the suite is skipped with a
 * printed reason.
 */
export function requireTool(command: string, purpose: string): { available: boolean } {
  let available = true;
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
  } catch {
    available = false;
  }
  if (!available) {
    const message = `${command} is not installed, so the tests that ${purpose} cannot run (install it: see .ci/run).`;
    if (process.env.CI === 'true') throw new Error(message);
    console.warn(`SKIPPED: ${message}`);
  }
  return { available };
}

/**
 * Runs a program to its end and returns what it printed; a non-zero exit rejects with its messages.
 * Never synchronously: a test worker blocked for a minute (LibreOffice on a busy machine) cannot
 * answer vitest's own calls, and the run fails with `Timeout calling "onTaskUpdate"`.
 */
export function runTool(command: string, args: string[], options: { timeoutMs?: number; cwd?: string } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { encoding: 'utf8', timeout: options.timeoutMs ?? 120_000, cwd: options.cwd, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
        else resolve(stdout);
      },
    );
  });
}
