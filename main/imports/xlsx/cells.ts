import { isoDate, parseDateText } from '../../../shared/dates';
import { parseAmount } from '../../../shared/money';

/** A cell as the import sees it, whatever Excel, LibreOffice or a person did to it. */
export type CellValue =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number; percentFormat: boolean }
  | { kind: 'date'; iso: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'formula'; formula: string; result: CellValue }
  | { kind: 'error'; text: string };

export const EMPTY: CellValue = { kind: 'empty' };

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

/** What the cell shows, for messages: `"lots"`, `12`, `25 Nov 2026`. */
export function shown(cell: CellValue): string {
  switch (cell.kind) {
    case 'text':
      return `"${cell.text.trim().slice(0, 60)}${cell.text.trim().length > 60 ? '…' : ''}"`;
    case 'number':
      return String(cell.value);
    case 'date':
      return cell.iso;
    case 'bool':
      return cell.value ? 'TRUE' : 'FALSE';
    case 'formula':
      return `=${cell.formula.slice(0, 40)}`;
    case 'error':
      return cell.text;
    default:
      return 'an empty cell';
  }
}

/**
 * The value a formula left behind, for number and date columns (a partner may add up an amount);
 * text columns refuse formulas outright.
 */
function settled(cell: CellValue): Parsed<CellValue> {
  if (cell.kind !== 'formula') return ok(cell);
  if (cell.result.kind === 'empty') return fail(`this cell holds a formula (${shown(cell)}) with no saved result; type the value itself.`);
  return ok(cell.result);
}

/** Typed text, stripped of the spaces around it. Formulas are refused: they are how spreadsheet injection arrives. */
export function parseText(cell: CellValue): Parsed<string> {
  switch (cell.kind) {
    case 'empty':
      return ok('');
    case 'text':
      return ok(cell.text.trim());
    case 'number':
      return ok(String(cell.value));
    case 'date':
      return ok(cell.iso);
    case 'bool':
      return ok(cell.value ? 'Yes' : 'No');
    case 'formula':
      return fail(`this cell holds a formula (${shown(cell)}); Pamoja JWP imports typed text only, so type the text itself.`);
    default:
      return fail(`this cell shows an error (${cell.text}); type the text itself.`);
  }
}

/** Excel's day count (1900 system) to a date: a date pasted as a plain number still means a date. */
function serialToIso(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2_958_465) return null;
  const t = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function parseDate(raw: CellValue): Parsed<string | null> {
  const settledCell = settled(raw);
  if (!settledCell.ok) return settledCell;
  const cell = settledCell.value;
  const hint = 'type it as 25/11/2026 (day/month/year) or 25 Nov 2026.';
  switch (cell.kind) {
    case 'empty':
      return ok(null);
    case 'date':
      return ok(cell.iso);
    case 'number': {
      const iso = serialToIso(cell.value);
      return iso ? ok(iso) : fail(`${shown(cell)} is not a date; ${hint}`);
    }
    case 'text': {
      const iso = parseDateText(cell.text);
      return iso ? ok(iso) : fail(`${shown(cell)} is not a date; ${hint}`);
    }
    default:
      return fail(`${shown(cell)} is not a date; ${hint}`);
  }
}

/** Money to minor units: 1200000, "1,200,000", "KES 1,200,000.50". At most two decimals, never negative. */
export function parseMoney(raw: CellValue): Parsed<number | null> {
  const settledCell = settled(raw);
  if (!settledCell.ok) return settledCell;
  const cell = settledCell.value;
  const hint = 'type a number such as 1,200,000 or 1200000.50.';
  if (cell.kind === 'empty') return ok(null);
  if (cell.kind === 'number') {
    if (cell.value < 0) return fail(`${shown(cell)} is negative; ${hint}`);
    const minor = Math.round(cell.value * 100);
    if (Math.abs(minor - cell.value * 100) > 1e-6 * Math.max(1, cell.value)) return fail(`${shown(cell)} has more than two decimals; ${hint}`);
    if (!Number.isSafeInteger(minor)) return fail(`${shown(cell)} is too large; ${hint}`);
    return ok(minor);
  }
  if (cell.kind === 'text') {
    const stripped = cell.text.replace(/^\s*(kes|ksh|kshs|ks|usd|us\$|\$)\.?\s*/i, '').replace(/\s*(kes|ksh|kshs|usd)\.?\s*$/i, '');
    if (/^\s*-/.test(stripped)) return fail(`${shown(cell)} is negative; ${hint}`);
    const minor = parseAmount(stripped) ?? scaledAmount(stripped);
    return minor === null ? fail(`${shown(cell)} is not an amount; ${hint}`) : ok(minor);
  }
  return fail(`${shown(cell)} is not an amount; ${hint}`);
}

/** "in-kind, not valued", "not valued", "value not estimated": in-kind support nobody put a figure on. */
const NOT_VALUED_TEXT = /^(in[-\s]?kind\s*[,:;-]?\s*)?(value\s+)?not\s+(valued|estimated)\.?$/i;

