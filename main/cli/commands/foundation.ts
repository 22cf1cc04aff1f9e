import fs from 'node:fs';
import { organisationCategories } from '../../../shared/domain/vocabulary';
import { closeDb, openDb } from '../../db/open-db';
import { checkIntegrity } from '../../db/check';
import { openApp } from '../../app-context';
import { migrationsFolder, resourcesDir } from '../../resource-paths';
import { registerServices } from '../../services/index';
import { loadSampleCycle } from '../../services/sample';
import { cycleStats } from '../../services/stats';
import { asCliError, CliError } from '../cli-error';
import { chooseCycle, openExisting, parseFlags, requireDbFlag } from '../options';
import { alignedTable, tsv } from '../table';
import type { Command } from './command';

const out = (text: string) => process.stdout.write(text);

/** The foundation's commands: create, inspect and check a database. */
export const foundationCommands = {
  demo: {
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
} satisfies Record<string, Command>;
