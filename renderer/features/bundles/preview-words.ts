import { createNamer } from '../../../shared/lifecycle/describe';
import { showValue } from './bundle-files';

/**
 * Field values in a preview as people read them: "Ongoing", not `ongoing`; "11 Jan 2027", "20 %".
 * The server has already named the rows and wards an id field points at, so those (every field
 * ending in Id or Ids) are shown as they came. Amounts are shown as they came too: a field alone
 * does not say its currency.
 */
const namer = createNamer([]);

export function showField(register: string, field: string, value: unknown): string {
  if (/Ids?$/.test(field) || field === 'amountMinor' || value === null || value === undefined || typeof value === 'object') return showValue(value);
  return namer.value(register, field, value, {});
}

/** "Activity “A1.4 Sand dams…”" at the start of a sentence. */
export const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What an import did, naming only what happened: "1 conflict resolved", "84 added". */
export function importOutcome(counts: { adds: number; changes: number; deletions: number; conflictsResolved: number; refused: number }): string {
  const parts = [
    counts.adds > 0 ? `${counts.adds} added` : '',
    counts.changes > 0 ? `${counts.changes} changed` : '',
    counts.deletions > 0 ? `${counts.deletions} deleted` : '',
    counts.conflictsResolved > 0 ? plural(counts.conflictsResolved, 'conflict resolved', 'conflicts resolved') : '',
    counts.refused > 0 ? `${counts.refused} refused` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'nothing in the plan changed';
}
