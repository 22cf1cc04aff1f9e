import { isoDate } from '../../../shared/dates';
import { EMPTY, type CellValue } from '../xlsx/cells';
import type { NumberFormat } from './cell-formats';
import { attribute, decodeXml, runText } from './xml-text';

/** One row of a sheet as read: its number and its cells by column number (1 = A); empty cells are absent. */
export interface SheetRow {
  rowNumber: number;
  cells: Map<number, CellValue>;
}

/** What reading a sheet's cells needs from the rest of the workbook. */
export interface SheetContext {
  sharedStrings: string[];
  formats: NumberFormat[];
  /** The workbook counts days from 1904 (old Mac Excel) rather than 1900. */
  date1904: boolean;
}

/** About this much XML is decoded to text at a time: a sheet's rows are never all in memory as text. */
const CHUNK_BYTES = 1 << 20;
const ROW_END = Buffer.from('</row>');
const DATA_START = Buffer.from('<sheetData');
const DATA_END = Buffer.from('</sheetData>');

/** "AB" → 28. */
function columnNumber(letters: string): number {
  let number = 0;
  for (let i = 0; i < letters.length; i++) number = number * 26 + (letters.charCodeAt(i) - 64);
  return number;
}

/** "B12" → { column: 2, row: 12 }. */
export function cellAddress(ref: string): { column: number; row: number } | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.trim().toUpperCase());
  return match ? { column: columnNumber(match[1] ?? ''), row: Number(match[2]) } : null;
}

/** Text cut from a chunk decoded as Latin-1, decoded as the UTF-8 it is (before its XML escapes). */
function utf8Text(latin1: string): string {
  return /[\x80-\xff]/.test(latin1) ? Buffer.from(latin1, 'latin1').toString('utf8') : latin1;
}

/** The sheet's XML between <sheetData> and </sheetData>, in pieces of whole rows, decoded. */
function* rowChunks(xml: Buffer): Generator<string> {
  const dataAt = xml.indexOf(DATA_START);
  if (dataAt < 0) return;
  const endAt = xml.indexOf(DATA_END, dataAt);
  const end = endAt < 0 ? xml.length : endAt;
  for (let start = dataAt; start < end;) {
    let cut = start + CHUNK_BYTES >= end ? end : xml.indexOf(ROW_END, start + CHUNK_BYTES);
    cut = cut < 0 || cut >= end ? end : cut === end ? end : cut + ROW_END.length;
    // Latin-1 is a plain copy, several times faster than UTF-8 decoding; text holding other
    // characters is decoded properly where it is read (utf8Text).
    yield xml.toString('latin1', start, cut);
    start = cut;
  }
}

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

/** A cell's attributes by hand: this runs for every cell of every row, so no regular expression per attribute. */
function attributeOf(tag: string, name: string): string | undefined {
  const at = tag.indexOf(` ${name}="`);
  // Excel and LibreOffice quote with ", but XML allows ' and line breaks too: the slow path reads those.
  if (at < 0) return /['\n\t\r]/.test(tag) ? attribute(tag, name) : undefined;
  const start = at + name.length + 3;
  return tag.slice(start, tag.indexOf('"', start));
}

function between(body: string, open: string, close: string): string | undefined {
  const at = body.indexOf(open);
  if (at < 0) return undefined;
  const start = body.indexOf('>', at) + 1;
  if (body[start - 2] === '/') return '';
  const end = body.indexOf(close, start);
  return end < 0 ? undefined : body.slice(start, end);
}

function excelDate(serial: number, date1904: boolean): CellValue {
  const t = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  if (Number.isNaN(t.getTime())) return { kind: 'error', text: 'an invalid date' };
  return { kind: 'date', iso: isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()) };
}

const textCell = (text: string): CellValue => (text.trim() === '' ? EMPTY : { kind: 'text', text });

/** The value a cell holds (or a formula left behind), as the import reads it. */
function valueOf(
  type: string | undefined,
  raw: string | undefined,
  inline: string | undefined,
  format: NumberFormat | undefined,
  context: SheetContext,
): CellValue {
  if (inline !== undefined) return textCell(runText(utf8Text(inline)));
  if (raw === undefined) return EMPTY;
  switch (type) {
    case 's':
      return textCell(context.sharedStrings[Number(raw)] ?? '');
    case 'str':
    case 'inlineStr':
      return textCell(decodeXml(utf8Text(raw)));
    case 'b':
      return { kind: 'bool', value: raw.trim() === '1' || raw.trim() === 'true' };
    case 'e':
      return { kind: 'error', text: decodeXml(utf8Text(raw)) };
    case 'd': {
      const date = new Date(raw);
      return Number.isNaN(date.getTime())
        ? { kind: 'error', text: 'an invalid date' }
        : { kind: 'date', iso: isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()) };
    }
    default: {
      if (raw.trim() === '') return EMPTY;
      const value = Number(raw);
      if (!Number.isFinite(value)) return { kind: 'error', text: raw };
      if (format?.date) return excelDate(value, context.date1904);
      return { kind: 'number', value, percentFormat: format?.percent ?? false };
    }
  }
}

/** Shared formulas are written once, on their first cell; the others name it by index. */
type SharedFormulas = Map<string, string>;

