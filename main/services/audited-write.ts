import { assertCycleWritable } from '../lifecycle/read-only';
import { inWriteTransaction, type AppContext, type WriteContext } from './context';

/**
 * One audited write: everything one action of a person changes (a save, a delete, a bulk load, an
 * import, a roll-over, a signature), in the spirit of Actual Budget's `mutator(undoable(fn))`.
 *
 * - one transaction, whose clock readings are stored with it (`inWriteTransaction`);
 * - the cycle's read-only check first, when the change writes into a cycle (a rolled-over cycle
 *   is the record of a closed year);
 * - a WriteContext for the work: only it can insert, update, stamp a clock reading or write an
 *   audit entry, so none of these can happen outside a change;
 * - one change number: every audit entry written in it (`recordAudit`) carries the id of its
 *   first entry (`audit_log.change_id`), nested changes (a register's save inside an import) join
 *   the outer one.
 *
 * Undo builds on the last point: the entries of a change hold each row's image before and after,
 * so taking a change back is replaying its entries in reverse — delete what it created, write back
 * the `before` of what it updated, recreate what it deleted (a deleted record's children were
 * deleted in their own entries of the same change, or refused while they existed) — after checking
 * that each row still equals its `after` image, or saying which later change stands in the way.
 */
export function audited<T>(ctx: AppContext, scope: { cycleId: string | null }, work: (tx: WriteContext) => T): T {
  return inWriteTransaction(ctx, (tx) => {
    if (scope.cycleId !== null) assertCycleWritable(tx, scope.cycleId);
    return work(tx);
  });
}
