import type Database from 'better-sqlite3';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { WriteContext } from '../services/context';
import type { LinkTable } from './tables';

/** A row of any table by the schema's property names, where code serves every table alike (bundles). */
export type Row = Record<string, unknown>;

/** The columns every exchanged row carries (main/db/sync-columns.ts), as values. */
export interface SyncColumns {
  id: string;
  cycleId: string;
  ownerOrgId: string | null;
  createdAt: string;
  updatedAt: string;
  hlc: string;
  origin: string;
}

/** A stored row of the table, typed by its drizzle schema. */
export type StoredRow<T extends SQLiteTable> = T['$inferSelect'];
/** A listed row: the stored row without the clock columns that only sync reads. */
export type ListedRow<T extends SQLiteTable> = Omit<T['$inferSelect'], 'hlc' | 'origin'>;

/**
 * Prepared-statement access to one table, keyed by the drizzle schema's property names and typed
 * by it. The SQL text is built only from the schema, never from input; values are always bound
 * parameters. Writes take the write transaction's context: none can happen outside one.
 */
export interface RowStore<T extends SQLiteTable> {
  tableName: string;
  get(id: string): StoredRow<T> | undefined;
  /**
   * Every row of a cycle, without the clock columns (`hlc`, `origin`) that only sync reads. With
   * `links`, each row also carries those link lists (`LinkStore.byCycle`), an empty list for none.
   */
  listByCycle(cycleId: string, links?: readonly LinkValues[]): ListedRow<T>[];
  /** The rows of the cycle with these ids, as `listByCycle` gives them, in the order of the ids (a page). */
  listByIds(cycleId: string, ids: readonly string[], links?: readonly LinkValues[]): ListedRow<T>[];
  insert(tx: WriteContext, row: T['$inferInsert']): void;
  update(tx: WriteContext, row: T['$inferInsert']): void;
  remove(tx: WriteContext, id: string): void;
  /** The id of another row of the cycle whose fields equal `match` (text compared without case). */
  findMatching(cycleId: string, match: Row, exceptId: string | null): string | undefined;
}

const SYNC_CLOCK_COLUMNS = new Set(['hlc', 'origin']);

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const isText = (value: unknown): value is string => typeof value === 'string';

/** The statements of one table, built once per connection; rows in and out by property name. */
interface Statements {
  tableName: string;
  get(id: string): Row | undefined;
  listByCycle(cycleId: string, links?: readonly LinkValues[]): Row[];
  listByIds: RowsByIdReader;
  insert(row: object): void;
  update(row: object): void;
  remove(id: string): void;
  findMatching(cycleId: string, match: Row, exceptId: string | null): string | undefined;
}

const storeCache = new WeakMap<Database.Database, Map<SQLiteTable, Statements>>();

export function rowStore<T extends SQLiteTable>(client: Database.Database, table: T): RowStore<T> {
  let perClient = storeCache.get(client);
  if (!perClient) storeCache.set(client, (perClient = new Map()));
  let statements = perClient.get(table);
  if (!statements) perClient.set(table, (statements = buildStatements(client, table)));
  return new TableRows<T>(client, statements);
}

/** A class, not an object of closures: a bulk load asks for a store several times per row. */
class TableRows<T extends SQLiteTable> implements RowStore<T> {
  readonly tableName: string;
  constructor(
    private readonly client: Database.Database,
    private readonly statements: Statements,
  ) {
    this.tableName = statements.tableName;
  }

  get(id: string): StoredRow<T> | undefined {
    const row = this.statements.get(id);
    return row && stored<T>(row);
  }

  listByCycle(cycleId: string, links?: readonly LinkValues[]): ListedRow<T>[] {
    return this.statements.listByCycle(cycleId, links).map((row) => stored<T>(row));
  }

  listByIds(cycleId: string, ids: readonly string[], links?: readonly LinkValues[]): ListedRow<T>[] {
    return this.statements.listByIds(cycleId, ids, links).map((row) => stored<T>(row));
  }

  findMatching(cycleId: string, match: Row, exceptId: string | null): string | undefined {
    return this.statements.findMatching(cycleId, match, exceptId);
  }

  insert(tx: WriteContext, row: T['$inferInsert']): void {
    sameConnection(tx, this.client);
    this.statements.insert(row);
  }

