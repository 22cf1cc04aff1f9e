import { z } from 'zod';
import { contributionTypes, currencies } from '../../domain/vocabulary';
import { amountMinor, entityId, isoDate, optionalName, optionalText, rowMeta, text, updateOf } from './fields';

/** One contributor's line of the cost-share budget for an activity or budget component. */
export const contributionCreateShape = {
  cycleId: entityId,
  /** The activity funded; null for a component outside the action plan (e.g. coordination). */
  activityId: entityId.nullable().default(null),
  // Plans often list a budget line by activity and contributor alone; a component name is then left empty.
  component: optionalName(200),
  description: optionalText(2000),
  contributorOrgId: entityId,
  type: z.enum(contributionTypes.keys).default('cash'),
  /** Appropriated through the county budget (true) or spent directly by the partner (false). */
  onBudget: z.boolean().default(false),
  /** In-kind support whose value was not estimated: the amount is then left out (0) and counted in no total. */
  valueNotEstimated: z.boolean().default(false),
  amountMinor: amountMinor.default(0),
  currency: z.enum(currencies.keys).default('KES'),
  utilisationPlan: optionalText(2000),
  comments: optionalText(2000),
};

export const contributionCreateInput = z.strictObject(contributionCreateShape);
export const contributionUpdateInput = updateOf(contributionCreateShape);
export const contributionDto = z.object({
  ...rowMeta,
  activityId: entityId.nullable(),
  component: z.string(),
  description: z.string(),
  contributorOrgId: entityId,
  type: z.enum(contributionTypes.keys),
  onBudget: z.boolean(),
  valueNotEstimated: z.boolean(),
  amountMinor: z.int(),
  currency: z.enum(currencies.keys),
  utilisationPlan: z.string(),
  comments: z.string(),
});
export type ContributionDto = z.infer<typeof contributionDto>;

/** Money disbursed or spent against a contribution in one reporting period (financial report). */
export const disbursementCreateShape = {
  cycleId: entityId,
  contributionId: entityId,
  periodKey: text({ name: true }).min(1).max(10),
  amountMinor,
  date: isoDate,
  notes: optionalText(1000),
};

export const disbursementCreateInput = z.strictObject(disbursementCreateShape);
export const disbursementUpdateInput = updateOf(disbursementCreateShape);
export const disbursementDto = z.object({
  ...rowMeta,
  contributionId: entityId,
  periodKey: z.string(),
  amountMinor: z.int(),
  date: z.string(),
  notes: z.string(),
});
export type DisbursementDto = z.infer<typeof disbursementDto>;
