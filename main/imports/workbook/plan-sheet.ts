import type { WorkbookProblemDto, WorkbookSheetPreviewDto } from '../../../shared/api/methods/workbook-import';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import type { ContributionDto } from '../../../shared/api/schemas/budget';
import { outsideCycleWarning } from '../../../shared/analysis/cycle-span';
import { itemAt } from '../../../shared/item-at';
import { ServiceError } from '../../../shared/result';
import type { AppContext } from '../../services/context';
import { registerServices } from '../../services/index';
import { loadRefs, type Refs } from '../xlsx/refs';
import { sameValue, type FieldValue } from '../xlsx/row-fields';
import { shownValue, rowLabel } from './labels';
import { headerKey, type WorkbookRegister } from './layout';
import { parseWorkbookRow, type RowProblem } from './parse-row';
import type { RegisterSheetRead, WorkbookRow } from './read-workbook';
import { failingIndex, problemsOf } from '../refusals';

/** A row of the plan as the import compares it. */
export type Existing = Record<string, unknown> & { id: string };

export interface Scope {
  ctx: AppContext;
  cycle: CycleDto;
  /** The workbook's Row IDs are this cycle's: rows are matched by them first. */
  useRowIds: boolean;
  problems: WorkbookProblemDto[];
  /** The file lists only some rows (rejected rows returned): rows it does not list stay. */
  partial: boolean;
  /** Rows the file no longer has, removed after every sheet is written (children before parents). */
  removals: { sheet: string; register: WorkbookRegister | 'indicatorPeriod'; id: string; label: string }[];
  /** Warnings for the preview: accepted, but worth the officer's eye. */
  notes: string[];
  /** The names rows refer to, as read after the last write (see refsOf). */
  refs?: Refs | undefined;
}

/**
 * The cycle's names that rows refer to. Read inside the import's transaction, so rows a sheet just
 * added count for the sheets after it; read again only after a write, so an untouched workbook
 * reads the 5,000 activities' names once, not once per sheet.
 */
export function refsOf(scope: Scope): Refs {
  scope.refs ??= loadRefs(scope.ctx, scope.cycle);
  return scope.refs;
}

/** After a write the names are read afresh. */
export function wrote(scope: Scope): void {
  scope.refs = undefined;
}

export const serviceOf = (register: WorkbookRegister | 'indicatorPeriod') => registerServices[register];

export function listOf(scope: Scope, register: WorkbookRegister): Existing[] {
  return serviceOf(register).list(scope.ctx, { cycleId: scope.cycle.id });
}

/** Runs one write in its own savepoint; a refusal becomes the row's problems, by column. */
export function attempt<T>(scope: Scope, sheet: RegisterSheetRead, row: number | null, write: () => T, columnOf?: (field: string) => string | null): T | null {
  try {
    const written = write();
    wrote(scope);
    return written;
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    const problems = problemsOf(error);
    for (const problem of problems) {
      const fields = problem.field.split('.');
      const column = columnOf ? (fields.map(columnOf).find((c) => c !== null) ?? null) : headerOfField(sheet, fields);
      scope.problems.push({ sheet: sheet.sheetName, row, column, message: problem.message });
    }
    return null;
  }
}

function headerOfField(sheet: RegisterSheetRead, fields: string[]): string | null {
  const linked = (field: string) => ((field === 'objectiveId' || field === 'activityId') && sheet.spec.register === 'indicator' ? 'link' : field);
  for (const field of fields) {
    const column = sheet.spec.columns.find((c) => c.field === linked(field));
    if (column) return column.header;
  }
  return null;
}

export interface SheetOutcome {
  preview: WorkbookSheetPreviewDto;
  /** Each row written or matched: its row number → the id of the plan's row. */
  idOfRow: Map<number, string>;
  refs: Refs;
}

/**
 * Plans one register sheet: each row matched to the plan's row it is (by its hidden Row ID, or
 * else its code or name), compared field by field and changed, or added; the plan's rows the
 * sheet no longer has are queued for removal. Every write goes through the register's service,
 * so its rules and audit apply; the caller holds the transaction.
 */
