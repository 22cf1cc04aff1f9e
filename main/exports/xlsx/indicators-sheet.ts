import type ExcelJS from 'exceljs';
import { indicatorTypes } from '../../../shared/domain/vocabulary';
import {
  indicatorDirectionLabels,
  indicatorDirections,
  periodFigures,
  progressPct,
  roundTo,
  varianceBetter,
} from '../../../shared/analysis/indicator-progress';
import { indicatorStatusLabels, type ThresholdsDto } from '../../../shared/api/schemas/analysis/indicator-status';
import type { CycleData } from './cycle-data';
import { columnLetter, writeTable, type ColumnSpec, type Formula, addSheet } from './sheet-kit';
import { styleHeaderRow, styleTitle } from './cell-style';
import { HEADER_ROW, rowIdColumn } from './register-sheets';
import { SHEETS } from './sheet-names';

type Indicator = CycleData['indicators'][number];

export interface IndicatorsLayout {
  firstDataRow: number;
  lastDataRow: number;
  /** Period key → the letters of its target, actual, variance, progress and status columns. */
  periodColumns: Map<string, PeriodLetters>;
}

interface PeriodLetters {
  target: string;
  actual: string;
  variance: string;
  progress: string;
  status: string;
}

const PERIOD_COLUMNS = 5;

/**
 * The shared progress rule (shared/analysis/indicator-progress.ts) as Excel formulas over the row's
 * own cells, so an actual typed in the workbook moves variance, progress and status as the app
 * would: from the baseline towards the period target, in the indicator's direction.
 */
function progressFormulas(letters: PeriodLetters, cells: DirectionCells, row: number, thresholds: ThresholdsDto) {
  const at = (letter: string) => `${letter}${row}`;
  const [t, a, b, d] = [at(letters.target), at(letters.actual), at(cells.baseline), at(cells.direction)];
  const [lo, hi] = [at(cells.rangeMin), at(cells.rangeMax)];
  const down = `${d}="${indicatorDirectionLabels.decrease}"`;
  const inRange = `${d}="${indicatorDirectionLabels.range}"`;
  const ratioUp = (target: string) => `IF(${target}=0,IF(${a}>=0,1,""),${a}/${target})`;
  const ratioDown = (target: string) => `IF(${a}<=0,IF(${target}>=0,1,""),${target}/${a})`;
  const fromBaseline = `AND(ISNUMBER(${b}),N(${t})<>${b},IF(${down},N(${t})<${b},N(${t})>${b}))`;
  const ratio = `IF(${down},${ratioDown(`N(${t})`)},${ratioUp(`N(${t})`)})`;
  const below = `AND(ISNUMBER(${lo}),${a}<${lo})`;
  const above = `AND(ISNUMBER(${hi}),${a}>${hi})`;
  const rangeProgress = `IF(AND(NOT(ISNUMBER(${lo})),NOT(ISNUMBER(${hi}))),"",IF(${below},${ratioUp(lo)},IF(${above},${ratioDown(hi)},1)))`;
  const progress = `IF(ISNUMBER(${a}),IF(${inRange},${rangeProgress},IF(${fromBaseline},(${a}-${b})/(N(${t})-${b}),${ratio})),"")`;
  const rangeVariance = `IF(${below},${a}-${lo},IF(${above},${hi}-${a},0))`;
  const shown = `ROUND(${letters.progress}${row}*100,0)`;
  return {
    variance: `IF(ISNUMBER(${a}),IF(${inRange},${rangeVariance},IF(${down},N(${t})-${a},${a}-N(${t}))),"")`,
    progress,
    status: `IF(ISNUMBER(${letters.progress}${row}),IF(${shown}>=${thresholds.onTrackPct},"${indicatorStatusLabels.on_track}",IF(${shown}>=${thresholds.atRiskPct},"${indicatorStatusLabels.at_risk}","${indicatorStatusLabels.off_track}")),"")`,
  };
}

interface DirectionCells {
  baseline: string;
  direction: string;
  rangeMin: string;
  rangeMax: string;
}

