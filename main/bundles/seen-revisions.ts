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
}

export function seenRevisions(client: Database.Database, local: LocalState, cycleId: string, peerId: string): SeenRevisions {
  const setBase = client.prepare(
    'INSERT INTO bundle_row_bases (table_name, row_id, cycle_id, base_hlc, base_peer_id) VALUES (?, ?, ?, ?, ?) ' +
      'ON CONFLICT (table_name, row_id) DO UPDATE SET base_hlc = excluded.base_hlc, base_peer_id = excluded.base_peer_id',
  );
  const peerRow = client.prepare(
    'INSERT INTO bundle_peer_rows (peer_id, table_name, row_id, cycle_id, hlc) VALUES (?, ?, ?, ?, ?) ' +
      'ON CONFLICT (peer_id, table_name, row_id) DO UPDATE SET hlc = excluded.hlc WHERE excluded.hlc > bundle_peer_rows.hlc',
  );
  return {
    took(tableName, rowId, hlc) {
      const previous = local.bases.get(baseKey(tableName, rowId));
      // The old base stood for what its peer had shown us; that peer keeps it as its own entry.
      if (previous?.peerId && previous.peerId !== peerId) peerRow.run(previous.peerId, tableName, rowId, cycleId, previous.hlc);
      setBase.run(tableName, rowId, cycleId, hlc, peerId);
    },
    shown(tableName, rowId, hlc) {
      peerRow.run(peerId, tableName, rowId, cycleId, hlc);
    },
  };
}
