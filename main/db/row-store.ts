import type Database from 'better-sqlite3';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { LinkTable } from './tables';

export type Row = Record<string, unknown>;

/**
 * Prepared-statement access to one table, keyed by the drizzle schema's property names. The SQL
 * text is built only from the schema, never from input; values are always bound parameters.
 */
export interface RowStore {
  tableName: string;
  get(id: string): Row | undefined;
  /** Every row of a cycle, without the clock columns (`hlc`, `origin`) that only sync reads. */
  listByCycle(cycleId: string): Row[];
  insert(row: Row): void;
  update(row: Row): void;
  remove(id: string): void;
  /** The id of another row of the cycle whose fields equal `match` (text compared without case). */
  findMatching(cycleId: string, match: Row, exceptId: string | null): string | undefined;
}

const SYNC_CLOCK_COLUMNS = new Set(['hlc', 'origin']);

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

const storeCache = new WeakMap<Database.Database, Map<SQLiteTable, RowStore>>();

export function rowStore(client: Database.Database, table: SQLiteTable): RowStore {
  let perClient = storeCache.get(client);
  if (!perClient) storeCache.set(client, (perClient = new Map()));
  const cached = perClient.get(table);
  if (cached) return cached;
  const store = buildRowStore(client, table);
  perClient.set(table, store);
  return store;
}

function buildRowStore(client: Database.Database, table: SQLiteTable): RowStore {
  const tableName = getTableName(table);
  const columns = Object.entries(getTableColumns(table)) as [string, SQLiteColumn][];
  const select = `SELECT ${columns.map(([key, col]) => `${quote(col.name)} AS ${quote(key)}`).join(', ')} FROM ${quote(tableName)}`;
  const getStatement = client.prepare(`${select} WHERE "id" = ?`);
  // Lists read arrays, not objects: better-sqlite3 builds rows twice as fast that way, and a list
  // screen reads every row of a register at once (20,000 budget lines in a large county plan).
  const listed = columns.filter(([key]) => !SYNC_CLOCK_COLUMNS.has(key));
  const listStatement = client
    .prepare(`SELECT ${listed.map(([, col]) => quote(col.name)).join(', ')} FROM ${quote(tableName)} WHERE "cycle_id" = ? ORDER BY rowid`)
    .raw();
  // One object literal per table, built from the schema's own keys (never from input): V8 gives every
  // listed row the same shape at once, which halves the cost of a 20,000-row list.
  const buildRow = new Function('v', `return { ${listed.map(([key], index) => `${JSON.stringify(key)}: v[${index}]`).join(', ')} };`) as (
    values: unknown[],
  ) => Row;
  // Only boolean columns differ between SQLite and the DTO; text, integers and reals pass through.
  const mapped = listed.flatMap(([key, col], index) => (col.columnType === 'SQLiteBoolean' ? [{ key, index, col }] : []));
  const insertStatement = client.prepare(
    `INSERT INTO ${quote(tableName)} (${columns.map(([, col]) => quote(col.name)).join(', ')}) VALUES (${columns.map(([key]) => `@${key}`).join(', ')})`,
  );
  const updateStatement = client.prepare(
    `UPDATE ${quote(tableName)} SET ${columns
      .filter(([key]) => key !== 'id')
      .map(([key, col]) => `${quote(col.name)} = @${key}`)
      .join(', ')} WHERE "id" = @id`,
  );
  const removeStatement = client.prepare(`DELETE FROM ${quote(tableName)} WHERE "id" = ?`);

  const toDriver = (row: Row): Row => {
    const bound: Row = {};
    for (const [key, col] of columns) {
      const value = row[key];
      bound[key] = value === undefined || value === null ? null : col.mapToDriverValue(value);
    }
    return bound;
  };
  const toDriverPartial = (row: Row): Row => {
    const bound: Row = {};
    for (const [key, value] of Object.entries(row)) {
      const col = columnByKey.get(key);
      bound[key] = value === undefined || value === null || !col ? null : col.mapToDriverValue(value);
    }
    return bound;
  };
  const fromDriver = (raw: unknown): Row => {
    const row = raw as Row;
    for (const [key, col] of columns) {
      if (row[key] !== null) row[key] = col.mapFromDriverValue(row[key]);
    }
    return row;
  };

  const matchStatements = new Map<string, Database.Statement>();
  const columnByKey = new Map(columns);
  const matchStatement = (keys: string[]) => {
    const signature = keys.join(',');
    let statement = matchStatements.get(signature);
    if (!statement) {
      const conditions = keys.map((key) => {
        const column = columnByKey.get(key);
        if (!column) throw new Error(`${tableName} has no column ${key}`);
        return column.dataType === 'string' ? `lower(${quote(column.name)}) = lower(@${key})` : `${quote(column.name)} = @${key}`;
      });
      statement = client
        .prepare(`SELECT "id" FROM ${quote(tableName)} WHERE "cycle_id" = @cycleId AND "id" IS NOT @exceptId AND ${conditions.join(' AND ')} LIMIT 1`)
        .pluck();
      matchStatements.set(signature, statement);
    }
    return statement;
  };

  return {
    tableName,
    findMatching: (cycleId, match, exceptId) =>
      matchStatement(Object.keys(match).sort()).get({ ...toDriverPartial(match), cycleId, exceptId }) as string | undefined,
    get: (id) => {
      const raw = getStatement.get(id);
      return raw === undefined ? undefined : fromDriver(raw);
    },
    listByCycle: (cycleId) =>
      (listStatement.all(cycleId) as unknown[][]).map((values) => {
        const row = buildRow(values);
        for (const { key, index, col } of mapped) if (values[index] !== null) row[key] = col.mapFromDriverValue(values[index]);
        return row;
      }),
    insert: (row) => void insertStatement.run(toDriver(row)),
    update: (row) => void updateStatement.run(toDriver(row)),
    remove: (id) => void removeStatement.run(id),
  };
}

