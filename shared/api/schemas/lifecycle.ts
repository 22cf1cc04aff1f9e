import { z } from 'zod';
import { indicatorDirections } from '../../analysis/indicator-progress';
import { cyclePhases, signatoryRoles } from '../../domain/vocabulary';
import { cycleDto } from './cycle';
import { entityId, fiscalYear, isoDate, optionalText, requiredName, text } from './fields';

/** The life of a cycle (issue 6): phases and checklists, approved versions, diffs, close-out, roll-over. */

const phase = z.enum(cyclePhases.keys);
const versionNumber = z.int().min(1).max(100_000);

// ---- phases and checklists
export const setPhaseInput = z.strictObject({ cycleId: entityId, phase });
export const tickStepInput = z.strictObject({
  cycleId: entityId,
  phase,
  key: text({ name: true }).min(1).max(60),
  /** The date the step happened; null unticks it. */
  doneOn: isoDate.nullable(),
  note: optionalText(500),
});

export const checklistStepDto = z.object({
  key: z.string(),
  label: z.string(),
  source: z.string(),
  doneOn: z.string().nullable(),
  doneBy: z.string(),
  note: z.string(),
});
export const phaseChecklistDto = z.object({
  phase,
  label: z.string(),
  isCurrent: z.boolean(),
  done: z.int(),
  total: z.int(),
  steps: z.array(checklistStepDto),
});

export const workingStateDto = z.object({
  /** draft: never approved; approved: the working plan is the latest version; revision: changed since. */
  state: z.enum(['draft', 'approved', 'revision']),
  latestVersion: versionNumber.nullable(),
  latestFingerprint: z.string().nullable(),
  workingFingerprint: z.string(),
  /** Rows added, removed or changed since the latest version (0 unless state is revision). */
  changesSinceLatest: z.int(),
  /** What documents print as the version: "Version 2 (approved 25 Nov 2026)", "Revision of version 2 in progress (not approved)". */
  versionLabel: z.string(),
});
export type WorkingStateDto = z.infer<typeof workingStateDto>;

export const readOnlyDto = z.object({ toCycleId: entityId, toFiscalYear: z.string(), toTitle: z.string(), message: z.string() });

export const lifecycleStatusDto = z.object({
  cycleId: entityId,
  phase,
  phaseLabel: z.string(),
  phases: z.array(phaseChecklistDto),
  working: workingStateDto,
  /** Set once the cycle is rolled over: it is read-only. */
  readOnly: readOnlyDto.nullable(),
});
export type LifecycleStatusDto = z.infer<typeof lifecycleStatusDto>;

// ---- versions and signatures
export const approveInput = z.strictObject({
  cycleId: entityId,
  /** Who records the approval (the Secretariat officer), as printed in the version list. */
  approvedBy: requiredName(100),
  /** The date the CEC approved; today when left out. */
  approvedOn: isoDate.optional(),
  note: optionalText(1000),
});

export const signatureDto = z.object({
  id: entityId,
  versionId: entityId,
  signatoryId: z.string().nullable(),
  name: z.string(),
  title: z.string(),
  organisationName: z.string(),
  role: z.string(),
  signedOn: z.string(),
});
export type SignatureDto = z.infer<typeof signatureDto>;

export const versionDto = z.object({
  id: entityId,
  cycleId: entityId,
  number: versionNumber,
  fingerprint: z.string(),
  contentHash: z.string(),
  approvedBy: z.string(),
  approvedOn: z.string(),
  /** When it was recorded (ISO timestamp). */
  recordedAt: z.string(),
  note: z.string(),
  /** "version 2 (approved 25 Nov 2026)". */
  label: z.string(),
  /** Rows per register in the frozen snapshot. */
  counts: z.record(z.string(), z.int()),
  signatures: z.array(signatureDto),
  /** Signatories of the frozen plan who have not signed yet. */
  unsigned: z.array(z.object({ signatoryId: z.string(), name: z.string(), title: z.string(), organisationName: z.string(), role: z.string() })),
});
export type VersionDto = z.infer<typeof versionDto>;

export const versionListDto = z.object({ cycleId: entityId, versions: z.array(versionDto), working: workingStateDto });

export const signInput = z.strictObject({
  versionId: entityId,
  /** A signatory of the version's frozen plan; their name, title and organisation are copied from it. */
  signatoryId: entityId.optional(),
  /** For someone not in the signatories register (then name is required). */
  name: text({ name: true }).max(200).optional(),
  title: text({ name: true }).max(200).optional(),
  organisationName: text({ name: true }).max(200).optional(),
  role: z.enum(signatoryRoles.keys).optional(),
  signedOn: isoDate,
});

// ---- diff and the Word annex
const side = z.union([versionNumber, z.literal('working')]);
export const diffInput = z.strictObject({ cycleId: entityId, from: versionNumber, to: side.default('working') });

