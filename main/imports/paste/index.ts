import type { PasteApplyResultDto, PasteColumnsDto, PasteTarget } from '../../../shared/api/methods/paste';
import type { WorkbookPreviewDto, WorkbookProblemDto } from '../../../shared/api/methods/workbook-import';
import { ServiceError } from '../../../shared/result';
import type { AppContext } from '../../services/context';
import { getCycle } from '../../services/cycles';
import { matchKey, type CellValue } from '../xlsx/cells';
import { applySource, previewSource, type ImportSource } from '../workbook/index';
import { headerKey } from '../workbook/layout';
import { MAX_SHEET_ROWS, type RegisterSheetRead, type WorkbookRow } from '../workbook/read-workbook';
import { isOutput, knownHeaders, pasteShape, type PasteShape } from './paste-shapes';
import { splitPastedText, type PastedLine } from './pasted-text';

/** How problems and the preview name the pasted block: "Pasted rows, row 3, Start date: …". */
export const PASTED_SHEET = 'Pasted rows';

const SCREENS: Record<PasteTarget, string> = {
  activities: 'the action plan',
  budgetLines: 'the budget lines',
  indicatorTargets: 'the indicator targets',
};

interface PasteRead {
  source: ImportSource;
  lines: PastedLine[];
  header: PastedLine | null;
}

/**
 * Reads pasted rows as the sheet of the cycle workbook their screen shows, with or without their
 * header row, so the workbook import's engine previews and applies them. Pasted rows only add and
 * change: rows of the plan not pasted are left as they are.
 */
