import fs from 'node:fs';
import { organisationCategories } from '../../../shared/domain/vocabulary';
import { backupsDirFor, listBackups, quarantineDatabase } from '../../db/backup';
import { closeDb, DatabaseDamagedError, openDb, sqliteVersion } from '../../db/open-db';
import { checkIntegrity } from '../../db/check';
import { openApp } from '../../app-context';
import { defaultDbPath } from '../../app-data';
import { migrationsFolder, rendererBuildDir, resourcesDir } from '../../resource-paths';
import { registerServices } from '../../services/index';
import { loadSampleCycle } from '../../services/sample';
import { cycleStats } from '../../services/stats';
import { createDispatcher } from '../../transport/dispatcher';
import { startWebShell } from '../../transport/http-server';
import { asCliError, CliError } from '../cli-error';
import { chooseCycle, openExisting, parseFlags, requireDbFlag } from '../options';
import { alignedTable, tsv } from '../table';

import type { Command } from './command';

const out = (text: string) => process.stdout.write(text);

/** The foundation's commands: create, inspect, check and serve a database. */
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

export const foundationCommands: Record<string, Command> = {
  demo: {
    summary: 'demo --db FILE                      create FILE holding the Isiolo FY 2026/27 sample cycle',
    async run(args) {
      const { values } = parseFlags(args, { db: { type: 'string' } });
      const file = requireDbFlag(values.db);
      if (fs.existsSync(file)) throw new CliError(`${file} already exists; demo never overwrites a database. Choose a new file name.`);
      const ctx = openApp({ file, resourcesDir });
      try {
        ctx.userName = 'pamoja demo';
        const cycle = loadSampleCycle(ctx);
        out(`Created ${file} with the sample cycle "${cycle.title}" (${cycle.id}).\n`);
        return 0;
      } catch (error) {
        throw asCliError(error);
      } finally {
        closeDb(ctx.db);
      }
    },
  },

  stats: {
    summary: 'stats --db FILE [--json]            row counts of every register of every cycle',
    async run(args) {
      const { values } = parseFlags(args, { db: { type: 'string' }, json: { type: 'boolean' } });
      const ctx = openExisting(requireDbFlag(values.db));
      try {
        const cycles = cycleStats(ctx);
        if (values.json) {
          out(JSON.stringify({ cycles }, null, 2) + '\n');
        } else if (cycles.length === 0) {
          out('No cycles yet.\n');
        } else {
          for (const cycle of cycles) {
            out(`${cycle.title} (FY ${cycle.fiscalYear}, ${cycle.id})\n`);
            out(alignedTable(['register', 'rows'], Object.entries(cycle.counts)));
          }
        }
        return 0;
      } finally {
        closeDb(ctx.db);
      }
    },
  },

  orgs: {
    summary: "orgs --db FILE [--cycle ID] [--json]  the cycle's organisations",
    async run(args) {
      const { values } = parseFlags(args, { db: { type: 'string' }, cycle: { type: 'string' }, json: { type: 'boolean' } });
      const ctx = openExisting(requireDbFlag(values.db));
      try {
        const cycle = chooseCycle(ctx, values.cycle);
        const orgs = registerServices.organisation.list(ctx, { cycleId: cycle.id });
        if (values.json) {
          const rows = orgs.map((o) => ({
            id: o.id,
            shortName: o.shortName,
            name: o.name,
            category: o.category,
            categoryLabel: organisationCategories.label(o.category),
          }));
          out(JSON.stringify({ cycleId: cycle.id, organisations: rows }, null, 2) + '\n');
        } else {
          out(
            tsv(
              ['id', 'short name', 'name', 'category'],
              orgs.map((o) => [o.id, o.shortName, o.name, organisationCategories.label(o.category)]),
            ),
          );
        }
        return 0;
      } finally {
        closeDb(ctx.db);
      }
    },
  },

  check: {
    summary: 'check --db FILE                     SQLite integrity and foreign-key checks',
    async run(args) {
      const { values } = parseFlags(args, { db: { type: 'string' } });
      const file = requireDbFlag(values.db);
      if (!fs.existsSync(file)) throw new CliError(`there is no database at ${file}.`);
      let db;
      try {
        db = openDb({ file, migrationsFolder, readonly: true });
      } catch (error) {
        throw new CliError(`${file} cannot be opened as a database: ${error instanceof Error ? error.message : String(error)}`);
      }
      try {
        const report = checkIntegrity(db);
        if (report.ok) {
          out(`${file}: integrity ok, foreign keys ok.\n`);
          return 0;
        }
        out(`${file}: ${report.problems.length} problem(s) found:\n${report.problems.map((p) => `  ${p}`).join('\n')}\n`);
        return 1;
      } catch (error) {
        throw new CliError(`${file} is damaged and could not be checked: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        closeDb(db);
      }
    },
  },

  serve: {
    summary: "serve [--db FILE] [--port N]        the app in a browser (web shell on 127.0.0.1); default: the app's own database",
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
        const code = (error as { code?: string }).code;
        throw new CliError(code === 'EADDRINUSE' ? `port ${port} is in use; choose another with --port N.` : String(error));
      }
      out(`Pamoja JWP is running at ${shell.url} with ${file} (SQLite ${sqliteVersion(ctx.db)}). Press Ctrl+C to stop.\n`);
      const stop = () => {
        void shell.close().then(() => {
          closeDb(ctx.db);
          process.exit(0);
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return new Promise<number>(() => undefined);
    },
  },
};
