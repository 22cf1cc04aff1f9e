import { z } from 'zod';
import { contributionTypes, sectors, triggerKinds } from '../../domain/vocabulary';
import { adaptiveTriggerDto } from './review';
import { entityId, optionalText, requiredText } from './fields';

/** Joint-planning intelligence (issue 5): what the analyses return and the few decisions users record. */

const sector = z.enum(sectors.keys);
const minor = z.int();

// ---- Duplication and overlap ------------------------------------------------------------------

export const overlapActivityDto = z.object({
  id: entityId,
  code: z.string(),
  title: z.string(),
  leadOrgId: entityId,
  leadOrgName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  wardIds: z.array(z.string()),
});

export const overlapLevels = ['high', 'medium', 'low'] as const;

export const overlapPairDto = z.object({
  /** `<smaller activity id>:<larger activity id>`: the pair's identity whichever way it is named. */
  key: z.string(),
  activityA: overlapActivityDto,
  activityB: overlapActivityDto,
  sector,
  sharedWardIds: z.array(z.string()),
  sharedWardNames: z.array(z.string()),
  overlapStart: z.string(),
  overlapEnd: z.string(),
  overlapDays: z.int(),
  /** 0–1: token Jaccard of the titles or of title + description, whichever is higher. */
  textSimilarity: z.number(),
  /** 0–100; the formula is documented in shared/analysis/overlaps.ts. */
  score: z.int(),
  level: z.enum(overlapLevels),
  reason: z.string(),
});
export type OverlapPairDto = z.infer<typeof overlapPairDto>;

