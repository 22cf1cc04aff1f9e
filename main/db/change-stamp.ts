import type { ReadDb } from './open-db';
import { expectNumber } from './row-values';

/**
 * A value that changes whenever the database may have changed: this connection's count of rows
 * written (every insert, update and delete, even one rolled back) and SQLite's data version, which
 * moves when another connection (the CLI on the same file) commits. Equal stamps mean nothing was
 * written in between, so what was read before still holds. Restoring a backup opens a new
 * connection; keep memos by connection (`db.$client`) so none carries over.
 */
export function changeStamp(db: ReadDb): string {
  const client = db.$client;
  const changes = expectNumber(client.prepare('SELECT total_changes()').pluck().get(), 'total_changes()');
  const version = expectNumber(client.pragma('data_version', { simple: true }), 'data_version');
  return `${changes}|${version}`;
}
