import ExcelJS from 'exceljs';
import { isRecord } from '../../../shared/guards';
import { zipPackage, type PackageEntry } from '../docx/zip-package';
import { cellText } from './safe-text';
import { deferRowsOf, renderDeferredRows, type RenderedRows } from './row-xml';
import { columnLetter } from './sheet-kit';

/**
 * An in-memory exceljs workbook as .xlsx bytes, zipped by Node's zlib. exceljs renders each part
 * (sheets, shared strings, styles) quickly, then hands them to JSZip, whose JavaScript UTF-8
 * encoding, CRC and deflate took two thirds of a partner template's writing time; a round writes
 * sixty of them. Here exceljs renders the same parts in the same order (its own `write`, step by
 * step) and the package is zipped natively (zip-package.ts, as the Word documents are).
 */

/** exceljs's render steps, in the order its `XLSX.write` calls them (exceljs 4.4). */
const STEPS = [
  'addContentTypes',
  'addOfficeRels',
  'addWorkbookRels',
  'addWorksheets',
  'addSharedStrings', // always after the worksheets, which fill the shared strings
  'addDrawings',
  'addTables',
  'addThemes',
  'addStyles',
  'addMedia',
  'addApp',
  'addCore',
  'addWorkbook',
] as const;

type Step = (zip: PartCollector, model: unknown) => unknown;

/** What exceljs's steps see as the zip: each part appended by name. */
interface PartCollector {
  append(data: unknown, options: { name: string; base64?: boolean }): void;
}

function renderer(workbook: ExcelJS.Workbook) {
  const xlsx: unknown = workbook.xlsx;
  const method = (name: string) => {
    const found = isRecord(xlsx) ? xlsx[name] : undefined;
    if (typeof found !== 'function') throw new Error(`exceljs no longer has XLSX.${name}; write-xlsx.ts follows exceljs 4.4's XLSX.write.`);
    return (...args: unknown[]): unknown => Reflect.apply(found, xlsx, args);
  };
  return { prepareModel: method('prepareModel'), steps: STEPS.map((name): Step => method(name)) };
}

function bytesOf(data: unknown, base64: boolean): Uint8Array {
  if (typeof data === 'string') return Buffer.from(data, base64 ? 'base64' : 'utf8');
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw new Error('exceljs rendered a part that is neither text nor bytes.');
}

/**
 * Rows of plain text for a sheet, written below the rows exceljs rendered as inline strings with
 * the sheet's default look. A partner template's lookup lists (the cycle's 5,000 activities) and
 * hidden base rows are half its cells: rendered through exceljs's cell model, shared-string table
 * and style registry, they cost half of every template; as text they cost a few milliseconds.
 */
export interface PlainRows {
  /** The spreadsheet row number of the first row. */
  firstRow: number;
  /**
   * Each column's values from column A, top to bottom; an empty one leaves its cell out. A column
   * given as the same array again (the lists every template of a round shares) is not rendered
   * again.
   */
  columns: readonly (readonly string[])[];
}

/** A workbook that `writeXlsx` writes: its tables' rows are rendered by row-xml.ts, not exceljs's cells. */
export function workbookForWriteXlsx(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  deferRowsOf(workbook);
  return workbook;
}

/** How a style is registered with the styles exceljs's `prepareModel` made for the workbook being written. */
function styleRegistry(model: unknown): (style: Partial<ExcelJS.Style>, valueType: number) => number {
  const styles = isRecord(model) ? model.styles : undefined;
  const addStyleModel = isRecord(styles) ? styles.addStyleModel : undefined;
  if (!isRecord(styles) || typeof addStyleModel !== 'function') throw new Error("exceljs's prepared model has no styles; write-xlsx.ts follows exceljs 4.4.");
  return (style, valueType) => Number(Reflect.apply(addStyleModel, styles, [style, valueType]));
}

export async function writeXlsx(workbook: ExcelJS.Workbook, plain: ReadonlyMap<string, PlainRows> = new Map()): Promise<Buffer> {
  const { prepareModel, steps } = renderer(workbook);
  const parts: PackageEntry[] = [];
  const zip: PartCollector = { append: (data, { name, base64 }) => parts.push({ path: name, data: bytesOf(data, base64 === true) }) };
  const model = workbook.model;
  prepareModel(model, {});
  // The tables' rows join the styles before exceljs renders them (styles.xml).
  const added = new Map<number, RenderedRows>();
  const styleId = styleRegistry(model);
  for (const sheet of workbook.worksheets) {
    const rows = renderDeferredRows(sheet, styleId);
    if (rows) added.set(sheet.id, rows);
  }
  for (const [sheetName, rows] of plain) {
    const sheet = workbook.getWorksheet(sheetName);
    if (!sheet || added.has(sheet.id)) throw new Error(`No sheet ${sheetName} to add rows to.`);
    added.set(sheet.id, plainRowsXml(rows));
  }
  for (const step of steps) await step(zip, model);
  for (const [sheetId, rows] of added) {
    const path = `xl/worksheets/sheet${sheetId}.xml`;
    const part = parts.find((p) => p.path === path);
    if (!part) throw new Error(`No sheet part ${path} to add rows to.`);
    part.data = withRows(part.data, rows);
  }
  // zlib's fastest level: a template's XML packs within a few per cent of the default's size.
  return zipPackage(parts, workbook.modified ?? new Date(), 1);
}

