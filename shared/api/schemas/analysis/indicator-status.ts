import { z } from 'zod';
import { indicatorDirections } from '../../../analysis/indicator-progress';
import { entityId } from '../fields';

/** Each indicator's status per reporting period, and the cycle's thresholds that decide it. */

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
  /** Progress towards the period target, a whole percent (shared/analysis/indicator-progress.ts); null without an actual. */
  pctAchieved: z.number().nullable(),
  /** How much better than the target the actual is (negative: worse), in the indicator's unit. */
  variance: z.number().nullable(),
  /** "0.6 points worse than target"; empty without an actual. */
  varianceText: z.string(),
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
  /** What the indicator should do: rise, fall (e.g. malnutrition rates) or stay within a band. */
  direction: z.enum(indicatorDirections),
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
