import type { WorkbookPreviewDto, WorkbookSheetPreviewDto } from '../../../shared/api/methods/workbook-import';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { cyclePhases, reportingFrequencies } from '../../../shared/domain/vocabulary';
import { formatDisplayDate } from '../../../shared/dates';
import { formatRate } from '../../../shared/money';
import { ServiceError } from '../../../shared/result';
import { GENERAL, SHEETS } from '../../exports/xlsx/sheet-names';
import type { AppContext } from '../../services/context';
import { createCycle, updateCycle } from '../../services/cycles';
import { listAdminUnits } from '../../services/admin-units';
import { parseText } from '../xlsx/cells';
import { sameValue } from '../xlsx/row-fields';
import type { GeneralRead } from './general';
import { planEvaluations } from './evaluations';
import { planIndicatorPeriods } from './indicator-periods';
import { planSheet, refsOf, serviceOf, wrote, type Scope } from './plan-sheet';
import type { WorkbookRead, WorkbookRow } from './read-workbook';
import { problemsOf } from '../refusals';

export interface RunTarget {
  fileName: string;
  /** The cycle to update; null to create one from the General information sheet. */
  cycle: CycleDto | null;
}

export interface RunResult {
  preview: WorkbookPreviewDto;
  /** Rows with problems, by sheet name: what an "apply the valid rows" leaves out. */
  rejected: Map<string, Set<number>>;
  cycleId: string | null;
}

/**
 * Writes the whole workbook through the services, inside the caller's transaction: the cycle's
 * general information, then each register sheet in order (a sheet names rows of the sheets before
 * it), then the removals, children first. The preview is what was written; the caller keeps it
 * (apply) or rolls it back (preview, or problems the user did not accept).
 */
export function runWorkbook(ctx: AppContext, read: WorkbookRead, general: GeneralRead | null, target: RunTarget): RunResult {
  const problems = [...read.problems, ...(general?.problems ?? [])];
  const notes = [...read.notes];
  const generalPreview: WorkbookSheetPreviewDto = { sheet: SHEETS.general, rowsRead: read.general ? 1 : 0, added: [], changed: [], removed: [], unchanged: 0 };
  // Without General information (rows pasted into a screen) the cycle is the one open, as it is.
  const cycle = !general || general.problems.length ? target.cycle : writeCycle(ctx, general, target.cycle, generalPreview, problems);
  const generalSheets = general ? [generalPreview] : [];
  if (!cycle) {
    return { preview: previewOf(target, null, generalSheets, problems, notes), rejected: rejectedRows(problems), cycleId: null };
  }
  const useRowIds = read.cycleId === cycle.id;
  if (target.cycle && read.cycleId && !useRowIds)
    notes.push('This workbook was exported from another cycle: its rows were matched by their codes and names, not by their hidden ids.');
  const scope: Scope = { ctx, cycle, useRowIds, problems, notes, partial: read.partial, removals: [] };
  const sheets: WorkbookSheetPreviewDto[] = [...generalSheets];
  for (const sheet of read.sheets) {
    // The indicators' rows are kept as they are read: their period columns are planned after them.
    const indicatorRows: WorkbookRow[] = [];
    const keep = sheet.spec.register === 'indicator';
    const outcome = planSheet(scope, keep ? { ...sheet, rows: () => keeping(sheet.rows(), indicatorRows) } : sheet);
    if (keep) planIndicatorPeriods(scope, sheet, indicatorRows, outcome, outcome.preview);
    sheets.push(outcome.preview);
    // A period's note and evaluation, once the Indicators sheet has added or changed the period.
    if (sheet.spec.register === 'indicator' && read.evaluations) sheets.push(planEvaluations(scope, read.evaluations));
    if (general && sheet.spec.register === 'organisation') setLeadAgency(scope, general, generalPreview);
  }
  for (const removal of [...scope.removals].reverse()) {
    try {
      serviceOf(removal.register).remove(ctx, { id: removal.id });
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      problems.push({
        sheet: removal.sheet,
        row: null,
        column: null,
        message: `"${removal.label}" was deleted from this sheet but cannot be removed: ${error.apiError.message}`,
      });
    }
  }
  return { preview: previewOf(target, cycle, sheets, problems, notes), rejected: rejectedRows(problems), cycleId: cycle.id };
}

function* keeping<T>(items: Iterable<T>, kept: T[]): Generator<T> {
  for (const item of items) {
    kept.push(item);
    yield item;
  }
}

function previewOf(
  target: RunTarget,
  cycle: CycleDto | null,
  sheets: WorkbookSheetPreviewDto[],
  problems: Scope['problems'],
  notes: string[],
): WorkbookPreviewDto {
  const nothingToChange = sheets.every((s) => s.added.length + s.changed.length + s.removed.length === 0);
  return {
    fileName: target.fileName,
    cycleId: target.cycle?.id ?? null,
    cycleTitle: cycle?.title ?? target.cycle?.title ?? '',
    sheets,
    problems,
    notes,
    nothingToChange,
  };
}