/**
 * The M&E plan as one row per indicator and, for each reporting period, its target and actual with
 * variance (positive is better than target, whichever way the indicator should move), progress and
 * status as formulas: an M&E officer who types an actual sees them move. Their cached results are
 * the app's own figures, so a viewer that does not recalculate shows the same.
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
    // A dropdown: an officer who changes the direction sees variance, progress and status follow it.
    {
      header: 'Direction',
      kind: 'text',
      value: (i) => indicatorDirectionLabels[i.direction],
      width: 13,
      choices: indicatorDirections.map((d) => indicatorDirectionLabels[d]),
    },
    { header: 'Range from', kind: 'number', value: (i) => i.rangeMin, width: 9 },
    { header: 'Range to', kind: 'number', value: (i) => i.rangeMax, width: 9 },
    { header: 'Baseline', kind: 'number', value: (i) => i.baselineValue },
    { header: 'Baseline date', kind: 'date', value: (i) => i.baselineDate },
    { header: 'Annual target', kind: 'number', value: (i) => i.targetValue },
  ];
  const letterOf = (header: string) => columnLetter(leading.findIndex((c) => c.header === header) + 1);
  const cells: DirectionCells = {
    direction: letterOf('Direction'),
    baseline: letterOf('Baseline'),
    rangeMin: letterOf('Range from'),
    rangeMax: letterOf('Range to'),
  };
  const periodColumns = new Map<string, PeriodLetters>();
  const perPeriod: ColumnSpec<Indicator>[] = data.periods.flatMap((period, index) => {
    const base = leading.length + 1 + index * PERIOD_COLUMNS;
    const letters: PeriodLetters = {
      target: columnLetter(base),
      actual: columnLetter(base + 1),
      variance: columnLetter(base + 2),
      progress: columnLetter(base + 3),
      status: columnLetter(base + 4),
    };
    periodColumns.set(period.key, letters);
    const target = (i: Indicator) => periodOf(i, period.key)?.target ?? null;
    const actual = (i: Indicator) => periodOf(i, period.key)?.actual ?? null;
    // Variance, progress and status of a row are asked for one after the other: made once per row.
    let made: { row: number; formulas: ReturnType<typeof progressFormulas> } | undefined;
    const formulas = (row: number) => {
      if (made?.row !== row) made = { row, formulas: progressFormulas(letters, cells, row, data.thresholds) };
      return made.formulas;
    };
    // The cached results: the shared rule itself, unrounded (the 0% format rounds as the app prints).
    const figures = (i: Indicator) => {
      const a = actual(i);
      return a === null ? null : { a, t: target(i) ?? 0 };
    };
    const variance = (i: Indicator, row: number): Formula => {
      const f = figures(i);
      return { formula: formulas(row).variance, result: f === null ? '' : roundTo(varianceBetter(i, f.t, f.a), 6) };
    };
    const progress = (i: Indicator, row: number): Formula => {
      const f = figures(i);
      const pct = f === null ? null : progressPct(i, f.t, f.a);
      return { formula: formulas(row).progress, result: pct === null ? '' : pct / 100 };
    };
    const status = (i: Indicator, row: number): Formula => {
      const f = figures(i);
      return { formula: formulas(row).status, result: f === null ? '' : indicatorStatusLabels[periodFigures(i, f.t, f.a, data.thresholds).status] };
    };
    return [
      { header: `${period.key} target`, kind: 'number', value: target, width: 10 },
      { header: `${period.key} actual`, kind: 'number', value: actual, width: 10 },
      { header: `${period.key} variance (+ better)`, kind: 'number', value: variance, width: 11 },
      { header: `${period.key} progress`, kind: 'percent', value: progress, width: 10 },
      { header: `${period.key} status`, kind: 'text', value: status, width: 10 },
    ] satisfies ColumnSpec<Indicator>[];
  });
  const trailing: ColumnSpec<Indicator>[] = [
    { header: 'Definition', kind: 'longText', value: (i) => i.definition },
    { header: 'Data source', kind: 'longText', value: (i) => i.dataSource },
    { header: 'Collection method', kind: 'longText', value: (i) => i.collectionMethod },
    { header: 'Frequency', kind: 'text', value: (i) => i.frequency },
    { header: 'Sustainability', kind: 'longText', value: (i) => i.sustainability },
    rowIdColumn<Indicator>(),
  ];
  // The period names above their four columns: "Q1 (Jul–Sep)" says which calendar it is.
  const groupRow = HEADER_ROW - 1;
  data.periods.forEach((period, index) => {
    const from = leading.length + 1 + index * PERIOD_COLUMNS;
    sheet.mergeCells(groupRow, from, groupRow, from + PERIOD_COLUMNS - 1);
    sheet.getCell(groupRow, from).value = period.label;
    sheet.getCell(groupRow, from).alignment = { horizontal: 'center' };
  });
  if (data.periods.length) styleHeaderRow(sheet.getRow(groupRow), leading.length + 1, leading.length + data.periods.length * PERIOD_COLUMNS);
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
