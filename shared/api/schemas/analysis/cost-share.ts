import { z } from 'zod';
import { contributionTypes, sectors } from '../../../domain/vocabulary';
import { entityId } from '../fields';

/** Who pays for what: county against partners, cash against in kind, planned against disbursed. */

const sector = z.enum(sectors.keys);
const minor = z.int();

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

/** In-kind support whose value was not estimated: listed, counted in no total (shared/budget-lines.ts). */
export const notValuedLineDto = z.object({
  contributionId: entityId,
  organisationId: entityId,
  organisationName: z.string(),
  activityId: entityId.nullable(),
  activityTitle: z.string(),
  component: z.string(),
});

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
  notValued: z.array(notValuedLineDto),
});
export type CostShareDto = z.infer<typeof costShareDto>;
