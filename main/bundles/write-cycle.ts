import { eq } from 'drizzle-orm';
import type { Row } from '../db/row-store';
import { cycles, cycleScopeUnits } from '../db/schema';
import { recordAudit } from '../services/audit';
import { stamp, type WriteContext } from '../services/context';
import type { ImportPlan } from './plan-types';
import type { SeenRevisions } from './seen-revisions';

type CycleInsert = typeof cycles.$inferInsert;

function cycleColumns(row: Row): CycleInsert {
  return {
    id: row.id as string,
    title: row.title as string,
    countyId: row.countyId as string,
    leadOrgId: (row.leadOrgId as string | null) ?? null,
    fiscalYear: row.fiscalYear as string,
    startDate: row.startDate as string,
    endDate: row.endDate as string,
    reportingPeriod: row.reportingPeriod as CycleInsert['reportingPeriod'],
    phase: row.phase as CycleInsert['phase'],
    kesPerUsdScaled: row.kesPerUsdScaled as number,
    exchangeRateDate: row.exchangeRateDate as string,
    notes: row.notes as string,
    createdAt: row.createdAt as string,
    updatedAt: row.updatedAt as string,
    hlc: row.hlc as string,
    origin: row.origin as string,
  };
}

const auditShape = (row: Row) => {
  const { hlc: _hlc, origin: _origin, ...rest } = cycleColumns(row);
  return { ...rest, scopeUnitIds: row.scopeUnitIds };
};

/** The cycle's own row: created by a bundle that brings a new cycle, or updated by the Secretariat's. */
export function writeCycle(tx: WriteContext, plan: ImportPlan, at: string, seen: SeenRevisions): void {
  const item = plan.cycleItem;
  if (!item || item.refused || item.outcome === 'none') return;
  const cycleId = item.theirs.id as string;
  const setBase = () => seen.took('cycles', cycleId, item.theirs.hlc as string);
  const fresh = () => ({ hlc: stamp(tx).hlc, origin: tx.installationId, updatedAt: at });
  if (item.outcome === 'write-theirs' || item.outcome === 'merge') {
    const source = (item.outcome === 'merge' ? item.merged : item.theirs) as Row;
    const row: Row = { ...source, ...(item.restamp ? fresh() : {}) };
    if (item.mine) tx.db.update(cycles).set(cycleColumns(row)).where(eq(cycles.id, cycleId)).run();
    else tx.db.insert(cycles).values(cycleColumns(row)).run();
    tx.db.delete(cycleScopeUnits).where(eq(cycleScopeUnits.cycleId, cycleId)).run();
    for (const unitId of new Set(row.scopeUnitIds as string[])) tx.db.insert(cycleScopeUnits).values({ cycleId, unitId }).run();
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
  const later = item.outcome === 'meta' && (item.theirs.hlc as string) > ((item.mine?.hlc as string | undefined) ?? '');
  if (item.restamp || later) {
    const revision = item.restamp
      ? fresh()
      : { hlc: item.theirs.hlc as string, origin: item.theirs.origin as string, updatedAt: item.theirs.updatedAt as string };
    tx.db.update(cycles).set(revision).where(eq(cycles.id, cycleId)).run();
  }
  setBase();
}
