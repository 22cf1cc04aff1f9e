import { eq } from 'drizzle-orm';
import type { Row } from '../db/row-store';
import { textListOf, textOf } from '../db/row-values';
import { cycles, cycleScopeUnits } from '../db/schema';
import { recordAudit } from '../services/audit';
import { markSource } from '../services/cycle-marks';
import { stamp, type WriteContext } from '../services/context';
import { cycleRowOf } from './plan-cycle';
import { rowToWrite, type ImportPlan } from './plan-types';
import type { SeenRevisions } from './seen-revisions';

const auditShape = (row: Row) => {
  const { hlc: _hlc, origin: _origin, ...rest } = cycleRowOf(row);
  return { ...rest, scopeUnitIds: row.scopeUnitIds };
};

/** The cycle's own row: created by a bundle that brings a new cycle, or updated by the Secretariat's. */
export function writeCycle(tx: WriteContext, plan: ImportPlan, at: string, seen: SeenRevisions): void {
  const item = plan.cycleItem;
  if (!item || item.refused || item.outcome === 'none') return;
  const cycleId = textOf(item.theirs, 'id');
  const setBase = () => seen.took('cycles', cycleId, textOf(item.theirs, 'hlc'));
  const fresh = () => ({ hlc: stamp(tx).hlc, origin: tx.installationId, updatedAt: at });
  if (item.outcome === 'write-theirs' || item.outcome === 'merge') {
    const source = rowToWrite(item);
    const row: Row = { ...source, ...(item.restamp ? fresh() : {}) };
    if (item.mine) tx.db.update(cycles).set(cycleRowOf(row)).where(eq(cycles.id, cycleId)).run();
    else {
      tx.db.insert(cycles).values(cycleRowOf(row)).run();
      markSource(tx, cycleId, 'bundle');
    }
    tx.db.delete(cycleScopeUnits).where(eq(cycleScopeUnits.cycleId, cycleId)).run();
    for (const unitId of new Set(textListOf(row, 'scopeUnitIds'))) tx.db.insert(cycleScopeUnits).values({ cycleId, unitId }).run();
    recordAudit(tx, at, {
      action: item.mine ? 'update' : 'create',
      tableName: 'cycles',
      rowId: cycleId,
      cycleId,
      before: item.mine && auditShape(item.mine),
      after: auditShape(row),
    });
    setBase();
    return;
  }
  const later = item.outcome === 'meta' && textOf(item.theirs, 'hlc') > (item.mine ? textOf(item.mine, 'hlc') : '');
  if (item.restamp || later) {
    const revision = item.restamp
      ? fresh()
      : { hlc: textOf(item.theirs, 'hlc'), origin: textOf(item.theirs, 'origin'), updatedAt: textOf(item.theirs, 'updatedAt') };
    tx.db.update(cycles).set(revision).where(eq(cycles.id, cycleId)).run();
  }
  setBase();
}
