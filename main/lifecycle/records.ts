import { isoDate } from '../../shared/dates';
import { tombstones } from '../db/schema';
import { stamp, type AppContext } from '../services/context';

/**
 * Sync columns for the lifecycle tables' rows (docs/sync-metadata.md). They are the Secretariat's,
 * so the owner is always null.
 */
export function newRowMeta(ctx: AppContext, cycleId: string) {
  const { at, hlc } = stamp(ctx);
  return { at, meta: { id: ctx.newId(), cycleId, ownerOrgId: null, createdAt: at, updatedAt: at, hlc, origin: ctx.installationId } };
}

export function changedRowMeta(ctx: AppContext) {
  const { at, hlc } = stamp(ctx);
  return { at, meta: { updatedAt: at, hlc, origin: ctx.installationId } };
}

/** Today's date where the app runs, from the injected clock (local time, as the county office reads it). */
export function todayOf(ctx: AppContext): string {
  const now = ctx.now();
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** A deleted row leaves a tombstone, so the deletion travels in bundles; call inside the transaction. */
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
