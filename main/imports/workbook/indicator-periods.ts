import type { WorkbookSheetPreviewDto } from '../../../shared/api/methods/workbook-import';
import { reportingPeriods } from '../../../shared/reporting-periods';
import { EMPTY, parseMeasure } from '../xlsx/cells';
import { sameValue } from '../xlsx/row-fields';
import { rowLabel } from './labels';
import { headerKey } from './layout';
import { attempt, listOf, serviceOf, type Scope, type SheetOutcome } from './plan-sheet';
import type { RegisterSheetRead } from './read-workbook';

const shown = (value: number | null) => (value === null ? '(empty)' : String(value));

/**
 * The Indicators sheet's target and actual of each reporting period, as indicator periods: a
 * period with a target is added or changed, one whose target and actual were cleared is removed.
 * Variance and % achieved are formulas, never read.
 */
export function planIndicatorPeriods(scope: Scope, sheet: RegisterSheetRead, indicators: SheetOutcome, preview: WorkbookSheetPreviewDto): void {
  const service = serviceOf('indicatorPeriod');
  const existing = new Map(listOf(scope, 'indicatorPeriod').map((row) => [`${String(row.indicatorId)}\u0000${String(row.periodKey)}`, row]));
  const { refs } = indicators;
  const periods = reportingPeriods(scope.cycle).filter(
    (period) => sheet.headers.has(headerKey(`${period.key} target`)) && sheet.headers.has(headerKey(`${period.key} actual`)),
  );
  const adds: { row: number; input: Record<string, unknown> }[] = [];
  for (const row of sheet.rows) {
    const indicatorId = indicators.idOfRow.get(row.rowNumber);
    if (!indicatorId) continue;
    for (const period of periods) {
      const targetHeader = sheet.headers.get(headerKey(`${period.key} target`)) as string;
      const actualHeader = sheet.headers.get(headerKey(`${period.key} actual`)) as string;
      const target = parseMeasure(row.cells.get(headerKey(targetHeader)) ?? EMPTY);
      const actual = parseMeasure(row.cells.get(headerKey(actualHeader)) ?? EMPTY);
      const problem = (column: string, message: string) =>
        scope.problems.push({ sheet: sheet.sheetName, row: row.rowNumber, column, message: `${column}: ${message}` });
      if (!target.ok) problem(targetHeader, target.message);
      if (!actual.ok) problem(actualHeader, actual.message);
      if (!target.ok || !actual.ok) continue;
      const key = `${indicatorId}\u0000${period.key}`;
      const mine = existing.get(key);
      existing.delete(key);
      const label = rowLabel('indicatorPeriod', { indicatorId, periodKey: period.key }, refs);
      if (target.value === null) {
        if (actual.value !== null) problem(targetHeader, `${period.label} has an actual but no target; enter the target.`);
        else if (mine && !scope.partial) {
          scope.removals.push({ sheet: sheet.sheetName, register: 'indicatorPeriod', id: mine.id, label });
          preview.removed.push({ label });
        }
        continue;
      }
      if (!mine) {
        adds.push({ row: row.rowNumber, input: { cycleId: scope.cycle.id, indicatorId, periodKey: period.key, target: target.value, actual: actual.value } });
        continue;
      }
      const fields: { column: string; old: string; new: string }[] = [];
      const changes: Record<string, number | null> = {};
      if (!sameValue(mine.target, target.value)) {
        changes.target = target.value;
        fields.push({ column: targetHeader, old: shown(mine.target as number), new: shown(target.value) });
      }
      if (!sameValue(mine.actual, actual.value)) {
        changes.actual = actual.value;
        fields.push({ column: actualHeader, old: shown(mine.actual as number | null), new: shown(actual.value) });
      }
      if (fields.length === 0) continue;
      const column = (field: string) => (field === 'target' ? targetHeader : field === 'actual' ? actualHeader : null);
      if (attempt(scope, sheet, row.rowNumber, () => service.update(scope.ctx, { id: mine.id, changes } as never), column))
        preview.changed.push({ row: row.rowNumber, label, fields });
    }
  }
  for (const add of adds) {
    const label = rowLabel('indicatorPeriod', add.input, refs);
    const column = (field: string) => (field === 'target' || field === 'actual' ? `${String(add.input.periodKey)} ${field}` : null);
    if (attempt(scope, sheet, add.row, () => service.create(scope.ctx, add.input as never), column)) preview.added.push({ row: add.row, label });
  }
  // Periods of indicators the sheet removed go with them; others no longer in the cycle's calendar stay.
  const removedIndicators = new Set(scope.removals.filter((r) => r.register === 'indicator').map((r) => r.id));
  for (const mine of existing.values()) {
    if (!removedIndicators.has(String(mine.indicatorId))) continue;
    scope.removals.push({ sheet: sheet.sheetName, register: 'indicatorPeriod', id: mine.id, label: rowLabel('indicatorPeriod', mine, refs) });
  }
}
