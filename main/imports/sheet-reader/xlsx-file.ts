import { unpackWorkbook, type WorkbookKind } from '../xlsx/open-workbook';
import { readCellFormats } from './cell-formats';
import { filledRowsBelow, readMergedRanges, readSheetRows, type MergedRange, type SheetContext, type SheetRow } from './sheet-rows';
import { attribute, elements, runText } from './xml-text';

/**
 * A returned workbook read as it is stored: the sheets' XML unpacked once (after the zip checks),
 * each sheet's rows then read one at a time when asked for, so a sheet of 150,000 rows is never
 * held as objects. One reader for the cycle workbook and the partner template.
 */
export interface XlsxSheet {
  /** The sheet's name as its tab shows it. */
  name: string;
  /** Rows in order, read from the file each time this is called; only the `columns` given, when given. */
  rows(columns?: ReadonlySet<number>): Generator<SheetRow>;
  /** The first rows (up to `last`), for finding a header row. */
  firstRows(last: number): SheetRow[];
  /** Merged ranges, e.g. "A5:A8". */
  merges: MergedRange[];
  /** How many rows below `row` hold a value, without reading them; any count up to `enough` may be the rows written in all. */
  filledRowsBelow(row: number, enough: number): number;
}

export interface XlsxFile {
  sheets: XlsxSheet[];
  sheet(name: string): XlsxSheet | undefined;
}

/** Where a part of the package lives, from a relationship's target (relative to xl/, or absolute). */
function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

const WANTED_PART = /^xl\/.*\.(xml|rels)$/;

/** Opens a workbook (throwing plain words when it cannot: open-workbook.ts) and lists its worksheets. */
export function openXlsx(buffer: Buffer, fileName: string, what: WorkbookKind): XlsxFile {
  const parts = unpackWorkbook(buffer, fileName, what, (name) => WANTED_PART.test(name) && !name.startsWith('xl/media/'));
  const text = (path: string) => parts.get(path)?.toString('utf8');
  const workbookXml = text('xl/workbook.xml') ?? '';
  const relations = new Map<string, { type: string; target: string }>();
  for (const { tag } of elements(text('xl/_rels/workbook.xml.rels') ?? '', 'Relationship')) {
    const id = attribute(tag, 'Id');
    if (id) relations.set(id, { type: attribute(tag, 'Type') ?? '', target: partPath(attribute(tag, 'Target') ?? '') });
  }
  const partOfType = (suffix: string, fallback: string) => [...relations.values()].find((r) => r.type.endsWith(suffix))?.target ?? fallback;
  const workbookPr = /<workbookPr\b([^>]*)/.exec(workbookXml)?.[1] ?? '';
  const date1904 = ['1', 'true'].includes(attribute(workbookPr, 'date1904') ?? '');
  const context: SheetContext = {
    sharedStrings: [...elements(text(partOfType('/sharedStrings', 'xl/sharedStrings.xml')) ?? '', 'si')].map(({ body }) => runText(body)),
    formats: readCellFormats(text(partOfType('/styles', 'xl/styles.xml'))),
    date1904,
  };
  const sheets: XlsxSheet[] = [];
  for (const { tag } of elements(workbookXml, 'sheet')) {
    const relation = relations.get(attribute(tag, 'r:id') ?? '');
    const xml = relation && relation.type.endsWith('/worksheet') ? parts.get(relation.target) : undefined;
    if (!xml) continue;
    const merges = readMergedRanges(xml);
    const rows = (columns?: ReadonlySet<number>) => readSheetRows(xml, context, merges, columns);
    sheets.push({
      name: attribute(tag, 'name') ?? '',
      rows,
      firstRows: (last) => {
        const first: SheetRow[] = [];
        for (const row of rows()) {
          if (row.rowNumber > last) break;
          first.push(row);
        }
        return first;
      },
      merges,
      filledRowsBelow: (row, enough) => filledRowsBelow(xml, row, enough),
    });
  }
  return { sheets, sheet: (name) => sheets.find((sheet) => sheet.name === name) };
}

/** A details sheet's key (column A) → value (column B) rows as text, below its first row. */
export function keyValueRows(sheet: XlsxSheet): Record<string, string> {
  const values: Record<string, string> = {};
  for (const row of sheet.rows()) {
    if (row.rowNumber === 1) continue;
    const key = row.cells.get(1);
    const value = row.cells.get(2);
    if (key?.kind === 'text') values[key.text] = value === undefined ? '' : cellString(value);
  }
  return values;
}

function cellString(cell: NonNullable<ReturnType<SheetRow['cells']['get']>>): string {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'number':
      return String(cell.value);
    case 'bool':
      return String(cell.value);
    case 'date':
      return cell.iso;
    default:
      return '';
  }
}
