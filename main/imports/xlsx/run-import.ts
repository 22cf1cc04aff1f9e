import { createHash } from 'node:crypto';
import type { ImportAddDto, ImportChangeDto, ImportErrorDto, ImportPreviewDto } from '../../../shared/api/methods/xlsx';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import type { OrganisationDto } from '../../../shared/api/schemas/organisation';
import { ServiceError } from '../../../shared/result';
import { codeLabel } from '../../exports/xlsx/cycle-data';
import { REGISTER_RULES, TEMPLATE_SHEETS, type TemplateRegister } from '../../exports/xlsx/template-layout';
import { inWriteTransaction, type AppContext } from '../../services/context';
import { registerServices as s } from '../../services/index';
import type { SheetRead, TemplateRead, TemplateRow } from './read-template';
import { loadRefs, type Refs } from './refs';
import { createAll, naturalKeys, type Existing, type PendingAdd } from './add-rows';
import { displayValue, parseRow, sameValue, type FieldValue } from './row-fields';

/** One sheet's worth of what the import did (or would do). */
interface Outcome {
  adds: ImportAddDto[];
  changes: ImportChangeDto[];
  errors: ImportErrorDto[];
  sheets: ImportPreviewDto['sheets'];
  unchanged: number;
}

class Rollback extends Error {}

export interface RunOptions {
  fileName: string;
  cycle: CycleDto;
  organisation: OrganisationDto;
  /** Given the finished plan, whether to keep what was written. A preview never does. */
  commit(preview: ImportPreviewDto): boolean;
}

/**
 * Runs every row of a returned template through the register services, inside one transaction:
 * the same validation and rules as the API, the audit log, and each row in its own savepoint so a
 * bad row fails alone. The plan is then kept (apply) or rolled back (preview, or errors the user
 * did not accept), so a preview shows exactly what an apply would write.
 */