export const overlapDecisionDto = z.object({
  id: entityId,
  cycleId: entityId,
  activityAId: entityId,
  activityBId: entityId,
  decision: z.literal('complementary'),
  note: z.string(),
  decidedBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OverlapDecisionDto = z.infer<typeof overlapDecisionDto>;

export const overlapReportDto = z.object({
  cycleId: entityId,
  /** Active (not cancelled) activities examined. */
  activitiesChecked: z.int(),
  /** Likely duplicates, highest score first. */
  pairs: z.array(overlapPairDto),
  /** Pairs that meet the rule but were marked complementary: shown apart, never flagged again. */
  complementary: z.array(overlapPairDto.extend({ decision: overlapDecisionDto })),
});
export type OverlapReportDto = z.infer<typeof overlapReportDto>;

export const markComplementaryInput = z.strictObject({
  cycleId: entityId,
  activityAId: entityId,
  activityBId: entityId,
  note: optionalText(2000),
});

// ---- Coverage matrix -------------------------------------------------------------------------------

export const coverageInput = z.strictObject({
  cycleId: entityId,
  /** Only activities this organisation leads, supports or funds; budgets are then its own contributions. */
  organisationId: entityId.nullable().default(null),
});

export const coverageCellDto = z.object({ sector, activityCount: z.int(), plannedKesMinor: minor });
export const coverageRowDto = z.object({
  /** Null: activities with no ward given (county-wide or not yet located). */
  wardId: z.string().nullable(),
  wardName: z.string(),
  subCountyName: z.string(),
  cells: z.array(coverageCellDto),
  activityCount: z.int(),
  plannedKesMinor: minor,
  /** Sectors with no activity in this ward. */
  gapCount: z.int(),
});
export const coverageMatrixDto = z.object({
  cycleId: entityId,
  organisationId: entityId.nullable(),
  sectors: z.array(z.object({ key: sector, label: z.string() })),
  rows: z.array(coverageRowDto),
  sectorTotals: z.array(coverageCellDto),
  /** Distinct activities (a multi-ward activity counts once here, once per ward in the rows). */
  activityCount: z.int(),
  plannedKesMinor: minor,
  /** Empty ward × sector cells (the "No ward given" row is not counted). */
  gapCount: z.int(),
  wardsWithoutActivity: z.array(z.string()),
});
export type CoverageMatrixDto = z.infer<typeof coverageMatrixDto>;

// ---- Who pays for what -------------------------------------------------------------------------------

const byPeriod = z.record(z.string(), minor);

export const shareTotalsDto = z.object({
  plannedKesMinor: minor,
  countyKesMinor: minor,
  partnerKesMinor: minor,
  cashKesMinor: minor,
  inKindKesMinor: minor,
  humanResourcesKesMinor: minor,
  onBudgetKesMinor: minor,
  offBudgetKesMinor: minor,
  disbursedKesMinor: minor,
  /** Planned spread over each period by the activity's dates (see shared/analysis/cost-share.ts). */
  plannedByPeriod: byPeriod,
  disbursedByPeriod: byPeriod,
});
export type ShareTotalsDto = z.infer<typeof shareTotalsDto>;

export const contributionLagDto = z.object({
  contributionId: entityId,
  organisationId: entityId,
  organisationName: z.string(),
  activityId: entityId.nullable(),
  component: z.string(),
  type: z.enum(contributionTypes.keys),
  /** The last period that ended before today. */
  periodKey: z.string(),
  expectedKesMinor: minor,
  disbursedKesMinor: minor,
  shortfallKesMinor: minor,
  nothingDisbursed: z.boolean(),
});

export const overspendDto = z.object({
  contributionId: entityId,
  organisationId: entityId,
  organisationName: z.string(),
  activityId: entityId.nullable(),
  activityTitle: z.string(),
  component: z.string(),
  plannedKesMinor: minor,
  disbursedKesMinor: minor,
  overKesMinor: minor,
});
export type OverspendDto = z.infer<typeof overspendDto>;

export const costShareDto = z.object({
  cycleId: entityId,
  today: z.string(),
  periods: z.array(z.object({ key: z.string(), label: z.string(), start: z.string(), end: z.string(), ended: z.boolean() })),
  overall: shareTotalsDto,
  byOrganisation: z.array(shareTotalsDto.extend({ organisationId: entityId, name: z.string(), side: z.enum(['county', 'partner']) })),
  bySector: z.array(shareTotalsDto.extend({ sector: sector.nullable(), label: z.string() })),
  byActivity: z.array(shareTotalsDto.extend({ activityId: entityId, code: z.string(), title: z.string(), sector })),
  /** Lines whose disbursement by the end of the last ended period is short of their planned phasing. */
  behindSchedule: z.array(contributionLagDto),
  overspent: z.array(overspendDto),
});
export type CostShareDto = z.infer<typeof costShareDto>;

// ---- Indicator status -------------------------------------------------------------------------

export const indicatorStatuses = ['on_track', 'at_risk', 'off_track', 'no_data', 'not_due'] as const;
export type IndicatorStatus = (typeof indicatorStatuses)[number];
export const indicatorStatusLabels: Record<IndicatorStatus, string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  no_data: 'No data',
  not_due: 'Not yet due',
};

export const thresholdsDto = z.object({ onTrackPct: z.int(), atRiskPct: z.int() });
export type ThresholdsDto = z.infer<typeof thresholdsDto>;

export const indicatorPeriodStatusDto = z.object({
  periodKey: z.string(),
  label: z.string(),
  start: z.string(),
  end: z.string(),
  target: z.number(),
  actual: z.number().nullable(),
  /** Percent of the period target achieved; null when there is no actual or nothing was expected. */
  pctAchieved: z.number().nullable(),
  status: z.enum(indicatorStatuses),
  /** An actual reported before its period ended: judged, but the figure may still grow. */
  provisional: z.boolean(),
});
export const indicatorStatusDto = z.object({
  indicatorId: entityId,
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  responsibleOrgId: entityId,
  /** `decrease` when the target is below the baseline (e.g. malnutrition rates). */
  direction: z.enum(['increase', 'decrease']),
  periods: z.array(indicatorPeriodStatusDto),
  /** The status of the latest period that is due or reported; `not_due` when none is. */
  status: z.enum(indicatorStatuses),
  latestPeriodKey: z.string().nullable(),
  /** The status rests on a period that has not ended yet. */
  provisional: z.boolean(),
});
export type IndicatorStatusDto = z.infer<typeof indicatorStatusDto>;

export const indicatorStatusReportDto = z.object({
  cycleId: entityId,
  today: z.string(),
  thresholds: thresholdsDto,
  indicators: z.array(indicatorStatusDto),
  counts: z.record(z.enum(indicatorStatuses), z.int()),
});
export type IndicatorStatusReportDto = z.infer<typeof indicatorStatusReportDto>;

export const analysisSettingsDto = thresholdsDto.extend({ cycleId: entityId, isDefault: z.boolean() });
export type AnalysisSettingsDto = z.infer<typeof analysisSettingsDto>;
export const analysisSettingsUpdateInput = z.strictObject({
  cycleId: entityId,
  onTrackPct: z.int().min(1).max(100),
  atRiskPct: z.int().min(0).max(99),
});

// ---- Proposed adaptive triggers -------------------------------------------------------------------

export const triggerProposalDto = z.object({
  /** `indicator:<indicatorId>:<periodKey>` or `overspend:<contributionId>`. */
  key: z.string(),
  kind: z.enum(triggerKinds.keys),
  trigger: z.string(),
  proposedAction: z.string(),
  timeline: z.string(),
  responsibleOrgId: entityId,
  expectedOutcome: z.string(),
  indicatorId: entityId.nullable(),
  contributionId: entityId.nullable(),
});
export type TriggerProposalDto = z.infer<typeof triggerProposalDto>;

export const proposalDecisionDto = z.object({
  id: entityId,
  proposalKey: z.string(),
  decision: z.enum(['accepted', 'dismissed']),
  triggerId: z.string().nullable(),
  note: z.string(),
  decidedBy: z.string(),
  createdAt: z.string(),
});
export type ProposalDecisionDto = z.infer<typeof proposalDecisionDto>;

export const triggerProposalReportDto = z.object({
  cycleId: entityId,
  today: z.string(),
  proposals: z.array(triggerProposalDto),
  decided: z.array(proposalDecisionDto),
});
export type TriggerProposalReportDto = z.infer<typeof triggerProposalReportDto>;

export const acceptProposalInput = z.strictObject({
  cycleId: entityId,
  key: requiredText(200),
  /** What the user changed in the proposal before accepting it. */
  changes: z
    .strictObject({
      trigger: requiredText(1000),
      proposedAction: requiredText(2000),
      timeline: z.string().trim().max(200),
      responsibleOrgId: entityId,
      expectedOutcome: z.string().trim().max(2000),
    })
    .partial()
    .default({}),
});
export const acceptProposalOutput = z.object({ trigger: adaptiveTriggerDto, decision: proposalDecisionDto });

export const dismissProposalInput = z.strictObject({ cycleId: entityId, key: requiredText(200), note: optionalText(2000) });

// ---- Joint calendar ------------------------------------------------------------------------------

export const calendarKinds = ['cycle', 'milestone', 'period_end', 'statutory'] as const;
export const calendarStates = ['completed', 'overdue', 'due_soon', 'upcoming', 'past'] as const;
export type CalendarState = (typeof calendarStates)[number];

export const calendarEventDto = z.object({
  /** Stable across exports (the .ics UID is built from it), so a re-import updates, not duplicates. */
  id: z.string(),
  date: z.string(),
  title: z.string(),
  kind: z.enum(calendarKinds),
  /** What people call it: "Review meeting", "County budget calendar (PFM Act)", … */
  category: z.string(),
  detail: z.string(),
  /** `overdue`: a milestone past its date and not completed; `due_soon`: within the next 14 days. */
  state: z.enum(calendarStates),
  daysFromToday: z.int(),
  /** The milestone or statutory date behind the event, when there is one. */
  sourceId: z.string().nullable(),
});
export type CalendarEventDto = z.infer<typeof calendarEventDto>;

export const calendarDto = z.object({
  cycleId: entityId,
  today: z.string(),
  events: z.array(calendarEventDto),
  overdueCount: z.int(),
  dueSoonCount: z.int(),
});
export type CalendarDto = z.infer<typeof calendarDto>;

export const calendarIcsDto = z.object({ fileName: z.string(), content: z.string(), eventCount: z.int() });

export const statutoryDateFields = {
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,40}$/),
  title: requiredText(200),
  month: z.int().min(1).max(12),
  day: z.int().min(1).max(31),
  description: optionalText(1000),
};
export const statutoryDateDto = z.object({
  key: z.string(),
  title: z.string(),
  month: z.int(),
  day: z.int(),
  description: z.string(),
  /** The date in the cycle's fiscal year (1 Jul – 30 Jun). */
  date: z.string(),
});
export type StatutoryDateDto = z.infer<typeof statutoryDateDto>;
export const statutoryDateListDto = z.object({ cycleId: entityId, customised: z.boolean(), dates: z.array(statutoryDateDto) });
export const statutoryDatesSetInput = z.strictObject({
  cycleId: entityId,
  dates: z.array(z.strictObject(statutoryDateFields)).min(1).max(30),
});
