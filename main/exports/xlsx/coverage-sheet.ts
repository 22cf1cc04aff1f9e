import type ExcelJS from 'exceljs';
import type { CycleData } from './cycle-data';
import { cellText } from './safe-text';
import { addSheet, printSetup } from './sheet-kit';
import { FORMATS, font, styleHeaderRow, styleTitle } from './cell-style';
import { SHEETS } from './sheet-names';

/** Where the Coverage sheet put its matrix, for tests. */
export interface CoverageLayout {
  headerRow: number;
  firstDataRow: number;
  totalRow: number;
}

export const COVERAGE_HEADER_ROW = 4;

/**
 * Wards × sectors (issue 5): for each sector two columns, the number of activities and their
 * planned budget in KES. An empty cell is a gap: no activity of that sector in that ward.
 */
export function addCoverage(workbook: ExcelJS.Workbook, data: CycleData): CoverageLayout {
  const { coverage } = data;
  const sheet = addSheet(workbook, SHEETS.coverage, { rows: COVERAGE_HEADER_ROW, columns: 1 });
  styleTitle(
    sheet,
    'Coverage: wards × sectors',
    'Activities and planned budget (KES) per ward and sector; an empty cell is a gap. Cancelled activities are left out; a multi-ward budget is split evenly.',
  );
  const headers = ['Ward', 'Sub-county', ...coverage.sectors.flatMap((s) => [`${s.label}: activities`, `${s.label}: KES`]), 'Activities', 'Planned (KES)'];
  headers.forEach((header, index) => (sheet.getCell(COVERAGE_HEADER_ROW, index + 1).value = header));
  styleHeaderRow(sheet.getRow(COVERAGE_HEADER_ROW), 1, headers.length);
  sheet.getRow(COVERAGE_HEADER_ROW).height = 48;

  const write = (
    rowNumber: number,
    label: string,
    subCounty: string,
    cells: { activityCount: number; plannedKesMinor: number }[],
    total: (typeof cells)[number],
  ) => {
    const row = sheet.getRow(rowNumber);
    row.getCell(1).value = cellText(label);
    row.getCell(2).value = cellText(subCounty);
    [...cells, total].forEach((cell, index) => {
      if (cell.activityCount === 0) return;
      row.getCell(3 + index * 2).value = cell.activityCount;
      const money = row.getCell(4 + index * 2);
      money.value = cell.plannedKesMinor / 100;
      money.numFmt = FORMATS.kes;
    });
  };
  const firstDataRow = COVERAGE_HEADER_ROW + 1;
  coverage.rows.forEach((r, index) => write(firstDataRow + index, r.wardName, r.subCountyName, r.cells, r));
  const totalRow = firstDataRow + coverage.rows.length;
  write(totalRow, 'Total', '', coverage.sectorTotals, { activityCount: coverage.activityCount, plannedKesMinor: coverage.plannedKesMinor });
  sheet.getRow(totalRow).font = font({ bold: true });
  sheet.getRow(totalRow).eachCell({ includeEmpty: true }, (cell) => (cell.border = { top: { style: 'thin' }, bottom: { style: 'double' } }));

  sheet.getColumn(1).width = 24;
  sheet.getColumn(2).width = 16;
  for (let column = 3; column <= headers.length; column++) sheet.getColumn(column).width = column % 2 === 1 ? 11 : 14;
  printSetup(sheet, `${COVERAGE_HEADER_ROW}:${COVERAGE_HEADER_ROW}`);
  return { headerRow: COVERAGE_HEADER_ROW, firstDataRow, totalRow };
}