function rejectedRows(problems: Scope['problems']): Map<string, Set<number>> {
  const rejected = new Map<string, Set<number>>();
  for (const problem of problems) {
    if (problem.row === null) continue;
    rejected.set(problem.sheet, (rejected.get(problem.sheet) ?? new Set()).add(problem.row));
  }
  return rejected;
}

const GENERAL_LABELS: Record<string, string> = {
  title: GENERAL.title,
  countyId: GENERAL.county,
  scopeUnitIds: GENERAL.scope,
  fiscalYear: GENERAL.fiscalYear,
  startDate: GENERAL.startDate,
  endDate: GENERAL.endDate,
  reportingPeriod: GENERAL.reportingPeriod,
  phase: GENERAL.phase,
  kesPerUsdScaled: GENERAL.rate,
  exchangeRateDate: GENERAL.rateDate,
  notes: GENERAL.notes,
  leadOrgId: GENERAL.leadAgency,
};

/** Creates the cycle, or changes the fields the sheet changed; a refusal is a problem on its label. */
function writeCycle(
  ctx: AppContext,
  general: GeneralRead,
  existing: CycleDto | null,
  preview: WorkbookSheetPreviewDto,
  problems: Scope['problems'],
): CycleDto | null {
  const report = (error: unknown) => {
    if (!(error instanceof ServiceError)) throw error;
    const issues = problemsOf(error);
    for (const issue of issues) {
      const field = issue.field.split('.').find((part) => part in GENERAL_LABELS);
      problems.push({ sheet: SHEETS.general, row: null, column: field ? (GENERAL_LABELS[field] ?? null) : null, message: issue.message });
    }
    return null;
  };
  if (!existing) {
    try {
      const created = createCycle(ctx, general.fields, 'workbook');
      preview.added.push({ row: 0, label: `The cycle "${created.title}" (${created.countyName} County, FY ${created.fiscalYear})` });
      return created;
    } catch (error) {
      return report(error);
    }
  }
  const fields: Record<string, unknown> = general.fields;
  const before: Record<string, unknown> = existing;
  const changed = Object.keys(fields).filter((field) => !sameValue(fields[field], before[field]));
  if (changed.length === 0) {
    preview.unchanged++;
    return existing;
  }
  try {
    const after = updateCycle(ctx, { id: existing.id, changes: Object.fromEntries(changed.map((field) => [field, fields[field]])) });
    const units = new Map(listAdminUnits(ctx, {}).map((unit) => [unit.id, unit.name]));
    preview.changed.push({
      row: 0,
      label: after.title,
      fields: changed.map((field) => ({
        column: GENERAL_LABELS[field] ?? field,
        old: shownCycleValue(field, before[field], units),
        new: shownCycleValue(field, fields[field], units),
      })),
    });
    return after;
  } catch (error) {
    return report(error);
  }
}

function shownCycleValue(field: string, value: unknown, units: Map<string, string>): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  switch (field) {
    case 'countyId':
      return units.get(String(value)) ?? String(value);
    case 'scopeUnitIds':
      return Array.isArray(value) && value.length ? value.map((id) => units.get(String(id)) ?? String(id)).join(', ') : 'The whole county';
    case 'startDate':
    case 'endDate':
    case 'exchangeRateDate':
      return formatDisplayDate(String(value));
    case 'kesPerUsdScaled':
      return formatRate(Number(value));
    case 'reportingPeriod':
      return reportingFrequencies.has(value) ? reportingFrequencies.label(value) : String(value);
    case 'phase':
      return cyclePhases.has(value) ? cyclePhases.label(value) : String(value);
    default:
      return String(value);
  }
}

/** The lead agency names an organisation, so it is set once the Stakeholders sheet is written. */
function setLeadAgency(scope: Scope, general: GeneralRead, preview: WorkbookSheetPreviewDto): void {
  const { cell, row } = general.leadAgency;
  const refs = refsOf(scope);
  const problem = (message: string) => scope.problems.push({ sheet: SHEETS.general, row, column: GENERAL.leadAgency, message });
  // "—" is how the workbook shows a cycle with no lead agency yet.
  const text = parseText(cell);
  const none = text.ok && (text.value === '' || text.value === '—');
  const found = none ? { ok: true as const, value: [] } : refs.organisations(cell);
  if (!found.ok) return void problem(`${GENERAL.leadAgency}: ${found.message}`);
  if (found.value.length > 1) return void problem(`${GENERAL.leadAgency}: name one organisation.`);
  const leadOrgId = found.value[0] ?? null;
  const before = scope.cycle.leadOrgId;
  if (leadOrgId === before) return;
  const name = (id: string | null) => (id ? (refs.organisationsById.get(id)?.name ?? id) : '(empty)');
  try {
    scope.cycle = updateCycle(scope.ctx, { id: scope.cycle.id, changes: { leadOrgId } });
    wrote(scope);
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    return void problem(error.apiError.message);
  }
  // A new cycle's lead agency is part of its creation, not a change.
  if (preview.added.length > 0) return;
  const field = { column: GENERAL.leadAgency, old: name(before), new: name(leadOrgId) };
  const entry = preview.changed[0];
  if (entry) entry.fields.push(field);
  else {
    preview.unchanged = 0;
    preview.changed.push({ row: 0, label: scope.cycle.title, fields: [field] });
  }
}
