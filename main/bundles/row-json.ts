import type Database from 'better-sqlite3';
import { isUtf8 } from 'node:buffer';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { generated, type Row } from '../db/row-store';
import { expectNumber, listOf } from '../db/row-values';
import type { LinkTable } from '../db/tables';
import type { ExchangeTable } from './exchange-tables';

/**
 * A row as a bundle writes it: its columns, its link lists and the revision it was based on, in
 * that order. Written two ways from this one list of fields, so the two cannot drift apart: in
 * JavaScript from rows read as objects (a partner's part, chosen row by row), and by SQLite for a
 * register a full bundle carries whole, where 20,000 budget lines never become 20,000 objects.
 */
type BundleField = { key: string; column: SQLiteColumn } | { key: string; link: LinkTable } | { key: 'baseHlc' };

export function bundleFields(t: ExchangeTable): BundleField[] {
  return [...t.columns.map(([key, column]) => ({ key, column })), ...t.links.map((link) => ({ key: link.field, link })), { key: 'baseHlc' }];
}

/**
 * The row as JSON.stringify writes it, made by a function generated from the table's own keys
 * (never from input), so that every row is one object literal of one shape.
 */
export type RowShape = (row: Row, baseHlc: string | null) => object;
const rowShapes = new WeakMap<ExchangeTable, RowShape>();
export function rowShape(t: ExchangeTable): RowShape {
  let shape = rowShapes.get(t);
  if (!shape) {
    const fields = bundleFields(t).map(({ key }) => `${JSON.stringify(key)}: ${key === 'baseHlc' ? 'baseHlc' : `row[${JSON.stringify(key)}]`}`);
    shape = generated<RowShape>(['row', 'baseHlc'], `return { ${fields.join(', ')} };`);
    rowShapes.set(t, shape);
  }
  return shape;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * A column's value as SQLite writes it into JSON, the same text JSON.stringify writes for the value
 * the row readers give (row-store.ts `rowBuilder`): text and integers as stored (SQLite escapes
 * text exactly as JSON.stringify does, tests/bundles/row-json.test.ts), booleans stored as 0 or 1
 * as true or false. Null for a column SQLite would write otherwise: a REAL prints its digits its
 * own way (100 as 100.0, a third with 17 digits), so a table with one is written in JavaScript.
 */
function sqlValue(column: SQLiteColumn): string | null {
  const value = `t.${quote(column.name)}`;
  switch (column.columnType) {
    case 'SQLiteText':
    case 'SQLiteInteger':
      return value;
    case 'SQLiteBoolean':
      return `json(CASE WHEN ${value} IS NULL THEN 'null' WHEN ${value} = 1 THEN 'true' ELSE 'false' END)`;
    default:
      return null;
  }
}

/** A link list in the order its rows were written, as the link stores read it (`LinkStore.byCycle`); [] for none. */
const sqlLinks = (link: LinkTable) =>
  `json((SELECT json_group_array(l.${quote(link.valueColumn)} ORDER BY l.rowid) FROM ${quote(link.table)} AS l WHERE l.${quote(link.parentColumn)} = t."id"))`;

/** The JSON list of a register's rows in a cycle, in the order they were written, and how many. */
export type RowsJson = (cycleId: string) => { count: number; json: Uint8Array };

/**
 * The rows of a cycle's register as the bundle's JSON, made by SQLite in one statement: the JSON
 * of `rowShape` for every row, byte for byte. Null for a table with a column SQLite would write
 * otherwise (`sqlValue`).
 */
export function rowsJsonQuery(t: ExchangeTable): string | null {
  const values: string[] = [];
  for (const field of bundleFields(t)) {
    const value = 'column' in field ? sqlValue(field.column) : 'link' in field ? sqlLinks(field.link) : 'b."base_hlc"';
    if (value === null) return null;
    values.push(`${literal(field.key)}, ${value}`);
  }
  // The base as readBases finds it: the row's entry in bundle_row_bases for this cycle, if any.
  return (
    `SELECT count(*), CAST(json_group_array(json_object(${values.join(', ')}) ORDER BY t.rowid) AS BLOB) FROM ${quote(t.tableName)} AS t ` +
    `LEFT JOIN "bundle_row_bases" AS b ON b."table_name" = @tableName AND b."row_id" = t."id" AND b."cycle_id" = t."cycle_id" WHERE t."cycle_id" = @cycleId`
  );
}

/**
 * SQLite copies text into JSON byte for byte, but text stored as bad UTF-8 (a lone surrogate a
 * string brought in, written as its three bytes) reads into JavaScript with U+FFFD for each bad
 * sequence: decoding the JSON does the same, as every bad sequence lies within one string (the
 * JSON's own characters are ASCII, never part of a sequence).
 */
const asReadIntoJs = (json: Uint8Array) => Buffer.from(Buffer.from(json).toString('utf8'), 'utf8');

const readers = new WeakMap<Database.Database, Map<ExchangeTable, RowsJson | null>>();
export function rowsJsonReader(client: Database.Database, t: ExchangeTable): RowsJson | null {
  let perClient = readers.get(client);
  if (!perClient) readers.set(client, (perClient = new Map()));
  let reader = perClient.get(t);
  if (reader === undefined) {
    const query = rowsJsonQuery(t);
    const statement = query === null ? null : client.prepare(query).raw();
    reader =
      statement &&
      ((cycleId) => {
        const [count, json] = listOf(statement.get({ tableName: t.tableName, cycleId }));
        if (!(json instanceof Uint8Array)) throw new Error(`${t.tableName}: SQLite gave no JSON for the rows.`);
        return { count: expectNumber(count, 'count'), json: isUtf8(json) ? json : asReadIntoJs(json) };
      });
    perClient.set(t, reader);
  }
  return reader;
}
