import path from 'node:path';

export type DbArg = { ok: true; file: string | undefined } | { ok: false; message: string };

/**
 * Reads `--db FILE` or `--db=FILE` from the command line (undefined when absent, so the caller uses
 * the default database). A relative path is taken from `cwd`, the folder the user started the app in.
 */
export function parseDbArg(argv: readonly string[], cwd: string): DbArg {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = arg === '--db' ? argv[i + 1] : arg.startsWith('--db=') ? arg.slice('--db='.length) : null;
    if (value === null) continue;
    if (value === undefined || value === '' || value.startsWith('--')) {
      return { ok: false, message: 'Give the database file after --db, for example: --db isiolo-jwp.db' };
    }
    return { ok: true, file: path.resolve(cwd, value) };
  }
  return { ok: true, file: undefined };
}
