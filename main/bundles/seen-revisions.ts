import type Database from 'better-sqlite3';
import { baseKey } from './cycle-rows';
import type { LocalState } from './plan-types';

/**
 * The exchange state an import leaves behind (docs/bundle-format.md, "Merging"): the revision each
 * row took from a bundle (its base) and the revisions the sender has shown us. A base names the
 * peer that brought it and stands for that peer's own entry, so a row taken from a bundle costs one
 * bookkeeping write, not two.
 */
export interface SeenRevisions {
  /** This copy took or settled on the sender's revision of the row: it is the new base. */
  took(tableName: string, rowId: string, hlc: string): void;
  /** The sender showed this revision and it changed nothing here. */
  shown(tableName: string, rowId: string, hlc: string): void;
  /** Writes what was noted, all at once: an import calls it at the end of its transaction. */
  write(): void;
}

/** Rows bound a batch at a time: one statement of many rows, not one statement a row. */
const BATCH = 100;
const upsert = (head: string, columns: number, rows: number, tail: string) =>
  `${head} VALUES ${Array.from({ length: rows }, () => `(${Array.from({ length: columns }, () => '?').join(', ')})`).join(', ')} ${tail}`;

/**
 * Runs one upsert for every row, in key order (`key`), a batch at a time. The sort is stable, so
 * the writes of one key keep the order they were noted in: the result is that of writing each
 * as it came. In key order the rows go into the primary key's B-tree together, not scattered over
 * it: a county plan is 36,000 of them, with random ids.
 */
function writeSorted(client: Database.Database, rows: string[][], key: number, columns: number, head: string, tail: string): void {
  if (rows.length === 0) return;
  rows.sort((a, b) => {
    for (let i = 0; i < key; i++) {
      const x = a[i] ?? '';
      const y = b[i] ?? '';
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
  const full = Math.floor(rows.length / BATCH);
  if (full > 0) {
    const many = client.prepare(upsert(head, columns, BATCH, tail));
    const values: string[] = [];
    for (let b = 0; b < full; b++) {
      values.length = 0;
      for (const row of rows.slice(b * BATCH, (b + 1) * BATCH)) values.push(...row);
      many.run(values);
    }
  }
  const one = client.prepare(upsert(head, columns, 1, tail));
  for (let r = full * BATCH; r < rows.length; r++) one.run(rows[r]);
}

/**
 * Notes what an import took and was shown; `write()` writes the notes all at once, in key order
 * (within the import's transaction, where nothing reads these tables before it is done).
 */
export function seenRevisions(client: Database.Database, local: LocalState, cycleId: string, peerId: string): SeenRevisions {
  // Noted as [table, row, cycle, stamp, peer] and [peer, table, row, cycle, stamp], in the columns' order.
  const bases: string[][] = [];
  const peerRows: string[][] = [];
  const write = (): void => {
    writeSorted(
      client,
      bases.splice(0),
      2,
      5,
      'INSERT INTO bundle_row_bases (table_name, row_id, cycle_id, base_hlc, base_peer_id)',
      'ON CONFLICT (table_name, row_id) DO UPDATE SET base_hlc = excluded.base_hlc, base_peer_id = excluded.base_peer_id',
    );
    writeSorted(
      client,
      peerRows.splice(0),
      3,
      5,
      'INSERT INTO bundle_peer_rows (peer_id, table_name, row_id, cycle_id, hlc)',
      'ON CONFLICT (peer_id, table_name, row_id) DO UPDATE SET hlc = excluded.hlc WHERE excluded.hlc > bundle_peer_rows.hlc',
    );
  };
  return {
    took(tableName, rowId, hlc) {
      const previous = local.bases.get(baseKey(tableName, rowId));
      // The old base stood for what its peer had shown us; that peer keeps it as its own entry.
      if (previous?.peerId && previous.peerId !== peerId) peerRows.push([previous.peerId, tableName, rowId, cycleId, previous.hlc]);
      bases.push([tableName, rowId, cycleId, hlc, peerId]);
    },
    shown(tableName, rowId, hlc) {
      peerRows.push([peerId, tableName, rowId, cycleId, hlc]);
    },
    write,
  };
}
