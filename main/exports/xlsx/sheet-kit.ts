import type ExcelJS from 'exceljs';
import { parseIsoDate } from '../../../shared/dates';
import { isRecord } from '../../../shared/guards';
import { FORMATS, heightForLines, sharedStyle, styleHeaderRow, wrappedLines, type CellLooks } from './cell-style';
import { cellSink, rowSink, type XmlCell } from './row-xml';
import { cellText, startsLikeFormula, TEXT_FORMAT } from './safe-text';

/** How a column's values are written: each kind has its number format and width rule. */
export type ColumnKind = 'text' | 'longText' | 'date' | 'int' | 'number' | 'kes' | 'amount' | 'percent';

export interface Formula {
  formula: string;
  /** The value the formula gives now, stored so viewers that do not recalculate still show it. */
  result: number | string;
}

export type CellInput = string | number | null | Formula;

export interface ColumnSpec<R> {
  header: string;
  kind: ColumnKind;
  value: (row: R, rowNumber: number) => CellInput;
  /** Characters; computed from the content when absent. */
  width?: number;
  /** A drop-down: the allowed labels, or a range formula such as `=List_Sectors`. */
  choices?: readonly string[] | string;
  hidden?: boolean;
  /** Greyed: shown for reference, not read back. */
  reference?: boolean;
}

/** A calendar date as Excel stores it: midnight UTC, so no time zone moves the day. */
export function excelDate(iso: string): Date {
  const { year, month, day } = parseIsoDate(iso);
  return new Date(Date.UTC(year, month - 1, day));
}

export function isFormula(value: CellInput): value is Formula {
  return typeof value === 'object' && value !== null;
}

/** A value in a column of its kind, and its look: user text stays text (see safe-text.ts). */
export function cellOf(column: number, kind: ColumnKind, value: CellInput, looks: CellLooks): XmlCell {
  if (value === null || value === '') return { column, value: null, style: looks.plain };
  if (isFormula(value)) return { column, value, style: looks.plain };
  if (typeof value === 'number') return { column, value, style: looks.fraction && !Number.isInteger(value) ? looks.fraction : looks.plain };
  if (kind === 'date') return { column, value: excelDate(value), style: looks.plain };
  const text = cellText(value);
  return { column, value: text, style: startsLikeFormula(text) ? looks.text : looks.plain };
}

/** Writes one value into an exceljs cell with the column's kind (see `cellOf`). */
export function writeCell(cell: ExcelJS.Cell, kind: ColumnKind, value: CellInput, looks?: CellLooks): void {
  if (looks) {
    const written = cellOf(0, kind, value, looks);
    cell.style = written.style;
    if (written.value !== null) cell.value = written.value;
    return;
  }
  if (value === null || value === '') return;
  if (isFormula(value) || typeof value === 'number') {
    cell.value = value;
    return;
  }
  if (kind === 'date') {
    cell.value = excelDate(value);
    return;
  }
  const text = cellText(value);
  cell.value = text;
  if (startsLikeFormula(text)) cell.numFmt = TEXT_FORMAT;
}

function displayLength(kind: ColumnKind, value: CellInput): number {
  if (value === null) return 0;
  if (isFormula(value)) return typeof value.result === 'number' ? Math.abs(value.result).toFixed(0).length * 1.34 + 1 : String(value.result).length;
  if (kind === 'date') return 11;
  if (typeof value === 'number') return kind === 'percent' ? 5 : (Math.abs(value).toFixed(0).length * 4) / 3 + 1;
  // The longest line, for text that wraps.
  let longest = 0;
  for (const line of value.split('\n')) longest = Math.max(longest, line.length);
  return longest;
}

const WIDTH_CAP: Record<ColumnKind, number> = { text: 28, longText: 30, date: 12, int: 10, number: 14, kes: 18, amount: 18, percent: 10 };

/** About how many values of a column are measured to fit its width. */
const WIDTH_SAMPLES = 2000;

