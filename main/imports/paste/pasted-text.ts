/**
 * Cells copied from Excel or LibreOffice, as the clipboard holds them: one line per row, cells
 * separated by tabs, a cell holding a tab, a line break or a quote wrapped in quotes (a quote
 * inside doubled). Lines end with CRLF (Windows Excel) or LF.
 */

export interface PastedLine {
  /** The row number the officer counts: the first line pasted is row 1. */
  rowNumber: number;
  cells: string[];
  /** The line exactly as pasted, to hand a refused row back for fixing. */
  raw: string;
}

/** Every line holding anything, in order; blank lines are skipped but still counted. */
export function splitPastedText(text: string): PastedLine[] {
  const lines: PastedLine[] = [];
  let at = 0;
  let rowNumber = 0;
  while (at < text.length) {
    const start = at;
    const cells: string[] = [];
    rowNumber++;
    for (;;) {
      const cell = readCell(text, at);
      cells.push(cell.value);
      at = cell.end;
      if (text[at] === '\t') {
        at++;
        continue;
      }
      break;
    }
    const raw = text.slice(start, at);
    // The line break: CRLF, LF or a lone CR (old Mac Excel).
    if (text[at] === '\r') at++;
    if (text[at] === '\n') at++;
    if (cells.some((cell) => cell.trim() !== '')) lines.push({ rowNumber, cells, raw });
  }
  return lines;
}

/** One cell from `at`: quoted when it starts with a quote that is closed before the next tab or line end. */
function readCell(text: string, at: number): { value: string; end: number } {
  if (text[at] === '"') {
    let value = '';
    let index = at + 1;
    while (index < text.length) {
      const char = text[index];
      if (char === '"' && text[index + 1] === '"') {
        value += '"';
        index += 2;
      } else if (char === '"') {
        const after = text[index + 1];
        if (after === undefined || after === '\t' || after === '\r' || after === '\n') return { value, end: index + 1 };
        break;
      } else {
        value += char;
        index++;
      }
    }
    // Not a quoted cell after all (a quote typed at the start of the text): read it as it is.
  }
  let end = at;
  while (end < text.length && text[end] !== '\t' && text[end] !== '\r' && text[end] !== '\n') end++;
  return { value: text.slice(at, end), end };
}
