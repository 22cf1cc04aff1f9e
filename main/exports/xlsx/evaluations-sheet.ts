import type ExcelJS from 'exceljs';
import { evaluationCriteria } from '../../../shared/domain/vocabulary';
import type { CycleData } from './cycle-data';
import type { ColumnSpec, TableLayout } from './sheet-kit';
import { registerSheet } from './register-sheets';
import { SHEETS } from './sheet-names';

type IndicatorPeriod = CycleData['indicatorPeriods'][number];

/** The headers an import reads back (main/imports/workbook/evaluations.ts). */
export const EVALUATION_HEADERS = {
  indicator: 'Indicator code',
  name: 'Indicator',
  period: 'Period',
  target: 'Target',
  actual: 'Actual',
  note: 'Note on the actual',
  criterion: 'Evaluation criterion',
  evaluatedOn: 'Date of evaluation',
} as const;

/**
 * What the M&E officer records about each period's result: the note on the actual and the
 * evaluation criterion and date the manual's M&E template asks for. One row per indicator period;
 * targets and actuals are edited on the Indicators sheet and only repeated here for reading.
 */
export function addIndicatorEvaluations(workbook: ExcelJS.Workbook, data: CycleData): TableLayout {
  const indicators = new Map(data.indicators.map((indicator, index) => [indicator.id, { indicator, index }]));
  const periodOrder = new Map(data.periods.map((period, index) => [period.key, index]));
  const rows = data.indicatorPeriods
    .filter((period) => indicators.has(period.indicatorId))
    .sort(
      (a, b) =>
        (indicators.get(a.indicatorId)?.index ?? 0) - (indicators.get(b.indicatorId)?.index ?? 0) ||
        (periodOrder.get(a.periodKey) ?? 0) - (periodOrder.get(b.periodKey) ?? 0),
    );
  const indicatorOf = (row: IndicatorPeriod) => indicators.get(row.indicatorId)?.indicator;
  const h = EVALUATION_HEADERS;
  const columns: ColumnSpec<IndicatorPeriod>[] = [
    { header: h.indicator, kind: 'text', value: (row) => indicatorOf(row)?.code ?? '', width: 10 },
    { header: h.name, kind: 'longText', value: (row) => indicatorOf(row)?.name ?? '', width: 36, reference: true },
    { header: h.period, kind: 'text', value: (row) => row.periodKey, width: 8 },
    { header: h.target, kind: 'number', value: (row) => row.target, width: 10, reference: true },
    { header: h.actual, kind: 'number', value: (row) => row.actual, width: 10, reference: true },
    { header: h.note, kind: 'longText', value: (row) => row.actualNote, width: 40 },
    {
      header: h.criterion,
      kind: 'text',
      value: (row) => (row.evaluationCriterion ? evaluationCriteria.label(row.evaluationCriterion) : ''),
      width: 16,
      choices: evaluationCriteria.keys.map((key) => evaluationCriteria.label(key)),
    },
    { header: h.evaluatedOn, kind: 'date', value: (row) => row.evaluatedOn, width: 13 },
  ];
  return registerSheet(
    workbook,
    data,
    SHEETS.evaluations,
    'Indicator results: notes and evaluation (targets and actuals are edited on Indicators)',
    columns,
    rows,
  );
}
