import { contributionCreateShape, disbursementCreateShape } from '../api/schemas/budget';
import { cycleCreateShape } from '../api/schemas/cycle';
import { isRecord } from '../guards';
import { indicatorCreateShape, indicatorPeriodCreateShape, riskCreateShape } from '../api/schemas/monitoring';
import { contactCreateShape, organisationCreateShape } from '../api/schemas/organisation';
import { activityCreateShape, objectiveCreateShape } from '../api/schemas/plan';
import { adaptiveTriggerCreateShape, learningEntryCreateShape, milestoneCreateShape, signatoryCreateShape } from '../api/schemas/review';

/**
 * The plan's content as a version freezes it: the cycle's general information and every register's
 * rows (main/exports/fingerprint.ts `cycleContent`). Values are JSON: strings, numbers, booleans,
 * null and sorted string lists (link lists such as wards).
 */
export type SnapshotRow = Record<string, unknown>;

export interface PlanSnapshot {
  cycle: SnapshotRow;
  registers: Record<string, SnapshotRow[]>;
}

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface RowChange {
  kind: ChangeKind;
  id: string;
  /** Added: the row's non-empty fields (old null); removed: its fields (new null); changed: only what differs. */
  fields: FieldChange[];
}

export interface RegisterChanges {
  register: string;
  added: number;
  removed: number;
  changed: number;
  rows: RowChange[];
}

export interface PlanDiff {
  identical: boolean;
  cycle: FieldChange[];
  /** Only registers with a change, in REGISTER_ORDER. */
  registers: RegisterChanges[];
  totals: { added: number; removed: number; changed: number };
}

/** The registers in the order people fill them in and documents print them. */
export const REGISTER_ORDER = [
  'organisation',
  'contact',
  'objective',
  'activity',
  'contribution',
  'disbursement',
  'indicator',
  'indicatorPeriod',
  'risk',
  'milestone',
  'learningEntry',
  'adaptiveTrigger',
  'signatory',
] as const;

/**
 * Fields are reported in the order their forms ask for them (the create schemas' order), not in
 * the stored snapshot's alphabetical order; a field no form knows comes last.
 */
const FIELD_ORDER: Record<string, readonly string[]> = {
  cycle: [...Object.keys(cycleCreateShape), 'leadOrgId'],
  organisation: Object.keys(organisationCreateShape),
  contact: Object.keys(contactCreateShape),
  objective: Object.keys(objectiveCreateShape),
  activity: Object.keys(activityCreateShape),
  contribution: Object.keys(contributionCreateShape),
  disbursement: Object.keys(disbursementCreateShape),
  indicator: Object.keys(indicatorCreateShape),
  indicatorPeriod: Object.keys(indicatorPeriodCreateShape),
  risk: Object.keys(riskCreateShape),
  milestone: Object.keys(milestoneCreateShape),
  learningEntry: Object.keys(learningEntryCreateShape),
  adaptiveTrigger: Object.keys(adaptiveTriggerCreateShape),
  signatory: Object.keys(signatoryCreateShape),
};

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function inFormOrder(register: string, keys: readonly string[]): string[] {
  const order = FIELD_ORDER[register] ?? [];
  const rank = (key: string) => {
    const index = order.indexOf(key);
    return index === -1 ? order.length : index;
  };
  return [...keys].sort((a, b) => rank(a) - rank(b) || byCodePoint(a, b));
}

/**
 * Fields a diff never reports: identity (never changes), the cycle (always the same one), and the
 * owner, which the services derive from another field (an activity's lead) that is reported.
 */
const HIDDEN_FIELDS = new Set(['id', 'cycleId', 'ownerOrgId', 'createdAt', 'updatedAt', 'hlc', 'origin']);

/** Structural equality of JSON values; object key order does not matter, list order does. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value, index) => sameValue(value, b[index]));
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (!sameValue(a[key], b[key])) return false;
  return true;
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
const visibleKeys = (register: string, row: SnapshotRow) =>
  inFormOrder(
    register,
    Object.keys(row).filter((key) => !HIDDEN_FIELDS.has(key)),
  );

/** Field-by-field changes between two versions of one row (same id) of `register` ('cycle' for the cycle). */
export function diffFields(register: string, before: SnapshotRow, after: SnapshotRow): FieldChange[] {
  const keys = inFormOrder(register, [...new Set([...visibleKeys(register, before), ...visibleKeys(register, after)])]);
  return keys
    .filter((key) => !sameValue(before[key] ?? null, after[key] ?? null))
    .map((key) => ({ field: key, old: before[key] ?? null, new: after[key] ?? null }));
}

/** Row by row, by id: a row in `to` only was added, in `from` only removed, in both and different changed. */
export function diffRows(register: string, from: readonly SnapshotRow[], to: readonly SnapshotRow[]): RegisterChanges {
  const before = new Map(from.map((row) => [String(row.id), row]));
  const after = new Map(to.map((row) => [String(row.id), row]));
  const rows: RowChange[] = [];
  for (const [id, row] of after) {
    const old = before.get(id);
    if (!old) {
      rows.push({
        kind: 'added',
        id,
        fields: visibleKeys(register, row)
          .filter((key) => !isEmpty(row[key]))
          .map((key) => ({ field: key, old: null, new: row[key] })),
      });
      continue;
    }
    const fields = diffFields(register, old, row);
    if (fields.length > 0) rows.push({ kind: 'changed', id, fields });
  }
  for (const [id, row] of before) {
    if (!after.has(id))
      rows.push({
        kind: 'removed',
        id,
        fields: visibleKeys(register, row)
          .filter((key) => !isEmpty(row[key]))
          .map((key) => ({ field: key, old: row[key], new: null })),
      });
  }
  const kindOrder: Record<ChangeKind, number> = { added: 0, changed: 1, removed: 2 };
  rows.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || byCodePoint(a.id, b.id));
  const count = (kind: ChangeKind) => rows.filter((row) => row.kind === kind).length;
  return { register, added: count('added'), removed: count('removed'), changed: count('changed'), rows };
}

/** Register by register, row by row, field by field. Pure: the same two snapshots give the same diff. */
export function diffSnapshots(from: PlanSnapshot, to: PlanSnapshot): PlanDiff {
  const known: readonly string[] = REGISTER_ORDER;
  const extra = [...new Set([...Object.keys(from.registers), ...Object.keys(to.registers)])].filter((name) => !known.includes(name)).sort(byCodePoint);
  const registers = [...known, ...extra]
    .map((name) => diffRows(name, from.registers[name] ?? [], to.registers[name] ?? []))
    .filter((changes) => changes.rows.length > 0);
  const cycle = diffFields('cycle', from.cycle, to.cycle);
  const totals = {
    added: registers.reduce((sum, r) => sum + r.added, 0),
    removed: registers.reduce((sum, r) => sum + r.removed, 0),
    changed: registers.reduce((sum, r) => sum + r.changed, 0) + (cycle.length > 0 ? 1 : 0),
  };
  return { identical: cycle.length === 0 && registers.length === 0, cycle, registers, totals };
}
