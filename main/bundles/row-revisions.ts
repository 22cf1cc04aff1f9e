import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { inflateRawSync } from 'node:zlib';
import type { Row } from '../db/row-store';
import { expectNumber, expectText, listOf, rowOf } from '../db/row-values';
import { packData } from './zip';

/**
 * The content of row revisions that crossed an exchange: what field-by-field merging reads as the
 * content both sides last had in common (main/bundles/field-merge.ts). Kept as packed snapshots,
 * one per table per exchange (`bundle_revision_snapshots`); revisions kept one row each before
 * migration 0015 (`bundle_row_revisions`) are still read.
 *
 * A stamp names one content. Which content counts when two were kept under one stamp is the same
 * as when every revision was a row: this copy's own content of a revision it sent is the truth
 * (the latest sent first), then the rows kept before 0015, then what bundles showed, the first
 * kept first (a received revision never replaced a kept one).
 */

type Source = 'sent' | 'received';
const revisionKey = (rowId: string, hlc: string) => `${rowId}\u0000${hlc}`;
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Looks up a kept revision of a row; null when this copy did not keep it. */
export function revisionReader(client: Database.Database, cycleId: string): (tableName: string, rowId: string, hlc: string) => Row | null {
  const legacy = client.prepare('SELECT content FROM bundle_row_revisions WHERE table_name = ? AND row_id = ? AND hlc = ?').pluck();
  const list = client.prepare('SELECT id, source FROM bundle_revision_snapshots WHERE cycle_id = ? AND table_name = ? ORDER BY id').raw();
  const content = client.prepare('SELECT content FROM bundle_revision_snapshots WHERE id = ?').pluck();
  // Snapshots are unpacked on first need (only rows both sides changed ask) and kept while this plan is made.
  const opened = new Map<number, Map<string, Row>>();
  const open = (id: number): Map<string, Row> => {
    let rows = opened.get(id);
    if (!rows) {
      const packed = content.get(id);
      if (!(packed instanceof Uint8Array)) throw new Error(`Revision snapshot ${id} has no content.`);
      const parsed: unknown = JSON.parse(inflateRawSync(packed).toString('utf8'));
      rows = new Map();
      for (const item of listOf(parsed)) {
        const row = rowOf(item);
        rows.set(revisionKey(expectText(row.id, 'id'), expectText(row.hlc, 'hlc')), row);
      }
      opened.set(id, rows);
    }
    return rows;
  };
  const snapshotsOf = new Map<string, { sent: number[]; received: number[] }>();
  const snapshots = (tableName: string) => {
    let found = snapshotsOf.get(tableName);
    if (!found) {
      found = { sent: [], received: [] };
      for (const raw of list.all(cycleId, tableName)) {
        const [id, source] = listOf(raw);
        found[source === 'sent' ? 'sent' : 'received'].push(expectNumber(id, 'id'));
      }
      found.sent.reverse();
      snapshotsOf.set(tableName, found);
    }
    return found;
  };
  return (tableName, rowId, hlc) => {
    const key = revisionKey(rowId, hlc);
    const { sent, received } = snapshots(tableName);
    for (const id of sent) {
      const row = open(id).get(key);
      if (row) return row;
    }
    const kept = legacy.get(tableName, rowId, hlc);
    if (typeof kept === 'string') return rowOf(JSON.parse(kept));
    for (const id of received) {
      const row = open(id).get(key);
      if (row) return row;
    }
    return null;
  };
}

/**
 * Keeps the rows of one table a bundle sends, as the bundle carries them (`packed`: the entry as
 * written into the bundle). The same rows sent again (a bundle made twice with nothing changed)
 * pack to the same bytes, and are kept once.
 */
export function keepSentRows(client: Database.Database, snapshot: { cycleId: string; tableName: string; at: string; packed: Uint8Array }): void {
  const digest = sha256(snapshot.packed);
  const known = client
    .prepare("SELECT 1 FROM bundle_revision_snapshots WHERE cycle_id = ? AND table_name = ? AND source = 'sent' AND sha256 = ?")
    .get(snapshot.cycleId, snapshot.tableName, digest);
  if (known) return;
  insertSnapshot(client, snapshot.cycleId, snapshot.tableName, 'sent', digest, snapshot.at, snapshot.packed);
}

/** Keeps the rows of one table an import kept (`list`: their JSON list, `receivedRowsList`). */
export function keepReceivedRows(client: Database.Database, snapshot: { cycleId: string; tableName: string; at: string; list: Uint8Array }): void {
  const packed = packData(snapshot.list);
  insertSnapshot(client, snapshot.cycleId, snapshot.tableName, 'received', sha256(packed), snapshot.at, packed);
}

/**
 * The rows of one table an import keeps, as the JSON list `[row,row,…]` in UTF-8, encoded as each
 * row is written. A county plan's 36,000 row texts, held to the end to be joined, outlived the
 * young generation and were copied by every garbage collection on the way (and the joined string
 * flattened before encoding); bytes written as they come are copied once, outside the heap.
 */
export function receivedRowsList() {
  let bytes = Buffer.allocUnsafe(64 * 1024);
  let length = 0;
  let rows = 0;
  const room = (needed: number) => {
    if (length + needed <= bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(bytes.length * 2, length + needed));
    bytes.copy(grown, 0, 0, length);
    bytes = grown;
  };
  const write = (text: string) => {
    // A UTF-16 code unit is at most three bytes of UTF-8.
    room(text.length * 3);
    length += bytes.write(text, length, 'utf8');
  };
  return {
    /** Adds one row, its JSON text given in a few pieces (each is a call into the encoder). */
    add(...pieces: string[]): void {
      room(1);
      bytes[length++] = rows++ === 0 ? 0x5b : 0x2c; // '[' before the first row, ',' between
      for (const piece of pieces) write(piece);
    },
    /** The finished list; null when no row was added. */
    finish(): Uint8Array | null {
      if (rows === 0) return null;
      room(1);
      bytes[length++] = 0x5d; // ']'
      return bytes.subarray(0, length);
    },
  };
}

export type ReceivedRowsList = ReturnType<typeof receivedRowsList>;

function insertSnapshot(client: Database.Database, cycleId: string, tableName: string, source: Source, digest: string, at: string, packed: Uint8Array): void {
  client
    .prepare('INSERT INTO bundle_revision_snapshots (cycle_id, table_name, source, sha256, created_at, content) VALUES (?, ?, ?, ?, ?, ?)')
    .run(cycleId, tableName, source, digest, at, packed);
}
