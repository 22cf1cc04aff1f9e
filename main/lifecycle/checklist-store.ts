import { and, eq } from 'drizzle-orm';
import type { CyclePhase } from '../../shared/lifecycle/checklists';
import { phaseChecklistItems } from '../db/schema';
import { recordAudit } from '../services/audit';
import type { AppContext, WriteContext } from '../services/context';
import { changedRowMeta, newKeyedRowMeta } from '../services/record-meta';

export type ChecklistRow = typeof phaseChecklistItems.$inferSelect;

/** The cycle's checklist rows by `phase:key`. */
export function checklistRows(ctx: AppContext, cycleId: string): Map<string, ChecklistRow> {
  const rows = ctx.db.select().from(phaseChecklistItems).where(eq(phaseChecklistItems.cycleId, cycleId)).all();
  return new Map(rows.map((row) => [`${row.phase}:${row.itemKey}`, row]));
}

export interface StepState {
  doneOn: string | null;
  doneBy: string;
  note: string;
}

/** Ticks or unticks one step, updating its row in place; the caller holds the write transaction. */
export function writeStep(tx: WriteContext, cycleId: string, phase: CyclePhase, key: string, state: StepState): void {
  const row = tx.db
    .select()
    .from(phaseChecklistItems)
    .where(and(eq(phaseChecklistItems.cycleId, cycleId), eq(phaseChecklistItems.phase, phase), eq(phaseChecklistItems.itemKey, key)))
    .get();
  const after = { phase, itemKey: key, ...state };
  if (!row) {
    const { at, meta } = newKeyedRowMeta(tx, 'phase_checklist_items', cycleId, [phase, key]);
    tx.db
      .insert(phaseChecklistItems)
      .values({ ...meta, ...after })
      .run();
    recordAudit(tx, at, { action: 'create', tableName: 'phase_checklist_items', rowId: meta.id, cycleId, after });
    return;
  }
  const before = { phase: row.phase, itemKey: row.itemKey, doneOn: row.doneOn, doneBy: row.doneBy, note: row.note };
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  const { at, meta } = changedRowMeta(tx);
  tx.db
    .update(phaseChecklistItems)
    .set({ ...state, ...meta })
    .where(eq(phaseChecklistItems.id, row.id))
    .run();
  recordAudit(tx, at, { action: 'update', tableName: 'phase_checklist_items', rowId: row.id, cycleId, before, after });
}

/** Ticks a step the app itself witnessed (an approval, the last signature) unless someone already did. */
export function tickIfOpen(tx: WriteContext, cycleId: string, step: { phase: CyclePhase; key: string }, state: StepState): void {
  const row = checklistRows(tx, cycleId).get(`${step.phase}:${step.key}`);
  if (row?.doneOn) return;
  writeStep(tx, cycleId, step.phase, step.key, state);
}
