import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CloseOutReportDto, closeOutNotesInput } from '../../shared/api/schemas/lifecycle';
import { computeCloseOut } from '../../shared/lifecycle/close-out';
import { closeOutNotes } from '../db/schema';
import { recordAudit } from '../services/audit';
import { audited } from '../services/audited-write';
import type { AppContext } from '../services/context';
import { getCycle } from '../services/cycles';
import { registerServices as s } from '../services/index';
import { changedRowMeta, newKeyedRowMeta } from '../services/record-meta';

function notesOf(ctx: AppContext, cycleId: string) {
  const row = ctx.db.select().from(closeOutNotes).where(eq(closeOutNotes.cycleId, cycleId)).get();
  return { row, notes: { summary: row?.summary ?? '', recommendations: (row?.recommendations ?? '').split('\n').filter((line) => line.trim() !== '') } };
}

/** The close-out report's data, for the screen and for the Word M&E report's end-of-cycle variant. */
export function closeOutReport(ctx: AppContext, cycleId: string): CloseOutReportDto {
  const cycle = getCycle(ctx, cycleId);
  const input = { cycleId };
  return computeCloseOut({
    cycle,
    organisations: s.organisation.list(ctx, input),
    objectives: s.objective.list(ctx, input),
    activities: s.activity.list(ctx, input),
    indicators: s.indicator.list(ctx, input),
    indicatorPeriods: s.indicatorPeriod.list(ctx, input),
    contributions: s.contribution.list(ctx, input),
    disbursements: s.disbursement.list(ctx, input),
    risks: s.risk.list(ctx, input),
    learningEntries: s.learningEntry.list(ctx, input),
    adaptiveTriggers: s.adaptiveTrigger.list(ctx, input),
    notes: notesOf(ctx, cycleId).notes,
  });
}

/** What the close-out meeting concluded: a summary and the recommendations it agreed (one row per cycle). */
export function saveCloseOutNotes(ctx: AppContext, input: z.output<typeof closeOutNotesInput>): CloseOutReportDto {
  audited(ctx, { cycleId: input.cycleId }, (tx) => {
    getCycle(tx, input.cycleId);
    const { row } = notesOf(tx, input.cycleId);
    const after = { summary: input.summary, recommendations: input.recommendations.map((line) => line.replace(/\s*\n\s*/g, ' ')).join('\n') };
    if (!row) {
      const { at, meta } = newKeyedRowMeta(tx, 'close_out_notes', input.cycleId, []);
      tx.db
        .insert(closeOutNotes)
        .values({ ...meta, ...after })
        .run();
      recordAudit(tx, at, { action: 'create', tableName: 'close_out_notes', rowId: meta.id, cycleId: input.cycleId, after });
    } else if (row.summary !== after.summary || row.recommendations !== after.recommendations) {
      const { at, meta } = changedRowMeta(tx);
      tx.db
        .update(closeOutNotes)
        .set({ ...after, ...meta })
        .where(eq(closeOutNotes.id, row.id))
        .run();
      recordAudit(tx, at, {
        action: 'update',
        tableName: 'close_out_notes',
        rowId: row.id,
        cycleId: input.cycleId,
        before: { summary: row.summary, recommendations: row.recommendations },
        after,
      });
    }
  });
  return closeOutReport(ctx, input.cycleId);
}
