import type ExcelJS from 'exceljs';
import { cellText } from './safe-text';

/** How the workbooks look: number formats, fonts, fills and the shared cell styles. */

export const FORMATS = {
  date: 'd mmm yyyy',
  kes: '#,##0',
  /** An amount as entered: whole units, as the documents print them; one with cents gets `amountFraction`. */
  amount: '#,##0',
  amountFraction: '#,##0.00',
  /**
   * A measure (indicator value): thousands separated from 1,000 up, as typed below ("15.6" stays
   * 15.6, even when a person types it later into a cell that held a whole number). A fraction we
   * write gets `measureFraction`.
   */
  measure: '[>=1000]#,##0;[<=-1000]-#,##0;General',
  measureFraction: '#,##0.0##',
  int: '0',
  percent: '0%',
} as const;

/**
 * Every font names Calibri: a cell's font replaces the workbook default as a whole, and a font
 * without a name prints in the viewer's default serif face.
 */
export function font(extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
  return { name: 'Calibri', family: 2, size: 11, ...extra };
}

/** Lines a wrapped text takes in a column of `width` characters (Calibri averages under one "0"). */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.15) - 1);
  if (text.length <= perLine && !text.includes('\n')) return 1;
  let lines = 0;
  // Word by word, as Excel and LibreOffice wrap: a word that does not fit starts a new line (a
  // word longer than a line is broken), so the last line of a cell never runs into the next row.
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(' ')) {
      if (used > 0 && used + 1 + word.length > perLine) {
        lines += 1;
        used = 0;
      }
      const extraLines = Math.max(0, Math.ceil(word.length / perLine) - 1);
      lines += extraLines;
      used = extraLines > 0 ? word.length - extraLines * perLine : used + (used > 0 ? 1 : 0) + word.length;
    }
  }
  return lines;
}

/** Rows do not grow by themselves when a file is opened: the height is set from the wrapped text. */
export function heightForLines(lines: number): number {
  return Math.min(409, Math.max(15, lines * 14 + 3));
}

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE9E4' } };
export const REFERENCE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF9AA5A1' } };

/**
 * One style object per look, shared by every cell that has it: exceljs looks a cell's style up by
 * object identity before hashing it, so a 500,000-cell workbook is written in a fraction of the
 * time. A shared style is never changed after it is handed out.
 */
const sharedStyles = new Map<string, Partial<ExcelJS.Style>>();

export function sharedStyle(look: {
  numFmt?: string;
  wrap?: boolean;
  reference?: boolean;
  bold?: boolean;
  horizontal?: 'left' | 'center' | 'right';
}): Partial<ExcelJS.Style> {
  const key = JSON.stringify(look);
  let style = sharedStyles.get(key);
  if (!style) {
    style = {
      ...(look.numFmt ? { numFmt: look.numFmt } : {}),
      alignment: { vertical: 'top', ...(look.wrap ? { wrapText: true } : {}), ...(look.horizontal ? { horizontal: look.horizontal } : {}) },
      ...(look.reference ? { fill: REFERENCE_FILL } : {}),
      ...(look.bold ? { font: font({ bold: true }) } : {}),
    };
    sharedStyles.set(key, style);
  }
  return style;
}

/**
 * A column's looks: its own, and the Text format for text that starts like a formula. A measure or
 * amount column also has one for the fractions we write ("1,234.5", "1,250.75").
 */
export interface CellLooks {
  plain: Partial<ExcelJS.Style>;
  text: Partial<ExcelJS.Style>;
  fraction?: Partial<ExcelJS.Style>;
}

export function styleHeaderRow(row: ExcelJS.Row, firstColumn: number, lastColumn: number): void {
  row.height = 32;
  for (let column = firstColumn; column <= lastColumn; column++) {
    const cell = row.getCell(column);
    cell.font = font({ bold: true });
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.border = { bottom: THIN, top: THIN, left: THIN, right: THIN };
  }
}

/** The sheet's title and subtitle, in its first visible column (a template hides column A). */
export function styleTitle(sheet: ExcelJS.Worksheet, title: string, subtitle: string, column = 'A'): void {
  sheet.getCell(`${column}1`).value = cellText(title);
  sheet.getCell(`${column}1`).font = font({ bold: true, size: 14 });
  sheet.getCell(`${column}2`).value = cellText(subtitle);
  sheet.getCell(`${column}2`).font = font({ italic: true, color: { argb: 'FF555555' } });
}
