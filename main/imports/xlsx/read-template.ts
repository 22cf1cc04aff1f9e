import type { ImportErrorDto } from '../../../shared/api/methods/xlsx';
import { isRecord } from '../../../shared/guards';
import { TEMPLATE_VERSION } from '../../exports/xlsx/meta-sheet';
import { META_SHEET } from '../../exports/xlsx/sheet-names';
import {
  BASE_SHEET,
  normaliseHeader,
  TEMPLATE_ORDER,
  TEMPLATE_SHEETS,
  type TemplateColumn,
  type TemplateRegister,
  type TemplateSheet,
} from '../../exports/xlsx/template-layout';
import { keyValueRows, type XlsxFile, type XlsxSheet } from '../sheet-reader/xlsx-file';
import type { CellValue } from './cells';
import { fileProblem } from './open-workbook';

/** How far down a sheet the header row is looked for (people insert rows above it). */
const HEADER_SEARCH_ROWS = 30;

export interface TemplateRow {
  /** The spreadsheet's row number, as the user sees it. */
  rowNumber: number;
  cells: Map<string, CellValue>;
}

export interface SheetRead {
  register: TemplateRegister;
  /** The sheet's name in this file (it may have been renamed). */
  sheetName: string;
  /** The template's columns found, by field, with the header as written here. */
  columns: Map<string, { column: TemplateColumn; header: string }>;
  /** The rows a person filled in, read from the file one at a time on each call (never all held). */
  rows(): Generator<TemplateRow>;
}

export interface TemplateRead {
  /** The hidden details sheet's entries (what the template says it is, and its binding). */
  meta: Record<string, string>;
  cycleId: string;
  organisationId: string;
  sheets: SheetRead[];
  /** Sheets that are missing or whose headers are wrong: reported, and their rows not read. */
  problems: ImportErrorDto[];
  /** Each exported row's values when the template was made, by row id; empty for an older file. */
  base: Map<string, Record<string, unknown>>;
}

/** Reads what a returned partner template holds, without looking at the database. */
export function readTemplate(workbook: XlsxFile, fileName: string): TemplateRead {
  const metaSheet = workbook.sheet(META_SHEET);
  const meta = metaSheet ? keyValueRows(metaSheet) : null;
  const name = `"${fileName}"`;
  if (!meta) {
    throw fileProblem(
      `${name} is not a Pamoja JWP partner template: the template's hidden details are missing. Export a partner template from Pamoja JWP, have it filled in, and import that file.`,
    );
  }
  if (meta.kind === 'cycle-workbook') {
    throw fileProblem(`${name} is a Pamoja JWP cycle workbook (a report), not a partner template. Only partner templates can be imported.`);
  }
  if (meta.kind !== 'partner-template' || !meta.cycleId || !meta.organisationId) {
    throw fileProblem(`${name} is not a Pamoja JWP partner template (its hidden details are not those of a template).`);
  }
  if (Number(meta.version) > TEMPLATE_VERSION) {
    throw fileProblem(`${name} was made by a newer version of Pamoja JWP (template version ${meta.version}); update Pamoja JWP to import it.`);
  }

  const sheets: SheetRead[] = [];
  const problems: ImportErrorDto[] = [];
  const candidates = workbook.sheets.filter((sheet) => sheet.name !== META_SHEET && sheet.name !== BASE_SHEET);
  const taken = new Set<XlsxSheet>();
  // A template made before a sheet existed is read without it.
  const madeBy = Number(meta.version) || 1;
  for (const register of TEMPLATE_ORDER.filter((r) => TEMPLATE_SHEETS[r].since <= madeBy)) {
    const layout = TEMPLATE_SHEETS[register];
    const located = locateSheet(
      layout,
      candidates.filter((sheet) => !taken.has(sheet)),
    );
    if ('problem' in located) {
      // A sheet only some templates carry (a round's learning entries and risks) is read when it is there.
      if (!layout.optional || located.found) problems.push(located.problem);
      continue;
    }
    taken.add(located.sheet);
    sheets.push({ register, sheetName: located.sheet.name, columns: located.columns, rows: () => readRows(located) });
  }
  return { meta, cycleId: meta.cycleId, organisationId: meta.organisationId, sheets, problems, base: readBase(workbook) };
}

