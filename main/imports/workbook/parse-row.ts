import { NO_ACTIVITY } from '../../exports/xlsx/budget-sheets';
import type { ContributionDto } from '../../../shared/api/schemas/budget';
import { currencyTyped, EMPTY, matchKey, shown, type CellValue, type Parsed } from '../xlsx/cells';
import { lineValue } from '../xlsx/line-value';
import type { Refs } from '../xlsx/refs';
import { parseCell, textValue, type FieldValue } from '../xlsx/row-fields';
import { headerKey, type WorkbookColumn } from './layout';
import type { RegisterSheetRead, WorkbookRow } from './read-workbook';

export interface RowProblem {
  column: string | null;
  message: string;
}

export interface ParsedWorkbookRow {
  /** The hidden Row ID, when the row has a well-formed one. */
  rowId: string | null;
  /** API field → value, for the columns this sheet has. */
  values: Record<string, FieldValue>;
  problems: RowProblem[];
}

/** The cycle's rows a row may name beyond what Refs knows: budget lines, for disbursements. */
export interface RowContext {
  refs: Refs;
  contributions: () => ContributionDto[];
}

export function parseWorkbookCell(column: WorkbookColumn, cell: CellValue, refs: Refs): Parsed<FieldValue> | null {
  switch (column.kind) {
    case 'output':
      return null;
    case 'organisation': {
      const found = refs.organisations(cell);
      if (!found.ok) return found;
      if (found.value.length > 1) return { ok: false, message: `${shown(cell)} names ${found.value.length} organisations; name one.` };
      return { ok: true, value: found.value[0] ?? null };
    }
    case 'objectiveOrActivity':
      return refs.activityOrObjective(cell);
    default:
      return parseCell({ kind: column.kind, ...(column.choices ? { choices: column.choices } : {}) }, cell, refs);
  }
}

/** The sheet's columns found in this file, with their header key and header as written: worked out once per sheet. */
const columnsRead = new WeakMap<RegisterSheetRead, { column: WorkbookColumn; key: string; header: string }[]>();

function columnsOf(sheet: RegisterSheetRead) {
  let columns = columnsRead.get(sheet);
  if (!columns) {
    columns = sheet.spec.columns.flatMap((column) => {
      const key = headerKey(column.header);
      const header = sheet.headers.get(key);
      return header === undefined || column.kind === 'output' ? [] : [{ column, key, header }];
    });
    columnsRead.set(sheet, columns);
  }
  return columns;
}

/** Reads every column of one row; each bad cell is its own problem, named by its header. */
export function parseWorkbookRow(sheet: RegisterSheetRead, row: WorkbookRow, context: RowContext): ParsedWorkbookRow {
  const values: Record<string, FieldValue> = {};
  const problems: RowProblem[] = [];
  let rowId: string | null = null;
  for (const { column, key, header } of columnsOf(sheet)) {
    const parsed = parseWorkbookCell(column, row.cells.get(key) ?? EMPTY, context.refs);
    if (parsed === null) continue;
    if (!parsed.ok) problems.push({ column: header, message: `${header}: ${parsed.message}` });
    else if (column.field === 'id') rowId = textValue(parsed.value);
    else values[column.field] = parsed.value;
  }
  if (problems.length === 0) settle(sheet, row, values, problems, context);
  return { rowId, values, problems };
}

/** Fields one cell cannot give alone: a budget line named by its parts, an indicator's link. */
function settle(sheet: RegisterSheetRead, row: WorkbookRow, values: Record<string, FieldValue>, problems: RowProblem[], context: RowContext): void {
  const header = (field: string) => sheet.spec.columns.find((c) => c.field === field)?.header ?? field;
  switch (sheet.spec.register) {
    case 'contribution': {
      // "USD 120,000" typed as the amount says the currency, unless the Currency column says otherwise.
      const typed = currencyTyped(row.cells.get(headerKey(header('amountMinor'))) ?? EMPTY);
      if (typed && (values.currency ?? null) === null) values.currency = typed;
      else if (typed && values.currency !== typed) {
        problems.push({
          column: header('amountMinor'),
          message: `${header('amountMinor')}: the amount is typed in ${typed} but the Currency column says ${String(values.currency)}; make them agree.`,
        });
      }
      // A line without an amount is in-kind support not valued, or a problem naming the cell.
      if ('amountMinor' in values) {
        const line = lineValue(values.amountMinor, values.type ?? 'cash', header('amountMinor'));
        if (line?.ok) Object.assign(values, { amountMinor: line.amountMinor, valueNotEstimated: line.valueNotEstimated });
        else if (line) problems.push({ column: header('amountMinor'), message: line.message });
      }
      // An activity without a code is named by its title alone.
      const title = typeof values.activityTitle === 'string' ? values.activityTitle : '';
      delete values.activityTitle;
      if (values.activityId === null && title !== '' && matchKey(title) !== matchKey(NO_ACTIVITY)) {
        const found = context.refs.activity({ kind: 'text', text: title });
        if (found.ok) values.activityId = found.value;
        else problems.push({ column: header('activityTitle'), message: `${header('activityTitle')}: ${found.message}` });
      }
      return;
    }
    case 'disbursement': {
      const line = budgetLineOf(values, context);
      delete values.component;
      delete values.activityId;
      delete values.contributorOrgId;
      if (typeof line === 'string') values.contributionId = line;
      else problems.push({ column: header('component'), message: `${header('component')}: ${line.message}` });
      return;
    }
    case 'indicator': {
      if (!('link' in values)) return;
      const link = typeof values.link === 'string' ? values.link : '';
      delete values.link;
      // An indicator of an activity may also name its objective; the sheet shows the activity only,
      // so the objective is left as the plan has it (a new indicator is linked to the activity alone).
      if (link.startsWith('activity:')) {
        values.activityId = link.slice('activity:'.length);
        return;
      }
      values.activityId = null;
      values.objectiveId = link.startsWith('objective:') ? link.slice('objective:'.length) : null;
      return;
    }
    default:
      return;
  }
}

/** The budget line a disbursement is paid against: its hidden id, else its component, activity and contributor. */
function budgetLineOf(values: Record<string, FieldValue>, context: RowContext): string | { message: string } {
  const lines = context.contributions();
  const byId = typeof values.contributionId === 'string' ? lines.find((line) => line.id === values.contributionId) : undefined;
  if (byId) return byId.id;
  const component = matchKey(String(values.component ?? ''));
  const matches = lines.filter(
    (line) =>
      matchKey(line.component) === component &&
      (values.activityId === undefined || line.activityId === (values.activityId ?? null)) &&
      (values.contributorOrgId === undefined || values.contributorOrgId === null || line.contributorOrgId === values.contributorOrgId),
  );
  if (matches.length === 1 && matches[0]) return matches[0].id;
  if (matches.length > 1)
    return {
      message: `${matches.length} budget lines have this component, activity and contributor; keep the hidden Budget line ID, or make the lines' components different.`,
    };
  return {
    message: `no budget line has the component "${String(values.component ?? '')}" for this activity and contributor; add it on the Budget lines sheet first.`,
  };
}
