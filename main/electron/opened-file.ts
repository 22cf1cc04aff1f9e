import path from 'node:path';

/**
 * Which bundle file the app was asked to open: Explorer (or Finder, or a file manager) starts the
 * app with the file as an argument, or — when the app is already open — passes the new start's
 * arguments to the first instance. Pure, so the rule is tested in plain Node.
 */
export const BUNDLE_EXTENSION = '.jwpb';

/**
 * The last argument naming a `.jwpb` file, resolved against `cwd` (the folder the new start was
 * made from); null when there is none. Switches (`--db=x.jwpb`, Chromium's own flags) and the
 * value given after `--db` are never taken for it.
 */
export function bundleFileFromArgv(argv: readonly string[], cwd: string, platformPath: path.PlatformPath = path): string | null {
  let found: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--db') {
      i++;
      continue;
    }
    if (arg.startsWith('-') || !arg.toLowerCase().endsWith(BUNDLE_EXTENSION)) continue;
    if (platformPath.basename(arg).length <= BUNDLE_EXTENSION.length) continue;
    found = platformPath.resolve(cwd, arg);
  }
  return found;
}
