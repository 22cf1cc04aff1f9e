import { fieldLabels } from '../../../shared/api/field-labels';

/** Audit entries name the table; users know the register. */
const tableLabels: Record<string, string> = {
  cycles: 'Cycle',
  organisations: 'Organisation',
  contacts: 'Contact person',
  objectives: 'Objective',
  activities: 'Activity',
  contributions: 'Budget contribution',
  disbursements: 'Disbursement',
  indicators: 'Indicator',
  indicator_periods: 'Indicator target / actual',
  risks: 'Risk',
  milestones: 'Milestone',
  learning_entries: 'Learning log entry',
  adaptive_triggers: 'Adaptive trigger',
  signatories: 'Signatory',
  admin_units: 'Administrative unit',
};

export const tableLabel = (table: string): string => tableLabels[table] ?? table.replace(/_/g, ' ');

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

/** "Status: planned → ongoing" for each field an update changed. */
export function changedFields(before: unknown, after: unknown): string[] {
  const old = asRecord(before);
  const now = asRecord(after);
  if (!old || !now) return [];
  return Object.keys(now)
    .filter((key) => !HIDDEN.has(key) && JSON.stringify(old[key]) !== JSON.stringify(now[key]))
    .map((key) => `${fieldLabels[key] ?? key}: ${show(old[key])} → ${show(now[key])}`);
}
