import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { isoDate } from '../../shared/dates';
import { tombstones } from '../db/schema';
import { stamp, type AppContext, type WriteContext } from './context';

/**
 * Sync columns for the Secretariat's cycle records — the analysis and lifecycle tables
 * (main/db/tables.ts `cycleRecordTables`, docs/sync-metadata.md). They are the county's, so the
 * owner is always null; a deletion leaves a tombstone like any register row, so it travels in
 * bundles.
 */
export function newRowMeta(tx: WriteContext, cycleId: string) {
  const { at, hlc } = stamp(tx);
  return { at, meta: { id: tx.newId(), cycleId, ownerOrgId: null, createdAt: at, updatedAt: at, hlc, origin: tx.installationId } };
}

/**
 * The id of a record that exists at most once per key in a cycle — the cycle's thresholds or
 * close-out notes, a checklist step, a statutory date, a decision on a pair or a proposal. It is
 * derived from the key (a version 8 UUID from SHA-256), so two copies that make "the same" record
 * apart make the same row, and a bundle merges them like any row instead of holding two.
 */
export function recordIdFor(tableName: string, cycleId: string, key: readonly string[]): string {
  const hex = createHash('sha256')
    .update(JSON.stringify([tableName, cycleId, ...key]))
    .digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Sync columns for a keyed record (`recordIdFor`); made again after a deletion, its tombstone goes. */
export function newKeyedRowMeta(tx: WriteContext, tableName: string, cycleId: string, key: readonly string[]) {
  const { at, hlc } = stamp(tx);
  const id = recordIdFor(tableName, cycleId, key);
  tx.db
    .delete(tombstones)
    .where(and(eq(tombstones.tableName, tableName), eq(tombstones.rowId, id)))
    .run();
  return { at, meta: { id, cycleId, ownerOrgId: null, createdAt: at, updatedAt: at, hlc, origin: tx.installationId } };
}

export function changedRowMeta(tx: WriteContext) {
  const { at, hlc } = stamp(tx);
  return { at, meta: { updatedAt: at, hlc, origin: tx.installationId } };
}

/** Call inside the deletion's transaction. */
export function writeTombstone(tx: WriteContext, tableName: string, rowId: string, cycleId: string): string {
  const { at, hlc } = stamp(tx);
  const tombstone = { deletedAt: at, hlc, origin: tx.installationId };
  tx.db
    .insert(tombstones)
    .values({ tableName, rowId, cycleId, ownerOrgId: null, ...tombstone })
    .onConflictDoUpdate({ target: [tombstones.tableName, tombstones.rowId], set: tombstone })
    .run();
  return at;
}

/**
 * Today's date where the app runs (a county office's clock, East Africa Time), from the injected
 * clock so tests can fix it; "due", "overdue" and "due soon" are all measured from it.
 */
export function todayOf(ctx: AppContext): string {
  const now = ctx.now();
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