function readCellXml(tag: string, body: string | undefined, context: SheetContext, shared: SharedFormulas): CellValue {
  const type = attributeOf(tag, 't');
  const style = attributeOf(tag, 's');
  const format = style === undefined ? undefined : context.formats[Number(style)];
  if (body === undefined || body === '') return EMPTY;
  const raw = between(body, '<v', '</v>');
  const inline = type === 'inlineStr' ? between(body, '<is', '</is>') : undefined;
  const formulaAt = body.indexOf('<f');
  if (formulaAt < 0) return valueOf(type, raw, inline, format, context);
  const formulaTag = body.slice(formulaAt, body.indexOf('>', formulaAt) + 1);
  let formula = decodeXml(utf8Text(between(body, '<f', '</f>') ?? ''));
  const index = / si="(\d+)"/.exec(formulaTag)?.[1];
  if (index !== undefined) {
    if (formula) shared.set(index, formula);
    else formula = shared.get(index) ?? '';
  }
  return { kind: 'formula', formula, result: valueOf(type, raw, undefined, format, context) };
}

/**
 * The rows of a sheet's XML, one at a time, in order; a merged range shows its value as MergeFill
 * says. With `columns`, only those columns' cells are read (the others are skipped unread).
 */
export function* readSheetRows(xml: Buffer, context: SheetContext, merges: MergedRange[], columns?: ReadonlySet<number>): Generator<SheetRow> {
  const shared: SharedFormulas = new Map();
  const merged = new MergeFill(merges);
  let lastRow = 0;
  for (const chunk of rowChunks(xml)) {
    for (const rowMatch of chunk.matchAll(ROW)) {
      const rowAttributes = rowMatch[1] ?? '';
      const declared = Number(attributeOf(rowAttributes, 'r'));
      const rowNumber = Number.isInteger(declared) && declared > lastRow ? declared : lastRow + 1;
      yield* merged.rowsBefore(rowNumber);
      lastRow = rowNumber;
      const cells = new Map<number, CellValue>();
      let lastColumn = 0;
      for (const cellMatch of (rowMatch[2] ?? '').matchAll(CELL)) {
        const tag = cellMatch[1] ?? '';
        const ref = attributeOf(tag, 'r');
        const column = ref ? columnNumber(ref.replace(/[^A-Z]/g, '')) : lastColumn + 1;
        lastColumn = column;
        if (columns && !columns.has(column)) continue;
        const value = readCellXml(tag, cellMatch[2], context, shared);
        if (value.kind !== 'empty') cells.set(column, value);
      }
      yield merged.apply({ rowNumber, cells });
    }
  }
  yield* merged.rowsBefore(Infinity);
}

export interface MergedRange {
  ref: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The merged ranges a sheet lists after its rows. */
export function readMergedRanges(xml: Buffer): MergedRange[] {
  const dataEnd = xml.lastIndexOf(DATA_END);
  const tail = xml.toString('utf8', dataEnd < 0 ? 0 : dataEnd);
  const ranges: MergedRange[] = [];
  for (const match of tail.matchAll(/<mergeCell\b[^>]*?\sref="([^"]+)"/g)) {
    const ref = match[1] ?? '';
    const [from, to = from] = ref.split(':').map((part) => cellAddress(part ?? ''));
    if (from && to) ranges.push({ ref, top: from.row, left: from.column, bottom: to.row, right: to.column });
  }
  return ranges;
}

/**
 * A merged cell repeats its value down a merged column (people merge a sector over the rows it
 * covers) but not across columns, where the neighbour is a different field. Rows a range covers
 * that the file does not write are read too, as Excel shows them.
 */
class MergeFill {
  private readonly masters = new Map<MergedRange, CellValue>();
  private readonly pending: number[];
  private next = 0;

  constructor(private readonly ranges: MergedRange[]) {
    this.pending = [...new Set(ranges.flatMap((r) => Array.from({ length: r.bottom - r.top + 1 }, (_, i) => r.top + i)))].sort((a, b) => a - b);
  }

  *rowsBefore(rowNumber: number): Generator<SheetRow> {
    for (let pending = this.pending[this.next]; pending !== undefined && pending < rowNumber; pending = this.pending[this.next]) {
      yield this.apply({ rowNumber: pending, cells: new Map() });
    }
  }

  apply(row: SheetRow): SheetRow {
    while ((this.pending[this.next] ?? Infinity) <= row.rowNumber) this.next++;
    for (const range of this.ranges) {
      if (row.rowNumber < range.top || row.rowNumber > range.bottom) continue;
      if (row.rowNumber === range.top) this.masters.set(range, row.cells.get(range.left) ?? EMPTY);
      else {
        const master = this.masters.get(range) ?? EMPTY;
        if (master.kind === 'empty') row.cells.delete(range.left);
        else row.cells.set(range.left, master);
      }
      for (let column = range.left + 1; column <= range.right; column++) row.cells.delete(column);
    }
    return row;
  }
}

const ROW_START = Buffer.from('<row');

/**
 * How many rows below `headerRow` hold a value (a formula counts), up to `enough`: checked before
 * any row is read. A sheet with no more rows than that in all is not read for it.
 */
export function filledRowsBelow(xml: Buffer, headerRow: number, enough: number): number {
  let written = 0;
  for (let at = xml.indexOf(ROW_START); at >= 0 && written <= enough; at = xml.indexOf(ROW_START, at + ROW_START.length)) written++;
  if (written <= enough) return written;
  let count = 0;
  let lastRow = 0;
  for (const chunk of rowChunks(xml)) {
    for (const rowMatch of chunk.matchAll(ROW)) {
      const declared = Number(attributeOf(rowMatch[1] ?? '', 'r'));
      lastRow = Number.isInteger(declared) && declared > lastRow ? declared : lastRow + 1;
      if (lastRow > headerRow && /<(?:v|is|f)[\s>]/.test(rowMatch[2] ?? '')) count++;
    }
  }
  return count;
}
