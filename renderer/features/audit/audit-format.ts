import { fieldLabel } from '../../../shared/api/field-labels';
import type { RegisterName } from '../../../shared/api/registers';

/** Audit entries name the table; users know the register (whose words name its fields). */
const tables: Record<string, { label: string; register?: RegisterName }> = {
  cycles: { label: 'Cycle' },
  organisations: { label: 'Organisation', register: 'organisation' },
  contacts: { label: 'Contact person', register: 'contact' },
  objectives: { label: 'Objective', register: 'objective' },
  activities: { label: 'Activity', register: 'activity' },
  contributions: { label: 'Budget contribution', register: 'contribution' },
  disbursements: { label: 'Disbursement', register: 'disbursement' },
  indicators: { label: 'Indicator', register: 'indicator' },
  indicator_periods: { label: 'Indicator target / actual', register: 'indicatorPeriod' },
  risks: { label: 'Risk', register: 'risk' },
  milestones: { label: 'Milestone', register: 'milestone' },
  learning_entries: { label: 'Learning log entry', register: 'learningEntry' },
  adaptive_triggers: { label: 'Adaptive trigger', register: 'adaptiveTrigger' },
  signatories: { label: 'Signatory', register: 'signatory' },
  admin_units: { label: 'Administrative unit' },
};

export const tableLabel = (table: string): string => tables[table]?.label ?? table.replace(/_/g, ' ');

export const actionLabels: Record<string, string> = { create: 'Added', update: 'Changed', delete: 'Deleted', restore: 'Restored' };

const asRecord = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : null;

const NAME_FIELDS = ['code', 'name', 'title', 'statement', 'component', 'description', 'trigger', 'whatWorked', 'periodKey', 'entryDate'];

/** The record an entry is about, by what people call it: "A1.1 Borehole rehabilitation". */
export function recordName(before: unknown, after: unknown): string {
  const row = asRecord(after) ?? asRecord(before);
  if (!row) return '';
  const parts = NAME_FIELDS.map((key) => row[key]).filter((value): value is string => typeof value === 'string' && value.trim() !== '');
  const text = parts.slice(0, 2).join(' ');
  return text.length > 90 ? `${text.slice(0, 87)}…` : text;
}

/** Bookkeeping columns every write touches: not what the user changed. */
const HIDDEN = new Set(['updatedAt', 'createdAt', 'hlc', 'version', 'deviceId', 'ownerOrgId', 'updatedBy']);

const show = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
};

/** "Status: planned → ongoing" for each field an update of a row of `table` changed. */
export function changedFields(before: unknown, after: unknown, table = ''): string[] {
  const old = asRecord(before);
  const now = asRecord(after);
  if (!old || !now) return [];
  return Object.keys(now)
    .filter((key) => !HIDDEN.has(key) && JSON.stringify(old[key]) !== JSON.stringify(now[key]))
    .map((key) => `${fieldLabel(key, tables[table]?.register)}: ${show(old[key])} → ${show(now[key])}`);
}
