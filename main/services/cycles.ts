import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { formatDisplayDate } from '../../shared/dates';
import { fiscalYearOf, fiscalYearRange } from '../../shared/fiscal-year';
import {
  cycleArchiveInput,
  cycleCreateInput,
  cycleDeleteInput,
  type cycleDeletedDto,
  cycleUpdateInput,
  type CycleDto,
  type CycleSource,
} from '../../shared/api/schemas/cycle';
import { invalidField, notFound } from '../../shared/result';
import { cycleScopeUnits, cycles, installation } from '../db/schema';
import { getAdminUnit, listAdminUnits } from './admin-units';
import { recordAudit } from './audit';
import { backUpBefore } from './backups';
import { markSource, marksOf, setArchivedAt } from './cycle-marks';
import { audited } from './audited-write';
import { stamp, type AppContext, type WriteContext } from './context';
import { pointLookup } from './row-lookup';
import { rulesFor } from './rules';
import { validate } from './validate';

type CycleFields = z.output<typeof cycleCreateInput> & { leadOrgId: string | null };

function toDto(ctx: AppContext, row: typeof cycles.$inferSelect): CycleDto {
  const scope = ctx.db.select({ unitId: cycleScopeUnits.unitId }).from(cycleScopeUnits).where(eq(cycleScopeUnits.cycleId, row.id)).all();
  const { hlc: _hlc, origin: _origin, ...fields } = row;
  return { ...fields, countyName: getAdminUnit(ctx, row.countyId).name, scopeUnitIds: scope.map((s) => s.unitId), ...marksOf(ctx, row.id) };
}

export function getCycle(ctx: AppContext, id: string): CycleDto {
  const row = ctx.db.select().from(cycles).where(eq(cycles.id, id)).get();
  if (!row) throw notFound('JWP cycle', id);
  return toDto(ctx, row);
}

export function listCycles(ctx: AppContext): CycleDto[] {
  return ctx.db
    .select()
    .from(cycles)
    .orderBy(cycles.startDate, cycles.title)
    .all()
    .map((row) => toDto(ctx, row));
}

/** The dates must be those of the fiscal year named, so quarters and the budget calendar line up. */
function checkCycle(ctx: AppContext, fields: CycleFields, id: string | null): void {
  const county = getAdminUnit(ctx, fields.countyId);
  if (county.level !== 'county') throw invalidField('countyId', 'County: choose one of the 47 counties.');
  const inCounty = new Set(listAdminUnits(ctx, { withinId: county.id }).map((unit) => unit.id));
  for (const unitId of fields.scopeUnitIds) {
    if (!inCounty.has(unitId)) throw invalidField('scopeUnitIds', `Geographical scope: ${unitId} is not a sub-county or ward of ${county.name}.`);
  }
  if (fields.endDate < fields.startDate) {
    throw invalidField('endDate', `End date: ${formatDisplayDate(fields.endDate)} is before the start date (${formatDisplayDate(fields.startDate)}).`);
  }
  if (fiscalYearOf(fields.startDate) !== fields.fiscalYear) {
    const range = fiscalYearRange(fields.fiscalYear);
    throw invalidField(
      'startDate',
      `Start date: FY ${fields.fiscalYear} runs ${formatDisplayDate(range.start)} – ${formatDisplayDate(range.end)}; ${formatDisplayDate(fields.startDate)} is outside it.`,
    );
  }
  if (fields.endDate > fiscalYearRange(fields.fiscalYear).end) {
    throw invalidField(
      'endDate',
      `End date: a cycle ends by the end of FY ${fields.fiscalYear} (${formatDisplayDate(fiscalYearRange(fields.fiscalYear).end)}).`,
    );
  }
  if (fields.leadOrgId !== null && id !== null) {
    const cycle = ctx.db.select().from(cycles).where(eq(cycles.id, id)).get();
    if (cycle) rulesFor(ctx, cycle, 'organisation', null, pointLookup(ctx, id)).rowInCycle('organisation', fields.leadOrgId, 'leadOrgId');
  }
}

