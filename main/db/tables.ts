import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { getTableName } from 'drizzle-orm';
import { isRegisterName, type RegisterCreateInput, type RegisterDto, type RegisterName } from '../../shared/api/registers';
import * as t from './schema';

/**
 * The registers whose rows partners exchange, by the name the API uses. Bundles, stats and the
 * register services all take their table from here, so a table name never comes from input.
 */
export const registerTables = {
  organisation: t.organisations,
  contact: t.contacts,
  objective: t.objectives,
  activity: t.activities,
  contribution: t.contributions,
  disbursement: t.disbursements,
  indicator: t.indicators,
  indicatorPeriod: t.indicatorPeriods,
  risk: t.risks,
  milestone: t.milestones,
  learningEntry: t.learningEntries,
  adaptiveTrigger: t.adaptiveTriggers,
  signatory: t.signatories,
} as const satisfies Record<RegisterName, SQLiteTable>;

const registerByTableName = new Map<string, RegisterName>(
  Object.entries(registerTables).flatMap(([name, table]) => (isRegisterName(name) ? [[getTableName(table), name] as const] : [])),
);
/** The register whose table this is (audit entries name tables); undefined for other tables. */
export const registerOfTable = (tableName: string): RegisterName | undefined => registerByTableName.get(tableName);

export type RegisterTable<R extends RegisterName> = (typeof registerTables)[R];
export { registerNames, type RegisterName } from '../../shared/api/registers';

/** The plural key each register is counted under (`pamoja stats`). */
export const registerPlurals: Record<RegisterName, string> = {
  organisation: 'organisations',
  contact: 'contacts',
  objective: 'objectives',
  activity: 'activities',
  contribution: 'contributions',
  disbursement: 'disbursements',
  indicator: 'indicators',
  indicatorPeriod: 'indicatorPeriods',
  risk: 'risks',
  milestone: 'milestones',
  learningEntry: 'learningEntries',
  adaptiveTrigger: 'adaptiveTriggers',
  signatory: 'signatories',
};

/** Plural nouns for messages and tables: "still named in 3 activities". */
export const registerNouns: Record<RegisterName, { one: string; many: string }> = {
  organisation: { one: 'organisation', many: 'organisations' },
  contact: { one: 'contact', many: 'contacts' },
  objective: { one: 'objective', many: 'objectives' },
  activity: { one: 'activity', many: 'activities' },
  contribution: { one: 'budget contribution', many: 'budget contributions' },
  disbursement: { one: 'disbursement', many: 'disbursements' },
  indicator: { one: 'indicator', many: 'indicators' },
  indicatorPeriod: { one: 'indicator period', many: 'indicator periods (targets and actuals)' },
  risk: { one: 'risk', many: 'risks' },
  milestone: { one: 'milestone', many: 'milestones' },
  learningEntry: { one: 'learning log entry', many: 'learning log entries' },
  adaptiveTrigger: { one: 'adaptive trigger', many: 'adaptive triggers' },
  signatory: { one: 'signatory', many: 'signatories' },
};

/**
 * The Secretariat's rows that belong to a cycle but are not registers: analysis decisions and
 * settings, the statutory dates, approved versions and their signatures, the phase checklists and
 * the close-out notes, the reporting rounds (who was asked, who answered, when). They travel in full bundles with the plan (main/bundles); partners never
 * own them. The roll-over record stays with the copy that rolled the cycle over.
 */
export const cycleRecordTables = {
  analysisSetting: t.analysisSettings,
  overlapDecision: t.overlapDecisions,
  triggerProposalDecision: t.triggerProposalDecisions,
  statutoryDate: t.statutoryDates,
  planVersion: t.planVersions,
  versionSignature: t.versionSignatures,
  phaseChecklistItem: t.phaseChecklistItems,
  closeOutNote: t.closeOutNotes,
  reportingRound: t.reportingRounds,
  roundMember: t.roundMembers,
  roundReturn: t.roundReturns,
} as const;