  update(tx: WriteContext, row: T['$inferInsert']): void {
    sameConnection(tx, this.client);
    this.statements.update(row);
  }

  remove(tx: WriteContext, id: string): void {
    sameConnection(tx, this.client);
    this.statements.remove(id);
  }
}

// Rows are read by the table's own columns, so they have its shape: the one place that says so.
const stored = <T extends SQLiteTable>(row: Row) => row as StoredRow<T>;

/** A write through a store of one connection made with another's transaction would escape it. */
function sameConnection(tx: WriteContext, client: Database.Database): void {
  if (tx.db.$client !== client) throw new Error('A row store was written with the transaction of another connection.');
}

/** One link list for every parent row of a cycle (`LinkStore.byCycle`), under the parent's field. */
export interface LinkValues {
  field: string;
  byParent: ReadonlyMap<string, string[]>;
}

/** Reads every row of one cycle, with the link lists given (joined by the `id` column, which must then be read). */
export type CycleRowReader = (cycleId: string, links?: readonly LinkValues[]) => Row[];

/** Text, integers and reals reach the DTO as SQLite stores them; other columns go through drizzle's mapping. */
const STORED_AS_GIVEN = new Set(['SQLiteText', 'SQLiteInteger', 'SQLiteReal']);

/**
 * The fast road for lists, which read every row of a register at once (20,000 budget lines in a
 * large county plan). Rows come from SQLite as arrays (better-sqlite3 builds them twice as fast as
 * objects) and become objects through one literal made from the schema's own keys, never from
 * input: V8 then gives every row the same shape. The cycle id is the one asked for, so it is not
 * read 20,000 times; booleans are mapped in the literal; link lists join it under their field.
 */
export function cycleRowReader(client: Database.Database, tableName: string, columns: readonly [string, SQLiteColumn][]): CycleRowReader {
  const rows = rowBuilder(tableName, columns);
  const statement = client.prepare(cycleRowsQuery(tableName, rows.columnNames)).raw();
  return (cycleId, links = []) => rows.build(statement.all(cycleId), cycleId, links);
}

/** The rows of one cycle as `CycleRowReader` gives them, made one at a time as the caller takes them. */
export type CycleRowStream = (cycleId: string, links?: readonly LinkValues[]) => Iterable<Row>;

/**
 * The list's road for a caller that folds the rows into totals and keeps few of them (cost sharing
 * over 20,000 budget lines): each row is garbage as soon as it has been added up, where a list of
 * all of them lived through every collection until the last was read. Same query, same literal.
 */
export function cycleRowStream(client: Database.Database, tableName: string, columns: readonly [string, SQLiteColumn][]): CycleRowStream {
  const rows = rowBuilder(tableName, columns);
  const statement = client.prepare(cycleRowsQuery(tableName, rows.columnNames)).raw();
  return function* (cycleId, links = []) {
    const rowOf = rows.rowOf(links);
    for (const values of statement.iterate(cycleId)) if (Array.isArray(values)) yield rowOf(values, cycleId);
  };
}

const cycleRowsQuery = (tableName: string, columnNames: readonly string[]) =>
  `SELECT ${columnNames.join(', ')} FROM ${quote(tableName)} WHERE "cycle_id" = ? ORDER BY rowid`;

/** Reads the rows of one cycle with these ids, in the order of the ids given (a page of a list); ids not found are left out. */
export type RowsByIdReader = (cycleId: string, ids: readonly string[], links?: readonly LinkValues[]) => Row[];

/** The list's road for a page: the same columns and the same literal, for the rows named. */
export function rowsByIdReader(client: Database.Database, tableName: string, columns: readonly [string, SQLiteColumn][]): RowsByIdReader {
  const rows = rowBuilder(tableName, columns);
  // The ids go in as one JSON array: one statement for any page size, every id a bound value. CROSS
  // JOIN keeps SQLite reading the ids first, each row then found by its key, not the cycle scanned.
  const statement = client
    .prepare(
      `SELECT ${rows.columnNames.map((name) => `t.${name}`).join(', ')} FROM json_each(?) AS wanted CROSS JOIN ${quote(tableName)} AS t ON t."id" = wanted.value WHERE t."cycle_id" = ? ORDER BY wanted.key`,
    )
    .raw();
  return (cycleId, ids, links = []) => rows.build(statement.all(JSON.stringify(ids), cycleId), cycleId, links);
}

