import type { WorkbookSheetPreviewDto } from '../../../shared/api/methods/workbook-import';
import type { IndicatorPeriodDto } from '../../../shared/api/schemas/monitoring';
import { ServiceError } from '../../../shared/result';
import { registerServices } from '../../services/index';
import { problemsOf } from '../refusals';
import { EMPTY } from '../xlsx/cells';
import { loadRefs } from '../xlsx/refs';
import { sameValue, type FieldValue } from '../xlsx/row-fields';
import { rowLabel, shownValue } from './labels';
import { headerKey, type SheetShape } from './layout';
import { parseWorkbookCell } from './parse-row';
import type { Scope } from './plan-sheet';
import type { SheetRead } from './read-workbook';

/** The fields of an indicator period this sheet changes; its target and actual are the Indicators sheet's. */
const FIELDS = ['actualNote', 'evaluationCriterion', 'evaluatedOn'] as const;
type EvaluationChanges = Partial<Pick<IndicatorPeriodDto, (typeof FIELDS)[number]>>;

/**
 * The Indicator results sheet: each row names an indicator period (by its hidden Row ID, else by
 * indicator code and period) and changes its note, evaluation criterion and date. It runs after
 * the Indicators sheet, so a period added there can be noted here in the same import; a row for a
 * period that has no target is a problem, and a deleted row removes nothing.
 */
export function planEvaluations(scope: Scope, sheet: SheetRead<SheetShape>): WorkbookSheetPreviewDto {
  const preview: WorkbookSheetPreviewDto = { sheet: sheet.sheetName, rowsRead: 0, added: [], changed: [], removed: [], unchanged: 0 };
  const service = registerServices.indicatorPeriod;
  const refs = loadRefs(scope.ctx, scope.cycle);
  const periods = service.list(scope.ctx, { cycleId: scope.cycle.id });
  const byId = new Map(periods.map((period) => [period.id, period]));
  const byKey = new Map(periods.map((period) => [`${period.indicatorId}\u0000${period.periodKey}`, period]));
  const headerOf = (field: string) => {
    const column = sheet.spec.columns.find((c) => c.field === field);
    return column ? (sheet.headers.get(headerKey(column.header)) ?? column.header) : field;
  };
  for (const row of sheet.rows()) {
    preview.rowsRead++;
    const problem = (field: string | null, message: string) =>
      scope.problems.push({ sheet: sheet.sheetName, row: row.rowNumber, column: field === null ? null : headerOf(field), message });
    const values: Record<string, FieldValue> = {};
    let rowId: string | null = null;
    let readable = true;
    for (const column of sheet.spec.columns) {
      const key = headerKey(column.header);
      if (column.kind === 'output' || !sheet.headers.has(key)) continue;
      const parsed = parseWorkbookCell(column, row.cells.get(key) ?? EMPTY, refs);
      if (parsed === null) continue;
      if (!parsed.ok) {
        problem(column.field, `${headerOf(column.field)}: ${parsed.message}`);
        readable = false;
      } else if (column.field === 'id') rowId = typeof parsed.value === 'string' && parsed.value ? parsed.value : null;
      else values[column.field] = parsed.value;
    }
    if (!readable) continue;
    const byRowId = rowId && scope.useRowIds ? byId.get(rowId) : undefined;
    const mine = byRowId ?? byKey.get(`${String(values.indicatorId)}\u0000${String(values.periodKey)}`);
    if (!mine) {
      const indicator = refs.indicators.get(String(values.indicatorId));
      problem(
        'periodKey',
        `${headerOf('periodKey')}: ${indicator?.code || indicator?.name || 'This indicator'} has no ${refs.periodLabel(String(values.periodKey))} target; enter it on the Indicators sheet, then note its result here.`,
      );
      continue;
    }
    const changes: EvaluationChanges = {};
    const fields: { column: string; old: string; new: string }[] = [];
    for (const field of FIELDS) {
      if (!(field in values) || sameValue(mine[field] || null, values[field] || null)) continue;
      Object.assign(changes, { [field]: field === 'actualNote' ? (values[field] ?? '') : (values[field] ?? null) });
      fields.push({
        column: headerOf(field),
        old: shownValue(sheet, field, mine[field], refs, 'KES'),
        new: shownValue(sheet, field, values[field], refs, 'KES'),
      });
    }
    if (fields.length === 0) {
      preview.unchanged++;
      continue;
    }
    try {
      service.update(scope.ctx, { id: mine.id, changes });
      preview.changed.push({ row: row.rowNumber, label: rowLabel('indicatorPeriod', mine, refs), fields });
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      for (const refusal of problemsOf(error)) problem(FIELDS.find((field) => refusal.field.includes(field)) ?? null, refusal.message);
    }
  }
  return preview;
}
