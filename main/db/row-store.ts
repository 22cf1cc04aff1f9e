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
  listByCycle(cycleId: string): Row[];
  insert(row: Row): void;
  update(row: Row): void;
  remove(id: string): void;
}

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
  const listStatement = client.prepare(`${select} WHERE "cycle_id" = ? ORDER BY rowid`);
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
  const fromDriver = (raw: unknown): Row => {
    const row = raw as Row;
    for (const [key, col] of columns) {
      if (row[key] !== null) row[key] = col.mapFromDriverValue(row[key]);
    }
    return row;
  };

  return {
    tableName,
    get: (id) => {
      const raw = getStatement.get(id);
      return raw === undefined ? undefined : fromDriver(raw);
    },
    listByCycle: (cycleId) => listStatement.all(cycleId).map(fromDriver),
    insert: (row) => void insertStatement.run(toDriver(row)),
    update: (row) => void updateStatement.run(toDriver(row)),
    remove: (id) => void removeStatement.run(id),
  };
}

export interface LinkStore {
  replace(parentId: string, values: readonly string[]): void;
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
    valuesOf: (parentId) => select.all(parentId) as string[],
    byCycle(parentTable, cycleId) {
      const rows = client
        .prepare(`SELECT l.${parent} AS p, l.${value} AS v FROM ${t} l JOIN ${quote(parentTable)} x ON x."id" = l.${parent} WHERE x."cycle_id" = ? ORDER BY l.rowid`)
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
