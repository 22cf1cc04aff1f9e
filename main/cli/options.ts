import fs from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { openApp } from '../app-context';
import { DatabaseDamagedError } from '../db/open-db';
import { resourcesDir } from '../resource-paths';
import type { AppContext } from '../services/context';
import { listCycles } from '../services/cycles';
import { appInfo } from '../services/app-info';
import { registerServices } from '../services/index';
import type { CycleDto } from '../../shared/api/schemas/cycle';
import { CliError } from './cli-error';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseFlags<O extends Options>(args: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message.replace(/^TypeError \[[A-Z_]+\]: /, '') : String(error));
  }
}

export function requireDbFlag(value: string | boolean | undefined): string {
  if (typeof value !== 'string' || value === '') throw new CliError('say which database to use with --db FILE.');
  return value;
}

/** Opens an existing database; the commands that read never create one by mistake. */
export function openExisting(file: string): AppContext {
  if (!fs.existsSync(file)) throw new CliError(`there is no database at ${file}. Create one with \`pamoja demo --db ${file}\` or start the app.`);
  try {
    return openApp({ file, resourcesDir });
  } catch (error) {
    if (error instanceof DatabaseDamagedError)
      throw new CliError(`${error.message} Run \`pamoja check --db ${file}\`, and restore a backup with \`pamoja restore\`.`);
    throw error;
  }
}

/**
 * The cycle a command works on: the one named by --cycle, else the only one, else the one last
 * opened in the app, else the newest.
 */
export function chooseCycle(ctx: AppContext, cycleId: string | undefined): CycleDto {
  const cycles = listCycles(ctx);
  if (cycleId) {
    const named = cycles.find((cycle) => cycle.id === cycleId);
    if (!named) throw new CliError(`there is no cycle ${cycleId}. Cycles here: ${cycles.map((c) => `${c.id} (${c.title})`).join(', ') || 'none'}.`);
    return named;
  }
  const last = appInfo(ctx).lastCycleId;
  const chosen = cycles.find((cycle) => cycle.id === last) ?? [...cycles].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  if (!chosen) throw new CliError('this database has no JWP cycle yet. Create one in the app or run `pamoja demo`.');
  if (cycles.length > 1) process.stderr.write(`Using cycle "${chosen.title}" (${chosen.id}); choose another with --cycle ID.\n`);
  return chosen;
}

/** --partner and --org take an organisation's id, short name or name. */
export function findOrganisation(ctx: AppContext, cycleId: string, wanted: string): string {
  const orgs = registerServices.organisation.list(ctx, { cycleId });
  const lower = wanted.trim().toLowerCase();
  const found = orgs.find((o) => o.id === wanted) ?? orgs.find((o) => o.shortName.toLowerCase() === lower) ?? orgs.find((o) => o.name.toLowerCase() === lower);
  if (!found) throw new CliError(`there is no organisation "${wanted}" in this cycle; see \`pamoja orgs --db FILE\` for ids and short names.`);
  return found.id;
}