/** Fits a column to its header and its widest value (sampled), within a cap per kind. */
export function fitWidth(header: string, kind: ColumnKind, values: CellInput[], cap = WIDTH_CAP[kind]): number {
  let widest = 0;
  // Sampling keeps a 20,000-row sheet quick; the first rows and a spread of the rest are measured.
  const step = Math.max(1, Math.floor(values.length / WIDTH_SAMPLES));
  for (let i = 0; i < values.length; i += step) widest = Math.max(widest, displayLength(kind, values[i] ?? null));
  const headerWidth = Math.min(header.length, 24);
  return Math.round(Math.min(cap, Math.max(headerWidth, widest, 6) + 2));
}

/**
 * One validation for a whole range: exceljs's typings only offer it per cell, but its worksheet
 * model takes ranges, which keeps a 5,000-row sheet small and covers the empty rows below the
 * data where people add rows.
 */
export function addValidation(sheet: ExcelJS.Worksheet, range: string, validation: ExcelJS.DataValidation): void {
  const validations = 'dataValidations' in sheet ? sheet.dataValidations : undefined;
  if (!isRecord(validations) || typeof validations.add !== 'function') throw new Error('exceljs no longer exposes worksheet.dataValidations.add');
  validations.add(range, validation);
}

export function listValidation(choices: readonly string[] | string, title: string): ExcelJS.DataValidation {
  // An inline list is a quoted, comma-separated string: labels never contain commas here.
  const formula = typeof choices === 'string' ? choices.replace(/^=/, '') : `"${choices.join(',')}"`;
  return {
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: title,
    error: `Choose a value from the list for ${title}.`,
  };
}

/** The column letter of a header within a column list (formulas refer to their neighbours). */
export function letterOf<R>(columns: readonly ColumnSpec<R>[], header: string): string {
  const index = columns.findIndex((spec) => spec.header === header);
  if (index < 0) throw new Error(`No column ${header}`);
  return columnLetter(index + 1);
}

export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export interface TableOptions<R> {
  headerRow: number;
  columns: ColumnSpec<R>[];
  rows: readonly R[];
  /** Empty rows below the data that still get drop-downs and formats (for rows people add). */
  spareRows?: number;
  /** Columns kept in view when scrolling right. */
  freezeColumns?: number;
  /** The Text format for every text column, so typed entries stay text (partner templates). */
  textColumnsAsText?: boolean;
  /**
   * The rows are final once written: they go out as sheet XML (row-xml.ts), straight into a
   * streamed sheet, and nothing may change them afterwards. Without it they are exceljs's cells,
   * which code after the table may still style.
   */
  commitRows?: boolean;
}

export interface TableLayout {
  firstDataRow: number;
  lastDataRow: number;
  /** 1-based column of a header. */
  column(header: string): number;
  letter(header: string): string;
}

/**
 * A register as a table: header row styled and repeated on every printed page, frozen above the
 * data, filterable, columns fitted to their content, drop-downs on choice columns.
 */
