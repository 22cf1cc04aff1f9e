import { fieldLabel } from '../api/field-labels';
import { isRegisterName } from '../api/registers';
import { formatDisplayDate, isIsoDate } from '../dates';
import {
  activityStatuses,
  contributionTypes,
  cyclePhases,
  evaluationCriteria,
  indicatorTypes,
  learningSessions,
  levels,
  milestoneStatuses,
  organisationCategories,
  reportingFrequencies,
  reportTypes,
  riskStatuses,
  sectors,
  signatoryRoles,
  triggerKinds,
  triggerStatuses,
} from '../domain/vocabulary';
import { formatMoney, formatRate, type Currency } from '../money';
import { diffSnapshots, type ChangeKind, type FieldChange, type PlanSnapshot, type SnapshotRow } from './diff';
import { naturalCompare } from '../natural-order';

/** One side of a comparison: an approved version or the working plan. */
export interface SideRef {
  /** Null for the working plan. */
  version: number | null;
  /** Reads mid-sentence: "version 2 (approved 25 Nov 2026)", "the working plan". */
  label: string;
  fingerprint: string;
}

export interface ReadableFieldChange {
  field: string;
  label: string;
  /** As a person reads it: names for ids, labels for codes, money with its currency; "—" when empty. */
  old: string;
  new: string;
  oldValue: unknown;
  newValue: unknown;
}

export interface ReadableRowChange {
  kind: ChangeKind;
  id: string;
  /** "A1.2 Rehabilitate boreholes": the row as people name it. */
  label: string;
  fields: ReadableFieldChange[];
}

export interface ReadableRegisterChanges {
  register: string;
  heading: string;
  added: number;
  removed: number;
  changed: number;
  rows: ReadableRowChange[];
}

export interface ReadableDiff {
  from: SideRef;
  to: SideRef;
  identical: boolean;
  /** "3 added, 1 removed, 5 changed" or "No changes". */
  summary: string;
  totals: { added: number; removed: number; changed: number };
  cycle: ReadableFieldChange[];
  registers: ReadableRegisterChanges[];
}

export const registerHeadings: Record<string, string> = {
  organisation: 'Stakeholders (organisations)',
  contact: 'Contacts',
  objective: 'Objectives and priority areas',
  activity: 'Joint activities (action plan)',
  contribution: 'Budget contributions',
  disbursement: 'Disbursements',
  indicator: 'Indicators (M&E plan)',
  indicatorPeriod: 'Indicator targets and actuals',
  risk: 'Risk register',
  milestone: 'Review and reporting milestones',
  learningEntry: 'Learning log',
  adaptiveTrigger: 'Adaptive triggers',
  signatory: 'Signatories',
};

type Vocabulary = { labels: Record<string, string> };

/** Coded values and the list each comes from; `status`, `type`, `kind` and `role` depend on the register. */
const vocabularies: Record<string, Vocabulary> = {
  category: organisationCategories,
  interest: levels,
  influence: levels,
  likelihood: levels,
  impact: levels,
  sector: sectors,
  reportingPeriod: reportingFrequencies,
  phase: cyclePhases,
  evaluationCriterion: evaluationCriteria,
  session: learningSessions,
};
const vocabulariesByRegister: Record<string, Record<string, Vocabulary>> = {
  activity: { status: activityStatuses },
  risk: { status: riskStatuses },
  milestone: { status: milestoneStatuses, kind: reportTypes },
  adaptiveTrigger: { status: triggerStatuses, kind: triggerKinds },
  contribution: { type: contributionTypes },
  indicator: { type: indicatorTypes },
  signatory: { role: signatoryRoles },
};

/** Fields naming a row of a register, and the register. */
const references: Record<string, string> = {
  leadOrgId: 'organisation',
  organisationId: 'organisation',
  contributorOrgId: 'organisation',
  responsibleOrgId: 'organisation',
  supportingOrgIds: 'organisation',
  responsibleOrgIds: 'organisation',
  objectiveId: 'objective',
  activityId: 'activity',
  indicatorId: 'indicator',
  contributionId: 'contribution',
};
const unitFields = new Set(['wardIds', 'scopeUnitIds', 'countyId']);

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const joined = (...parts: string[]) => parts.filter((part) => part.trim() !== '').join(' ');

/** Names rows and values with the help of both snapshots (a removed row is named from the older one). */
export interface Namer {
  rowLabel(register: string, row: SnapshotRow): string;
  value(register: string, field: string, value: unknown, row: SnapshotRow): string;
}

