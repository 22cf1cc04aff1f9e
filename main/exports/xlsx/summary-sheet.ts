import type ExcelJS from 'exceljs';
import { activityStatuses, organisationCategories, sectors } from '../../../shared/domain/vocabulary';
import { countNotValued, notValuedNote } from '../../../shared/budget-lines';
import { RATE_SCALE } from '../../../shared/money';
import type { BudgetLayout, BudgetLinesLayout } from './budget-sheets';
import { NO_ACTIVITY, sectorOf } from './budget-sheets';
import type { CycleData } from './cycle-data';
import { cellText } from './safe-text';
import { printSetup, type Formula, addSheet } from './sheet-kit';
import { FORMATS, styleHeaderRow, styleTitle, font, heightForLines, wrappedLines } from './cell-style';
import { sheetRef, SHEETS } from './sheet-names';

export interface ActivitiesRanges {
  firstDataRow: number;
  lastDataRow: number;
  sectorLetter: string;
  statusLetter: string;
}

/** Where the Summary put its totals, for tests. */
export interface SummaryLayout {
  contributorRows: Map<string, number>;
  contributorTotalRow: number;
  sectorRows: Map<string, number>;
  sectorTotalRow: number;
}

type Cell = string | number | Formula;

/** The width of the first column, where contributors' and sectors' names are. */
const NAME_WIDTH = 52;

/**
 * Totals by contributor and by sector, every one a formula over the Budget, Budget lines and
 * Activities sheets: they follow any edit there, the exchange rate included.
 */
