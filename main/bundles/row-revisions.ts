import type Database from 'better-sqlite3';
import type { Row } from '../db/row-store';
import { rowOf, textOf } from '../db/row-values';

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

/**
 * Keeps revisions as they are sent or received. A stamp names one content: a received revision
 * never replaces a kept one, while this copy's own content of a revision it holds and sends is
 * the truth and replaces whatever a bundle claimed under that stamp.
 */
export function revisionKeeper(client: Database.Database, cycleId: string, source: 'sent' | 'received'): (tableName: string, row: Row, json: string) => void {
  const statement = client.prepare(
    'INSERT INTO bundle_row_revisions (table_name, row_id, hlc, cycle_id, content) VALUES (?, ?, ?, ?, ?) ON CONFLICT (table_name, row_id, hlc) ' +
      (source === 'sent' ? 'DO UPDATE SET content = excluded.content WHERE content != excluded.content' : 'DO NOTHING'),
  );
  // The row as a bundle carries it (its clock columns too): merging reads only its fields.
  return (tableName, row, json) => void statement.run(tableName, textOf(row, 'id'), textOf(row, 'hlc'), cycleId, json);
}
