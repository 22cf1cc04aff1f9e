import type { Row } from './row-store';

/*
 * Reading one value of a row whose shape the table or a schema already checked (a bundle's rows
 * after validate-rows, rows read by column name, a single value a query returns). A value of
 * another type here is a bug, not bad input: these throw instead of casting, so it cannot travel.
 */

function wrongType(what: string, expected: string, value: unknown): Error {
  return new Error(`${what} is ${value === null ? 'null' : typeof value}, not ${expected}.`);
}

export function expectText(value: unknown, what: string): string {
  if (typeof value !== 'string') throw wrongType(what, 'text', value);
  return value;
}

export function expectNumber(value: unknown, what: string): number {
  if (typeof value !== 'number') throw wrongType(what, 'a number', value);
  return value;
}

export const textOf = (row: Row, key: string): string => expectText(row[key], key);

/** Text, or null where the column allows it (a missing key reads as null). */
export function textOrNullOf(row: Row, key: string): string | null {
  const value = row[key];
  return value === null || value === undefined ? null : expectText(value, key);
}

export const numberOf = (row: Row, key: string): number => expectNumber(row[key], key);

/** A link list (ward ids, organisation ids): an array of text. */
export function textListOf(row: Row, key: string): string[] {
  const value = row[key];
  if (!Array.isArray(value)) throw wrongType(key, 'a list', value);
  return value.map((item, index) => expectText(item, `${key}[${index}]`));
}

/** A row a query returned by column name. */
export function rowOf(value: unknown): Row {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw wrongType('A row', 'an object', value);
  const row: Row = { ...value };
  return row;
}

/** A row a query returned by column name, or undefined when it found none. */
export const rowOrNone = (value: unknown): Row | undefined => (value === undefined ? undefined : rowOf(value));

/** A row a query returned as an array of values (`.raw()`). */
export function listOf(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw wrongType('A row', 'a list of values', value);
  return value;
}

/** The `code` of a thrown error (SQLite's `SQLITE_…`, Node's `EADDRINUSE`), if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
