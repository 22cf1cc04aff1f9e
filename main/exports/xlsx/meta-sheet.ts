import type ExcelJS from 'exceljs';
import { META_SHEET } from './sheet-names';

/** What a Pamoja workbook says about itself, on a sheet Excel does not show ("very hidden"). */
// A type, not an interface, so Object.entries sees its values' types.
export type WorkbookMeta = {
  kind: 'cycle-workbook' | 'partner-template';
  /** Bumped when the partner template's layout changes in a way an import must know about. */
  version: number;
  cycleId: string;
  /** The organisation a partner template is for. */
  organisationId: string | null;
  exportedAt: string;
  exportedBy: string;
  appVersion: string;
  /** The reporting round a partner template answers (main/rounds), and its period: bound with the rest. */
  roundId?: string;
  periodKey?: string;
  /** A partner template's keyed MAC over the details above (template-binding.ts). */
  binding?: string;
};

/** 2: the Disbursements and Indicators sheets. */
export const TEMPLATE_VERSION = 2;

export function addMetaSheet(workbook: ExcelJS.Workbook, meta: WorkbookMeta): void {
  const sheet = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  sheet.getCell('A1').value = 'Written by Pamoja JWP; do not edit. It tells an import which cycle and organisation this file is for.';
  Object.entries(meta).forEach(([key, value], index) => {
    sheet.getCell(index + 2, 1).value = key;
    sheet.getCell(index + 2, 2).value = value === null ? '' : String(value);
  });
}

/** The meta sheet's key/value rows as text, or null when the workbook has none. */
export function readMetaSheet(workbook: ExcelJS.Workbook): Record<string, string> | null {
  const sheet = workbook.getWorksheet(META_SHEET);
  if (!sheet) return null;
  const values: Record<string, string> = {};
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const key = row.getCell(1).value;
    const value = row.getCell(2).value;
    if (typeof key === 'string') values[key] = value === null || value === undefined ? '' : String(value);
  });
  return values;
}
