import type { WorkbookProblemDto } from '../../../shared/api/methods/workbook-import';
import { META_SHEET, SHEETS } from '../../exports/xlsx/sheet-names';
import { keyValueRows, type XlsxFile, type XlsxSheet } from '../sheet-reader/xlsx-file';
import { EMPTY, type CellValue } from '../xlsx/cells';
import { fileProblem } from '../xlsx/open-workbook';
import { ANALYSIS_SHEETS, EVALUATIONS_SHEET, headerKey, WORKBOOK_SHEETS, type SheetShape, type WorkbookSheet } from './layout';

/** The details-sheet entry marking a workbook of rejected rows (see rejected-rows.ts). */
export const PARTIAL_KEY = 'rejectedRowsOnly';

/** How far down a sheet its header row is looked for (people insert rows above it). */
const HEADER_SEARCH_ROWS = 30;
/** More rows than any county plan holds in one register (the large test plan has 20,000 budget lines). */
export const MAX_SHEET_ROWS = 60_000;

export interface WorkbookRow {
  /** The row number the user sees. */
  rowNumber: number;
  /** Cells by header key (see headerKey). */
  cells: Map<string, CellValue>;
}

export interface SheetRead<S extends SheetShape> {
  spec: S;
  /** The sheet's name in this file (it may have been renamed). */
  sheetName: string;
  headerRow: number;
  /** Every header of the header row as written, by header key. */
  headers: Map<string, string>;
  /** The rows below the header holding anything typed, read from the file one at a time on each call. */
  rows(): Generator<WorkbookRow>;
}

export type RegisterSheetRead = SheetRead<WorkbookSheet>;

export interface WorkbookRead {
  /** The cycle the workbook was exported from; '' for a blank workbook, null for one Pamoja JWP did not write. */
  cycleId: string | null;
  /** The General information sheet's values and their row numbers, by label key. */
  general: Map<string, { cell: CellValue; row: number }> | null;
  sheets: RegisterSheetRead[];
  /** The Indicator results sheet; null in a workbook written before it existed. */
  evaluations: SheetRead<SheetShape> | null;
  problems: WorkbookProblemDto[];
  notes: string[];
  /** The rows an earlier import left out, returned to be fixed: rows it does not list are kept, not removed. */
  partial: boolean;
}

/**
 * Reads a cycle workbook's register sheets into rows of cells by header, without looking at the
 * database. Sheets are found by name, or by their header row when renamed; columns by header, so
 * reordered columns read. What cannot be read is a problem naming the sheet, row and column.
 */
