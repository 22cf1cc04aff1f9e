import type { WorkbookSheetPreviewDto } from '../../../shared/api/methods/workbook-import';
import type { IndicatorPeriodDto } from '../../../shared/api/schemas/monitoring';
import { reportingPeriods } from '../../../shared/reporting-periods';
import { registerServices } from '../../services/index';
import { EMPTY, parseMeasure } from '../xlsx/cells';
import { sameValue } from '../xlsx/row-fields';
import { rowLabel } from './labels';
import { headerKey } from './layout';
import { attempt, type Scope, type SheetOutcome } from './plan-sheet';
import type { RegisterSheetRead, WorkbookRow } from './read-workbook';

const shown = (value: number | null) => (value === null ? '(empty)' : String(value));

/**
 * The Indicators sheet's target and actual of each reporting period, as indicator periods: a
 * period with a target is added or changed, one whose target and actual were cleared is removed.
 * Variance and % achieved are formulas, never read.
 */
export function planIndicatorPeriods(
  scope: Scope,
  sheet: RegisterSheetRead,
  rows: WorkbookRow[],
  indicators: SheetOutcome,
  preview: WorkbookSheetPreviewDto,
): void {
  const service = registerServices.indicatorPeriod;
  const existing = new Map(service.list(scope.ctx, { cycleId: scope.cycle.id }).map((row) => [`${row.indicatorId}\u0000${row.periodKey}`, row]));
  const { refs } = indicators;
  // The periods the sheet has a target column of, with the headers as the sheet spells them. Without
  // its actual column (targets pasted alone) a period's actual stays as it is.
  const periods = reportingPeriods(scope.cycle).flatMap((period) => {
    const targetHeader = sheet.headers.get(headerKey(`${period.key} target`));
    const actualHeader = sheet.headers.get(headerKey(`${period.key} actual`)) ?? null;
    return targetHeader !== undefined ? [{ period, targetHeader, actualHeader }] : [];
  });
  const adds: { row: number; input: Pick<IndicatorPeriodDto, 'cycleId' | 'indicatorId' | 'periodKey' | 'target' | 'actual'> }[] = [];
  for (const row of rows) {
    const indicatorId = indicators.idOfRow.get(row.rowNumber);
    if (!indicatorId) continue;
    for (const { period, targetHeader, actualHeader } of periods) {
      const target = parseMeasure(row.cells.get(headerKey(`${period.key} target`)) ?? EMPTY);
      const key = `${indicatorId}\u0000${period.key}`;
      const mine = existing.get(key);
      const actual =
        actualHeader === null ? { ok: true as const, value: mine?.actual ?? null } : parseMeasure(row.cells.get(headerKey(`${period.key} actual`)) ?? EMPTY);
      const problem = (column: string, message: string) =>
        scope.problems.push({ sheet: sheet.sheetName, row: row.rowNumber, column, message: `${column}: ${message}` });
      if (!target.ok) problem(targetHeader, target.message);
      if (!actual.ok && actualHeader !== null) problem(actualHeader, actual.message);
      if (!target.ok || !actual.ok) continue;
      // Targets alone: an empty target cell says nothing about the period, so it is left as it is.
      if (actualHeader === null && target.value === null) {
        existing.delete(key);
        continue;
      }
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
      const changes: { target?: number; actual?: number | null } = {};
      if (!sameValue(mine.target, target.value)) {
        changes.target = target.value;
        fields.push({ column: targetHeader, old: shown(mine.target), new: shown(target.value) });
      }
      if (actualHeader !== null && !sameValue(mine.actual, actual.value)) {
        changes.actual = actual.value;
        fields.push({ column: actualHeader, old: shown(mine.actual), new: shown(actual.value) });
      }
      if (fields.length === 0) continue;
      const column = (field: string) => (field === 'target' ? targetHeader : field === 'actual' ? actualHeader : null);
      if (attempt(scope, sheet, row.rowNumber, () => service.update(scope.ctx, { id: mine.id, changes }), column))
        preview.changed.push({ row: row.rowNumber, label, fields });
    }
  }
  for (const add of adds) {
    const label = rowLabel('indicatorPeriod', add.input, refs);
    const column = (field: string) => (field === 'target' || field === 'actual' ? `${add.input.periodKey} ${field}` : null);
    if (attempt(scope, sheet, add.row, () => service.create(scope.ctx, add.input), column)) preview.added.push({ row: add.row, label });
  }
  // Periods of indicators the sheet removed go with them; others no longer in the cycle's calendar stay.
  const removedIndicators = new Set(scope.removals.filter((r) => r.register === 'indicator').map((r) => r.id));
  for (const mine of existing.values()) {
    if (!removedIndicators.has(mine.indicatorId)) continue;
    scope.removals.push({ sheet: sheet.sheetName, register: 'indicatorPeriod', id: mine.id, label: rowLabel('indicatorPeriod', mine, refs) });
  }
}