const sideRef = z.object({ version: versionNumber.nullable(), label: z.string(), fingerprint: z.string() });
const readableFieldChange = z.object({ field: z.string(), label: z.string(), old: z.string(), new: z.string(), oldValue: z.unknown(), newValue: z.unknown() });
const changeKind = z.enum(['added', 'removed', 'changed']);
export const readableDiffDto = z.object({
  from: sideRef,
  to: sideRef,
  identical: z.boolean(),
  summary: z.string(),
  totals: z.object({ added: z.int(), removed: z.int(), changed: z.int() }),
  cycle: z.array(readableFieldChange),
  registers: z.array(
    z.object({
      register: z.string(),
      heading: z.string(),
      added: z.int(),
      removed: z.int(),
      changed: z.int(),
      rows: z.array(z.object({ kind: changeKind, id: z.string(), label: z.string(), fields: z.array(readableFieldChange) })),
    }),
  ),
});

export const changesAnnexDto = z.object({
  title: z.string(),
  intro: z.string(),
  noChanges: z.boolean(),
  sections: z.array(
    z.object({
      heading: z.string(),
      rows: z.array(z.object({ change: z.enum(['Added', 'Removed', 'Changed']), item: z.string(), details: z.array(z.string()) })),
    }),
  ),
});

// ---- close-out
export const closeOutNotesInput = z.strictObject({
  cycleId: entityId,
  summary: optionalText(4000),
  recommendations: z.array(text().min(1).max(1000)).max(100).default([]),
});

const indicatorResult = z.object({
  indicatorId: entityId,
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  objectiveId: z.string().nullable(),
  baselineValue: z.number().nullable(),
  targetValue: z.number(),
  /** The last reported actual, and the period it was reported for. */
  finalValue: z.number().nullable(),
  finalPeriodKey: z.string().nullable(),
  direction: z.enum(indicatorDirections),
  pctAchieved: z.number().nullable(),
  /** Null when no actual was reported. */
  met: z.boolean().nullable(),
});

const activityBrief = z.object({ id: entityId, code: z.string(), title: z.string(), status: z.string(), completionPct: z.int() });

export const closeOutReportDto = z.object({
  cycleId: entityId,
  title: z.string(),
  fiscalYear: z.string(),
  objectives: z.array(
    z.object({
      objectiveId: entityId,
      code: z.string(),
      statement: z.string(),
      activityCounts: z.record(z.string(), z.int()),
      activityTotal: z.int(),
      averageCompletionPct: z.number().nullable(),
      completedActivities: z.array(activityBrief),
      indicators: z.array(indicatorResult),
    }),
  ),
  indicators: z.array(indicatorResult),
  indicatorsMet: z.int(),
  indicatorsReported: z.int(),
  budget: z.object({
    plannedKesMinor: z.int(),
    spentKesMinor: z.int(),
    utilisationPct: z.number().nullable(),
    byContributor: z.array(
      z.object({ organisationId: entityId, name: z.string(), plannedKesMinor: z.int(), spentKesMinor: z.int(), utilisationPct: z.number().nullable() }),
    ),
  }),
  lessons: z.array(
    z.object({
      id: entityId,
      entryDate: z.string(),
      session: z.string(),
      whatWorked: z.string(),
      whatDidNot: z.string(),
      improvements: z.string(),
      followUpAction: z.string(),
    }),
  ),
  summary: z.string(),
  recommendations: z.array(z.string()),
  /** Drawn from the registers for the close-out meeting to consider: not yet agreed. */
  suggestedRecommendations: z.array(z.string()),
  unfinishedActivities: z.array(activityBrief),
  openRisks: z.array(z.object({ id: entityId, code: z.string(), description: z.string(), status: z.string() })),
});
export type CloseOutReportDto = z.infer<typeof closeOutReportDto>;

// ---- roll-over
export const rolloverPreviewInput = z.strictObject({ cycleId: entityId, toFiscalYear: fiscalYear });
export const rolloverInput = z.strictObject({
  cycleId: entityId,
  toFiscalYear: fiscalYear,
  /** The new cycle's title; by default the old title with the fiscal year replaced. */
  title: text({ name: true }).min(1).max(200).optional(),
  /** The unfinished activities to carry over; all of them when left out, none with []. */
  carryActivityIds: z.array(entityId).max(20_000).optional(),
});

export const rolloverPreviewDto = z.object({
  fromCycleId: entityId,
  toFiscalYear: z.string(),
  title: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  organisations: z.int(),
  contacts: z.int(),
  objectives: z.int(),
  signatories: z.int(),
  unfinishedActivities: z.array(activityBrief.extend({ newStartDate: z.string(), newEndDate: z.string() })),
  indicators: z.array(
    z.object({
      id: entityId,
      code: z.string(),
      name: z.string(),
      oldBaseline: z.number().nullable(),
      newBaseline: z.number().nullable(),
      newBaselineDate: z.string().nullable(),
    }),
  ),
  openRisks: z.array(z.object({ id: entityId, code: z.string(), description: z.string() })),
  statutoryDates: z.array(z.object({ key: z.string(), title: z.string(), date: z.string() })),
  /** What is not carried, and why. */
  notes: z.array(z.string()),
});
export type RolloverPreviewDto = z.infer<typeof rolloverPreviewDto>;

export const rolloverResultDto = z.object({
  cycle: cycleDto,
  carried: z.record(z.string(), z.int()),
  notes: z.array(z.string()),
});
export type RolloverResultDto = z.infer<typeof rolloverResultDto>;
