import { formatMoney, parseAmount } from '../../../shared/money';
import { readDateText, shownDate } from '../form/date-hint';
import type { FieldProblem } from '../../../shared/result';
import type { Draft, DraftValue, FieldSpec } from './field-spec';

export type RowValues = Readonly<Record<string, unknown>>;

/** "1,250,000" or "1,250,000.50": an amount as a user would type it back. */
// A form shows the amount exactly as it was entered (cents included): rounding is for printing, and a
// form that rounded would save the rounded figure back.
export const amountText = (amountMinor: number): string => formatMoney({ amountMinor, currency: 'KES' }, { cents: 'auto' }).replace(/^-?KES /, '');

function draftValueOf(field: FieldSpec, value: unknown, values: RowValues): DraftValue {
  if (field.emptyWhenTicked !== undefined && values[field.emptyWhenTicked] === true && value === 0) return '';
  switch (field.kind) {
    case 'checkbox':
      return value === true;
    case 'multi':
      return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
    case 'money':
      return typeof value === 'number' ? amountText(value) : '';
    case 'number':
    case 'integer':
      return typeof value === 'number' ? String(value) : '';
    case 'date':
      return typeof value === 'string' ? shownDate(value) : '';
    default:
      return typeof value === 'string' ? value : '';
  }
}

/** The form's starting text, from a saved row or from a new row's defaults. */
export function draftOf(fields: readonly FieldSpec[], values: RowValues): Draft {
  return Object.fromEntries(fields.map((field) => [field.key, draftValueOf(field, values[field.key], values)]));
}

const text = (value: DraftValue | undefined): string => (typeof value === 'string' ? value : '');

type Read = { ok: true; value: unknown } | { ok: false; message: string };

const MEASURE = /^-?\d+(\.\d+)?$/;

function readField(field: FieldSpec, raw: DraftValue | undefined, draft: Draft): Read {
  const label = field.label;
  switch (field.kind) {
    case 'checkbox':
      return { ok: true, value: raw === true };
    case 'multi':
      return { ok: true, value: Array.isArray(raw) ? [...raw] : [] };
    case 'money': {
      const typed = text(raw).trim();
      if (typed === '' && field.emptyWhenTicked !== undefined && draft[field.emptyWhenTicked] === true) return { ok: true, value: 0 };
      if (typed === '') return field.nullable ? { ok: true, value: null } : { ok: false, message: `${label}: this is required.` };
      if (/^[-−–]/.test(typed) && parseAmount(typed.slice(1).trim()) !== null)
        return { ok: false, message: `${label}: an amount cannot be negative ("${typed}"); enter it without the minus sign.` };
      const minor = parseAmount(typed);
      if (minor === null) return { ok: false, message: `${label}: enter an amount such as 1,250,000 or 1,250,000.50 (no currency sign).` };
      return { ok: true, value: minor };
    }
    case 'number':
    case 'integer': {
      const typed = text(raw).trim().replace(/,/g, '');
      if (typed === '') return field.nullable ? { ok: true, value: null } : { ok: false, message: `${label}: this is required.` };
      if (!MEASURE.test(typed)) return { ok: false, message: `${label}: enter a number such as ${field.kind === 'integer' ? '45' : '12.5'}.` };
      const value = Number(typed);
      if (field.kind === 'integer' && !Number.isInteger(value)) return { ok: false, message: `${label}: enter a whole number such as 45.` };
      return { ok: true, value };
    }
    case 'date':
      return readDateText(label, text(raw), { optional: field.nullable });
    case 'select': {
      const typed = text(raw);
      if (typed === '' && field.nullable) return { ok: true, value: null };
      if (typed === '' && field.required) return { ok: false, message: `${label}: choose one.` };
      return { ok: true, value: typed };
    }
    default: {
      // Said, not cut: a field that silently kept the first 200 characters of a paste loses the rest.
      const typed = text(raw);
      if (field.maxLength !== undefined && typed.length > field.maxLength)
        return { ok: false, message: `${label}: at most ${count(field.maxLength)} characters; this has ${count(typed.length)}. Shorten it.` };
      return { ok: true, value: typed };
    }
  }
}

const count = (n: number) => n.toLocaleString('en-GB');

/** A refused draft keeps the values it could read, so the schema can check those fields in the same round. */
export type DraftResult<K extends string = string> =
  { ok: true; value: Partial<Record<K, unknown>> } | { ok: false; problems: FieldProblem[]; value: Partial<Record<K, unknown>> };

/**
 * Turns the typed form into API values. What only the form can know (an amount that is not a
 * number, a required choice left empty) is reported here, every field at once, in the server's
 * words; every other rule is the server's.
 */
export function readDraft<K extends string>(fields: readonly FieldSpec<K>[], draft: Draft): DraftResult<K> {
  const value: Partial<Record<K, unknown>> = {};
  const problems: FieldProblem[] = [];
  for (const field of fields) {
    const read = readField(field, draft[field.key], draft);
    if (read.ok) value[field.key] = read.value;
    else problems.push({ field: field.key, message: read.message });
  }
  return problems.length > 0 ? { ok: false, problems, value } : { ok: true, value };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields whose value differs from the saved row's: an update carries only these. */
export function changedValues<K extends string>(
  fields: readonly FieldSpec<K>[],
  saved: RowValues,
  values: Partial<Record<K, unknown>>,
): Partial<Record<K, unknown>> {
  const savedValues = readDraft(fields, draftOf(fields, saved));
  const before: Partial<Record<string, unknown>> = savedValues.ok ? savedValues.value : saved;
  const changed: Partial<Record<K, unknown>> = {};
  for (const { key } of fields) if (Object.hasOwn(values, key) && !same(before[key], values[key])) changed[key] = values[key];
  return changed;
}

/** Whether the form differs from where it started (the unsaved-change warning). */
export function isDraftChanged(start: Draft, draft: Draft): boolean {
  return Object.keys({ ...start, ...draft }).some((key) => !same(start[key], draft[key]));
}
