import type Database from 'better-sqlite3';
import type { Row } from '../db/row-store';
import { rowOf, textOf } from '../db/row-values';
import type { ExchangeTable } from './exchange-tables';

/**
 * The content of row revisions that crossed an exchange (`bundle_row_revisions`): what field-by-field
 * merging reads as the content both sides last had in common (main/bundles/field-merge.ts).
 */

/** Looks up a kept revision of a row; null when this copy did not keep it. */
export function revisionReader(client: Database.Database): (tableName: string, rowId: string, hlc: string) => Row | null {
  const statement = client.prepare('SELECT content FROM bundle_row_revisions WHERE table_name = ? AND row_id = ? AND hlc = ?').pluck();
  return (tableName, rowId, hlc) => {
    const content = statement.get(tableName, rowId, hlc);
    return typeof content === 'string' ? rowOf(JSON.parse(content)) : null;
  };
}

/** Keeps revisions as they are sent or received. A stamp names one content: the first one kept stays. */
export function revisionKeeper(client: Database.Database, cycleId: string): (t: ExchangeTable, row: Row) => void {
  const statement = client.prepare('INSERT OR IGNORE INTO bundle_row_revisions (table_name, row_id, hlc, cycle_id, content) VALUES (?, ?, ?, ?, ?)');
  return (t, row) => {
    const content = JSON.stringify(Object.fromEntries(t.fieldKeys.map((key) => [key, row[key] ?? null])));
    statement.run(t.tableName, textOf(row, 'id'), textOf(row, 'hlc'), cycleId, content);
  };
}
