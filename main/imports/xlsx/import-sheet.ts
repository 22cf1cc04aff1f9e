import type { ImportAddDto, ImportChangeDto, ImportErrorDto, ImportPreviewDto } from '../../../shared/api/methods/xlsx';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import type { OrganisationDto } from '../../../shared/api/schemas/organisation';
import { ServiceError } from '../../../shared/result';
import { REGISTER_RULES, TEMPLATE_SHEETS, type TemplateRegister } from '../../exports/xlsx/template-layout';
import type { AppContext } from '../../services/context';
import { registerServices as s } from '../../services/index';
import { createAll, naturalKeys, type Existing, type PendingAdd } from './add-rows';
import type { SheetRead, TemplateRead, TemplateRow } from './read-template';
import { loadRefs, type Refs } from './refs';
import { displayValue, parseRow, sameValue, textValue, type FieldValue } from './row-fields';
import { lineValue } from './line-value';
import { header, identify, noun, rowLabel } from './row-identity';
import { problemsOf } from '../refusals';

/** What the import did (or would do) with the sheets read so far. */
export interface Outcome {
  adds: ImportAddDto[];
  changes: ImportChangeDto[];
  errors: ImportErrorDto[];
  sheets: ImportPreviewDto['sheets'];
  unchanged: number;
}

export interface SheetScope {
  cycle: CycleDto;
  organisation: OrganisationDto;
}

/** One row of the file and what it is known to be so far. */
interface RowInPlan {
  row: TemplateRow;
  values: Map<string, FieldValue>;
  /** The columns this row sets: on a row typed without a Row ID, an empty cell says nothing. */
  present: string[];
}

/** The plan's row a file row changes, how it was found, and its values when the template was made. */
interface Match {
  target: Existing;
  matchedBy: ImportChangeDto['matchedBy'];
  base: Record<string, unknown> | undefined;
}

function listExisting(ctx: AppContext, register: TemplateRegister, cycleId: string): Existing[] {
  return s[register].list(ctx, { cycleId });
}

/**
 * Plans one sheet into the outcome: each row matched to the plan's row it changes (by its hidden
 * Row ID, or else its natural key) or added, through the register services in the caller's
 * transaction.
 */
export function importSheet(ctx: AppContext, read: TemplateRead, sheet: SheetRead, scope: SheetScope, outcome: Outcome): void {
  const { register } = sheet;
  const org = scope.organisation;
  const refs = loadRefs(ctx, scope.cycle);
  const existing = listExisting(ctx, register, scope.cycle.id);
  const byId = new Map(existing.map((row) => [row.id, row]));
  const natural = naturalKeys(
    register,
    existing.filter((row) => row.ownerOrgId === org.id),
  );
  const firstRowOf = new Map<string, number>();
  const targeted = new Set<string>();
  const pending: PendingAdd[] = [];
  let unchanged = 0;

  const error = (row: TemplateRow, column: string | null, message: string) =>
    outcome.errors.push({ sheet: sheet.sheetName, row: row.rowNumber, column, message });

  let rowsRead = 0;
  for (const row of sheet.rows()) {
    rowsRead++;
    const parsed = parseRow(sheet, row, refs);
    if (parsed.errors.length) {
      for (const problem of parsed.errors) error(row, problem.column, problem.message);
      continue;
    }
    const { values } = parsed;
    if (register === 'contribution' && values.has('amountMinor')) {
      // A line without an amount is in-kind support not valued, or a problem naming the cell.
      const line = lineValue(values.get('amountMinor'), values.get('type'), header(sheet, 'amountMinor'));
      if (line && !line.ok) {
        error(row, header(sheet, 'amountMinor'), line.message);
        continue;
      }
      if (line) values.set('amountMinor', line.amountMinor).set('valueNotEstimated', line.valueNotEstimated);
    }
    const rowId = textValue(values.get('id'));

    // Which row of the plan this is: its hidden Row ID, or for a row typed without one, its natural key.
    let target: Existing | undefined;
    let matchedBy: ImportChangeDto['matchedBy'] = 'id';
    if (rowId) {
      const seenOn = firstRowOf.get(rowId);
      if (seenOn !== undefined) {
        error(row, header(sheet, 'id'), `Row ID: the same row appears again here (first on row ${seenOn}). To add a copy as a new row, clear its Row ID.`);
        continue;
      }
      firstRowOf.set(rowId, row.rowNumber);
      target = byId.get(rowId);
      if (!target) {
        error(
          row,
          header(sheet, 'id'),
          `Row ID: no ${noun(register)} of this cycle has this ID (it may have been deleted since the template was made). Clear the Row ID to add the row as a new ${noun(register)}.`,
        );
        continue;
      }
      if (target.ownerOrgId !== org.id) {
        const owner = target.ownerOrgId ? (refs.organisationsById.get(target.ownerOrgId)?.name ?? 'another organisation') : 'the JWP Secretariat';
        error(row, null, `This ${noun(register)} belongs to ${owner}, so a template for ${org.name} cannot change it; the row was left as it is in the plan.`);
        continue;
      }
    } else {
      const match = natural(values, targeted);
      if (match) [target, matchedBy] = match;
    }
    if (target) targeted.add(target.id);

    const identity = identify(register, sheet, values, target, refs, org);
    if (!identity.ok) {
      error(row, identity.column, identity.message);
      continue;
    }

    const rules = REGISTER_RULES[register];
    // A row typed without a Row ID says nothing by an empty cell: on a new row the default applies,
    // and when it turned out to be a row the plan has, the plan's value stays.
    const present = rules.editable.filter((field) => values.has(field) && (matchedBy === 'id' && target ? true : !isBlank(values, field)));
    const inPlan: RowInPlan = { row, values, present };
    if (target) {
      const base = matchedBy === 'id' ? read.base.get(target.id) : undefined;
      const planned = planChange(ctx, sheet, inPlan, { target, matchedBy, base }, refs, outcome);
      if (planned === 'unchanged') unchanged++;
      else if (planned !== 'refused') outcome.changes.push(planned);
    } else {
      const missing = TEMPLATE_SHEETS[register].columns.find((column) => column.requiredValue && (values.get(column.field) ?? '') === '');
      if (missing) {
        error(row, header(sheet, missing.field), `${header(sheet, missing.field)}: a new ${noun(register)} needs this; enter a value.`);
        continue;
      }
      pending.push(plannedAdd(sheet, inPlan, { cycleId: scope.cycle.id, ...identity.fields }, refs));
    }
  }
  createAll(ctx, sheet, pending, outcome.adds, (row, write) => attempt(row, sheet, outcome, write));
  outcome.unchanged += unchanged;
  outcome.sheets.push({ register, sheet: sheet.sheetName, rowsRead, unchanged });
}

