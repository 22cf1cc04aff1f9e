import type { RegisterName } from './tables';

type AddedFields = Partial<Record<RegisterName, Readonly<Record<string, string | boolean | null>>>>;

/**
 * Fields migration 0011 added to the registers (the manual's M&E and learning template fields),
 * with the value it gave the rows already stored: empty text, or null for a choice not yet made.
 * Rows frozen before it — in a bundle of an older format, in an approved version's snapshot —
 * take the same values when read, so they compare and import as the database's own rows do.
 */
export const FIELDS_ADDED_IN_0011: AddedFields = {
  activity: { activityType: null },
  indicator: { sustainability: '' },
  milestone: { format: '', audience: '' },
  learningEntry: { captureMethods: '', timing: '', expectedUse: '' },
  adaptiveTrigger: { priority: null },
};

/** Migration 0014: a budget line stored before it was valued (in-kind support not valued came later). */
export const FIELDS_ADDED_IN_0014: AddedFields = {
  contribution: { valueNotEstimated: false },
};

/** Each migration's added fields, with the bundle format that first carried them. */
const ADDED: readonly { format: number; fields: AddedFields }[] = [
  { format: 6, fields: FIELDS_ADDED_IN_0011 },
  { format: 8, fields: FIELDS_ADDED_IN_0014 },
];

/**
 * The row with the fields later migrations added, where it lacks them: those added after bundle
 * format `formatVersion` (a bundle's rows), or all of them (a snapshot frozen at any time).
 */
export function withAddedFields(register: string, row: Readonly<Record<string, unknown>>, formatVersion = 0): Record<string, unknown> {
  const upgraded: Record<string, unknown> = { ...row };
  for (const { format, fields } of ADDED) {
    if (formatVersion >= format) continue;
    const defaults = Object.entries(fields).find(([name]) => name === register)?.[1] ?? {};
    for (const [field, value] of Object.entries(defaults)) if (!Object.hasOwn(row, field)) upgraded[field] = value;
  }
  return upgraded;
}
