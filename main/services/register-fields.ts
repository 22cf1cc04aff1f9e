import type Database from 'better-sqlite3';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { RegisterDto } from '../../shared/api/registers';
import { cycleRowReader, linkStore, type CycleRowReader } from '../db/row-store';
import { registerLinks, registerTables, type RegisterName } from '../db/tables';
import type { AppContext } from './context';

const readers = new WeakMap<Database.Database, Map<string, CycleRowReader>>();

/**
 * Some fields of every row of a register in a cycle, in the order its list gives them: for the
 * analyses, which read 20,000 budget lines for a handful of their fields. Same query and same
 * values as the register's `list` (main/db/row-store.ts `cycleRowReader`), fewer of them made.
 * The caller has checked the cycle (the analyses read it first).
 */
export function listFields<R extends RegisterName, K extends keyof RegisterDto<R> & string>(
  ctx: AppContext,
  register: R,
  cycleId: string,
  fields: readonly K[],
): Pick<RegisterDto<R>, K>[] {
  const wanted = new Set<string>(fields);
  const client = ctx.db.$client;
  const links = (registerLinks[register] ?? []).filter((link) => wanted.has(link.field));
  // Link lists join their rows by id: read it when a link is asked for.
  const table = registerTables[register];
  const tableName = getTableName(table);
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => wanted.has(key) || (key === 'id' && links.length > 0));
  let perClient = readers.get(client);
  if (!perClient) readers.set(client, (perClient = new Map()));
  const signature = `${register}:${columns.map(([key]) => key).join(',')}`;
  let reader = perClient.get(signature);
  if (!reader) perClient.set(signature, (reader = cycleRowReader(client, tableName, columns)));
  const rows = reader(
    cycleId,
    links.map((link) => ({ field: link.field, byParent: linkStore(client, link).byCycle(tableName, cycleId) })),
  );
  // The reader's rows hold exactly these columns of the register's table, as its list gives them.
  return rows as Pick<RegisterDto<R>, K>[];
}