function readPasted(ctx: AppContext, input: { cycleId: string; into: PasteTarget; text: string }): PasteRead {
  const cycle = getCycle(ctx, input.cycleId);
  const shape = pasteShape(input.into, cycle);
  const all = splitPastedText(input.text);
  const first = all[0];
  if (!first)
    throw new ServiceError({ code: 'invalid_input', message: 'Nothing was pasted: copy the rows in Excel (Ctrl+C), then paste them here.', field: 'text' });
  const problems: WorkbookProblemDto[] = [];
  const notes: string[] = [];
  const known = knownHeaders(shape);
  const header = isHeaderRow(first, known) ? first : null;
  const lines = header ? all.slice(1) : all;
  const columns = header ? columnsNamed(header, known, notes) : columnsInOrder(shape, lines, notes);
  const headers = new Map([...columns.values()].map((column) => [headerKey(column.header), column.written]));
  if (header) {
    const missing = shape.sheet.columns.filter((column) => column.required && !headers.has(headerKey(column.header)));
    if (missing.length) {
      problems.push({
        sheet: PASTED_SHEET,
        row: header.rowNumber,
        column: missing[0]?.header ?? null,
        message: `The column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c.header}"`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing from the header row. Add ${missing.length > 1 ? 'them' : 'it'}, or paste the rows without their header in this order: ${shape.order.join(', ')}.`,
      });
    }
  }
  if (lines.length > MAX_SHEET_ROWS) {
    problems.push({
      sheet: PASTED_SHEET,
      row: null,
      column: null,
      message: `${lines.length.toLocaleString('en-GB')} rows were pasted, more than the ${MAX_SHEET_ROWS.toLocaleString('en-GB')} a county plan could hold in one register; check that rows were not pasted many times.`,
    });
  }
  const readable = problems.length === 0;
  const rows = readable ? rowsOf(shape, lines, columns, problems) : [];
  const sheet: RegisterSheetRead = {
    spec: shape.sheet,
    sheetName: PASTED_SHEET,
    headerRow: header?.rowNumber ?? 0,
    headers,
    rows: function* () {
      yield* rows;
    },
  };
  const read = { cycleId: cycle.id, general: null, sheets: readable ? [sheet] : [], evaluations: null, problems, notes, partial: true };
  const source: ImportSource = {
    read,
    cycle,
    file: { buffer: Buffer.from(input.text, 'utf8'), fileName: PASTED_SHEET },
    withGeneral: false,
    origin: `Rows pasted into ${SCREENS[input.into]}`,
  };
  return { source, lines, header };
}

/** A header row when most of its cells are headers the screen knows (a data row's cells are not). */
function isHeaderRow(line: PastedLine, known: Map<string, string>): boolean {
  const filled = line.cells.filter((cell) => cell.trim() !== '');
  const headers = filled.filter((cell) => known.has(headerKey(cell)));
  return headers.length > 0 && headers.length * 2 >= filled.length;
}

interface PastedColumn {
  /** The column's header in the workbook. */
  header: string;
  /** As the officer wrote it, for messages. */
  written: string;
}

function columnsNamed(header: PastedLine, known: Map<string, string>, notes: string[]): Map<number, PastedColumn> {
  const columns = new Map<number, PastedColumn>();
  const taken = new Set<string>();
  const unread: string[] = [];
  header.cells.forEach((cell, index) => {
    const name = known.get(headerKey(cell));
    if (cell.trim() === '') return;
    if (!name || taken.has(name)) return void unread.push(`"${cell.trim()}"`);
    taken.add(name);
    columns.set(index, { header: name, written: cell.trim() });
  });
  if (unread.length) notes.push(`Columns not read: ${unread.join(', ')} (not a column of this screen, or a column named twice).`);
  return columns;
}

function columnsInOrder(shape: PasteShape, lines: PastedLine[], notes: string[]): Map<number, PastedColumn> {
  const columns = new Map(shape.order.map((header, index): [number, PastedColumn] => [index, { header, written: header }]));
  notes.push(`No header row was pasted, so the cells were read in this order: ${shape.order.join(', ')}.`);
  const extra = lines.some((line) => line.cells.slice(shape.order.length).some((cell) => cell.trim() !== ''));
  if (extra) notes.push(`Cells after the ${shape.order.length}th column were not read.`);
  return columns;
}

/** The pasted lines as workbook rows; a line naming no row, or a row already named, is a problem and is left out. */
function rowsOf(shape: PasteShape, lines: PastedLine[], columns: Map<number, PastedColumn>, problems: WorkbookProblemDto[]): WorkbookRow[] {
  const rows: WorkbookRow[] = [];
  const named = new Map<string, number>();
  const identifier = shape.identifiedBy;
  for (const line of lines) {
    const cells = new Map<string, CellValue>();
    for (const [index, column] of columns) {
      const text = line.cells[index]?.trim() ?? '';
      if (text !== '' && !isOutput(shape, column.header)) cells.set(headerKey(column.header), { kind: 'text', text });
    }
    if (cells.size === 0) continue;
    if (identifier) {
      const cell = cells.get(headerKey(identifier));
      const key = cell?.kind === 'text' ? matchKey(cell.text) : '';
      const first = named.get(key);
      const problem = (message: string) =>
        problems.push({ sheet: PASTED_SHEET, row: line.rowNumber, column: identifier, message: `${identifier}: ${message}` });
      if (key === '') {
        problem('name the row this line is about, by its code or its name.');
        continue;
      }
      if (first !== undefined) {
        problem(`"${cell?.kind === 'text' ? cell.text : ''}" is named again (first on row ${first}); give each one line.`);
        continue;
      }
      named.set(key, line.rowNumber);
    }
    rows.push({ rowNumber: line.rowNumber, cells });
  }
  return rows;
}

/** The columns of a screen's pasted rows, for the paste box's hint. */
export function pasteColumns(ctx: AppContext, input: { cycleId: string; into: PasteTarget }): PasteColumnsDto {
  const shape = pasteShape(input.into, getCycle(ctx, input.cycleId));
  return { order: shape.order, required: shape.sheet.columns.filter((column) => column.required).map((column) => column.header) };
}

/** What the pasted rows would add and change, and every problem of every row. Writes nothing. */
export function previewPaste(ctx: AppContext, input: { cycleId: string; into: PasteTarget; text: string }): WorkbookPreviewDto {
  return previewSource(ctx, readPasted(ctx, input).source);
}

/**
 * Applies the pasted rows as a workbook import: a backup first, one transaction through the
 * register services (audited), an entry in the import history that undoes it. With problems,
 * nothing is written unless the officer chose the valid rows only; those left out come back as text.
 */
export function applyPaste(ctx: AppContext, input: { cycleId: string; into: PasteTarget; text: string; applyValidOnly: boolean }): PasteApplyResultDto {
  const { source, lines, header } = readPasted(ctx, input);
  const result = applySource(ctx, source, { applyValidOnly: input.applyValidOnly });
  const left = result.rejected.get(PASTED_SHEET);
  const rejected = result.applied && left ? lines.filter((line) => left.has(line.rowNumber)) : [];
  const rejectedText = rejected.length ? [...(header ? [header] : []), ...rejected].map((line) => line.raw).join('\n') : null;
  return { applied: result.applied, preview: result.preview, rejectedText };
}