function readBase(workbook: XlsxFile): Map<string, Record<string, unknown>> {
  const base = new Map<string, Record<string, unknown>>();
  for (const row of workbook.sheet(BASE_SHEET)?.rows(new Set([2, 3])) ?? []) {
    if (row.rowNumber === 1) continue;
    const id = row.cells.get(2);
    const json = row.cells.get(3);
    if (id?.kind !== 'text' || json?.kind !== 'text') continue;
    try {
      const values: unknown = JSON.parse(json.text);
      if (isRecord(values)) base.set(id.text, values);
    } catch {
      // A damaged entry only loses the protection it gives: that row is compared with the plan alone.
    }
  }
  return base;
}

interface Located {
  sheet: XlsxSheet;
  headerRow: number;
  columns: Map<string, { column: TemplateColumn; header: string; index: number }>;
}

/**
 * The sheet for a register: the one of that name if its headers fit, else any sheet whose headers
 * fit (it was renamed). Headers are matched by name, so reordered and hidden columns still read.
 */
function locateSheet(layout: TemplateSheet, sheets: XlsxSheet[]): Located | { problem: ImportErrorDto; found: boolean } {
  const named = sheets.find((sheet) => normaliseHeader(sheet.name) === normaliseHeader(layout.name));
  const ordered = named ? [named, ...sheets.filter((sheet) => sheet !== named)] : sheets;
  let namedProblem: ImportErrorDto | null = null;
  for (const sheet of ordered) {
    const found = findHeaderRow(sheet, layout);
    if (!found) continue;
    const missing = layout.columns.filter((column) => column.required && !found.columns.has(column.field));
    const duplicate = found.duplicates[0];
    if (missing.length === 0 && !duplicate) return { sheet, headerRow: found.row, columns: found.columns };
    if (sheet === named) {
      namedProblem = {
        sheet: sheet.name,
        row: found.row,
        column: missing[0]?.header ?? duplicate ?? null,
        message: duplicate
          ? `Two columns are headed "${duplicate}"; keep one of them.`
          : `The column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c.header}"`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing from the header row, so this sheet cannot be read. The header row should hold: ${layout.columns
              .map((c) => c.header)
              .join(', ')}.`,
      };
    }
  }
  return {
    found: namedProblem !== null,
    problem: namedProblem ?? {
      sheet: layout.name,
      row: null,
      column: null,
      message: `The sheet "${layout.name}" is missing (no sheet has its header row: ${layout.columns.map((c) => c.header).join(', ')}). Sheets may be renamed, but not deleted; export a new template if it was.`,
    },
  };
}

function findHeaderRow(sheet: XlsxSheet, layout: TemplateSheet) {
  const byHeader = new Map<string, TemplateColumn>();
  for (const column of layout.columns) {
    for (const header of [column.header, ...(column.aliases ?? [])]) byHeader.set(normaliseHeader(header), column);
  }
  let best: { row: number; columns: Map<string, { column: TemplateColumn; header: string; index: number }>; duplicates: string[] } | null = null;
  for (const row of sheet.firstRows(HEADER_SEARCH_ROWS)) {
    const columns = new Map<string, { column: TemplateColumn; header: string; index: number }>();
    const duplicates: string[] = [];
    for (const [index, value] of row.cells) {
      if (value.kind !== 'text') continue;
      const column = byHeader.get(normaliseHeader(value.text));
      if (!column) continue;
      if (columns.has(column.field)) duplicates.push(value.text.trim());
      else columns.set(column.field, { column, header: value.text.trim(), index });
    }
    if (columns.size >= 3 && (!best || columns.size > best.columns.size)) best = { row: row.rowNumber, columns, duplicates };
  }
  return best;
}

/** The rows below the header that hold anything a person filled in; blank rows are skipped. */
function* readRows({ sheet, headerRow, columns }: Located): Generator<TemplateRow> {
  const wanted = [...columns.values()];
  for (const row of sheet.rows(new Set(wanted.map(({ index }) => index)))) {
    if (row.rowNumber <= headerRow) continue;
    const cells = new Map<string, CellValue>();
    let filled = false;
    for (const { column, index } of wanted) {
      const value = row.cells.get(index);
      if (value === undefined) continue;
      cells.set(column.field, value);
      if (!column.identifies && column.kind !== 'reference') filled = true;
    }
    if (filled) yield { rowNumber: row.rowNumber, cells };
  }
}