export interface LinkStore {
  replace(parentId: string, values: readonly string[]): void;
  /** For a row just created, which has no links to clear yet. */
  add(parentId: string, values: readonly string[]): void;
  valuesOf(parentId: string): string[];
  /** Every parent's values for one cycle in one query, for list screens. */
  byCycle(parentTable: string, cycleId: string): Map<string, string[]>;
}

const linkCache = new WeakMap<Database.Database, Map<LinkTable, LinkStore>>();

export function linkStore(client: Database.Database, link: LinkTable): LinkStore {
  let perClient = linkCache.get(client);
  if (!perClient) linkCache.set(client, (perClient = new Map()));
  const cached = perClient.get(link);
  if (cached) return cached;
  const store = buildLinkStore(client, link);
  perClient.set(link, store);
  return store;
}

function buildLinkStore(client: Database.Database, link: LinkTable): LinkStore {
  const t = quote(link.table);
  const parent = quote(link.parentColumn);
  const value = quote(link.valueColumn);
  const clear = client.prepare(`DELETE FROM ${t} WHERE ${parent} = ?`);
  const add = client.prepare(`INSERT INTO ${t} (${parent}, ${value}) VALUES (?, ?)`);
  const select = client.prepare(`SELECT ${value} AS v FROM ${t} WHERE ${parent} = ? ORDER BY rowid`).pluck();
  return {
    replace(parentId, values) {
      clear.run(parentId);
      for (const v of new Set(values)) add.run(parentId, v);
    },
    add(parentId, values) {
      for (const v of new Set(values)) add.run(parentId, v);
    },
    valuesOf: (parentId) => select.all(parentId) as string[],
    byCycle(parentTable, cycleId) {
      const rows = client
        .prepare(
          `SELECT l.${parent} AS p, l.${value} AS v FROM ${t} l JOIN ${quote(parentTable)} x ON x."id" = l.${parent} WHERE x."cycle_id" = ? ORDER BY l.rowid`,
        )
        .all(cycleId) as { p: string; v: string }[];
      const grouped = new Map<string, string[]>();
      for (const { p, v } of rows) {
        const list = grouped.get(p);
        if (list) list.push(v);
        else grouped.set(p, [v]);
      }
      return grouped;
    },
  };
}
