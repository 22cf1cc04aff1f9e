import type ExcelJS from 'exceljs';
import { exportXlsx } from '../../../main/exports/xlsx/index';
import { HEADER_ROW } from '../../../main/exports/xlsx/register-sheets';
import { BUDGET_LINE_ID_HEADER, META_SHEET, ROW_ID_HEADER } from '../../../main/exports/xlsx/sheet-names';
import type { AppContext } from '../../../main/services/context';
import { columnOf, openXlsx, sheet } from '../../exports/xlsx/support';

export async function exportWorkbook(app: AppContext, cycleId: string): Promise<{ buffer: Buffer; fileName: string }> {
  return exportXlsx(app, { cycleId, doc: 'workbook' });
}

/** Sets a register sheet's cell, found by its data row (1 = first row under the header) and header. */
export function setCell(workbook: ExcelJS.Workbook, sheetName: string, dataRow: number, header: string, value: ExcelJS.CellValue): void {
  const worksheet = sheet(workbook, sheetName);
  worksheet.getCell(HEADER_ROW + dataRow, columnOf(worksheet, HEADER_ROW, header)).value = value;
}

const HIDDEN_IDS = new Set([ROW_ID_HEADER, BUDGET_LINE_ID_HEADER]);

/**
 * Every cell of every sheet as text, "Sheet!A1 = value" (formulas by their formula), leaving out
 * what differs by nature between two cycles: the hidden row ids and the details sheet.
 */
export async function cellsOf(buffer: Buffer): Promise<string[]> {
  const workbook = await openXlsx(buffer);
  const cells: string[] = [];
  for (const worksheet of workbook.worksheets) {
    if (worksheet.name === META_SHEET) continue;
    const hiddenColumns = new Set<number>();
    worksheet.getRow(HEADER_ROW).eachCell((cell, column) => {
      if (typeof cell.value === 'string' && HIDDEN_IDS.has(cell.value)) hiddenColumns.add(column);
    });
    worksheet.eachRow((row, rowNumber) => {
      row.eachCell((cell, column) => {
        if (hiddenColumns.has(column) && rowNumber > HEADER_ROW) return;
        const value = cell.value;
        const text = value instanceof Date ? value.toISOString() : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
        cells.push(`${worksheet.name}!${cell.address} = ${text}`);
      });
    });
  }
  return cells;
}
