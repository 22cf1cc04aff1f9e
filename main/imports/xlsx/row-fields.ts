import { formatDisplayDate } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import { codeLabel } from '../../exports/xlsx/cycle-data';
import { orgListName } from '../../exports/xlsx/partner-template';
import type { TemplateColumn } from '../../exports/xlsx/template-layout';
import {
  EMPTY,
  parseChoice,
  parseDate,
  parseLineAmount,
  parseMeasure,
  parseMoney,
  parsePercent,
  parseText,
  parseYesNo,
  type CellValue,
  type Parsed,
} from './cells';
import type { SheetRead, TemplateRow } from './read-template';
import type { Refs } from './refs';

export type FieldValue = string | number | boolean | null | string[];

export interface ParsedRow {
  /** The value of each template column found in this sheet, by API field. */
  values: Map<string, FieldValue>;
  errors: { column: string; message: string }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One cell read as its column's kind: the cell parsers shared by the partner template and the cycle workbook. */
export function parseCell(column: Pick<TemplateColumn, 'kind' | 'choices'>, cell: CellValue, refs: Refs): Parsed<FieldValue> | null {
  switch (column.kind) {
    case 'rowId':
    case 'indicatorId':
    case 'contributionId': {
      const text = parseText(cell);
      if (!text.ok) return text;
      if (text.value === '') return { ok: true, value: null };
      return UUID.test(text.value)
        ? { ok: true, value: text.value.toLowerCase() }
        : { ok: false, message: `${text.value.slice(0, 40)} is not an ID Pamoja JWP wrote; leave the hidden ID as it was, or empty on a new row.` };
    }
    case 'text':
    case 'longText':
      return parseText(cell);
    case 'date':
      return parseDate(cell);
    case 'percent':
      return parsePercent(cell);
    case 'measure':
      return parseMeasure(cell);
    case 'amount':
      return parseMoney(cell);
    case 'lineAmount':
      return parseLineAmount(cell);
    case 'choice':
      return parseChoice(cell, column.choices ?? {});
    case 'yesNo':
      return parseYesNo(cell);
    case 'wards':
      return refs.wards(cell);
    case 'organisations':
      return refs.organisations(cell);
    case 'objective':
      return refs.objective(cell);
    case 'activity':
      return refs.activity(cell);
    case 'indicator':
      return refs.indicator(cell);
    case 'contribution':
      return refs.contribution(cell);
    case 'period':
      return refs.period(cell);
    case 'reference':
      return null;
  }
}

/** Every template column of the sheet read from one row; each bad cell gives its own error. */
export function parseRow(sheet: SheetRead, row: TemplateRow, refs: Refs): ParsedRow {
  const values = new Map<string, FieldValue>();
  const errors: ParsedRow['errors'] = [];
  for (const [field, { column, header }] of sheet.columns) {
    const parsed = parseCell(column, row.cells.get(field) ?? EMPTY, refs);
    if (parsed === null) continue;
    if (parsed.ok) values.set(field, parsed.value);
    else errors.push({ column: header, message: `${header}: ${parsed.message}` });
  }
  return { values, errors };
}

/** Two values the same for the plan (lists compared as sets). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
  return (a ?? null) === (b ?? null);
}

/** The ids of a list column's value (a single id reads as a list of one). */
const idsIn = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [String(value)]);

/** The text of a field read from the file, or null when it holds none. */
export const textValue = (value: FieldValue | undefined): string | null => (typeof value === 'string' ? value : null);

/** A value as the preview shows it: dates, amounts, labels and names as people read them. */
export function displayValue(column: Pick<TemplateColumn, 'kind' | 'choices'> | undefined, value: unknown, refs: Refs, currency = 'KES'): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '(empty)';
  switch (column?.kind) {
    case 'date':
      return formatDisplayDate(String(value));
    case 'amount':
    case 'lineAmount':
      return formatMoney({ amountMinor: Number(value), currency: currency === 'USD' ? 'USD' : 'KES' });
    case 'choice':
      return column.choices?.[String(value)] ?? String(value);
    case 'yesNo':
      return value ? 'Yes' : 'No';
    case 'wards':
      return idsIn(value).map(refs.wardName).join(', ');
    case 'organisations':
      return idsIn(value)
        .map((id) => refs.organisationsById.get(id))
        .map((org) => (org ? orgListName(org) : '?'))
        .join(', ');
    case 'objective': {
      const objective = refs.objectives.get(String(value));
      return objective ? codeLabel(objective.code, objective.statement) : String(value);
    }
    case 'activity': {
      const activity = refs.activities.get(String(value));
      return activity ? codeLabel(activity.code, activity.title) : String(value);
    }
    case 'contribution':
      return refs.budgetLineName(String(value));
    case 'period':
      return refs.periodLabel(String(value));
    case 'percent':
      return `${String(value)} %`;
    default:
      return String(value);
  }
}
