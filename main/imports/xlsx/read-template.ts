import type ExcelJS from 'exceljs';
import type { ImportErrorDto } from '../../../shared/api/methods/xlsx';
import { isRecord } from '../../../shared/guards';
import { readMetaSheet, TEMPLATE_VERSION } from '../../exports/xlsx/meta-sheet';
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
import { EMPTY, readCell, type CellValue } from './cells';
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
  rows: TemplateRow[];
}

export interface TemplateRead {
  cycleId: string;
  organisationId: string;
  sheets: SheetRead[];
  /** Sheets that are missing or whose headers are wrong: reported, and their rows not read. */
  problems: ImportErrorDto[];
  /** Each exported row's values when the template was made, by row id; empty for an older file. */
  base: Map<string, Record<string, unknown>>;
}

/** Reads what a returned partner template holds, without looking at the database. */
export function readTemplate(workbook: ExcelJS.Workbook, fileName: string): TemplateRead {
  const meta = readMetaSheet(workbook);
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
  const candidates = workbook.worksheets.filter((sheet) => sheet.name !== META_SHEET && sheet.name !== BASE_SHEET);
  const taken = new Set<ExcelJS.Worksheet>();
  // A template made before a sheet existed is read without it.
  const madeBy = Number(meta.version) || 1;
  for (const register of TEMPLATE_ORDER.filter((r) => TEMPLATE_SHEETS[r].since <= madeBy)) {
    const layout = TEMPLATE_SHEETS[register];
    const located = locateSheet(
      layout,
      candidates.filter((sheet) => !taken.has(sheet)),
    );
    if ('problem' in located) {
      problems.push(located.problem);
      continue;
    }
    taken.add(located.sheet);
    sheets.push({ register, sheetName: located.sheet.name, columns: located.columns, rows: readRows(located.sheet, located.headerRow, located.columns) });
  }
  return { cycleId: meta.cycleId, organisationId: meta.organisationId, sheets, problems, base: readBase(workbook) };
}

function readBase(workbook: ExcelJS.Workbook): Map<string, Record<string, unknown>> {
  const base = new Map<string, Record<string, unknown>>();
  workbook.getWorksheet(BASE_SHEET)?.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const id = row.getCell(2).value;
    const json = row.getCell(3).value;
    if (typeof id !== 'string' || typeof json !== 'string') return;
    try {
      const values: unknown = JSON.parse(json);
      if (isRecord(values)) base.set(id, values);
    } catch {
      // A damaged entry only loses the protection it gives: that row is compared with the plan alone.
    }
  });
  return base;
}

interface Located {
  sheet: ExcelJS.Worksheet;
  headerRow: number;
  columns: Map<string, { column: TemplateColumn; header: string; index: number }>;
}

/**
 * The sheet for a register: the one of that name if its headers fit, else any sheet whose headers
 * fit (it was renamed). Headers are matched by name, so reordered and hidden columns still read.
 */
function locateSheet(layout: TemplateSheet, sheets: ExcelJS.Worksheet[]): Located | { problem: ImportErrorDto } {
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
    problem: namedProblem ?? {
      sheet: layout.name,
      row: null,
      column: null,
      message: `The sheet "${layout.name}" is missing (no sheet has its header row: ${layout.columns.map((c) => c.header).join(', ')}). Sheets may be renamed, but not deleted; export a new template if it was.`,
    },
  };
}

function findHeaderRow(sheet: ExcelJS.Worksheet, layout: TemplateSheet) {
  const byHeader = new Map<string, TemplateColumn>();
  for (const column of layout.columns) {
    for (const header of [column.header, ...(column.aliases ?? [])]) byHeader.set(normaliseHeader(header), column);
  }
  let best: { row: number; columns: Map<string, { column: TemplateColumn; header: string; index: number }>; duplicates: string[] } | null = null;
  const lastRow = Math.min(sheet.rowCount, HEADER_SEARCH_ROWS);
  for (let rowNumber = 1; rowNumber <= lastRow; rowNumber++) {
    const columns = new Map<string, { column: TemplateColumn; header: string; index: number }>();
    const duplicates: string[] = [];
    sheet.getRow(rowNumber).eachCell((cell, index) => {
      const value = readCell(cell);
      if (value.kind !== 'text') return;
      const column = byHeader.get(normaliseHeader(value.text));
      if (!column) return;
      if (columns.has(column.field)) duplicates.push(value.text.trim());
      else columns.set(column.field, { column, header: value.text.trim(), index });
    });
    if (columns.size >= 3 && (!best || columns.size > best.columns.size)) best = { row: rowNumber, columns, duplicates };
  }
  return best;
}

/** The rows below the header that hold anything a person filled in; blank rows are skipped. */
function readRows(sheet: ExcelJS.Worksheet, headerRow: number, columns: Located['columns']): TemplateRow[] {
  const rows: TemplateRow[] = [];
  const wanted = [...columns.values()];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber <= headerRow) return;
    const cells = new Map<string, CellValue>();
    let filled = false;
    for (const { column, index } of wanted) {
      // findCell, not getCell: getCell would create a cell in each of 100,000 blank rows.
      const cell = row.findCell(index);
      const value = cell ? readCell(cell) : EMPTY;
      if (value.kind === 'empty') continue;
      cells.set(column.field, value);
      if (!column.identifies && column.kind !== 'reference') filled = true;
    }
    if (filled) rows.push({ rowNumber, cells });
  });
  return rows;
}