function saveScope(tx: WriteContext, cycleId: string, unitIds: readonly string[]): void {
  tx.db.delete(cycleScopeUnits).where(eq(cycleScopeUnits.cycleId, cycleId)).run();
  for (const unitId of new Set(unitIds)) tx.db.insert(cycleScopeUnits).values({ cycleId, unitId }).run();
}

/** `source`: where the cycle comes from when not typed into the create form (main/db/schema-cycle-marks.ts). */
export function createCycle(ctx: AppContext, input: z.input<typeof cycleCreateInput>, source?: CycleSource): CycleDto {
  const fields = validate(cycleCreateInput, input);
  return audited(ctx, { cycleId: null }, (tx) => {
    checkCycle(tx, { ...fields, leadOrgId: null }, null);
    const { at, hlc } = stamp(tx);
    const { scopeUnitIds, ...columns } = fields;
    const id = tx.newId();
    tx.db
      .insert(cycles)
      .values({ ...columns, id, leadOrgId: null, createdAt: at, updatedAt: at, hlc, origin: tx.installationId })
      .run();
    saveScope(tx, id, scopeUnitIds);
    if (source) markSource(tx, id, source);
    const created = getCycle(tx, id);
    recordAudit(tx, at, { action: 'create', tableName: 'cycles', rowId: id, cycleId: id, after: created });
    return created;
  });
}

export function updateCycle(ctx: AppContext, input: z.input<typeof cycleUpdateInput>): CycleDto {
  const { id, changes } = validate(cycleUpdateInput, input);
  const before = getCycle(ctx, id);
  return audited(ctx, { cycleId: id }, (tx) => {
    checkCycle(tx, { ...before, ...changes }, id);
    const { at, hlc } = stamp(tx);
    const { scopeUnitIds, ...columns } = changes;
    tx.db
      .update(cycles)
      .set({ ...columns, updatedAt: at, hlc, origin: tx.installationId })
      .where(eq(cycles.id, id))
      .run();
    if (scopeUnitIds) saveScope(tx, id, scopeUnitIds);
    const after = getCycle(tx, id);
    recordAudit(tx, at, { action: 'update', tableName: 'cycles', rowId: id, cycleId: id, before, after });
    return after;
  });
}

/**
 * Deleting a whole cycle is allowed even once it is rolled over (its read-only check is skipped).
 * The title typed must name it, and a verified backup is taken first: the Backups screen brings
 * the cycle back whole if it was the wrong one.
 */
export function deleteCycle(ctx: AppContext, input: z.input<typeof cycleDeleteInput>): z.output<typeof cycleDeletedDto> {
  const { id, confirmTitle } = validate(cycleDeleteInput, input);
  const cycle = getCycle(ctx, id);
  if (confirmTitle.trim() !== cycle.title) {
    throw invalidField('confirmTitle', `Cycle title: type the title exactly (${cycle.title}) to delete this cycle and everything in it.`);
  }
  const backupFile = backUpBefore(ctx, 'before-delete');
  return audited(ctx, { cycleId: null }, (tx) => {
    const before = getCycle(tx, id);
    const { at } = stamp(tx);
    tx.db.update(installation).set({ lastCycleId: null }).where(eq(installation.lastCycleId, id)).run();
    tx.db.delete(cycles).where(eq(cycles.id, id)).run();
    recordAudit(tx, at, { action: 'delete', tableName: 'cycles', rowId: id, cycleId: id, before });
    return { id, deleted: true as const, backupFile };
  });
}

/**
 * Archives a finished or abandoned cycle (or brings it back): nothing in it changes, it is only
 * listed apart from the current cycles. Allowed on a rolled-over cycle, like deleting it.
 */
export function archiveCycle(ctx: AppContext, input: z.input<typeof cycleArchiveInput>): CycleDto {
  const { id, archived } = validate(cycleArchiveInput, input);
  return audited(ctx, { cycleId: null }, (tx) => {
    const before = getCycle(tx, id);
    if ((before.archivedAt !== null) === archived) return before;
    const { at } = stamp(tx);
    setArchivedAt(tx, id, archived ? at : null);
    const after = getCycle(tx, id);
    recordAudit(tx, at, {
      action: 'update',
      tableName: 'cycle_marks',
      rowId: id,
      cycleId: id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
    return after;
  });
}