export function readWorkbook(workbook: XlsxFile, fileName: string): WorkbookRead {
  const metaSheet = workbook.sheet(META_SHEET);
  const meta = metaSheet ? keyValueRows(metaSheet) : null;
  if (meta?.kind === 'partner-template') {
    throw fileProblem(`"${fileName}" is a partner's fill-in template, not a cycle workbook. Import it with "Import a partner template" (pamoja import-xlsx).`);
  }
  const candidates = workbook.sheets.filter((sheet) => sheet.name !== META_SHEET);
  const problems: WorkbookProblemDto[] = [];
  const notes: string[] = [];
  const taken = new Set<XlsxSheet>();
  const sheets: RegisterSheetRead[] = [];
  const readSheet = <S extends SheetShape>(spec: S): SheetRead<S> | 'missing' | 'unreadable' => {
    const found = locate(
      spec,
      candidates.filter((sheet) => !taken.has(sheet)),
    );
    if (!found) return 'missing';
    taken.add(found.sheet);
    const missing = spec.columns.filter((column) => column.required && !found.headers.has(headerKey(column.header)));
    if (missing.length) {
      problems.push({
        sheet: found.sheet.name,
        row: found.headerRow,
        column: missing[0]?.header ?? null,
        message: `The column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c.header}"`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing from the header row, so this sheet cannot be read.`,
      });
      return 'unreadable';
    }
    const sheetProblems = structureProblems(found.sheet, found.headerRow);
    if (sheetProblems.length) {
      problems.push(...sheetProblems);
      return 'unreadable';
    }
    return {
      spec,
      sheetName: found.sheet.name,
      headerRow: found.headerRow,
      headers: found.headers,
      rows: () => readRows(found, spec),
    };
  };
  for (const spec of WORKBOOK_SHEETS) {
    const read = readSheet(spec);
    if (read === 'missing') {
      problems.push({
        sheet: spec.name,
        row: null,
        column: null,
        message: `The sheet "${spec.name}" is missing: no sheet has its header row (${spec.columns.map((c) => c.header).join(', ')}). Sheets may be renamed but not deleted; put it back from the exported workbook.`,
      });
    } else if (read !== 'unreadable') sheets.push(read);
  }
  // Optional: workbooks exported before it existed do not have it, and then nothing it holds changes.
  const evaluationsRead = readSheet(EVALUATIONS_SHEET);
  const evaluations = typeof evaluationsRead === 'string' ? null : evaluationsRead;
  const general = workbook.sheet(SHEETS.general);
  const present = new Set(workbook.sheets.map((sheet) => sheet.name));
  const analysis = ANALYSIS_SHEETS.filter((name) => present.has(name));
  if (analysis.length) notes.push(`${analysis.join(', ')}: worked out from the other sheets, so edits there are not imported.`);
  if (!meta && sheets.length === 0) {
    throw fileProblem(
      `"${fileName}" is not a Pamoja JWP cycle workbook: none of its sheets has the headers of a register (Stakeholders, Activities, Budget lines…). Export the cycle workbook, or a blank one, and fill that in.`,
    );
  }
  const partial = meta?.[PARTIAL_KEY] === 'yes';
  if (partial) notes.push('This workbook holds only the rows left out of an earlier import: rows it does not list are kept as they are.');
  return { cycleId: meta ? (meta.cycleId ?? '') : null, general: general ? readGeneral(general) : null, sheets, evaluations, problems, notes, partial };
}

interface Located {
  sheet: XlsxSheet;
  headerRow: number;
  headers: Map<string, string>;
  /** The header key of each column, by column number. */
  columns: Map<number, string>;
}

/** The sheet of that name when its headers fit, else any sheet whose header row fits (it was renamed). */
function locate(spec: SheetShape, sheets: XlsxSheet[]): Located | null {
  const named = sheets.find((sheet) => headerKey(sheet.name) === headerKey(spec.name));
  const ordered = named ? [named, ...sheets.filter((sheet) => sheet !== named)] : sheets;
  const wanted = new Set(spec.columns.filter((c) => c.kind !== 'output').map((c) => headerKey(c.header)));
  const enough = Math.min(3, wanted.size);
  for (const sheet of ordered) {
    let best: Located | null = null;
    let bestScore = 0;
    for (const row of sheet.firstRows(HEADER_SEARCH_ROWS)) {
      const headers = new Map<string, string>();
      const columns = new Map<number, string>();
      for (const [column, value] of row.cells) {
        if (value.kind !== 'text') continue;
        const key = headerKey(value.text);
        if (!headers.has(key)) columns.set(column, key);
        headers.set(key, value.text.trim());
      }
      const score = [...headers.keys()].filter((key) => wanted.has(key)).length;
      if (score > bestScore) [best, bestScore] = [{ sheet, headerRow: row.rowNumber, headers, columns }, score];
    }
    // A renamed sheet must look like the register; the named one need only share a few headers.
    if (best && bestScore >= (sheet === named ? enough : Math.max(enough, Math.ceil(wanted.size / 2)))) return best;
  }
  return null;
}

/** Merged cells and runaway sheets: each row must be one record, so these are refused, cell named. */
function structureProblems(sheet: XlsxSheet, headerRow: number): WorkbookProblemDto[] {
  const problems: WorkbookProblemDto[] = [];
  for (const range of sheet.merges) {
    if (range.top <= headerRow) continue;
    problems.push({
      sheet: sheet.name,
      row: range.top,
      column: null,
      message: `Cells ${range.ref} are merged. Each row must be one record with its own values: unmerge them (Home › Merge › Unmerge) and fill in each cell.`,
    });
  }
  const rows = sheet.filledRowsBelow(headerRow, MAX_SHEET_ROWS);
  if (rows > MAX_SHEET_ROWS) {
    problems.push({
      sheet: sheet.name,
      row: null,
      column: null,
      message: `This sheet holds ${rows} rows, more than the ${MAX_SHEET_ROWS.toLocaleString('en-GB')} a county plan could hold in one register; check that rows were not pasted many times.`,
    });
  }
  return problems;
}

/**
 * The rows below the header holding anything a person typed; a row left with only its hidden ids
 * (its text cleared) is a deleted row.
 */
function* readRows(found: Located, spec: SheetShape): Generator<WorkbookRow> {
  // Columns shown for reading only (totals, names repeated from another sheet) are not even read.
  const outputs = new Set(spec.columns.filter((c) => c.kind === 'output').map((c) => headerKey(c.header)));
  const columns = [...found.columns].filter(([, key]) => found.headers.has(key) && !outputs.has(key));
  const typed = new Set(spec.columns.filter((c) => c.kind !== 'output' && c.kind !== 'rowId').map((c) => headerKey(c.header)));
  for (const row of found.sheet.rows(new Set(columns.map(([index]) => index)))) {
    if (row.rowNumber <= found.headerRow) continue;
    const cells = new Map<string, CellValue>();
    let filled = false;
    for (const [index, key] of columns) {
      const value = row.cells.get(index);
      if (value === undefined) continue;
      cells.set(key, value);
      filled ||= typed.has(key);
    }
    if (filled) yield { rowNumber: row.rowNumber, cells };
  }
}

/** The General information sheet: a label in column A, its value in column B. */
function readGeneral(sheet: XlsxSheet): Map<string, { cell: CellValue; row: number }> {
  const values = new Map<string, { cell: CellValue; row: number }>();
  for (const row of sheet.rows()) {
    const label = row.cells.get(1);
    if (label?.kind !== 'text') continue;
    const key = headerKey(label.text);
    if (!values.has(key)) values.set(key, { cell: row.cells.get(2) ?? EMPTY, row: row.rowNumber });
  }
  return values;
}