/**
 * A budget line's amount: money as parseMoney reads it, or null for a cell left empty or saying the
 * line is not valued; whether the line may go without a value is its type's to say (shared/budget-lines.ts).
 */
export function parseLineAmount(raw: CellValue): Parsed<number | null> {
  const settledCell = settled(raw);
  if (settledCell.ok && settledCell.value.kind === 'text' && NOT_VALUED_TEXT.test(settledCell.value.text.trim())) return ok(null);
  return parseMoney(raw);
}

const SCALES: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, million: 1e6, bn: 1e9, billion: 1e9 };

/** Amounts as budget officers abbreviate them: "1.25M", "850k", "2.4 million" (to the shilling or cent). */
function scaledAmount(text: string): number | null {
  const match = /^\s*(\d{1,9}(?:\.\d{1,6})?)\s*([a-z]+)\.?\s*$/i.exec(text.replace(/,/g, ''));
  const scale = match ? SCALES[match[2]?.toLowerCase() ?? ''] : undefined;
  if (!match || scale === undefined) return null;
  const minor = Math.round(Number(match[1]) * scale * 100);
  return Number.isSafeInteger(minor) ? minor : null;
}

/** The currency an amount was typed with ("USD 120,000", "KES 1.25M", "$5,000"), if any. */
export function currencyTyped(cell: CellValue): 'KES' | 'USD' | null {
  if (cell.kind !== 'text') return null;
  const text = cell.text.trim().toLowerCase();
  if (/^(usd|us\$|\$)|usd\.?$/.test(text)) return 'USD';
  if (/^(kes|ksh|kshs|ks)\b|(kes|ksh|kshs)\.?$/.test(text)) return 'KES';
  return null;
}

/** Counts, rates and percentages for indicators: 1,200 or "58.5" or "60%" (read as 60). */
export function parseMeasure(raw: CellValue): Parsed<number | null> {
  const settledCell = settled(raw);
  if (!settledCell.ok) return settledCell;
  const cell = settledCell.value;
  if (cell.kind === 'empty') return ok(null);
  if (cell.kind === 'number') return ok(cell.percentFormat ? round(cell.value * 100) : cell.value);
  if (cell.kind === 'text') {
    const cleaned = cell.text.replace(/[,\s]/g, '').replace(/%$/, '');
    const value = /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : NaN;
    return Number.isFinite(value) ? ok(value) : fail(`${shown(cell)} is not a number; type a number such as 1,200 or 58.5.`);
  }
  return fail(`${shown(cell)} is not a number; type a number such as 1,200 or 58.5.`);
}

/** A whole percentage 0–100: 40, "40%", or 0.4 in a cell formatted as a percentage. */
export function parsePercent(raw: CellValue): Parsed<number | null> {
  const measured = parseMeasure(raw);
  if (!measured.ok || measured.value === null) return measured;
  const value = measured.value;
  if (!Number.isInteger(value)) return fail(`${shown(raw)} is not a whole number; type a whole number from 0 to 100.`);
  return ok(value);
}

export function parseYesNo(raw: CellValue): Parsed<boolean | null> {
  const cell = raw.kind === 'formula' ? raw.result : raw;
  if (cell.kind === 'empty') return ok(null);
  if (cell.kind === 'bool') return ok(cell.value);
  const text = cell.kind === 'text' ? cell.text.trim().toLowerCase() : cell.kind === 'number' ? String(cell.value) : '';
  if (['yes', 'y', 'true', '1', 'on budget', 'on'].includes(text)) return ok(true);
  if (['no', 'n', 'false', '0', 'off budget', 'off'].includes(text)) return ok(false);
  return fail(`${shown(raw)} is not Yes or No; choose Yes or No.`);
}

/** Compared the way people retype a label: case, spacing, dashes and punctuation ignored. */
export function matchKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

/** Each list's labels and keys by matchKey, worked out once per list: a sheet reads thousands of choices. */
const choiceKeys = new WeakMap<Record<string, string>, Map<string, string>>();

function keysOfChoices(labels: Record<string, string>): Map<string, string> {
  let keys = choiceKeys.get(labels);
  if (!keys) {
    keys = new Map();
    // Where two choices read alike, the first in the list's order wins.
    for (const [key, label] of Object.entries(labels)) {
      if (!keys.has(matchKey(label))) keys.set(matchKey(label), key);
      if (!keys.has(matchKey(key))) keys.set(matchKey(key), key);
    }
    choiceKeys.set(labels, keys);
  }
  return keys;
}

/** A value from a fixed list, by its label or its stored key. */
export function parseChoice(raw: CellValue, labels: Record<string, string>): Parsed<string | null> {
  const text = parseText(raw);
  if (!text.ok) return text;
  if (text.value === '') return ok(null);
  const key = keysOfChoices(labels).get(matchKey(text.value));
  if (key !== undefined) return ok(key);
  return fail(`${shown(raw)} is not on the list; choose one of: ${Object.values(labels).join(', ')}.`);
}

function round(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
