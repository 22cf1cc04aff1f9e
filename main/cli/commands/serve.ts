import fs from 'node:fs';
import { openApp } from '../../app-context';
import { defaultDbPath } from '../../app-data';
import { backupsDirFor, listBackups, quarantineDatabase } from '../../db/backup';
import { closeDb, DatabaseDamagedError, sqliteVersion } from '../../db/open-db';
import { rendererBuildDir, resourcesDir } from '../../resource-paths';
import { createDispatcher } from '../../transport/dispatcher';
import { startWebShell } from '../../transport/http-server';
import { CliError } from '../cli-error';
import { parseFlags, requireDbFlag } from '../options';
import type { Command } from './command';
import { errorCode } from '../../db/row-values';

const out = (text: string) => process.stdout.write(text);

/**
 * The web shell opens the user's database as the desktop app does: a daily backup, and a damaged
 * file set aside (never written to) with the way back named.
 */
function openForServing(file: string) {
  try {
    return openApp({ file, resourcesDir, dailyBackup: true });
  } catch (error) {
    if (!(error instanceof DatabaseDamagedError)) throw error;
    const aside = quarantineDatabase(file, new Date());
    const [newest] = listBackups(backupsDirFor(file));
    const way = newest ? `Restore the newest backup with: pamoja restore --db ${file} ${newest.file}` : 'No backup of it exists yet.';
    throw new CliError(`${error.message} It was set aside as ${aside} and not changed. ${way}`);
  }
}

/** `pamoja serve`: the web shell. Its own module, because it loads every handler of the API. */
export const serveCommands = {
  serve: {
    async run(args) {
      const { values } = parseFlags(args, { db: { type: 'string' }, port: { type: 'string' } });
      const file = values.db === undefined ? defaultDbPath() : requireDbFlag(values.db);
      const port = values.port === undefined ? 5178 : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be a number from 0 to 65535, not ${values.port}.`);
      const ctx = openForServing(file);
      if (!fs.existsSync(rendererBuildDir)) out('The screens are not built yet: run `npm run build` first (npm run web does both).\n');
      let shell;
      try {
        shell = await startWebShell({ dispatch: createDispatcher(ctx), staticDir: rendererBuildDir, port });
      } catch (error) {
        closeDb(ctx.db);
        const code = errorCode(error);
        throw new CliError(code === 'EADDRINUSE' ? `port ${port} is in use; choose another with --port N.` : String(error));
      }
      out(`Pamoja JWP is running at ${shell.url} with ${file} (SQLite ${sqliteVersion(ctx.db)}). Press Ctrl+C to stop.\n`);
      // Ctrl+C may arrive twice (from the terminal and from `npm run web` passing it on): the
      // database is closed once, and never cut off half-way.
      let stopping = false;
      const stop = () => {
        if (stopping) return;
        stopping = true;
        void shell.close().then(() => {
          closeDb(ctx.db);
          process.exit(0);
        });
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      return new Promise<number>(() => undefined);
    },
  },
} satisfies Record<string, Command>;
