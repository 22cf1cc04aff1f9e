import type ExcelJS from 'exceljs';
import { indicatorTypes } from '../../../shared/domain/vocabulary';
import type { CycleData } from './cycle-data';
import { columnLetter, writeTable, type ColumnSpec, type Formula, addSheet } from './sheet-kit';
import { styleHeaderRow, styleTitle } from './cell-style';
import { HEADER_ROW } from './register-sheets';
import { SHEETS } from './sheet-names';

type Indicator = CycleData['indicators'][number];

export interface IndicatorsLayout {
  firstDataRow: number;
  lastDataRow: number;
  /** Period key → the letters of its target, actual, variance and % achieved columns. */
  periodColumns: Map<string, { target: string; actual: string; variance: string; achieved: string }>;
}

/**
 * The M&E plan as one row per indicator and, for each reporting period, its target and actual with
 * variance (actual − target) and % achieved as formulas: an M&E officer who types an actual sees
 * both move.
 */
export function addIndicators(workbook: ExcelJS.Workbook, data: CycleData): IndicatorsLayout {
  const sheet = addSheet(workbook, SHEETS.indicators, { rows: HEADER_ROW, columns: 2 });
  styleTitle(
    sheet,
    'M&E plan: indicators, targets and actuals',
    `${data.cycle.title} · ${data.indicators.length} indicators · periods follow the county fiscal calendar`,
  );
  const periodsByIndicator = new Map<string, Map<string, CycleData['indicatorPeriods'][number]>>();
  for (const period of data.indicatorPeriods) {
    const periods = periodsByIndicator.get(period.indicatorId) ?? new Map();
    periods.set(period.periodKey, period);
    periodsByIndicator.set(period.indicatorId, periods);
  }
  const periodOf = (indicator: Indicator, key: string) => periodsByIndicator.get(indicator.id)?.get(key);

  const leading: ColumnSpec<Indicator>[] = [
    { header: 'Code', kind: 'text', value: (i) => i.code },
    { header: 'Indicator', kind: 'text', value: (i) => i.name },
    { header: 'Type', kind: 'text', value: (i) => indicatorTypes.label(i.type) },
    { header: 'Unit', kind: 'text', value: (i) => i.unit },
    { header: 'Responsible entity', kind: 'text', value: (i) => data.names.orgShort(i.responsibleOrgId) },
    {
      header: 'Linked objective / activity',
      kind: 'text',
      value: (i) => data.names.activityCode(i.activityId) || data.names.objectiveCode(i.objectiveId),
      width: 11,
    },
    { header: 'Baseline', kind: 'number', value: (i) => i.baselineValue },
    { header: 'Baseline date', kind: 'date', value: (i) => i.baselineDate },
    { header: 'Annual target', kind: 'number', value: (i) => i.targetValue },
  ];
  const periodColumns = new Map<string, { target: string; actual: string; variance: string; achieved: string }>();
  const perPeriod: ColumnSpec<Indicator>[] = data.periods.flatMap((period, index) => {
    const base = leading.length + 1 + index * 4;
    const letters = { target: columnLetter(base), actual: columnLetter(base + 1), variance: columnLetter(base + 2), achieved: columnLetter(base + 3) };
    periodColumns.set(period.key, letters);
    const target = (i: Indicator) => periodOf(i, period.key)?.target ?? null;
    const actual = (i: Indicator) => periodOf(i, period.key)?.actual ?? null;
    const variance = (i: Indicator, row: number): Formula => {
      const [t, a] = [target(i), actual(i)];
      return { formula: `IF(ISNUMBER(${letters.actual}${row}),${letters.actual}${row}-N(${letters.target}${row}),"")`, result: a === null ? '' : a - (t ?? 0) };
    };
    const achieved = (i: Indicator, row: number): Formula => {
      const [t, a] = [target(i), actual(i)];
      return {
        formula: `IF(AND(ISNUMBER(${letters.actual}${row}),N(${letters.target}${row})<>0),${letters.actual}${row}/${letters.target}${row},"")`,
        result: a === null || !t ? '' : a / t,
      };
    };
    return [
      { header: `${period.key} target`, kind: 'number', value: target, width: 10 },
      { header: `${period.key} actual`, kind: 'number', value: actual, width: 10 },
      { header: `${period.key} variance`, kind: 'number', value: variance, width: 10 },
      { header: `${period.key} % achieved`, kind: 'percent', value: achieved, width: 11 },
    ] satisfies ColumnSpec<Indicator>[];
  });
  const trailing: ColumnSpec<Indicator>[] = [
    { header: 'Definition', kind: 'longText', value: (i) => i.definition },
    { header: 'Data source', kind: 'longText', value: (i) => i.dataSource },
    { header: 'Collection method', kind: 'longText', value: (i) => i.collectionMethod },
    { header: 'Frequency', kind: 'text', value: (i) => i.frequency },
  ];
  // The period names above their four columns: "Q1 (Jul–Sep)" says which calendar it is.
  const groupRow = HEADER_ROW - 1;
  data.periods.forEach((period, index) => {
    const from = leading.length + 1 + index * 4;
    sheet.mergeCells(groupRow, from, groupRow, from + 3);
    sheet.getCell(groupRow, from).value = period.label;
    sheet.getCell(groupRow, from).alignment = { horizontal: 'center' };
  });
  if (data.periods.length) styleHeaderRow(sheet.getRow(groupRow), leading.length + 1, leading.length + data.periods.length * 4);
  sheet.getRow(groupRow).height = 18;
  const layout = writeTable(sheet, {
    headerRow: HEADER_ROW,
    columns: [...leading, ...perPeriod, ...trailing],
    rows: data.indicators,
    freezeColumns: 2,
    commitRows: true,
  });

  sheet.pageSetup.printTitlesRow = `${groupRow}:${HEADER_ROW}`;
  return { firstDataRow: layout.firstDataRow, lastDataRow: layout.lastDataRow, periodColumns };
}