/** The select list and the one literal that turn a table's rows, read as arrays, into objects by property name. */
function rowBuilder(tableName: string, columns: readonly [string, SQLiteColumn][]) {
  const read = columns.filter(([key]) => key !== 'cycleId');
  const idIndex = read.findIndex(([key]) => key === 'id');
  const mappers = read.map(
    ([, col]) =>
      (value: unknown): unknown =>
        col.mapFromDriverValue(value),
  );
  const valueOf = ([key, col]: [string, SQLiteColumn]): string => {
    if (key === 'cycleId') return 'cycleId';
    const index = read.findIndex(([other]) => other === key);
    if (STORED_AS_GIVEN.has(col.columnType)) return `v[${index}]`;
    // drizzle's SQLiteBoolean.mapFromDriverValue, written inline: this is the hot loop.
    if (col.columnType === 'SQLiteBoolean') return `(v[${index}] === null ? null : Number(v[${index}]) === 1)`;
    return `(v[${index}] === null ? null : m[${index}](v[${index}]))`;
  };
  const builders = new Map<string, (v: unknown[], cycleId: string, m: typeof mappers, l: readonly LinkValues[]) => Row>();
  const builderFor = (links: readonly LinkValues[]) => {
    const signature = links.map((link) => link.field).join(',');
    let build = builders.get(signature);
    if (!build) {
      const fields = [
        ...columns.map((column) => `${JSON.stringify(column[0])}: ${valueOf(column)}`),
        ...links.map((link, index) => `${JSON.stringify(link.field)}: l[${index}].byParent.get(v[${idIndex}]) ?? []`),
      ];
      build = generated<NonNullable<typeof build>>(['v', 'cycleId', 'm', 'l'], `return { ${fields.join(', ')} };`);
      builders.set(signature, build);
    }
    return build;
  };
  return {
    /** The columns read, quoted, in the order the literal takes them. */
    columnNames: read.map(([, col]) => quote(col.name)),
    build(raw: unknown[], cycleId: string, links: readonly LinkValues[]): Row[] {
      const rowOf = this.rowOf(links);
      const rows: Row[] = [];
      for (const values of raw) if (Array.isArray(values)) rows.push(rowOf(values, cycleId));
      return rows;
    },
    /** The object of one row, from its values as read. */
    rowOf(links: readonly LinkValues[]): (values: unknown[], cycleId: string) => Row {
      if (links.length > 0 && idIndex < 0) throw new Error(`${tableName}: link lists join rows by their id, which was not read.`);
      const build = builderFor(links);
      return (values, cycleId) => build(values, cycleId, mappers, links);
    },
  };
}

/** A function made from text built out of the schema's own keys, never from input: the row loops' one literal. */
export function generated<F>(parameters: readonly string[], body: string): F {
  return new Function(...parameters, body) as F;
}

/**
 * The values to bind for a row, in the order of `columns`: missing and null as null, booleans as
 * 0 or 1, text, integers and reals as given, any other column through drizzle's mapping. Generated
 * from the schema's own keys (never from input), like the list reader's literal.
 */
function driverValues(columns: readonly [string, SQLiteColumn][]): (row: object) => unknown[] {
  const mappers = columns.map(
    ([, col]) =>
      (value: unknown): unknown =>
        col.mapToDriverValue(value),
  );
  const values = columns.map(([key, col], index) => {
    const value = `r[${JSON.stringify(key)}]`;
    if (STORED_AS_GIVEN.has(col.columnType)) return `${value} ?? null`;
    // drizzle's SQLiteBoolean.mapToDriverValue, written inline.
    if (col.columnType === 'SQLiteBoolean') return `(${value} == null ? null : ${value} ? 1 : 0)`;
    return `(${value} == null ? null : m[${index}](${value}))`;
  });
  const build = generated<(row: object, m: typeof mappers) => unknown[]>(['r', 'm'], `return [${values.join(', ')}];`);
  return (row) => build(row, mappers);
}

