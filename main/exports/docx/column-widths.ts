import type { CellValue, Column, RowSpec } from './blocks';
import { SIZE, textWidth, type Orientation } from './theme';

/** Column widths of the documents' tables: by weight, then widened so no figure ever wraps. */

/** Widths in twips by relative weight, filling `fraction` of the section's text width. */
export function widths(columns: readonly Column[], orientation: Orientation, fraction = 1): number[] {
  const total = columns.reduce((sum, column) => sum + column.weight, 0);
  const available = Math.round(textWidth(orientation) * fraction);
  const result = columns.map((column) => Math.floor((column.weight / total) * available));
  result[result.length - 1] = available - result.slice(0, -1).reduce((sum, w) => sum + w, 0);
  return result;
}

/**
 * Calibri's advance widths in thousandths of an em for the characters figures are made of (Carlito
 * has the same); letters are taken at a generous average, so a fitted column errs on the wide side.
 */
const CHAR_WIDTH: Record<string, number> = {
  ',': 250,
  '.': 252,
  ' ': 226,
  '\u00a0': 226,
  '%': 715,
  '-': 306,
  '–': 498,
  '—': 905,
  ':': 268,
  '(': 303,
  ')': 303,
};
const DIGIT_WIDTH = 507;
const UPPER_WIDTH = 620;
const LOWER_WIDTH = 500;

/** The printed width of one line of table text, in twips (a twentieth of a point). */
export function lineTwips(text: string, halfPoints: number = SIZE.table, bold = false): number {
  let thousandths = 0;
  for (const c of text) thousandths += CHAR_WIDTH[c] ?? (c >= '0' && c <= '9' ? DIGIT_WIDTH : c === c.toLowerCase() ? LOWER_WIDTH : UPPER_WIDTH);
  // Bold Calibri is a little wider than regular (its digits are not).
  return (thousandths / 1000) * halfPoints * 10 * (bold ? 1.06 : 1);
}

const linesOf = (value: CellValue): { text: string; halfPoints: number }[] => {
  if (typeof value === 'string') return [{ text: value, halfPoints: SIZE.table }];
  if (Array.isArray(value)) return (value as readonly string[]).map((text) => ({ text, halfPoints: SIZE.table }));
  const rich = value as { text: string; note?: string };
  return [{ text: rich.text, halfPoints: SIZE.table }, ...(rich.note ? [{ text: rich.note, halfPoints: SIZE.table - 2 }] : [])];
};

/** Room a text column keeps when a figure column takes width from it. */
const MIN_TEXT_COLUMN = 700;
const CELL_PADDING = 170 + 60; // left and right cell margins, and a little air

/** The width each fitted column needs for its widest line (bold in total rows), in twips; 0 for the others. */
export function neededWidths(columns: readonly Column[], rows: readonly RowSpec[]): number[] {
  const fitted = columns.map((column) => column.fit ?? column.align === 'right');
  const needed = columns.map(() => 0);
  for (const spec of rows) {
    if (!Array.isArray(spec) && 'group' in spec) continue;
    const total = !Array.isArray(spec) && 'total' in spec;
    const values: readonly CellValue[] = total ? (spec as { total: readonly CellValue[] }).total : (spec as readonly CellValue[]);
    values.forEach((value, i) => {
      if (!fitted[i]) return;
      for (const line of linesOf(value)) needed[i] = Math.max(needed[i] ?? 0, lineTwips(line.text, line.halfPoints, total) + CELL_PADDING);
    });
  }
  return needed.map(Math.ceil);
}

/**
 * Widens each fitted column to its widest line (bold in total rows), taking the room from the other
 * columns in proportion to what they have above a minimum, so the table keeps its width.
 */
export function fitWidths(columnWidths: number[], columns: readonly Column[], rows: readonly RowSpec[]): number[] {
  const fitted = columns.map((column) => column.fit ?? column.align === 'right');
  const needed = neededWidths(columns, rows);
  const result = [...columnWidths];
  let deficit = 0;
  fitted.forEach((fit, i) => {
    const want = needed[i] ?? 0;
    if (fit && want > (result[i] ?? 0)) {
      deficit += want - (result[i] ?? 0);
      result[i] = want;
    }
  });
  if (deficit === 0) return result;
  const spare = result.map((w, i) => (fitted[i] ? 0 : Math.max(0, w - MIN_TEXT_COLUMN)));
  const spareTotal = spare.reduce((a, b) => a + b, 0);
  const take = Math.min(deficit, spareTotal);
  result.forEach((w, i) => {
    if (!fitted[i] && spareTotal > 0) result[i] = w - Math.floor(((spare[i] ?? 0) / spareTotal) * take);
  });
  // Whatever rounding left over comes off the widest text column; a table never grows past the page.
  const excess = result.reduce((a, b) => a + b, 0) - columnWidths.reduce((a, b) => a + b, 0);
  if (excess > 0) {
    const widest = result.reduce((best, w, i) => (!fitted[i] && w > (result[best] ?? 0) ? i : best), fitted.indexOf(false));
    if (widest >= 0) result[widest] = (result[widest] ?? 0) - excess;
  }
  return result;
}
