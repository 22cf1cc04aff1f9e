import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { markComplementaryInput, OverlapDecisionDto, OverlapReportDto } from '../../../shared/api/schemas/analysis/overlaps';
import { overlapActivityFields, overlapReportOf, pairOf, scoreOverlaps, type ScoredOverlaps } from '../../../shared/analysis/overlaps';
import { invalidField, notFound } from '../../../shared/result';
import { activities, overlapDecisions } from '../../db/schema';
import { recordAudit } from '../audit';
import { audited } from '../audited-write';
import type { AppContext } from '../context';
import { getCycle } from '../cycles';
import { listFields } from '../register-fields';
import { changedRowMeta, newKeyedRowMeta, writeTombstone } from '../record-meta';
import { namesOf } from './names';

type DecisionRow = typeof overlapDecisions.$inferSelect;

const toDto = (row: DecisionRow): OverlapDecisionDto => ({
  id: row.id,
  cycleId: row.cycleId,
  activityAId: row.activityAId,
  activityBId: row.activityBId,
  decision: row.decision,
  note: row.note,
  decidedBy: row.decidedBy,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

export function listOverlapDecisions(ctx: AppContext, cycleId: string): OverlapDecisionDto[] {
  return ctx.db.select().from(overlapDecisions).where(eq(overlapDecisions.cycleId, cycleId)).all().map(toDto);
}

/** Every flagged pair of the cycle's action plan, scored, and how many active activities were checked. */
export function scoredOverlapsOf(ctx: AppContext, cycleId: string): { scored: ScoredOverlaps; activitiesChecked: number } {
  const cycle = getCycle(ctx, cycleId);
  const activities = listFields(ctx, 'activity', cycleId, overlapActivityFields);
  const scored = scoreOverlaps(activities, namesOf(ctx, cycle));
  return { scored, activitiesChecked: activities.filter((a) => a.status !== 'cancelled').length };
}

/**
 * Likely duplicates in the cycle's action plan, the first `limit` of those still to look at (all
 * without one), with the pairs already marked complementary apart.
 */
export function overlapReport(ctx: AppContext, cycleId: string, limit?: number): OverlapReportDto {
  const { scored, activitiesChecked } = scoredOverlapsOf(ctx, cycleId);
  return overlapReportOf(cycleId, activitiesChecked, scored, listOverlapDecisions(ctx, cycleId), limit);
}

/** Records that two activities complement each other; marking the same pair again updates the note. */
export function markComplementary(ctx: AppContext, input: z.output<typeof markComplementaryInput>): OverlapDecisionDto {
  const { cycleId, note } = input;
  if (input.activityAId === input.activityBId) throw invalidField('activityBId', 'Activity: choose two different activities.');
  const [activityAId, activityBId] = pairOf(input.activityAId, input.activityBId);
  return audited(ctx, { cycleId }, (tx) => {
    getCycle(tx, cycleId);
    for (const [field, id] of [
      ['activityAId', input.activityAId],
      ['activityBId', input.activityBId],
    ] as const) {
      const found = tx.db
        .select({ id: activities.id })
        .from(activities)
        .where(and(eq(activities.id, id), eq(activities.cycleId, cycleId)))
        .get();
      if (!found) throw invalidField(field, 'Activity: choose an activity of this cycle.');
    }
    const existing = tx.db
      .select()
      .from(overlapDecisions)
      .where(and(eq(overlapDecisions.cycleId, cycleId), eq(overlapDecisions.activityAId, activityAId), eq(overlapDecisions.activityBId, activityBId)))
      .get();
    if (existing) {
      if (existing.note === note) return toDto(existing);
      const { at, meta } = changedRowMeta(tx);
      tx.db
        .update(overlapDecisions)
        .set({ note, decidedBy: tx.userName, ...meta })
        .where(eq(overlapDecisions.id, existing.id))
        .run();
      const after = toDto({ ...existing, note, decidedBy: tx.userName, ...meta });
      recordAudit(tx, at, { action: 'update', tableName: 'overlap_decisions', rowId: existing.id, cycleId, before: toDto(existing), after });
      return after;
    }
    const { at, meta } = newKeyedRowMeta(tx, 'overlap_decisions', cycleId, [activityAId, activityBId]);
    const row: DecisionRow = { ...meta, activityAId, activityBId, decision: 'complementary', note, decidedBy: tx.userName };
    tx.db.insert(overlapDecisions).values(row).run();
    const created = toDto(row);
    recordAudit(tx, at, { action: 'create', tableName: 'overlap_decisions', rowId: row.id, cycleId, after: created });
    return created;
  });
}

/** Takes a "complementary" mark back: the pair is flagged again if it still meets the rule. */
export function unmarkComplementary(ctx: AppContext, input: { id: string }): { id: string; deleted: true } {
  const row = ctx.db.select().from(overlapDecisions).where(eq(overlapDecisions.id, input.id)).get();
  if (!row) throw notFound('complementary mark', input.id);
  return audited(ctx, { cycleId: row.cycleId }, (tx) => {
    const at = writeTombstone(tx, 'overlap_decisions', row.id, row.cycleId);
    tx.db.delete(overlapDecisions).where(eq(overlapDecisions.id, row.id)).run();
    recordAudit(tx, at, { action: 'delete', tableName: 'overlap_decisions', rowId: row.id, cycleId: row.cycleId, before: toDto(row) });
    return { id: row.id, deleted: true as const };
  });
}