export function runImport(ctx: AppContext, read: TemplateRead, options: RunOptions): { preview: ImportPreviewDto; committed: boolean } {
  let preview: ImportPreviewDto | undefined;
  let committed = false;
  try {
    inWriteTransaction(ctx, () => {
      const outcome: Outcome = { adds: [], changes: [], errors: [...read.problems], sheets: [], unchanged: 0 };
      for (const sheet of read.sheets) importSheet(ctx, read, sheet, options, outcome);
      preview = finish(outcome, options);
      if (!options.commit(preview)) throw new Rollback();
      committed = true;
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  if (!preview) throw new Error('The import produced no plan.');
  return { preview, committed };
}

function finish(outcome: Outcome, options: RunOptions): ImportPreviewDto {
  // In the file's order: by sheet, then row (a sheet-wide problem first); a row's own errors keep theirs.
  const sheetOrder = new Map(outcome.sheets.map((sheet, index) => [sheet.sheet, index]));
  const inFileOrder = <T extends { sheet: string; row: number | null }>(list: T[]) =>
    [...list].sort((a, b) => (sheetOrder.get(a.sheet) ?? -1) - (sheetOrder.get(b.sheet) ?? -1) || (a.row ?? 0) - (b.row ?? 0));
  const plan = { adds: inFileOrder(outcome.adds), changes: inFileOrder(outcome.changes), errors: inFileOrder(outcome.errors) };
  const digest = createHash('sha256')
    .update(
      JSON.stringify([
        plan.adds.map((a) => [a.sheet, a.row, a.fields]),
        plan.changes.map((c) => [c.sheet, c.row, c.id, c.fields]),
        plan.errors.map((e) => [e.sheet, e.row, e.column, e.message]),
      ]),
    )
    .digest('hex')
    .slice(0, 32);
  return {
    fileName: options.fileName,
    cycleId: options.cycle.id,
    cycleTitle: options.cycle.title,
    organisationId: options.organisation.id,
    organisationName: options.organisation.name,
    sheets: outcome.sheets,
    ...plan,
    unchanged: outcome.unchanged,
    digest,
  };
}

function listExisting(ctx: AppContext, register: TemplateRegister, cycleId: string): Existing[] {
  return s[register].list(ctx, { cycleId }) as unknown as Existing[];
}

function importSheet(ctx: AppContext, read: TemplateRead, sheet: SheetRead, options: RunOptions, outcome: Outcome): void {
  const { register } = sheet;
  const org = options.organisation;
  const refs = loadRefs(ctx, options.cycle);
  const existing = listExisting(ctx, register, options.cycle.id);
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

  for (const row of sheet.rows) {
    const parsed = parseRow(sheet, row, refs);
    if (parsed.errors.length) {
      for (const problem of parsed.errors) error(row, problem.column, problem.message);
      continue;
    }
    const { values } = parsed;
    const rowId = values.get('id') as string | null | undefined;

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
    const isBlank = (field: string) => {
      const value = values.get(field);
      return value === null || value === '' || (Array.isArray(value) && value.length === 0);
    };
    // A row typed without a Row ID says nothing by an empty cell: on a new row the default applies,
    // and when it turned out to be a row the plan has, the plan's value stays.
    const present = rules.editable.filter((field) => values.has(field) && (matchedBy === 'id' && target ? true : !isBlank(field)));
    if (target) {
      // Three-way: a field counts as changed when the file differs from the row as exported; a
      // value the Secretariat changed since stays, unless the partner changed it too (a conflict).
      const base = matchedBy === 'id' ? read.base.get(target.id) : undefined;
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
          error(
            row,
            header(sheet, field),
            `${header(sheet, field)}: changed both in the plan since this template was made (now ${displayValue(column, target[field], refs)}) and in this file (${displayValue(column, values.get(field), refs)}). Agree which is right, correct the file or the plan, and import again.`,
          );
        }
        continue;
      }
      if (changed.length === 0) {
        unchanged++;
        continue;
      }
      const blank = changed.find((field) => rules.nonBlank.includes(field) && isBlank(field));
      if (blank) {
        error(row, header(sheet, blank), `${header(sheet, blank)}: this cannot be empty on a row of the plan; enter a value.`);
        continue;
      }
      const changes = Object.fromEntries(changed.map((field) => [field, values.get(field)]));
      if (!attempt(row, sheet, outcome, () => s[register].update(ctx, { id: target.id, changes } as never))) continue;
      const currency = String(values.get('currency') ?? target.currency ?? 'KES');
      outcome.changes.push({
        sheet: sheet.sheetName,
        row: row.rowNumber,
        register,
        id: target.id,
        label: rowLabel(register, { ...target, ...changes }, refs),
        matchedBy,
        fields: changed.map((field) => ({
          column: header(sheet, field),
          old: displayValue(sheet.columns.get(field)?.column, target[field], refs, String(target.currency ?? 'KES')),
          new: displayValue(sheet.columns.get(field)?.column, values.get(field), refs, currency),
        })),
      });
    } else {
      const missing = TEMPLATE_SHEETS[register].columns.find((column) => column.requiredValue && (values.get(column.field) ?? '') === '');
      if (missing) {
        error(row, header(sheet, missing.field), `${header(sheet, missing.field)}: a new ${noun(register)} needs this; enter a value.`);
        continue;
      }
      const fields = Object.fromEntries(present.map((field) => [field, values.get(field)]));
      const input = { cycleId: options.cycle.id, ...identity.fields, ...fields };
      pending.push({
        row,
        input,
        add: {
          sheet: sheet.sheetName,
          row: row.rowNumber,
          register,
          label: rowLabel(register, input, refs),
          fields: present.map((field) => ({
            column: header(sheet, field),
            value: displayValue(sheet.columns.get(field)?.column, values.get(field), refs, String(values.get('currency') ?? 'KES')),
          })),
        },
      });
    }
  }
  createAll(ctx, sheet, pending, outcome.adds, (row, write) => attempt(row, sheet, outcome, write));
  outcome.unchanged += unchanged;
  outcome.sheets.push({ register, sheet: sheet.sheetName, rowsRead: sheet.rows.length, unchanged });
}

/** Runs one service call in its own savepoint; a refusal becomes errors on the row's columns. */
function attempt<T>(row: TemplateRow, sheet: SheetRead, outcome: Outcome, write: () => T): T | null {
  try {
    return write();
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    const problems = error.apiError.problems?.length ? error.apiError.problems : [{ field: error.apiError.field ?? '', message: error.apiError.message }];
    for (const problem of problems) {
      const field = problem.field.split('.').find((part) => sheet.columns.has(part)) ?? problem.field.split('.')[0] ?? '';
      outcome.errors.push({ sheet: sheet.sheetName, row: row.rowNumber, column: sheet.columns.get(field)?.header ?? null, message: problem.message });
    }
    return null;
  }
}

type Identity = { ok: true; fields: Record<string, unknown> } | { ok: false; column: string | null; message: string };

/**
 * The fields a template does not show but a row needs: the owner (the template's organisation) and,
 * for an indicator period, its indicator and period, which a filled-in row may not move.
 */
function identify(
  register: TemplateRegister,
  sheet: SheetRead,
  values: Map<string, FieldValue>,
  target: Existing | undefined,
  refs: Refs,
  org: OrganisationDto,
): Identity {
  if (register === 'activity') return { ok: true, fields: { leadOrgId: org.id } };
  if (register === 'contribution') return { ok: true, fields: { contributorOrgId: org.id } };
  const indicatorId = (values.get('indicatorId') as string | null | undefined) ?? (values.get('indicator') as string | null | undefined) ?? null;
  const periodKey = (values.get('periodKey') as string | null | undefined) ?? null;
  if (!indicatorId)
    return { ok: false, column: header(sheet, 'indicator'), message: `${header(sheet, 'indicator')}: choose one of your indicators from the list.` };
  const indicator = refs.indicators.get(indicatorId);
  if (!indicator || indicator.ownerOrgId !== org.id) {
    return {
      ok: false,
      column: header(sheet, 'indicator'),
      message: `${header(sheet, 'indicator')}: ${indicator ? `${codeLabel(indicator.code, indicator.name)} is not an indicator of ${org.name}` : 'this indicator is not in the plan'}; choose one of your indicators.`,
    };
  }
  if (!periodKey)
    return { ok: false, column: header(sheet, 'periodKey'), message: `${header(sheet, 'periodKey')}: choose the reporting period from the list.` };
  values.set('indicatorId', indicatorId);
  values.set('periodKey', periodKey);
  if (target && (target.indicatorId !== indicatorId || target.periodKey !== periodKey)) {
    return {
      ok: false,
      column: header(sheet, 'periodKey'),
      message: `${header(sheet, 'periodKey')}: this row is ${refs.periodLabel(String(target.periodKey))} of its indicator; a filled-in row cannot move to another indicator or period. Use that period's own row.`,
    };
  }
  return { ok: true, fields: { indicatorId, periodKey } };
}

function header(sheet: SheetRead, field: string): string {
  return sheet.columns.get(field)?.header ?? TEMPLATE_SHEETS[sheet.register].columns.find((column) => column.field === field)?.header ?? field;
}

function noun(register: TemplateRegister): string {
  return register === 'activity' ? 'activity' : register === 'contribution' ? 'contribution' : 'indicator period';
}

function rowLabel(register: TemplateRegister, row: Record<string, unknown>, refs: Refs): string {
  if (register === 'activity') return codeLabel(String(row.code ?? ''), String(row.title ?? ''));
  if (register === 'contribution') {
    const activity = refs.activities.get(String(row.activityId ?? ''));
    return `${String(row.component ?? '')}${activity ? ` (${activity.code || activity.title})` : ''}`;
  }
  const indicator = refs.indicators.get(String(row.indicatorId ?? ''));
  return `${indicator ? codeLabel(indicator.code, indicator.name) : 'Indicator'} · ${refs.periodLabel(String(row.periodKey ?? ''))}`;
}