export function createNamer(snapshots: readonly PlanSnapshot[], unitNames: ReadonlyMap<string, string> = new Map()): Namer {
  const rows = new Map<string, { register: string; row: SnapshotRow }>();
  // Later snapshots win, so a renamed organisation is named as it is now.
  for (const snapshot of snapshots) {
    for (const [register, list] of Object.entries(snapshot.registers)) for (const row of list) rows.set(`${register}:${String(row.id)}`, { register, row });
  }
  const nameOf = (register: string, id: string): string => {
    const found = rows.get(`${register}:${id}`);
    return found ? rowLabel(register, found.row) : `(${id.slice(0, 8)})`;
  };

  function rowLabel(register: string, row: SnapshotRow): string {
    switch (register) {
      case 'organisation':
        return text(row.name) || text(row.shortName);
      case 'objective':
        return joined(text(row.code), text(row.statement));
      case 'activity':
        return joined(text(row.code), text(row.title));
      case 'indicator':
        return joined(text(row.code), text(row.name));
      case 'risk':
        return joined(text(row.code), text(row.description));
      case 'contact':
        return `${text(row.name)} (${nameOf('organisation', text(row.organisationId))})`;
      case 'contribution':
        return `${text(row.component)} (${nameOf('organisation', text(row.contributorOrgId))})`;
      case 'disbursement':
        return `${text(row.periodKey)} disbursement on ${nameOf('contribution', text(row.contributionId))}`;
      case 'indicatorPeriod':
        return `${nameOf('indicator', text(row.indicatorId))}, ${text(row.periodKey)}`;
      case 'milestone':
        return text(row.title);
      case 'learningEntry':
        return `${isIsoDate(text(row.entryDate)) ? formatDisplayDate(text(row.entryDate)) : text(row.entryDate)} ${vocabularies.session?.labels[text(row.session)] ?? text(row.session)}`;
      case 'adaptiveTrigger':
        return text(row.trigger);
      case 'signatory':
        return joined(text(row.name), text(row.title) ? `(${text(row.title)})` : '');
      default:
        return text(row.title) || text(row.name) || String(row.id);
    }
  }

  function value(register: string, field: string, raw: unknown, row: SnapshotRow): string {
    if (raw === null || raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0)) return '—';
    const target = references[field];
    if (target) return Array.isArray(raw) ? raw.map((id) => nameOf(target, String(id))).join('; ') : nameOf(target, String(raw));
    if (unitFields.has(field)) return (Array.isArray(raw) ? raw : [raw]).map((id) => unitNames.get(String(id)) ?? String(id)).join('; ');
    const vocabulary = vocabulariesByRegister[register]?.[field] ?? vocabularies[field];
    if (vocabulary && typeof raw === 'string') return vocabulary.labels[raw] ?? raw;
    // A change is shown as entered, cents included: rounded, a change of a few cents would read as no change.
    if (field === 'amountMinor' && typeof raw === 'number') return formatMoney({ amountMinor: raw, currency: currencyOf(row) }, { cents: 'auto' });
    if (field === 'kesPerUsdScaled' && typeof raw === 'number') return formatRate(raw);
    if (field === 'completionPct' && typeof raw === 'number') return `${raw} %`;
    if (typeof raw === 'boolean') return raw ? 'Yes' : 'No';
    if (typeof raw === 'string' && isIsoDate(raw)) return formatDisplayDate(raw);
    if (Array.isArray(raw)) return raw.map(String).join('; ');
    return typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
  }

  return { rowLabel, value };
}

function currencyOf(row: SnapshotRow): Currency {
  return row.currency === 'USD' ? 'USD' : 'KES';
}

function readableField(namer: Namer, register: string, change: FieldChange, oldRow: SnapshotRow, newRow: SnapshotRow): ReadableFieldChange {
  return {
    field: change.field,
    label: fieldLabel(change.field, isRegisterName(register) ? register : undefined),
    old: namer.value(register, change.field, change.old, oldRow),
    new: namer.value(register, change.field, change.new, newRow),
    oldValue: change.old,
    newValue: change.new,
  };
}

const KIND_ORDER: Record<ChangeKind, number> = { added: 0, changed: 1, removed: 2 };

export function summarise(totals: { added: number; removed: number; changed: number }): string {
  const parts = [
    totals.added > 0 ? `${totals.added} added` : '',
    totals.removed > 0 ? `${totals.removed} removed` : '',
    totals.changed > 0 ? `${totals.changed} changed` : '',
  ].filter(Boolean);
  return parts.length === 0 ? 'No changes' : parts.join(', ');
}

/** The diff of two snapshots as people read it: register headings, row names, field labels, named values. */
export function readableDiff(
  from: { ref: SideRef; snapshot: PlanSnapshot },
  to: { ref: SideRef; snapshot: PlanSnapshot },
  unitNames?: ReadonlyMap<string, string>,
): ReadableDiff {
  const diff = diffSnapshots(from.snapshot, to.snapshot);
  const namer = createNamer([from.snapshot, to.snapshot], unitNames);
  const index = (snapshot: PlanSnapshot, register: string) => new Map((snapshot.registers[register] ?? []).map((row) => [String(row.id), row]));
  const registers = diff.registers.map((changes): ReadableRegisterChanges => {
    const before = index(from.snapshot, changes.register);
    const after = index(to.snapshot, changes.register);
    const rows = changes.rows.map((rowChange): ReadableRowChange => {
      const oldRow = before.get(rowChange.id) ?? {};
      const newRow = after.get(rowChange.id) ?? {};
      return {
        kind: rowChange.kind,
        id: rowChange.id,
        label: namer.rowLabel(changes.register, rowChange.kind === 'removed' ? oldRow : newRow),
        fields: rowChange.fields.map((field) => readableField(namer, changes.register, field, oldRow, newRow)),
      };
    });
    // Added, then changed, then removed; within each, as people list them ("A1.2" before "A1.10").
    rows.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || naturalCompare(a.label, b.label) || (a.id < b.id ? -1 : 1));
    return {
      register: changes.register,
      heading: registerHeadings[changes.register] ?? changes.register,
      added: changes.added,
      removed: changes.removed,
      changed: changes.changed,
      rows,
    };
  });
  return {
    from: from.ref,
    to: to.ref,
    identical: diff.identical,
    summary: summarise(diff.totals),
    totals: diff.totals,
    cycle: diff.cycle.map((change) => readableField(namer, 'cycle', change, from.snapshot.cycle, to.snapshot.cycle)),
    registers,
  };
}
