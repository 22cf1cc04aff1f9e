import type ExcelJS from 'exceljs';
import { isRecord } from '../../../shared/guards';
import type { Formula } from './sheet-kit';

/**
 * A table's data rows written as sheet XML, byte for byte what exceljs 4.4 writes for the same
 * cells, without building its cell model. The large plan's workbook holds half a million cells:
 * through exceljs's rows, cells, value objects and XML stream they were most of its export time
 * and its garbage, and every partner template of a round paid the same per cell.
 *
 * Three ways a row reaches the file, chosen by the sheet (`rowSink`):
 * - a sheet of exceljs's streaming writer (the cycle workbook): the rows go straight into its
 *   stream, in order, after the rows exceljs holds above them;
 * - a sheet of a workbook made by `workbookForWriteXlsx` and written by `writeXlsx` (partner
 *   templates): the rows wait until the workbook is written, where they join exceljs's styles
 *   and are added at the end of the sheet's data;
 * - any other sheet, or rows that code after the table still styles (`cellSink`): exceljs's own
 *   cells, as before.
 */

export type CellValue = string | number | Date | Formula | null;

export interface XmlCell {
  /** 1-based. */
  column: number;
  value: CellValue;
  /** A shared style object (cell-style.ts): exceljs registers each object once. */
  style: Partial<ExcelJS.Style>;
}

export interface RowSink {
  /** Rows in increasing order, below every row exceljs has for the sheet. */
  row(rowNumber: number, cells: readonly XmlCell[], height?: number): void;
  /** After the last row: what is still buffered goes out before exceljs writes anything more. */
  end(): void;
}

/** exceljs's value types (Enums.ValueType): a style without a number format gets one by type. */
const VALUE_TYPE = { null: 0, number: 2, string: 3, date: 4 } as const;

/**
 * What a row needs from the workbook it goes into: style ids. Strings are written in the cell
 * (`t="str"`), as exceljs's streaming writer does without shared strings.
 */
interface RowTarget {
  styleId(style: Partial<ExcelJS.Style>, valueType: number): number;
  /** exceljs's streaming writer leaves out a row with neither a value nor a height. */
  keepsEmptyRows: boolean;
}

// The characters exceljs's xmlEncode replaces: the same output, so the same files.
// eslint-disable-next-line no-control-regex -- the control characters are what is removed
const XML_SPECIAL = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/;
// eslint-disable-next-line no-control-regex -- as above
const XML_SPECIAL_ALL = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/g;
const ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };

export function xmlText(text: string): string {
  return XML_SPECIAL.test(text) ? text.replace(XML_SPECIAL_ALL, (char) => ENTITY[char] ?? '') : text;
}

/** Excel's serial day number, as exceljs writes it (1900 date system). */
const excelSerial = (date: Date) => 25569 + date.getTime() / (24 * 3600 * 1000);

function typeOf(value: CellValue): number {
  if (value === null) return VALUE_TYPE.null;
  if (typeof value === 'number') return VALUE_TYPE.number;
  if (typeof value === 'string') return VALUE_TYPE.string;
  if (value instanceof Date) return VALUE_TYPE.date;
  // A formula's style is registered by the type of its result.
  return typeof value.result === 'number' ? VALUE_TYPE.number : VALUE_TYPE.string;
}

function cellXml(target: RowTarget, address: string, cell: XmlCell): string {
  const { value } = cell;
  const styleId = target.styleId(cell.style, typeOf(value));
  if (value === null && !styleId) return '';
  const open = `<c r="${address}"${styleId ? ` s="${styleId}"` : ''}`;
  if (value === null) return `${open}/>`;
  if (typeof value === 'number') return `${open}><v>${value}</v></c>`;
  if (typeof value === 'string') return `${open} t="str"><v>${xmlText(value)}</v></c>`;
  if (value instanceof Date) return `${open}><v>${excelSerial(value)}</v></c>`;
  const formula = `<f>${xmlText(value.formula)}</f>`;
  // exceljs never puts a formula's string result in the shared strings.
  return typeof value.result === 'number' ? `${open}>${formula}<v>${value.result}</v></c>` : `${open} t="str">${formula}<v>${xmlText(value.result)}</v></c>`;
}

const letters: string[] = [];
function letterOf(column: number): string {
  let cached = letters[column];
  if (cached === undefined) {
    cached = '';
    for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) cached = String.fromCharCode(65 + ((n - 1) % 26)) + cached;
    letters[column] = cached;
  }
  return cached;
}

function rowXml(target: RowTarget, rowNumber: number, cells: readonly XmlCell[], height: number | undefined): string {
  if (!height && (cells.length === 0 || (!target.keepsEmptyRows && cells.every((cell) => cell.value === null)))) return '';
  let min = 0;
  let max = 0;
  let body = '';
  for (const cell of cells) {
    if (!min || cell.column < min) min = cell.column;
    if (cell.column > max) max = cell.column;
    body += cellXml(target, `${letterOf(cell.column)}${rowNumber}`, cell);
  }
  const heightAttributes = height ? ` ht="${height}" customHeight="1"` : '';
  const spans = min > 0 ? ` spans="${min}:${max}"` : '';
  return `<row r="${rowNumber}"${heightAttributes}${spans} x14ac:dyDescent="0.25">${body}</row>`;
}

// ---------------------------------------------------------------------------------------------
// exceljs's streaming worksheet (exceljs 4.4's WorksheetWriter): its stream, pending rows and styles.

interface StreamedSheet {
  stream: { write(text: string): unknown };
  rows: () => readonly (ExcelJS.Row | undefined)[];
  setRowZero(next: number): void;
  startData(): void;
  styles: { addStyleModel(style: Partial<ExcelJS.Style>, valueType: number): number };
}