export function addSummary(
  workbook: ExcelJS.Workbook,
  data: CycleData,
  budget: BudgetLayout,
  lines: BudgetLinesLayout,
  activities: ActivitiesRanges,
): SummaryLayout {
  const sheet = workbook.getWorksheet(SHEETS.summary) ?? addSheet(workbook, SHEETS.summary, { rows: 2 });
  styleTitle(sheet, 'Summary', 'Every figure here is a formula over the Budget, Budget lines and Activities sheets.');
  const rate = data.cycle.kesPerUsdScaled / RATE_SCALE;
  const kes = (line: CycleData['contributions'][number]) => (line.currency === 'USD' ? (line.amountMinor / 100) * rate : line.amountMinor / 100);
  // The results stored with the formulas, summed in one pass over the budget lines.
  const byOrg = new Map<string, { on: number; off: number }>();
  const kesBySector = new Map<string, number>();
  for (const line of data.contributions) {
    const value = kes(line);
    const org = byOrg.get(line.contributorOrgId) ?? { on: 0, off: 0 };
    if (line.onBudget) org.on += value;
    else org.off += value;
    byOrg.set(line.contributorOrgId, org);
    const sector = sectorOf(data, line);
    kesBySector.set(sector, (kesBySector.get(sector) ?? 0) + value);
  }
  const activitiesBySector = new Map<string, number>();
  for (const activity of data.activities)
    activitiesBySector.set(sectors.label(activity.sector), (activitiesBySector.get(sectors.label(activity.sector)) ?? 0) + 1);
  const linesRange = (letter: string) => `${sheetRef(SHEETS.budgetLines)}!$${letter}$${lines.firstDataRow}:$${letter}$${lines.lastDataRow}`;
  const activityRange = (letter: string) => `${sheetRef(SHEETS.activities)}!$${letter}$${activities.firstDataRow}:$${letter}$${activities.lastDataRow}`;
  let row = 4;

  const table = (title: string, headers: string[], rows: Cell[][], moneyColumns: number[], shareColumn: number | null) => {
    sheet.getCell(row, 1).value = title;
    sheet.getCell(row, 1).font = font({ bold: true, size: 12 });
    row += 1;
    headers.forEach((header, index) => (sheet.getCell(row, index + 1).value = header));
    styleHeaderRow(sheet.getRow(row), 1, headers.length);
    const first = row + 1;
    const last = row + rows.length;
    const totalRow = last + 1;
    rows.forEach((cells, index) => {
      cells.forEach((value, column) => {
        const cell = sheet.getCell(first + index, column + 1);
        cell.value = typeof value === 'object' ? { formula: value.formula, result: value.result } : typeof value === 'string' ? cellText(value) : value;
        if (moneyColumns.includes(column + 1)) cell.numFmt = FORMATS.kes;
      });
    });
    sheet.getCell(totalRow, 1).value = 'Total';
    for (let column = 2; column <= headers.length; column++) {
      if (column === shareColumn || (!moneyColumns.includes(column) && headers[column - 1] !== 'Activities')) continue;
      const letter = String.fromCharCode(64 + column);
      const sum = rows.reduce((acc, cells) => acc + resultOf(cells[column - 1]), 0);
      const cell = sheet.getCell(totalRow, column);
      cell.value = { formula: rows.length ? `SUM(${letter}${first}:${letter}${last})` : '0', result: sum };
      if (moneyColumns.includes(column)) cell.numFmt = FORMATS.kes;
    }
    sheet.getRow(totalRow).font = font({ bold: true });
    sheet.getRow(totalRow).eachCell({ includeEmpty: true }, (cell) => (cell.border = { top: { style: 'thin' }, bottom: { style: 'double' } }));
    if (shareColumn !== null) {
      const money = String.fromCharCode(64 + shareColumn - 1);
      const grand = rows.reduce((acc, cells) => acc + resultOf(cells[shareColumn - 2]), 0);
      for (let r = first; r <= last; r++) {
        const cell = sheet.getCell(r, shareColumn);
        const own = resultOf(rows[r - first]?.[shareColumn - 2]);
        cell.value = {
          formula: `IF($${money}$${totalRow}=0,"",${money}${r}/$${money}$${totalRow})`,
          result: grand === 0 ? '' : own / grand,
        };
        cell.numFmt = '0.0%';
      }
    }
    // A long name (a county department's full title) wraps within its column, never cut off,
    // its row's figures level with its first line.
    rows.forEach(([name], index) => {
      const lines = typeof name === 'string' ? wrappedLines(name, NAME_WIDTH) : 1;
      if (lines === 1) return;
      sheet.getRow(first + index).height = heightForLines(lines);
      for (let column = 1; column <= headers.length; column++) sheet.getCell(first + index, column).alignment = { vertical: 'top', wrapText: column === 1 };
    });
    row = totalRow + 3;
    return { first, totalRow };
  };

  // By contributor: the Budget sheet's total row, split on and off the county budget.
  const contributors = [...budget.contributorColumns.keys()].map((id) => data.names.orgRow(id)).filter((org) => org !== undefined);
  const sumLines = (orgId: string, onBudget: boolean, rowNumber: number): Formula => ({
    formula: `SUMPRODUCT((${linesRange(lines.contributorLetter)}=$B${rowNumber})*(${linesRange(lines.onBudgetLetter)}="${onBudget ? 'Yes' : 'No'}"),${linesRange(lines.kesLetter)})`,
    result: onBudget ? (byOrg.get(orgId)?.on ?? 0) : (byOrg.get(orgId)?.off ?? 0),
  });
  // In-kind lines not valued are in no total here (shared/budget-lines.ts): said under each table of totals.
  const note = notValuedNote(countNotValued(data.contributions));
  const noteUnder = (totalRow: number) => {
    if (!note) return;
    sheet.getCell(totalRow + 1, 1).value = note;
    sheet.getCell(totalRow + 1, 1).font = font({ italic: true });
  };
  const byContributorStart = row + 2;
  const byContributor = table(
    'Totals by contributor (KES)',
    ['Contributor', 'Short name', 'Category', 'On county budget', 'Off budget', 'Total', 'Share'],
    contributors.map((org, index) => {
      const rowNumber = byContributorStart + index;
      const total = (byOrg.get(org.id)?.on ?? 0) + (byOrg.get(org.id)?.off ?? 0);
      return [
        org.name,
        org.shortName || org.name,
        organisationCategories.label(org.category),
        sumLines(org.id, true, rowNumber),
        sumLines(org.id, false, rowNumber),
        { formula: `${sheetRef(SHEETS.budget)}!${budget.contributorColumns.get(org.id)}${budget.totalRow}`, result: total },
      ];
    }),
    [4, 5, 6],
    7,
  );
  noteUnder(byContributor.totalRow);

  // By sector: every sector in use, from the Budget lines; activities counted on the Activities sheet.
  const inUse = new Set([...activitiesBySector.keys(), ...kesBySector.keys()]);
  const sectorLabels = [...sectors.keys.map((key) => sectors.label(key)), NO_ACTIVITY].filter((label) => inUse.has(label));
  const bySectorStart = row + 2;
  const bySector = table(
    'Totals by sector (KES)',
    ['Sector', 'Activities', 'Budget', 'Share'],
    sectorLabels.map((label, index) => {
      const rowNumber = bySectorStart + index;
      const count = activitiesBySector.get(label) ?? 0;
      const budgetTotal = kesBySector.get(label) ?? 0;
      return [
        label,
        { formula: `COUNTIF(${activityRange(activities.sectorLetter)},$A${rowNumber})`, result: count },
        { formula: `SUMIF(${linesRange(lines.sectorLetter)},$A${rowNumber},${linesRange(lines.kesLetter)})`, result: budgetTotal },
      ];
    }),
    [3],
    4,
  );
  noteUnder(bySector.totalRow);

  const byStatusStart = row + 2;
  table(
    'Activities by status',
    ['Status', 'Activities'],
    activityStatuses.keys.map((key, index) => [
      activityStatuses.label(key),
      {
        formula: `COUNTIF(${activityRange(activities.statusLetter)},$A${byStatusStart + index})`,
        result: data.activities.filter((a) => a.status === key).length,
      },
    ]),
    [],
    null,
  );

  [NAME_WIDTH, 14, 20, 18, 18, 18, 9].forEach((width, index) => (sheet.getColumn(index + 1).width = width));
  printSetup(sheet, undefined);
  sheet.pageSetup.orientation = 'portrait';
  return {
    contributorRows: new Map(contributors.map((org, index) => [org.id, byContributor.first + index])),
    contributorTotalRow: byContributor.totalRow,
    sectorRows: new Map(sectorLabels.map((label, index) => [label, bySector.first + index])),
    sectorTotalRow: bySector.totalRow,
  };
}

function resultOf(cell: Cell | undefined): number {
  if (cell === undefined || typeof cell === 'string') return 0;
  if (typeof cell === 'number') return cell;
  return typeof cell.result === 'number' ? cell.result : 0;
}
