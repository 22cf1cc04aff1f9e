import type Database from 'better-sqlite3';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { RegisterDto } from '../../shared/api/registers';
import { cycleRowReader, cycleRowStream, linkStore, type CycleRowReader, type CycleRowStream } from '../db/row-store';
import { registerLinks, registerTables, type RegisterName } from '../db/tables';
import type { AppContext } from './context';

/** Both roads for one set of fields of a register, made once per connection. */
interface FieldReaders {
  list: CycleRowReader;
  stream: CycleRowStream;
}

const readers = new WeakMap<Database.Database, Map<string, FieldReaders>>();

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
  return fieldRows<R, K>(ctx, register, cycleId, fields).list();
}

/**
 * The rows of `listFields`, made one at a time as the caller takes them (main/db/row-store.ts
 * `cycleRowStream`): for a caller that adds them up and keeps few. Iterate it once, to the end or
 * until you stop, before anything else reads the same fields of the register.
 */
export function streamFields<R extends RegisterName, K extends keyof RegisterDto<R> & string>(
  ctx: AppContext,
  register: R,
  cycleId: string,
  fields: readonly K[],
): Iterable<Pick<RegisterDto<R>, K>> {
  return fieldRows<R, K>(ctx, register, cycleId, fields).stream();
}

function fieldRows<R extends RegisterName, K extends keyof RegisterDto<R> & string>(ctx: AppContext, register: R, cycleId: string, fields: readonly K[]) {
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
  if (!reader) perClient.set(signature, (reader = { list: cycleRowReader(client, tableName, columns), stream: cycleRowStream(client, tableName, columns) }));
  const { list, stream } = reader;
  const linkValues = () => links.map((link) => ({ field: link.field, byParent: linkStore(client, link).byCycle(tableName, cycleId) }));
  // The readers' rows hold exactly these columns of the register's table, as its list gives them.
  return { list: () => list(cycleId, linkValues()), stream: () => stream(cycleId, linkValues()) } as {
    list: () => Pick<RegisterDto<R>, K>[];
    stream: () => Iterable<Pick<RegisterDto<R>, K>>;
  };
}
