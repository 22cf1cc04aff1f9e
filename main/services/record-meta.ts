import { isoDate } from '../../shared/dates';
import { tombstones } from '../db/schema';
import { stamp, type AppContext } from './context';

/**
 * Sync columns for the Secretariat's cycle records — the analysis and lifecycle tables
 * (main/db/tables.ts `cycleRecordTables`, docs/sync-metadata.md). They are the county's, so the
 * owner is always null; a deletion leaves a tombstone like any register row, so it travels in
 * bundles.
 */
export function newRowMeta(ctx: AppContext, cycleId: string) {
  const { at, hlc } = stamp(ctx);
  return { at, meta: { id: ctx.newId(), cycleId, ownerOrgId: null, createdAt: at, updatedAt: at, hlc, origin: ctx.installationId } };
}

export function changedRowMeta(ctx: AppContext) {
  const { at, hlc } = stamp(ctx);
  return { at, meta: { updatedAt: at, hlc, origin: ctx.installationId } };
}

/** Call inside the deletion's transaction. */
export function writeTombstone(ctx: AppContext, tableName: string, rowId: string, cycleId: string): string {
  const { at, hlc } = stamp(ctx);
  const tombstone = { deletedAt: at, hlc, origin: ctx.installationId };
  ctx.db
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