export function planSheet(scope: Scope, sheet: RegisterSheetRead): SheetOutcome {
  const { ctx, cycle } = scope;
  const { register } = sheet.spec;
  const service = serviceOf(register);
  const refs = refsOf(scope);
  let contributions: ContributionDto[] | undefined;
  const context = { refs, contributions: () => (contributions ??= registerServices.contribution.list(ctx, { cycleId: cycle.id })) };
  const existing = listOf(scope, register);
  const byId = new Map(existing.map((row) => [row.id, row]));
  const byKey = new Map<string, Existing[]>();
  for (const row of existing) {
    const key = sheet.spec.naturalKey(row);
    const same = byKey.get(key);
    if (same) same.push(row);
    else byKey.set(key, [row]);
  }
  const targeted = new Set<string>();
  const seenIds = new Map<string, number>();
  const seenCodes = new Map<string, number>();
  const preview: WorkbookSheetPreviewDto = { sheet: sheet.sheetName, rowsRead: 0, added: [], changed: [], removed: [], unchanged: 0 };
  const idOfRow = new Map<number, string>();
  const pending: { row: WorkbookRow; input: Record<string, unknown>; label: string }[] = [];
  const rowProblem = (row: WorkbookRow, problem: RowProblem) =>
    scope.problems.push({ sheet: sheet.sheetName, row: row.rowNumber, column: problem.column, message: problem.message });
  const codeHeader = sheet.headers.get('code');

  for (const row of sheet.rows()) {
    preview.rowsRead++;
    const parsed = parseWorkbookRow(sheet, row, context);
    const { values } = parsed;
    if (typeof values.code === 'string' && values.code !== '') {
      const first = seenCodes.get(values.code.toLowerCase());
      if (first !== undefined)
        parsed.problems.push({
          column: codeHeader ?? 'Code',
          message: `${codeHeader ?? 'Code'}: "${values.code}" is used again (first on row ${first}); each row needs its own code.`,
        });
      else seenCodes.set(values.code.toLowerCase(), row.rowNumber);
    }
    let target: Existing | undefined;
    if (scope.useRowIds && parsed.rowId) {
      const first = seenIds.get(parsed.rowId);
      if (first !== undefined) {
        parsed.problems.push({
          column: null,
          message: `This row is a copy of row ${first} (the same hidden Row ID). To add it as a new row, copy the row's cells into an empty row instead.`,
        });
      } else {
        seenIds.set(parsed.rowId, row.rowNumber);
        target = byId.get(parsed.rowId);
      }
    }
    target ??= (byKey.get(sheet.spec.naturalKey(values)) ?? []).find((row) => !targeted.has(row.id));
    // A row with problems still keeps its plan row from being removed.
    if (target) targeted.add(target.id);
    if (parsed.problems.length) {
      for (const problem of parsed.problems) rowProblem(row, problem);
      continue;
    }
    if (register === 'activity') warnOutsideCycle(scope, sheet, row, { ...target, ...values });
    if (!target) {
      const input = { cycleId: cycle.id, ...withoutBlanks(values) };
      pending.push({ row, input, label: rowLabel(register, input, refs) });
      continue;
    }
    idOfRow.set(row.rowNumber, target.id);
    const changedFields = Object.keys(values).filter((field) => !sameValue(values[field], target[field]));
    if (changedFields.length === 0) {
      preview.unchanged++;
      continue;
    }
    const changes = Object.fromEntries(changedFields.map((field) => [field, values[field]]));
    if (!attempt(scope, sheet, row.rowNumber, () => service.untyped.update(ctx, { id: target.id, changes }))) continue;
    preview.changed.push({
      row: row.rowNumber,
      label: rowLabel(register, { ...target, ...changes }, refs),
      fields: changedFields.map((field) => ({
        column: headerOf(sheet, field),
        old: shownValue(sheet, field, target[field], refs, String(target.currency ?? 'KES')),
        new: shownValue(sheet, field, values[field], refs, String(values.currency ?? target.currency ?? 'KES')),
      })),
    });
  }

  for (const [index, id] of createAll(scope, sheet, pending).entries()) {
    const item = pending[index];
    if (!item || id === null) continue;
    idOfRow.set(item.row.rowNumber, id);
    preview.added.push({ row: item.row.rowNumber, label: item.label });
  }
  for (const row of existing) {
    if (targeted.has(row.id) || scope.partial) continue;
    const label = rowLabel(register, row, refs);
    scope.removals.push({ sheet: sheet.sheetName, register, id: row.id, label });
    preview.removed.push({ label });
  }
  return { preview, idOfRow, refs };
}

/** At most this many activities are named one by one; the rest are counted. */
const NAMED_WARNINGS = 20;

function warnOutsideCycle(scope: Scope, sheet: RegisterSheetRead, row: WorkbookRow, activity: Record<string, unknown>): void {
  const { startDate, endDate } = activity;
  if (typeof startDate !== 'string' || typeof endDate !== 'string') return;
  const warning = outsideCycleWarning({ startDate, endDate }, scope.cycle);
  if (!warning) return;
  const named = scope.notes.filter((note) => note.startsWith(`${sheet.sheetName}, row `)).length;
  const code = typeof activity.code === 'string' && activity.code ? `${activity.code} ` : '';
  if (named < NAMED_WARNINGS) scope.notes.push(`${sheet.sheetName}, row ${row.rowNumber}: activity ${code}${warning}`);
  else if (named === NAMED_WARNINGS)
    scope.notes.push(
      `${sheet.sheetName}, row ${row.rowNumber} and later rows: more activities outside the fiscal year, each accepted and counted in this cycle.`,
    );
}

function headerOf(sheet: RegisterSheetRead, field: string): string {
  const linked = field === 'objectiveId' || field === 'activityId' ? ['link', field] : [field];
  const column = sheet.spec.columns.find((c) => linked.includes(c.field));
  return (column && sheet.headers.get(headerKey(column.header))) ?? column?.header ?? field;
}

/** On a new row an empty cell says nothing: the register's default applies. */
function withoutBlanks(values: Record<string, FieldValue>): Record<string, FieldValue> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null && value !== ''));
}

/**
 * Adds a sheet's new rows with the register's bulk path, in the file's order. When a row is
 * refused, the rows before it are added, the refused one is tried alone so its own message is
 * reported, and the rest carry on. Returns each row's new id, or null when it was refused.
 */
function createAll(scope: Scope, sheet: RegisterSheetRead, pending: { row: WorkbookRow; input: Record<string, unknown> }[]): (string | null)[] {
  if (pending.length === 0) return [];
  const service = serviceOf(sheet.spec.register);
  try {
    const ids = service.untyped.createMany(
      scope.ctx,
      pending.map((item) => item.input),
    );
    wrote(scope);
    return ids;
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    const failedAt = failingIndex(error, pending.length);
    const refused = itemAt(pending, failedAt, 'refused row');
    const before = createAll(scope, sheet, pending.slice(0, failedAt));
    const created = attempt(scope, sheet, refused.row.rowNumber, () => service.untyped.create(scope.ctx, refused.input));
    return [...before, created?.id ?? null, ...createAll(scope, sheet, pending.slice(failedAt + 1))];
  }
}