function buildStatements(client: Database.Database, table: SQLiteTable): Statements {
  const tableName = getTableName(table);
  const columns = Object.entries(getTableColumns(table));
  const select = `SELECT ${columns.map(([key, col]) => `${quote(col.name)} AS ${quote(key)}`).join(', ')} FROM ${quote(tableName)}`;
  const getStatement = client.prepare(`${select} WHERE "id" = ?`);
  const listed = columns.filter(([key]) => !SYNC_CLOCK_COLUMNS.has(key));
  const listCycle = cycleRowReader(client, tableName, listed);
  const listByIds = rowsByIdReader(client, tableName, listed);
  // Positional parameters, bound from one array a generated function fills: a bulk load writes 36,000 rows.
  const insertStatement = client.prepare(
    `INSERT INTO ${quote(tableName)} (${columns.map(([, col]) => quote(col.name)).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  const insertValues = driverValues(columns);
  const updated = [...columns.filter(([key]) => key !== 'id'), ...columns.filter(([key]) => key === 'id')];
  const updateStatement = client.prepare(
    `UPDATE ${quote(tableName)} SET ${updated
      .filter(([key]) => key !== 'id')
      .map(([, col]) => `${quote(col.name)} = ?`)
      .join(', ')} WHERE "id" = ?`,
  );
  const updateValues = driverValues(updated);
  const removeStatement = client.prepare(`DELETE FROM ${quote(tableName)} WHERE "id" = ?`);

  const toDriverPartial = (row: Row): Row => {
    const bound: Row = {};
    for (const [key, value] of Object.entries(row)) {
      const col = columnByKey.get(key);
      bound[key] = value === undefined || value === null || !col ? null : col.mapToDriverValue(value);
    }
    return bound;
  };
  const fromDriver = (raw: object): Row => {
    const row: Row = { ...raw };
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
    findMatching: (cycleId, match, exceptId) => {
      const id: unknown = matchStatement(Object.keys(match).sort()).get({ ...toDriverPartial(match), cycleId, exceptId });
      return typeof id === 'string' ? id : undefined;
    },
    get: (id) => {
      const raw = getStatement.get(id);
      return typeof raw === 'object' && raw !== null ? fromDriver(raw) : undefined;
    },
    listByCycle: listCycle,
    listByIds,
    insert: (row) => void insertStatement.run(insertValues(row)),
    update: (row) => void updateStatement.run(updateValues(row)),
    remove: (id) => void removeStatement.run(id),
  };
}

export interface LinkStore {
  replace(tx: WriteContext, parentId: string, values: readonly string[]): void;
  /** For a row just created, which has no links to clear yet. */
  add(tx: WriteContext, parentId: string, values: readonly string[]): void;
  valuesOf(parentId: string): string[];
  /** Every parent's values for one cycle in one query, for list screens. */
  byCycle(parentTable: string, cycleId: string): Map<string, string[]>;
  /** The values of these parents only, in one query (a page of a list). */
  byParents(parentIds: readonly string[]): Map<string, string[]>;
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
  const ofParents = client.prepare(`SELECT ${parent}, ${value} FROM ${t} WHERE ${parent} IN (SELECT value FROM json_each(?)) ORDER BY rowid`).raw();
  return {
    replace(tx, parentId, values) {
      sameConnection(tx, client);
      clear.run(parentId);
      for (const v of new Set(values)) add.run(parentId, v);
    },
    add(tx, parentId, values) {
      sameConnection(tx, client);
      for (const v of new Set(values)) add.run(parentId, v);
    },
    valuesOf: (parentId) => select.all(parentId).filter(isText),
    byCycle(parentTable, cycleId) {
      const rows = client
        .prepare(`SELECT l.${parent}, l.${value} FROM ${t} l JOIN ${quote(parentTable)} x ON x."id" = l.${parent} WHERE x."cycle_id" = ? ORDER BY l.rowid`)
        .raw()
        .all(cycleId);
      return groupedByParent(rows);
    },
    byParents: (parentIds) => groupedByParent(ofParents.all(JSON.stringify(parentIds))),
  };
}

/** Link rows read as [parent, value] arrays, grouped by parent in the order read. */
function groupedByParent(rows: readonly unknown[]): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const row of rows) {
    if (!Array.isArray(row)) continue;
    const [p, v]: unknown[] = row;
    if (!isText(p) || !isText(v)) continue;
    const list = grouped.get(p);
    if (list) list.push(v);
    else grouped.set(p, [v]);
  }
  return grouped;
}
