import { z } from 'zod';
import { indicatorDirections } from '../../analysis/indicator-progress';
import { evaluationCriteria, indicatorTypes, levels, riskStatuses } from '../../domain/vocabulary';
import { code, entityId, isoDate, measure, optionalText, requiredName, requiredText, rowMeta, text, updateOf } from './fields';

/** The M&E plan (template section 5). */
export const indicatorCreateShape = {
  cycleId: entityId,
  code: code(20),
  name: requiredName(300),
  definition: optionalText(2000),
  type: z.enum(indicatorTypes.keys),
  unit: requiredName(60),
  baselineValue: measure.nullable().default(null),
  baselineDate: isoDate.nullable().default(null),
  targetValue: measure,
  /**
   * Which way the indicator should move. Left out (null) when creating: inferred from baseline and
   * target, as rows made before the field existed were (an end target below the baseline: decrease).
   */
  direction: z.enum(indicatorDirections).nullable().default(null),
  /** The band of a "keep within a range" indicator; either bound may be open. */
  rangeMin: measure.nullable().default(null),
  rangeMax: measure.nullable().default(null),
  dataSource: optionalText(500),
  collectionMethod: optionalText(500),
  frequency: optionalText(100),
  sustainability: optionalText(2000),
  responsibleOrgId: entityId,
  objectiveId: entityId.nullable().default(null),
  activityId: entityId.nullable().default(null),
};

export const indicatorCreateInput = z.strictObject(indicatorCreateShape);
export const indicatorUpdateInput = updateOf(indicatorCreateShape);
export const indicatorDto = z.object({
  ...rowMeta,
  code: z.string(),
  name: z.string(),
  definition: z.string(),
  type: z.enum(indicatorTypes.keys),
  unit: z.string(),
  baselineValue: z.number().nullable(),
  baselineDate: z.string().nullable(),
  targetValue: z.number(),
  direction: z.enum(indicatorDirections),
  rangeMin: z.number().nullable(),
  rangeMax: z.number().nullable(),
  dataSource: z.string(),
  collectionMethod: z.string(),
  frequency: z.string(),
  sustainability: z.string(),
  responsibleOrgId: entityId,
  objectiveId: entityId.nullable(),
  activityId: entityId.nullable(),
});
export type IndicatorDto = z.infer<typeof indicatorDto>;

/** One reporting period of an indicator: its target, and its actual once reported. */
export const indicatorPeriodCreateShape = {
  cycleId: entityId,
  indicatorId: entityId,
  /** A key of the cycle's reporting periods, e.g. Q1. */
  periodKey: text({ name: true }).min(1).max(10),
  // A target counts what is to be achieved: -4 boreholes is a typing slip, not a plan.
  target: measure.min(0),
  actual: measure.nullable().default(null),
  actualNote: optionalText(1000),
  evaluationCriterion: z.enum(evaluationCriteria.keys).nullable().default(null),
  evaluatedOn: isoDate.nullable().default(null),
};

export const indicatorPeriodCreateInput = z.strictObject(indicatorPeriodCreateShape);
export const indicatorPeriodUpdateInput = updateOf(indicatorPeriodCreateShape);
export const indicatorPeriodDto = z.object({
  ...rowMeta,
  indicatorId: entityId,
  periodKey: z.string(),
  target: z.number(),
  actual: z.number().nullable(),
  actualNote: z.string(),
  evaluationCriterion: z.enum(evaluationCriteria.keys).nullable(),
  evaluatedOn: z.string().nullable(),
});
export type IndicatorPeriodDto = z.infer<typeof indicatorPeriodDto>;

/** The risk register (template section 6). */
export const riskCreateShape = {
  cycleId: entityId,
  code: code(20),
  description: requiredText(1000),
  likelihood: z.enum(levels.keys),
  impact: z.enum(levels.keys),
  mitigation: optionalText(2000),
  responsibleOrgId: entityId,
  status: z.enum(riskStatuses.keys).default('open'),
  reviewDate: isoDate.nullable().default(null),
};

export const riskCreateInput = z.strictObject(riskCreateShape);
export const riskUpdateInput = updateOf(riskCreateShape);
export const riskDto = z.object({
  ...rowMeta,
  code: z.string(),
  description: z.string(),
  likelihood: z.enum(levels.keys),
  impact: z.enum(levels.keys),
  mitigation: z.string(),
  responsibleOrgId: entityId,
  status: z.enum(riskStatuses.keys),
  reviewDate: z.string().nullable(),
});
export type RiskDto = z.infer<typeof riskDto>;
