import type ExcelJS from 'exceljs';
import type { CycleData } from './cycle-data';
import { cellText } from './safe-text';
import { addSheet, printSetup } from './sheet-kit';
import { FORMATS, font, styleHeaderRow, styleTitle } from './cell-style';
import { SHEETS } from './sheet-names';

/** Where the Coverage sheet put its two tables, for tests. */
export interface CoverageLayout {
  /** The header rows of the activity counts and of the planned budgets. */
  countHeaderRow: number;
  kesHeaderRow: number;
  /** The number of data rows of each table (wards), followed by its total row. */
  wardRows: number;
}

const FIRST_TABLE_ROW = 4;
const WIDTHS = { ward: 22, subCounty: 14, figure: 11 };
type Cell = { activityCount: number; plannedKesMinor: number };

/**
 * Wards × sectors, as two tables one above the other: the number of activities per ward and
 * sector, then their planned budget in KES. An empty cell is a gap: no activity of that sector in
 * that ward. Two tables of one figure each, rather than a pair of columns per sector, so the
 * sheet is half as wide and prints at a size people can read, one page wide.
 */
export function addCoverage(workbook: ExcelJS.Workbook, data: CycleData): CoverageLayout {
  const { coverage } = data;
  const sheet = addSheet(workbook, SHEETS.coverage, { rows: 0, columns: 2 });
  styleTitle(
    sheet,
    'Coverage: wards × sectors',
    'Activities and planned budget (KES) per ward and sector; an empty cell is a gap. Cancelled activities are left out; a multi-ward budget is split evenly, to the shilling.',
  );
  const headers = ['Ward', 'Sub-county', ...coverage.sectors.map((s) => s.label), 'All sectors'];
  const rows = [
    ...coverage.rows.map((r) => ({ label: r.wardName, subCounty: r.subCountyName, cells: [...r.cells, r] })),
    { label: 'Total', subCounty: '', cells: [...coverage.sectorTotals, coverage] },
  ];

  const table = (headerRow: number, title: string, figure: (cell: Cell) => number, numFmt: string) => {
    sheet.getCell(headerRow - 1, 1).value = title;
    sheet.getCell(headerRow - 1, 1).font = font({ bold: true, size: 12 });
    headers.forEach((header, index) => (sheet.getCell(headerRow, index + 1).value = header));
    styleHeaderRow(sheet.getRow(headerRow), 1, headers.length);
    sheet.getRow(headerRow).height = 48;
    rows.forEach(({ label, subCounty, cells }, index) => {
      const row = sheet.getRow(headerRow + 1 + index);
      row.getCell(1).value = cellText(label);
      row.getCell(2).value = cellText(subCounty);
      cells.forEach((cell, column) => {
        if (cell.activityCount === 0) return;
        const target = row.getCell(3 + column);
        target.value = figure(cell);
        target.numFmt = numFmt;
      });
    });
    const totalRow = sheet.getRow(headerRow + rows.length);
    totalRow.font = font({ bold: true });
    for (let column = 1; column <= headers.length; column++) totalRow.getCell(column).border = { top: { style: 'thin' }, bottom: { style: 'double' } };
    return headerRow + rows.length;
  };
  const countHeaderRow = FIRST_TABLE_ROW + 1;
  const countTotalRow = table(countHeaderRow, 'Number of activities', (cell) => cell.activityCount, FORMATS.int);
  const kesHeaderRow = countTotalRow + 3;
  table(kesHeaderRow, 'Planned budget (KES)', (cell) => cell.plannedKesMinor / 100, FORMATS.kes);

  sheet.getColumn(1).width = WIDTHS.ward;
  sheet.getColumn(2).width = WIDTHS.subCounty;
  // As wide as the grand total, the widest figure: a narrower column shows it as ####.
  const widest = Math.round(coverage.plannedKesMinor / 100).toLocaleString('en-GB').length + 2;
  for (let column = 3; column <= headers.length; column++) sheet.getColumn(column).width = Math.max(WIDTHS.figure, widest);
  printSetup(sheet, undefined);
  return { countHeaderRow, kesHeaderRow, wardRows: coverage.rows.length };
}
