import type ExcelJS from 'exceljs';
import { isRecord } from '../../../shared/guards';
import { zipPackage, type PackageEntry } from '../docx/zip-package';
import { cellText } from './safe-text';
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
  /** Each row's cells from column A; null leaves a cell out. */
  rows: readonly (readonly (string | null)[])[];
}

export async function writeXlsx(workbook: ExcelJS.Workbook, plain: ReadonlyMap<string, PlainRows> = new Map()): Promise<Buffer> {
  const { prepareModel, steps } = renderer(workbook);
  const parts: PackageEntry[] = [];
  const zip: PartCollector = { append: (data, { name, base64 }) => parts.push({ path: name, data: bytesOf(data, base64 === true) }) };
  const model = workbook.model;
  prepareModel(model, {});
  for (const step of steps) await step(zip, model);
  for (const [sheetName, rows] of plain) {
    const sheet = workbook.getWorksheet(sheetName);
    const path = `xl/worksheets/sheet${sheet?.id ?? 0}.xml`;
    const part = parts.find((p) => p.path === path);
    if (!sheet || !part) throw new Error(`No sheet ${sheetName} to add rows to.`);
    part.data = Buffer.from(withRows(Buffer.from(part.data).toString('utf8'), rows), 'utf8');
  }
  // zlib's fastest level: a template's XML packs within a few per cent of the default's size.
  return zipPackage(parts, workbook.modified ?? new Date(), 1);
}

const escapeXml = (text: string) => cellText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The sheet's XML with the rows added at the end of its sheet data, and its dimension widened to cover them. */
function withRows(xml: string, { firstRow, rows }: PlainRows): string {
  const letters = Array.from({ length: Math.max(0, ...rows.map((values) => values.length)) }, (_, index) => columnLetter(index + 1));
  const parts: string[] = [];
  rows.forEach((values, index) => {
    const rowNumber = firstRow + index;
    parts.push(`<row r="${rowNumber}">`);
    values.forEach((value, column) => {
      if (value) parts.push(`<c r="${letters[column] ?? ''}${rowNumber}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`);
    });
    parts.push('</row>');
  });
  const body = parts.join('');
  const widest = Math.max(1, letters.length);
  const lastRow = firstRow + rows.length - 1;
  const withData = xml.includes('<sheetData/>')
    ? xml.replace('<sheetData/>', `<sheetData>${body}</sheetData>`)
    : xml.replace('</sheetData>', `${body}</sheetData>`);
  return withData.replace(
    /<dimension ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"\/>/,
    (_match, _c1: string, _r1: string, c2: string | undefined, r2: string | undefined) => {
      const lastColumn = [c2 ?? _c1, columnLetter(widest)].sort((a, b) => a.length - b.length || a.localeCompare(b)).at(-1) ?? 'A';
      return `<dimension ref="A1:${lastColumn}${Math.max(lastRow, Number(r2 ?? _r1))}"/>`;
    },
  );
}
