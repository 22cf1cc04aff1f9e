import type Database from 'better-sqlite3';
import type { Row } from '../db/row-store';
import type { ExchangeTable } from './exchange-tables';

/**
 * Inserts a register row with positional parameters: a county plan arrives as tens of thousands
 * of new rows, and binding by position is a fifth quicker than by name. Column names come from the
 * drizzle schema (ExchangeTable), never from the bundle.
 */
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function insertRow(client: Database.Database, t: ExchangeTable, row: Row): void {
  let perClient = statements.get(client);
  if (!perClient) statements.set(client, (perClient = new Map()));
  let statement = perClient.get(t.tableName);
  if (!statement) {
    statement = client.prepare(
      `INSERT INTO ${quote(t.tableName)} (${t.columns.map(([, col]) => quote(col.name)).join(', ')}) VALUES (${t.columns.map(() => '?').join(', ')})`,
    );
    perClient.set(t.tableName, statement);
  }
  const values = new Array<unknown>(t.columns.length);
  for (let i = 0; i < t.columns.length; i++) {
    const [key, col] = t.columns[i] as ExchangeTable['columns'][number];
    const value = row[key];
    values[i] = value === undefined || value === null ? null : col.mapToDriverValue(value);
  }
  statement.run(values);
}
