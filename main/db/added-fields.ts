import type { RegisterName } from './tables';

/**
 * Fields migration 0011 added to the registers (the manual's M&E and learning template fields),
 * with the value it gave the rows already stored: empty text, or null for a choice not yet made.
 * Rows frozen before it — in a bundle of an older format, in an approved version's snapshot —
 * take the same values when read, so they compare and import as the database's own rows do.
 */
export const FIELDS_ADDED_IN_0011: Partial<Record<RegisterName, Readonly<Record<string, string | null>>>> = {
  activity: { activityType: null },
  indicator: { sustainability: '' },
  milestone: { format: '', audience: '' },
  learningEntry: { captureMethods: '', timing: '', expectedUse: '' },
  adaptiveTrigger: { priority: null },
};

/** The row with the fields migration 0011 added, where it lacks them. */
export function withFieldsAddedIn0011(register: string, row: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const defaults = Object.entries(FIELDS_ADDED_IN_0011).find(([name]) => name === register)?.[1] ?? {};
  const upgraded: Record<string, unknown> = { ...row };
  for (const [field, value] of Object.entries(defaults)) if (!Object.hasOwn(row, field)) upgraded[field] = value;
  return upgraded;
}