const method = (target: Record<string, unknown>, name: string) => {
  const found = target[name];
  if (typeof found !== 'function') throw new Error(`exceljs's streaming worksheet has no ${name}; row-xml.ts follows exceljs 4.4.`);
  return (...args: unknown[]): unknown => Reflect.apply(found, target, args);
};

function streamedSheet(sheet: ExcelJS.Worksheet): StreamedSheet | undefined {
  const writer: unknown = sheet;
  if (!isRecord(writer) || !('_rowZero' in writer) || !isRecord(writer.stream)) return undefined;
  const workbook = writer._workbook;
  const styles = isRecord(workbook) ? workbook.styles : undefined;
  const { stream } = writer;
  if (!isRecord(styles)) throw new Error("exceljs's streaming workbook has no styles; row-xml.ts follows exceljs 4.4.");
  const write = method(stream, 'write');
  const addStyleModel = method(styles, 'addStyleModel');
  return {
    stream: { write },
    rows: () => (Array.isArray(writer._rows) ? writer._rows : []),
    setRowZero: (next) => (writer._rowZero = next),
    startData: () => {
      if (writer.startedData === true) return;
      // What exceljs does before its first row: the column widths, then the sheet data opens.
      method(writer, '_writeColumns')();
      method(writer, '_writeOpenSheetData')();
      writer.startedData = true;
    },
    styles: { addStyleModel: (style, valueType) => Number(addStyleModel(style, valueType)) },
  };
}

function streamSink(sheet: ExcelJS.Worksheet, streamed: StreamedSheet): RowSink {
  const target: RowTarget = {
    styleId: (style, valueType) => streamed.styles.addStyleModel(style, valueType),
    keepsEmptyRows: false,
  };
  let buffered: string[] = [];
  let size = 0;
  let started = false;
  const flush = () => {
    if (buffered.length) streamed.stream.write(buffered.join(''));
    buffered = [];
    size = 0;
  };
  return {
    row(rowNumber, cells, height) {
      if (!started) {
        // The rows exceljs holds above (title, header) go out first, then ours follow in order.
        const pending = streamed.rows().filter((row) => row !== undefined);
        const last = pending.at(-1);
        if (last && last.number >= rowNumber) throw new Error(`Row ${rowNumber} of ${sheet.name} is written after a row below it.`);
        last?.commit();
        streamed.startData();
        started = true;
      }
      const xml = rowXml(target, rowNumber, cells, height);
      buffered.push(xml);
      size += xml.length;
      streamed.setRowZero(rowNumber + 1);
      if (size > 1 << 16) flush();
    },
    end: flush,
  };
}

// ---------------------------------------------------------------------------------------------
// Workbooks written by writeXlsx: rows kept until the workbook's strings and styles are known.

interface DeferredRow {
  rowNumber: number;
  cells: readonly XmlCell[];
  height: number | undefined;
}

const deferredWorkbooks = new WeakSet<ExcelJS.Workbook>();
const deferredRows = new WeakMap<ExcelJS.Worksheet, DeferredRow[]>();

/** Marks a workbook that `writeXlsx` writes: its tables' rows wait for it (see `renderDeferredRows`). */
export function deferRowsOf(workbook: ExcelJS.Workbook): void {
  deferredWorkbooks.add(workbook);
}

function deferredSink(sheet: ExcelJS.Worksheet): RowSink {
  const rows: DeferredRow[] = [];
  deferredRows.set(sheet, rows);
  return {
    row: (rowNumber, cells, height) => void rows.push({ rowNumber, cells, height }),
    end: () => undefined,
  };
}

export interface RenderedRows {
  /** The rows' XML, in pieces: text, or bytes already encoded (kept from an earlier template). */
  parts: readonly (string | Uint8Array)[];
  lastRow: number;
  lastColumn: number;
}

/**
 * A sheet's deferred rows as XML, their styles added to the workbook's styles (exceljs's
 * `prepareModel` has made them, and styles.xml is not rendered yet).
 */
export function renderDeferredRows(sheet: ExcelJS.Worksheet, styleId: RowTarget['styleId']): RenderedRows | undefined {
  const rows = deferredRows.get(sheet);
  if (!rows?.length) return undefined;
  const target: RowTarget = { styleId, keepsEmptyRows: true };
  const first = rows[0]?.rowNumber ?? 0;
  if (sheet.rowCount >= first) throw new Error(`The rows of ${sheet.name} from ${first} would come before exceljs's rows.`);
  let lastColumn = 1;
  const xml = rows.map(({ rowNumber, cells, height }) => {
    for (const cell of cells) lastColumn = Math.max(lastColumn, cell.column);
    return rowXml(target, rowNumber, cells, height);
  });
  return { parts: [xml.join('')], lastRow: rows.at(-1)?.rowNumber ?? first, lastColumn };
}

// ---------------------------------------------------------------------------------------------
// Any other sheet: exceljs's cells.

export function cellSink(sheet: ExcelJS.Worksheet): RowSink {
  return {
    row(rowNumber, cells, height) {
      const row = sheet.getRow(rowNumber);
      for (const { column, value, style } of cells) {
        const cell = row.getCell(column);
        cell.style = style;
        if (value !== null) cell.value = value;
      }
      if (height) row.height = height;
    },
    end: () => undefined,
  };
}

/** Where a table's rows go for this sheet (see the top of this file). */
export function rowSink(sheet: ExcelJS.Worksheet): RowSink {
  const streamed = streamedSheet(sheet);
  if (streamed) return streamSink(sheet, streamed);
  if (deferredWorkbooks.has(sheet.workbook)) return deferredSink(sheet);
  return cellSink(sheet);
}
