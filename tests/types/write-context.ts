/**
 * Checked by `npm run typecheck` (never run): writes outside a change do not compile. Each line
 * below must fail to compile; if one starts compiling, @ts-expect-error fails the type check.
 */
import { linkStore, rowStore } from '../../main/db/row-store';
import { cycles, objectives } from '../../main/db/schema';
import { registerLinks } from '../../main/db/tables';
import { recordAudit } from '../../main/services/audit';
import { stamp, type AppContext } from '../../main/services/context';
import { newRowMeta, writeTombstone } from '../../main/services/record-meta';

export function writesOutsideAChange(ctx: AppContext): void {
  // @ts-expect-error the app's context reads; only a WriteContext (inside `audited`) writes
  ctx.db.update(cycles).set({ title: 'Renamed' }).run();
  // @ts-expect-error nor can it open a transaction of its own that skips the clock and the audit
  ctx.db.transaction(() => undefined);
  // @ts-expect-error an audit entry needs the change it belongs to
  recordAudit(ctx, '2026-11-25T08:00:00.000Z', { action: 'update', tableName: 'cycles', rowId: 'x', cycleId: 'x' });
  // @ts-expect-error a clock reading is taken for a change, inside its transaction
  stamp(ctx);
  // @ts-expect-error so are a new record's sync columns
  newRowMeta(ctx, 'x');
  // @ts-expect-error and a deletion's tombstone
  writeTombstone(ctx, 'objectives', 'x', 'x');
  // @ts-expect-error the row store writes with a change's context only
  rowStore(ctx.db.$client, objectives).remove(ctx, 'x');
  const [wards] = registerLinks.activity ?? [];
  // @ts-expect-error and so does a link list
  if (wards) linkStore(ctx.db.$client, wards).add(ctx, 'x', []);
}

export function rowsAreTyped(ctx: AppContext): void {
  const objective = rowStore(ctx.db.$client, objectives).get('x');
  // A stored row has its table's columns, typed: no cast, no Record<string, unknown>.
  const code: string | undefined = objective?.code;
  // @ts-expect-error and no others
  void objective?.title;
  void code;
}
