import ExcelJS from 'exceljs';
import type { WorkbookProblemDto } from '../../../shared/api/methods/workbook-import';
import { META_SHEET } from '../../exports/xlsx/sheet-names';
import { cellText } from '../../exports/xlsx/safe-text';
import { PARTIAL_KEY, type WorkbookRead } from './read-workbook';

export const PROBLEMS_HEADER = 'Problems to fix';

/**
 * The rows an "apply the valid rows" left out, as a workbook of their own: the file as it came,
 * each register sheet cut down to its rejected rows with their problems in a last column, and
 * marked so that importing it again adds and changes those rows without removing any others.
 */
export async function rejectedRowsWorkbook(original: Buffer, read: WorkbookRead, problems: WorkbookProblemDto[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  // A copy as an ArrayBuffer: the type exceljs declares, and never a view into a pooled Buffer.
  await workbook.xlsx.load(new Uint8Array(original).buffer);
  const bySheetRow = new Map<string, string[]>();
  for (const problem of problems) {
    if (problem.row === null) continue;
    const key = `${problem.sheet}\u0000${problem.row}`;
    bySheetRow.set(key, [...(bySheetRow.get(key) ?? []), problem.message]);
  }
  for (const sheetRead of [...read.sheets, ...(read.evaluations ? [read.evaluations] : [])]) {
    const sheet = workbook.getWorksheet(sheetRead.sheetName);
    if (!sheet) continue;
    const kept = problemRows(problems, sheetRead.sheetName, sheetRead.headerRow);
    keepOnly(sheet, sheetRead.headerRow, kept, (rowNumber) => bySheetRow.get(`${sheetRead.sheetName}\u0000${rowNumber}`) ?? []);
  }
  markPartial(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The data rows of one sheet that have problems, in order. */
function problemRows(problems: WorkbookProblemDto[], sheetName: string, headerRow: number): number[] {
  const rows = new Set(problems.flatMap((problem) => (problem.sheet === sheetName && problem.row !== null && problem.row > headerRow ? [problem.row] : [])));
  return [...rows].sort((a, b) => a - b);
}

/** Moves the kept rows up under the header, each with its problems, and drops every other data row. */
function keepOnly(sheet: ExcelJS.Worksheet, headerRow: number, kept: number[], problemsOf: (rowNumber: number) => string[]): void {
  const problemColumn = sheet.getRow(headerRow).cellCount + 1;
  sheet.getCell(headerRow, problemColumn).value = PROBLEMS_HEADER;
  sheet.getCell(headerRow, problemColumn).font = { bold: true, color: { argb: 'FF9C0006' } };
  sheet.getColumn(problemColumn).width = 60;
  const lastRow = sheet.rowCount;
  kept.forEach((from, index) => {
    const to = headerRow + 1 + index;
    const messages = problemsOf(from);
    if (from !== to) {
      const source = sheet.getRow(from);
      const target = sheet.getRow(to);
      for (let column = 1; column < problemColumn; column++) {
        target.getCell(column).value = source.getCell(column).value;
        target.getCell(column).style = source.getCell(column).style;
      }
      target.height = source.height;
    }
    const cell = sheet.getCell(to, problemColumn);
    cell.value = cellText(messages.join('\n'));
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
  // Emptied rather than spliced out: exceljs's spliceRows leaves a loaded sheet's rows in place.
  for (let rowNumber = headerRow + 1 + kept.length; rowNumber <= lastRow; rowNumber++) {
    const row = sheet.getRow(rowNumber);
    row.eachCell((cell) => (cell.value = null));
    row.height = 15;
  }
}

function markPartial(workbook: ExcelJS.Workbook): void {
  const meta = workbook.getWorksheet(META_SHEET) ?? workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  const row = meta.rowCount + 1;
  meta.getCell(row, 1).value = PARTIAL_KEY;
  meta.getCell(row, 2).value = 'yes';
}
