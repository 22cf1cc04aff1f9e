import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { statutoryDatesSetInput } from '../../../shared/api/schemas/analysis/calendar';
import type { analysisSettingsUpdateInput, AnalysisSettingsDto } from '../../../shared/api/schemas/analysis/indicator-status';
import { DEFAULT_THRESHOLDS } from '../../../shared/analysis/indicator-status';
import { DEFAULT_STATUTORY_DATES, isValidMonthDay, resolveStatutoryDates, type StatutoryDate } from '../../../shared/analysis/statutory-dates';
import { monthAbbreviation } from '../../../shared/dates';
import { invalidField } from '../../../shared/result';
import { analysisSettings, statutoryDates } from '../../db/schema';
import { recordAudit } from '../audit';
import { audited } from '../audited-write';
import type { AppContext, WriteContext } from '../context';
import { getCycle } from '../cycles';
import { changedRowMeta, newKeyedRowMeta, writeTombstone } from '../record-meta';

export function getAnalysisSettings(ctx: AppContext, cycleId: string): AnalysisSettingsDto {
  getCycle(ctx, cycleId);
  const row = ctx.db.select().from(analysisSettings).where(eq(analysisSettings.cycleId, cycleId)).get();
  return row ? { cycleId, onTrackPct: row.onTrackPct, atRiskPct: row.atRiskPct, isDefault: false } : { cycleId, ...DEFAULT_THRESHOLDS, isDefault: true };
}

export function updateAnalysisSettings(ctx: AppContext, input: z.output<typeof analysisSettingsUpdateInput>): AnalysisSettingsDto {
  const { cycleId, onTrackPct, atRiskPct } = input;
  if (atRiskPct >= onTrackPct) {
    throw invalidField('atRiskPct', `At-risk threshold: it must be below the on-track threshold (${onTrackPct} %), e.g. ${Math.max(0, onTrackPct - 30)} %.`);
  }
  return audited(ctx, { cycleId }, (tx) => {
    const before = getAnalysisSettings(tx, cycleId);
    const row = tx.db.select().from(analysisSettings).where(eq(analysisSettings.cycleId, cycleId)).get();
    if (row && row.onTrackPct === onTrackPct && row.atRiskPct === atRiskPct) return before;
    const after: AnalysisSettingsDto = { cycleId, onTrackPct, atRiskPct, isDefault: false };
    if (row) {
      const { at, meta } = changedRowMeta(tx);
      tx.db
        .update(analysisSettings)
        .set({ onTrackPct, atRiskPct, ...meta })
        .where(eq(analysisSettings.id, row.id))
        .run();
      recordAudit(tx, at, { action: 'update', tableName: 'analysis_settings', rowId: row.id, cycleId, before, after });
    } else {
      const { at, meta } = newKeyedRowMeta(tx, 'analysis_settings', cycleId, []);
      tx.db
        .insert(analysisSettings)
        .values({ ...meta, onTrackPct, atRiskPct })
        .run();
      recordAudit(tx, at, { action: 'create', tableName: 'analysis_settings', rowId: meta.id, cycleId, after });
    }
    return after;
  });
}

function storedStatutoryDates(ctx: AppContext, cycleId: string) {
  return ctx.db.select().from(statutoryDates).where(eq(statutoryDates.cycleId, cycleId)).orderBy(statutoryDates.sortOrder, statutoryDates.key).all();
}

/** The cycle's statutory dates: its own if it has edited them, else the PFM Act defaults. */
export function cycleStatutoryDates(ctx: AppContext, cycleId: string): { customised: boolean; dates: StatutoryDate[] } {
  const rows = storedStatutoryDates(ctx, cycleId);
  if (rows.length === 0) return { customised: false, dates: [...DEFAULT_STATUTORY_DATES] };
  return { customised: true, dates: rows.map(({ key, title, month, day, description }) => ({ key, title, month, day, description })) };
}

export function listStatutoryDates(ctx: AppContext, cycleId: string) {
  const cycle = getCycle(ctx, cycleId);
  const { customised, dates } = cycleStatutoryDates(ctx, cycleId);
  return { cycleId, customised, dates: resolveStatutoryDates(cycle.fiscalYear, dates) };
}

/**
 * Replaces the cycle's statutory dates with `dates`: rows whose key stays are updated in place
 * (so a bundle carries one change, not a delete and an insert), new keys are added, dropped keys
 * are deleted with a tombstone.
 */
export function setStatutoryDates(ctx: AppContext, input: z.output<typeof statutoryDatesSetInput>) {
  const { cycleId, dates } = input;
  const seen = new Set<string>();
  dates.forEach((d, index) => {
    if (!isValidMonthDay(d.month, d.day)) {
      throw invalidField(`dates.${index}.day`, `Day: ${monthAbbreviation(d.month)} has no day ${d.day}.`);
    }
    if (seen.has(d.key)) throw invalidField(`dates.${index}.key`, `Key: ${d.key} is used twice; each statutory date needs its own key.`);
    seen.add(d.key);
  });
  return audited(ctx, { cycleId }, (tx) => {
    getCycle(tx, cycleId);
    const existing = new Map(storedStatutoryDates(tx, cycleId).map((row) => [row.key, row]));
    dates.forEach((d, sortOrder) => {
      const fields = { title: d.title, month: d.month, day: d.day, description: d.description, sortOrder };
      const row = existing.get(d.key);
      existing.delete(d.key);
      if (!row) {
        const { at, meta } = newKeyedRowMeta(tx, 'statutory_dates', cycleId, [d.key]);
        tx.db
          .insert(statutoryDates)
          .values({ ...meta, key: d.key, ...fields })
          .run();
        recordAudit(tx, at, { action: 'create', tableName: 'statutory_dates', rowId: meta.id, cycleId, after: { key: d.key, ...fields } });
        return;
      }
      const before = { key: row.key, title: row.title, month: row.month, day: row.day, description: row.description, sortOrder: row.sortOrder };
      if (JSON.stringify(before) === JSON.stringify({ key: d.key, ...fields })) return;
      const { at, meta } = changedRowMeta(tx);
      tx.db
        .update(statutoryDates)
        .set({ ...fields, ...meta })
        .where(eq(statutoryDates.id, row.id))
        .run();
      recordAudit(tx, at, { action: 'update', tableName: 'statutory_dates', rowId: row.id, cycleId, before, after: { key: d.key, ...fields } });
    });
    for (const row of existing.values()) deleteStatutoryRow(tx, row);
    return listStatutoryDates(tx, cycleId);
  });
}

/** Back to the PFM Act defaults. */
export function resetStatutoryDates(ctx: AppContext, cycleId: string) {
  return audited(ctx, { cycleId }, (tx) => {
    getCycle(tx, cycleId);
    for (const row of storedStatutoryDates(tx, cycleId)) deleteStatutoryRow(tx, row);
    return listStatutoryDates(tx, cycleId);
  });
}

function deleteStatutoryRow(tx: WriteContext, row: typeof statutoryDates.$inferSelect): void {
  const at = writeTombstone(tx, 'statutory_dates', row.id, row.cycleId);
  tx.db
    .delete(statutoryDates)
    .where(and(eq(statutoryDates.id, row.id), eq(statutoryDates.cycleId, row.cycleId)))
    .run();
  const { hlc: _hlc, origin: _origin, ...before } = row;
  recordAudit(tx, at, { action: 'delete', tableName: 'statutory_dates', rowId: row.id, cycleId: row.cycleId, before });
}
