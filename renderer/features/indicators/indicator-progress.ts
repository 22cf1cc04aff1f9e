import type { ThresholdsDto } from '../../../shared/api/schemas/analysis/indicator-status';
import type { IndicatorDto, IndicatorPeriodDto } from '../../../shared/api/schemas/monitoring';
import { periodFigures, type ProgressIndicator } from '../../../shared/analysis/indicator-progress';
import type { ReportingPeriod } from '../../../shared/reporting-periods';

/**
 * An indicator's progress colour in the screens. The rule is the reports' own
 * (shared/analysis/indicator-status.ts) with the cycle's thresholds (`analysisSettings:get`, the
 * manual's 90 % / 60 % unless the Secretariat changed them), so a screen and a printed report never
 * colour the same period differently.
 */

export type ProgressStatus = 'on_track' | 'at_risk' | 'off_track' | 'not_reported';

export const progressLabels: Record<ProgressStatus, string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  not_reported: 'Not reported yet',
};

/** "on track from 90 %, at risk from 60 %, off track below." */
export const thresholdsInWords = (t: ThresholdsDto) => `on track from ${t.onTrackPct}%, at risk from ${t.atRiskPct}%, off track below`;

export interface PeriodProgress {
  key: string;
  label: string;
  start: string;
  end: string;
  /** The saved row of this period, if any. */
  rowId: string | null;
  target: number | null;
  actual: number | null;
  /** Progress towards the period target, a whole percent (shared/analysis/indicator-progress.ts). */
  pct: number | null;
  /** How much better than the target (negative: worse), whichever way the indicator should move. */
  variance: number | null;
  /** "0.6 points worse than target". */
  varianceText: string;
  status: ProgressStatus;
  /** The evaluation criterion the period's result was judged by, and when (the M&E template §6). */
  evaluationCriterion: IndicatorPeriodDto['evaluationCriterion'];
  evaluatedOn: string | null;
}

type PeriodRow = Pick<IndicatorPeriodDto, 'id' | 'indicatorId' | 'periodKey' | 'target' | 'actual'> &
  Partial<Pick<IndicatorPeriodDto, 'evaluationCriterion' | 'evaluatedOn'>>;

/** Every reporting period of the cycle for one indicator, with what was targeted and achieved. */
export function periodProgress(
  indicator: Pick<IndicatorDto, 'id' | 'unit'> & ProgressIndicator,
  rows: readonly PeriodRow[],
  calendar: readonly ReportingPeriod[],
  thresholds: ThresholdsDto,
): PeriodProgress[] {
  const own = new Map(rows.filter((row) => row.indicatorId === indicator.id).map((row) => [row.periodKey, row]));
  return calendar.map((period) => {
    const row = own.get(period.key);
    const figures = row !== undefined && row.actual !== null ? periodFigures(indicator, row.target, row.actual, thresholds) : null;
    return {
      key: period.key,
      label: period.label,
      start: period.start,
      end: period.end,
      rowId: row?.id ?? null,
      target: row?.target ?? null,
      actual: row?.actual ?? null,
      pct: figures?.pct ?? null,
      variance: figures?.variance ?? null,
      varianceText: figures?.varianceText ?? '',
      status: figures?.status ?? 'not_reported',
      evaluationCriterion: row?.evaluationCriterion ?? null,
      evaluatedOn: row?.evaluatedOn ?? null,
    };
  });
}

/** An indicator's status is that of its latest period with an actual. */
export function latestProgress(periods: readonly PeriodProgress[]): PeriodProgress | null {
  return periods.findLast((period) => period.status !== 'not_reported') ?? null;
}

export type StatusCounts = Record<ProgressStatus, number>;

/** How many indicators are on track, at risk, off track, or not reported yet. */
export function statusCounts(
  indicators: readonly (Pick<IndicatorDto, 'id' | 'unit'> & ProgressIndicator)[],
  rows: readonly Pick<IndicatorPeriodDto, 'id' | 'indicatorId' | 'periodKey' | 'target' | 'actual'>[],
  calendar: readonly ReportingPeriod[],
  thresholds: ThresholdsDto,
): StatusCounts {
  const counts: StatusCounts = { on_track: 0, at_risk: 0, off_track: 0, not_reported: 0 };
  const byIndicator = new Map<string, (typeof rows)[number][]>();
  for (const row of rows) byIndicator.set(row.indicatorId, [...(byIndicator.get(row.indicatorId) ?? []), row]);
  for (const indicator of indicators) {
    counts[latestProgress(periodProgress(indicator, byIndicator.get(indicator.id) ?? [], calendar, thresholds))?.status ?? 'not_reported']++;
  }
  return counts;
}