const renderedColumns = new WeakMap<readonly string[], { at: string; cells: string[] }>();

/** A column's cells as XML, kept with the column's array for the next template that shows it at the same place. */
function columnCells(values: readonly string[], letter: string, firstRow: number): readonly string[] {
  const at = `${letter}${firstRow}`;
  const kept = renderedColumns.get(values);
  if (kept?.at === at) return kept.cells;
  const cells = values.map((value, index) =>
    value ? `<c r="${letter}${firstRow + index}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>` : '',
  );
  renderedColumns.set(values, { at, cells });
  return cells;
}

/**
 * The rows below the longest new column, made of columns rendered before only (a round's shared
 * lists under its partner's own): the same for every template of the round, so kept encoded,
 * with the byte where each row starts.
 */
interface SharedTail {
  firstRow: number;
  columns: readonly (readonly string[] | undefined)[];
  bytes: Buffer;
  starts: number[];
}

const sharedTails = new WeakMap<readonly string[], SharedTail>();

function sharedTail(firstRow: number, columns: readonly (readonly string[] | undefined)[], cells: readonly (readonly string[])[], length: number) {
  const key = columns.find((values) => values !== undefined);
  if (!key) return undefined;
  const kept = sharedTails.get(key);
  if (kept && kept.firstRow === firstRow && kept.columns.length === columns.length && kept.columns.every((values, index) => values === columns[index])) {
    return kept;
  }
  const starts: number[] = [];
  const rows: string[] = [];
  let at = 0;
  for (let index = 0; index < length; index++) {
    let row = `<row r="${firstRow + index}">`;
    cells.forEach((column, position) => {
      if (columns[position]) row += column[index] ?? '';
    });
    row += '</row>';
    starts.push(at);
    at += Buffer.byteLength(row);
    rows.push(row);
  }
  starts.push(at);
  const tail = { firstRow, columns, bytes: Buffer.from(rows.join('')), starts };
  sharedTails.set(key, tail);
  return tail;
}

/** Plain text rows as inline strings with the sheet's default look. */
function plainRowsXml({ firstRow, columns }: PlainRows): RenderedRows {
  const seen = columns.map((values) => renderedColumns.has(values));
  const cells = columns.map((values, index) => columnCells(values, columnLetter(index + 1), firstRow));
  const length = Math.max(0, ...columns.map((values) => values.length));
  // Below the new columns' last value, the rows are those of the columns seen before alone.
  const newRows = Math.max(0, ...columns.map((values, index) => (seen[index] ? 0 : values.length)));
  const tail =
    newRows < length
      ? sharedTail(
          firstRow,
          columns.map((values, index) => (seen[index] ? values : undefined)),
          cells,
          length,
        )
      : undefined;
  const own = tail ? newRows : length;
  const rows: string[] = [];
  for (let index = 0; index < own; index++) {
    let row = `<row r="${firstRow + index}">`;
    for (const column of cells) row += column[index] ?? '';
    rows.push(`${row}</row>`);
  }
  const parts: (string | Uint8Array)[] = [rows.join('')];
  if (tail) parts.push(tail.bytes.subarray(tail.starts[newRows] ?? tail.bytes.length));
  return { parts, lastRow: firstRow + length - 1, lastColumn: length > 0 ? Math.max(1, columns.length) : 1 };
}

const escapeXml = (text: string) => cellText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The sheet's XML with the rows added at the end of its sheet data, and its dimension widened to cover them. */
function withRows(part: Uint8Array, { parts, lastRow, lastColumn }: RenderedRows): Buffer {
  // Spliced as bytes: the shared rows are kept encoded, and only the head is read as text.
  const bytes = Buffer.from(part.buffer, part.byteOffset, part.byteLength);
  const empty = bytes.indexOf('<sheetData/>');
  const end = empty >= 0 ? empty : bytes.indexOf('</sheetData>');
  if (end < 0) throw new Error('A sheet part without its sheet data.');
  const head = bytes
    .subarray(0, end)
    .toString('utf8')
    .replace(/<dimension ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"\/>/, (_match, _c1: string, _r1: string, c2: string | undefined, r2: string | undefined) => {
      const widest = [c2 ?? _c1, columnLetter(lastColumn)].sort((a, b) => a.length - b.length || a.localeCompare(b)).at(-1) ?? 'A';
      return `<dimension ref="A1:${widest}${Math.max(lastRow, Number(r2 ?? _r1))}"/>`;
    });
  const rest = empty >= 0 ? Buffer.concat([Buffer.from('</sheetData>'), bytes.subarray(empty + '<sheetData/>'.length)]) : bytes.subarray(end);
  return Buffer.concat([
    Buffer.from(empty >= 0 ? `${head}<sheetData>` : head),
    ...parts.map((piece) => (typeof piece === 'string' ? Buffer.from(piece) : piece)),
    rest,
  ]);
}
