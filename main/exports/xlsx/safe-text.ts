/**
 * Text that users typed goes into cells as text, never as a formula (spreadsheet formula injection:
 * "=HYPERLINK(...)", "=cmd|' /C calc'!A0", "@SUM(...)"). exceljs writes a JavaScript string as a
 * string cell, and no builder here ever makes a formula from user text; on top of that, a cell
 * whose text starts like a formula is given the Text number format, so that a user who opens the
 * cell and presses Enter keeps the text instead of turning it into a live formula.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
// Characters XML 1.0 does not allow: a workbook holding one is "repaired" (emptied) by Excel.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** Excel's limit for one cell. */
const MAX_CELL_TEXT = 32_767;

export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The text as it may be stored in a cell: no characters XML forbids, within Excel's limit. */
export function cellText(text: string): string {
  const clean = text.replace(XML_INVALID, '');
  return clean.length > MAX_CELL_TEXT ? clean.slice(0, MAX_CELL_TEXT) : clean;
}

/** The Text number format: what Excel and LibreOffice call "@". */
export const TEXT_FORMAT = '@';
