import { z } from 'zod';
import { explainIssues } from '../../shared/api/explain';
import { isRegisterName } from '../../shared/api/registers';
import { cycleCreateShape } from '../../shared/api/schemas/cycle';
import { entityId } from '../../shared/api/schemas/fields';
import { formatDisplayDate } from '../../shared/dates';
import { fiscalYearOf, fiscalYearRange } from '../../shared/fiscal-year';
import { printable } from '../../shared/text';
import { generated, type Row } from '../db/row-store';
import { exchangeTable, rowLabel, type ExchangeName, type ExchangeTable } from './exchange-tables';
import { hlcText, rowMetaSchema, tombstoneSchema, type BundleTombstone } from './format';
import { textNotAsStored } from './stored-text';

/**
 * Every row in a bundle is checked as the register's own `create` checks it: with the register's
 * create schema, so a bundle can never hold what the app would refuse from a person. Keys are
 * matched against the schema before any value is looked at: an unknown key (`__proto__` too)
 * refuses the bundle, and no key from a file is ever copied onto an object or into SQL.
 */

const MAX_PROBLEMS = 20;

export class Problems {
  readonly list: string[] = [];
  add(message: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push(message);
    else if (this.list.length === MAX_PROBLEMS) this.list.push('… and more problems of the same kind.');
  }
  get count(): number {
    return this.list.length;
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

const metaSchema = z.strictObject(rowMetaSchema);

/** Checks the keys are exactly the allowed ones; reports every other key, and any missing. */
function keysAreExactly(
  item: Record<string, unknown>,
  allowed: readonly string[],
  where: () => string,
  problems: Problems,
  allowedSet: ReadonlySet<string>,
): boolean {
  const keys = Object.keys(item);
  // Keys are distinct: as many as allowed, each allowed, is exactly the allowed ones (every row of a sound bundle).
  if (keys.length === allowed.length && keys.every((key) => allowedSet.has(key))) return true;
  const unknown = keys.filter((key) => !allowedSet.has(key));
  if (unknown.length > 0) {
    problems.add(`${where()}: unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => JSON.stringify(key.slice(0, 40))).join(', ')}.`);
    return false;
  }
  const missing = allowed.filter((key) => !Object.hasOwn(item, key));
  if (missing.length > 0) {
    problems.add(`${where()}: missing field${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`);
    return false;
  }
  return true;
}

/** Copies only the allowed keys, in a fresh object; reports every other key. */
function splitKeys(
  item: Record<string, unknown>,
  allowed: readonly string[],
  where: string,
  problems: Problems,
  allowedSet: ReadonlySet<string> = new Set(allowed),
): Row | null {
  const unknown = Object.keys(item).filter((key) => !allowedSet.has(key));
  if (unknown.length > 0) {
    problems.add(`${where}: unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => JSON.stringify(key.slice(0, 40))).join(', ')}.`);
    return null;
  }
  const missing = allowed.filter((key) => !Object.hasOwn(item, key));
  if (missing.length > 0) {
    problems.add(`${where}: missing field${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`);
    return null;
  }
  const copy: Row = {};
  for (const key of allowed) copy[key] = item[key];
  return copy;
}

/**
 * A row's register fields, in a fresh object, by a function generated from the table's own keys
 * (never from input): one object literal of one shape, which the schema then reads field by field
 * at full speed, where an object grown key by key was a dictionary (a county plan has 35,000 rows).
 */
const fieldPickers = new WeakMap<ExchangeTable, (row: Row) => Row>();
function fieldsOf(t: ExchangeTable, row: Row): Row {
  let pick = fieldPickers.get(t);
  if (!pick) {
    pick = generated<(row: Row) => Row>(['row'], `return { ${t.fieldKeys.map((key) => `${JSON.stringify(key)}: row[${JSON.stringify(key)}]`).join(', ')} };`);
    fieldPickers.set(t, pick);
  }
  return pick(row);
}

export function validateRegisterRows(register: ExchangeName, data: unknown, cycleId: string, problems: Problems): Row[] {
  const t = exchangeTable[register];
  const file = `rows/${register}.json`;
  if (!Array.isArray(data)) {
    problems.add(`${file} is not a list of rows.`);
    return [];
  }
  const metaKeys = Object.keys(rowMetaSchema);
  const allowed = [...metaKeys, ...t.fieldKeys];
  const allowedSet = new Set(allowed);
  const seen = new Set<string>();
  const rows: Row[] = [];
  const register_ = `${t.noun.many[0]?.toUpperCase()}${t.noun.many.slice(1)}`;
  // Where a problem is, written only when there is one: a county plan's rows have none.
  let index = 0;
  let copy: Row = {};
  const where = () => `${register_}, row ${index + 1}`;
  const named = () => `${where()} (“${safeLabel(register, copy)}”)`;
  for (; index < data.length; index++) {
    const item: unknown = data[index];
    if (!isPlainObject(item)) {
      problems.add(`${where()}: not a record.`);
      continue;
    }
    if (!keysAreExactly(item, allowed, where, problems, allowedSet)) continue;
    // Only allowed keys are read from here on, so no key from the file reaches an object of ours.
    copy = item;
    if (!metaIsValid(copy)) {
      const meta = metaSchema.safeParse(Object.fromEntries(metaKeys.map((key) => [key, copy[key]])));
      problems.add(`${named()}: ${meta.success ? 'its sync columns are not valid.' : explainIssues(meta.error.issues).message}`);
      continue;
    }
    const fieldValues = fieldsOf(t, copy);
    const fields = t.rules.createInput.safeParse(fieldValues);
    if (!fields.success) {
      problems.add(`${named()}: ${explainIssues(fields.error.issues, isRegisterName(t.register) ? t.register : undefined).message}`);
      continue;
    }
    const altered = textNotAsStored(fieldValues, fields.data as Row, t.fieldKeys);
    if (altered) {
      problems.add(`${named()}: ${altered}`);
      continue;
    }
    if (fields.data.cycleId !== cycleId) {
      problems.add(`${named()}: it belongs to another cycle.`);
      continue;
    }
    const id = copy.id as string;
    if (seen.has(id)) {
      problems.add(`${named()}: the id ${id} appears twice.`);
      continue;
    }
    seen.add(id);
    // The schema's output is a fresh object: the sync columns join it there.
    const row = fields.data as Row;
    for (const key of metaKeys) row[key] = copy[key];
    rows.push(row);
  }
  return rows;
}

/** A row's label for a message about it, before its values are known to be sound. */
function safeLabel(register: ExchangeName, row: Row): string {
  try {
    return printable(rowLabel(register, row));
  } catch {
    return typeof row.id === 'string' ? printable(row.id.slice(0, 40)) : 'no id';
  }
}

/** The same tests as `rowMetaSchema` (zod's uuid pattern, parseHlc's pattern), without a parse per row. */
const UUID =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
const HLC = /^\d{15}:\d{5}:[A-Za-z0-9-]{1,64}$/;
const ORIGIN = /^[A-Za-z0-9-]{1,64}$/;
const str = (value: unknown): value is string => typeof value === 'string';
/** Timestamps repeat across rows: each distinct one is checked by the schema once. */
const instantChecks = new Map<string, boolean>();
const isInstant = (value: unknown): boolean => {
  if (!str(value)) return false;
  let ok = instantChecks.get(value);
  if (ok === undefined) {
    ok = rowMetaSchema.createdAt.safeParse(value).success;
    if (instantChecks.size > 100_000) instantChecks.clear();
    instantChecks.set(value, ok);
  }
  return ok;
};

/** The sync columns, checked for speed (a county plan has tens of thousands of rows); a failure asks the schema why. */
function metaIsValid(row: Row): boolean {
  const { id, ownerOrgId, createdAt, updatedAt, hlc, origin, baseHlc } = row;
  return (
    str(id) &&
    UUID.test(id) &&
    (ownerOrgId === null || (str(ownerOrgId) && UUID.test(ownerOrgId))) &&
    isInstant(createdAt) &&
    isInstant(updatedAt) &&
    str(hlc) &&
    HLC.test(hlc) &&
    str(origin) &&
    ORIGIN.test(origin) &&
    (baseHlc === null || (str(baseHlc) && HLC.test(baseHlc)))
  );
}

export function validateTombstones(data: unknown, problems: Problems): BundleTombstone[] {
  if (!Array.isArray(data)) {
    problems.add('tombstones.json is not a list of deletions.');
    return [];
  }
  const seen = new Set<string>();
  const out: BundleTombstone[] = [];
  data.forEach((item: unknown, index) => {
    const where = `Deletion ${index + 1}`;
    if (!isPlainObject(item)) return problems.add(`${where}: not a record.`);
    const copy = splitKeys(item, Object.keys(tombstoneSchema.shape), where, problems);
    if (!copy) return;
    const parsed = tombstoneSchema.safeParse(copy);
    if (!parsed.success) return problems.add(`${where}: ${explainIssues(parsed.error.issues).message}`);
    const key = `${parsed.data.register}:${parsed.data.rowId}`;
    if (seen.has(key)) return problems.add(`${where}: the deletion of ${parsed.data.rowId} appears twice.`);
    seen.add(key);
    out.push(parsed.data);
  });
  return out;
}

const cycleRowSchema = z.strictObject({
  ...cycleCreateShape,
  leadOrgId: entityId.nullable(),
  id: rowMetaSchema.id,
  createdAt: rowMetaSchema.createdAt,
  updatedAt: rowMetaSchema.updatedAt,
  hlc: hlcText,
  origin: rowMetaSchema.origin,
  baseHlc: hlcText.nullable(),
});

/** The cycle's own row, sent by the Secretariat: the same rules as creating a cycle. */
export function validateCycleRow(data: unknown, manifestCycle: { id: string; countyId: string }, problems: Problems): Row | null {
  if (!isPlainObject(data)) {
    problems.add('cycle.json is not a record.');
    return null;
  }
  const copy = splitKeys(data, Object.keys(cycleRowSchema.shape), 'The cycle', problems);
  if (!copy) return null;
  const parsed = cycleRowSchema.safeParse(copy);
  if (!parsed.success) {
    problems.add(`The cycle: ${explainIssues(parsed.error.issues).message}`);
    return null;
  }
  const cycle = parsed.data;
  const altered = textNotAsStored(copy, cycle, Object.keys(cycleCreateShape));
  if (altered) {
    problems.add(`The cycle: ${altered}`);
    return null;
  }
  const before = problems.count;
  if (cycle.id !== manifestCycle.id || cycle.countyId !== manifestCycle.countyId) problems.add('The cycle: it is not the cycle the manifest names.');
  if (cycle.endDate < cycle.startDate)
    problems.add(`The cycle: End date: ${formatDisplayDate(cycle.endDate)} is before the start date (${formatDisplayDate(cycle.startDate)}).`);
  if (fiscalYearOf(cycle.startDate) !== cycle.fiscalYear || cycle.endDate > fiscalYearRange(cycle.fiscalYear).end) {
    problems.add(`The cycle: its dates are not within FY ${cycle.fiscalYear}.`);
  }
  return problems.count === before ? cycle : null;
}