function isBlank(values: Map<string, FieldValue>, field: string): boolean {
  const value = values.get(field);
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * A row the plan has: a field counts as changed when the file differs from the row as exported
 * (three-way); a value the Secretariat changed since stays, unless the partner changed it too (a
 * conflict, refused). The change is written at once, in its own savepoint.
 */
function planChange(
  ctx: AppContext,
  sheet: SheetRead,
  { row, values, present }: RowInPlan,
  { target, matchedBy, base }: Match,
  refs: Refs,
  outcome: Outcome,
): ImportChangeDto | 'unchanged' | 'refused' {
  const { register } = sheet;
  const refuse = (field: string, message: string) => {
    outcome.errors.push({ sheet: sheet.sheetName, row: row.rowNumber, column: header(sheet, field), message });
    return 'refused' as const;
  };
  const conflicts: string[] = [];
  const changed = present.filter((field) => {
    const mine = values.get(field);
    if (sameValue(mine, target[field])) return false;
    if (!base || !(field in base)) return true;
    if (sameValue(mine, base[field])) return false;
    if (!sameValue(target[field], base[field])) conflicts.push(field);
    return true;
  });
  if (conflicts.length) {
    for (const field of conflicts) {
      const column = sheet.columns.get(field)?.column;
      refuse(
        field,
        `${header(sheet, field)}: changed both in the plan since this template was made (now ${displayValue(column, target[field], refs)}) and in this file (${displayValue(column, values.get(field), refs)}). Agree which is right, correct the file or the plan, and import again.`,
      );
    }
    return 'refused';
  }
  if (changed.length === 0) return 'unchanged';
  const nonBlank: readonly string[] = REGISTER_RULES[register].nonBlank;
  const blank = changed.find((field) => nonBlank.includes(field) && isBlank(values, field));
  if (blank) return refuse(blank, `${header(sheet, blank)}: this cannot be empty on a row of the plan; enter a value.`);
  const changes = Object.fromEntries(changed.map((field) => [field, values.get(field)]));
  if (!attempt(row, sheet, outcome, () => s[register].untyped.update(ctx, { id: target.id, changes }))) return 'refused';
  const currency = currencyOf(register, values, target, refs);
  return {
    sheet: sheet.sheetName,
    row: row.rowNumber,
    register,
    id: target.id,
    label: rowLabel(register, { ...target, ...changes }, refs),
    matchedBy,
    fields: changed.map((field) => ({
      column: header(sheet, field),
      old: displayValue(sheet.columns.get(field)?.column, target[field], refs, currencyOf(register, new Map(), target, refs)),
      new: displayValue(sheet.columns.get(field)?.column, values.get(field), refs, currency),
    })),
  };
}

/** A new row, queued for the sheet's bulk add. */
function plannedAdd(sheet: SheetRead, { row, values, present }: RowInPlan, identity: Record<string, unknown>, refs: Refs): PendingAdd {
  const fields = Object.fromEntries(present.map((field) => [field, values.get(field)]));
  const input = { ...identity, ...fields };
  return {
    row,
    input,
    add: {
      sheet: sheet.sheetName,
      row: row.rowNumber,
      register: sheet.register,
      label: rowLabel(sheet.register, input, refs),
      fields: present.map((field) => ({
        column: header(sheet, field),
        value: displayValue(sheet.columns.get(field)?.column, values.get(field), refs, currencyOf(sheet.register, values, undefined, refs)),
      })),
    },
  };
}

/** The currency of a row's amounts: the one in the file, else the row's; a disbursement's is its budget line's. */
function currencyOf(register: TemplateRegister, values: Map<string, FieldValue>, row: Existing | undefined, refs: Refs): string {
  if (register === 'disbursement') return refs.contributions.get(String(values.get('contributionId') ?? row?.contributionId ?? ''))?.currency ?? 'KES';
  return String(values.get('currency') ?? row?.currency ?? 'KES');
}

/** Runs one service call in its own savepoint; a refusal becomes errors on the row's columns. */
function attempt<T>(row: TemplateRow, sheet: SheetRead, outcome: Outcome, write: () => T): T | null {
  try {
    return write();
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    const problems = problemsOf(error);
    for (const problem of problems) {
      const field = problem.field.split('.').find((part) => sheet.columns.has(part)) ?? problem.field.split('.')[0] ?? '';
      outcome.errors.push({ sheet: sheet.sheetName, row: row.rowNumber, column: sheet.columns.get(field)?.header ?? null, message: problem.message });
    }
    return null;
  }
}