export type CycleRecordName = keyof typeof cycleRecordTables;
const isCycleRecordName = (name: string): name is CycleRecordName => Object.hasOwn(cycleRecordTables, name);
export const cycleRecordNames: CycleRecordName[] = Object.keys(cycleRecordTables).filter(isCycleRecordName);

export const cycleRecordNouns: Record<CycleRecordName, { one: string; many: string }> = {
  analysisSetting: { one: 'indicator status setting', many: 'indicator status settings' },
  overlapDecision: { one: 'overlap decision', many: 'overlap decisions' },
  triggerProposalDecision: { one: 'decision on a proposed trigger', many: 'decisions on proposed triggers' },
  statutoryDate: { one: 'statutory date', many: 'statutory dates' },
  planVersion: { one: 'approved plan version', many: 'approved plan versions' },
  versionSignature: { one: 'signature of a plan version', many: 'signatures of plan versions' },
  phaseChecklistItem: { one: 'checklist step', many: 'checklist steps' },
  closeOutNote: { one: 'close-out note', many: 'close-out notes' },
  reportingRound: { one: 'reporting round', many: 'reporting rounds' },
  roundMember: { one: 'organisation asked in a reporting round', many: 'organisations asked in reporting rounds' },
  roundReturn: { one: 'return to a reporting round', many: 'returns to reporting rounds' },
};

/** A many-to-many list that is part of its parent row (it travels and is versioned with it). */
export interface LinkTable {
  /** The parent's field holding the list, e.g. `wardIds`. */
  field: string;
  table: string;
  parentColumn: string;
  valueColumn: string;
}

export const registerLinks: Partial<Record<RegisterName, readonly LinkTable[]>> = {
  activity: [
    { field: 'wardIds', table: 'activity_wards', parentColumn: 'activity_id', valueColumn: 'unit_id' },
    { field: 'supportingOrgIds', table: 'activity_supporters', parentColumn: 'activity_id', valueColumn: 'organisation_id' },
  ],
  milestone: [{ field: 'responsibleOrgIds', table: 'milestone_parties', parentColumn: 'milestone_id', valueColumn: 'organisation_id' }],
};

/** The link lists each register's rows carry beside their columns. */
type LinkFields = { activity: 'wardIds' | 'supportingOrgIds'; milestone: 'responsibleOrgIds' };
type LinkFieldOf<R extends RegisterName> = R extends keyof LinkFields ? LinkFields[R] : never;
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
  ? true
  : { only: [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] };

/**
 * For every register, the table's columns (the clock aside) and its link lists are exactly the
 * fields of its DTO, and the DTO's fields beyond the sync columns are exactly those of its create
 * schema: a field added to the schema of shared/api/schemas and not to main/db/schema.ts (or the
 * other way round) does not compile. The register engine relies on it to return rows as DTOs.
 */
export const storedRowsAreDtos = {
  organisation: true,
  contact: true,
  objective: true,
  activity: true,
  contribution: true,
  disbursement: true,
  indicator: true,
  indicatorPeriod: true,
  risk: true,
  milestone: true,
  learningEntry: true,
  adaptiveTrigger: true,
  signatory: true,
} satisfies {
  [R in RegisterName]: [
    SameKeys<Omit<RegisterTable<R>['$inferSelect'], 'hlc' | 'origin'> & Record<LinkFieldOf<R>, string[]>, RegisterDto<R>>,
    SameKeys<Omit<RegisterDto<R>, 'id' | 'ownerOrgId' | 'createdAt' | 'updatedAt'>, RegisterCreateInput<R>>,
  ] extends [true, true]
    ? true
    : {
        mismatch: [
          SameKeys<Omit<RegisterTable<R>['$inferSelect'], 'hlc' | 'origin'> & Record<LinkFieldOf<R>, string[]>, RegisterDto<R>>,
          SameKeys<Omit<RegisterDto<R>, 'id' | 'ownerOrgId' | 'createdAt' | 'updatedAt'>, RegisterCreateInput<R>>,
        ];
      };
};