export function writeTable<R>(sheet: ExcelJS.Worksheet, options: TableOptions<R>): TableLayout {
  const { headerRow, columns, rows } = options;
  const firstDataRow = headerRow + 1;
  const lastDataRow = headerRow + Math.max(rows.length, 1);
  // The widths from a sample of the rows (as fitWidth samples): the values themselves are worked
  // out row by row as each row is written, so a 20,000-row sheet never holds them all at once.
  const step = Math.max(1, Math.floor(rows.length / WIDTH_SAMPLES));
  const sampled: number[] = [];
  for (let index = 0; index < rows.length; index += step) sampled.push(index);
  const samples = columns.map((spec) => sampled.map((index) => (rows[index] === undefined ? null : spec.value(rows[index], firstDataRow + index))));

  const widths = fitWidths(columns, samples);
  columns.forEach((spec, index) => {
    const column = sheet.getColumn(index + 1);
    column.width = widths[index];
    if (spec.hidden) column.hidden = true;
    sheet.getRow(headerRow).getCell(index + 1).value = spec.header;
  });
  styleHeaderRow(sheet.getRow(headerRow), 1, columns.length);

  const formats = columns.map((spec) => formatOf(spec.kind, options.textColumnsAsText === true));
  const wrap = columns.map((spec) => (spec.kind === 'longText' || spec.kind === 'text') && !spec.hidden);
  const looks: CellLooks[] = columns.map((spec, index) => {
    // Whole numbers and percentages sit centred, apart from the text beside them.
    const centred = spec.kind === 'int' || spec.kind === 'percent';
    const look = { wrap: wrap[index], reference: spec.reference === true, ...(centred ? { horizontal: 'center' as const } : {}) };
    const fractionFormat = spec.kind === 'number' ? FORMATS.measureFraction : spec.kind === 'amount' ? FORMATS.amountFraction : null;
    const measure = fractionFormat ? { fraction: sharedStyle({ ...look, numFmt: fractionFormat }) } : {};
    return { plain: sharedStyle({ ...look, numFmt: formats[index] }), text: sharedStyle({ ...look, numFmt: TEXT_FORMAT }), ...measure };
  });
  printSetup(sheet, `${headerRow}:${headerRow}`);
  const spare = (options.spareRows ?? 0) > 0;
  const sink = options.commitRows ? rowSink(sheet) : cellSink(sheet);
  rows.forEach((row, rowIndex) => {
    let lines = 1;
    const cells: XmlCell[] = [];
    // A sampled row's values were worked out for the widths already.
    const sample = rowIndex % step === 0 ? rowIndex / step : -1;
    columns.forEach((spec, columnIndex) => {
      const value = sample >= 0 ? (samples[columnIndex]?.[sample] ?? null) : spec.value(row, firstDataRow + rowIndex);
      if (wrap[columnIndex] && typeof value === 'string' && value.length > 8) lines = Math.max(lines, wrappedLines(value, widths[columnIndex] ?? 10));
      const needsCell = value !== null && value !== '';
      const format = formats[columnIndex];
      if (!needsCell && format !== '@' && !spec.reference) {
        // Spare rows format the columns (below), and exceljs gave every data row an empty cell of that format too.
        if (format && spare) cells.push({ column: columnIndex + 1, value: null, style: formatOnly(format) });
        return;
      }
      cells.push(cellOf(columnIndex + 1, spec.kind, value, looks[columnIndex] ?? { plain: {}, text: {} }));
    });
    sink.row(firstDataRow + rowIndex, cells, lines > 1 ? heightForLines(lines) : undefined);
  });
  sink.end();

  const lastValidatedRow = lastDataRow + (options.spareRows ?? 0);
  columns.forEach((spec, index) => {
    const letter = columnLetter(index + 1);
    if (spec.choices) addValidation(sheet, `${letter}${firstDataRow}:${letter}${lastValidatedRow}`, listValidation(spec.choices, spec.header));
    // Spare rows keep the column's format, so a date typed there is a date and text stays text.
    const format = formats[index];
    if (format && (options.spareRows ?? 0) > 0) sheet.getColumn(index + 1).numFmt = format;
  });

  const lastLetter = columnLetter(columns.length);
  sheet.autoFilter = `A${headerRow}:${lastLetter}${lastDataRow}`;
  // A register far wider than a page prints over two or three pages across, its first columns
  // repeated, rather than shrunk until nobody can read it.
  const totalWidth = widths.reduce((sum, width, index) => sum + (columns[index]?.hidden ? 0 : width), 0);
  const pagesAcross = Math.min(3, Math.max(1, Math.ceil(totalWidth / (PAGE_WIDTH * 1.9))));
  if (pagesAcross > 1) {
    sheet.pageSetup.fitToWidth = pagesAcross;
    if (options.freezeColumns) sheet.pageSetup.printTitlesColumn = `A:${columnLetter(options.freezeColumns)}`;
  }

  const headers = columns.map((spec) => spec.header);
  const column = (header: string) => {
    const index = headers.indexOf(header);
    if (index < 0) throw new Error(`No column ${header}`);
    return index + 1;
  };
  return { firstDataRow, lastDataRow, column, letter: (header) => columnLetter(column(header)) };
}

const formatOnlyStyles = new Map<string, Partial<ExcelJS.Style>>();

/** A style of a number format alone, one object per format (exceljs registers each object once). */
function formatOnly(numFmt: string): Partial<ExcelJS.Style> {
  let style = formatOnlyStyles.get(numFmt);
  if (!style) formatOnlyStyles.set(numFmt, (style = { numFmt }));
  return style;
}

/** What fits on a landscape A4 page at a readable scale, in character widths. */
const PAGE_WIDTH = 190;

/**
 * Columns fitted to their content within a cap per kind; a sheet with few columns gives its text
 * columns the room left on the page, so they wrap less.
 */
function fitWidths<R>(columns: ColumnSpec<R>[], values: CellInput[][]): number[] {
  const widths = columns.map((spec, index) => spec.width ?? (spec.hidden ? 10 : fitWidth(spec.header, spec.kind, values[index] ?? [])));
  const visible = (index: number) => !columns[index]?.hidden;
  let room = PAGE_WIDTH - widths.reduce((sum, width, index) => sum + (visible(index) ? width : 0), 0);
  if (room <= 0) return widths;
  const wants = columns.map((spec, index) =>
    spec.width === undefined && !spec.hidden && (spec.kind === 'text' || spec.kind === 'longText')
      ? Math.max(0, fitWidth(spec.header, spec.kind, values[index] ?? [], 60) - (widths[index] ?? 0))
      : 0,
  );
  const wanted = wants.reduce((sum, want) => sum + want, 0);
  if (wanted === 0) return widths;
  const share = Math.min(1, room / wanted);
  return widths.map((width, index) => {
    const extra = Math.floor((wants[index] ?? 0) * share);
    room -= extra;
    return width + extra;
  });
}

function formatOf(kind: ColumnKind, textAsText: boolean): string | undefined {
  switch (kind) {
    case 'date':
      return FORMATS.date;
    case 'kes':
      return FORMATS.kes;
    case 'amount':
      return FORMATS.amount;
    case 'int':
      return FORMATS.int;
    case 'percent':
      return FORMATS.percent;
    case 'number':
      return FORMATS.measure;
    default:
      return textAsText ? '@' : undefined;
  }
}

/**
 * A new sheet with its frozen panes and fit-to-page flag given at creation: exceljs's streaming
 * writer writes both into the sheet's opening XML the moment the sheet is created.
 */
export function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  frozen: { rows: number; columns?: number },
  state: ExcelJS.WorksheetState = 'visible',
  /** Fixed when the sheet is made: a streamed sheet writes whether it fits to a page first. */
  page: Partial<ExcelJS.PageSetup> = { fitToPage: true },
): ExcelJS.Worksheet {
  const columns = frozen.columns ?? 0;
  return workbook.addWorksheet(name, {
    state,
    views: [
      {
        state: 'frozen',
        xSplit: columns,
        ySplit: frozen.rows,
        topLeftCell: `${columnLetter(columns + 1)}${frozen.rows + 1}`,
        activeCell: `A${frozen.rows + 1}`,
      },
    ],
    pageSetup: { fitToWidth: 1, fitToHeight: 0, orientation: 'landscape', paperSize: 9, ...page },
  });
}

/** Landscape A4, one page wide, the header row repeated, the sheet's name and page on each page. */
export function printSetup(sheet: ExcelJS.Worksheet, titleRows: string | undefined): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(titleRows ? { printTitlesRow: titleRows } : {}),
  };
  sheet.headerFooter = { oddFooter: '&L&A&RPage &P of &N' };
}
