import type { IndicatorDto, IndicatorPeriodDto } from '../../../shared/api/schemas/monitoring';
import type { ReportingPeriod } from '../../../shared/reporting-periods';

/**
 * THE rule for an indicator's progress colour in the screens (manual's defaults): at least 90 % of
 * the period's target achieved is on track, 60–90 % at risk, below 60 % off track. Every screen
 * that colours an indicator asks this module; shared/analysis applies the same thresholds to the
 * reports.
 */
export const ON_TRACK_PCT = 90;
export const AT_RISK_PCT = 60;

export type ProgressStatus = 'on_track' | 'at_risk' | 'off_track' | 'not_reported';

export const progressLabels: Record<ProgressStatus, string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  not_reported: 'Not reported yet',
};

export type Direction = 'increase' | 'decrease';

/** An indicator whose target is below its baseline (stunting, distance to water) is one to bring down. */
export function directionOf(indicator: Pick<IndicatorDto, 'baselineValue' | 'targetValue'>): Direction {
  return indicator.baselineValue !== null && indicator.targetValue < indicator.baselineValue ? 'decrease' : 'increase';
}

/**
 * Share of a period's target achieved: actual ÷ target, or target ÷ actual for an indicator to
 * bring down. Null when the target asks for nothing (0 on a rising indicator): any actual meets it.
 */
export function percentAchieved(direction: Direction, target: number, actual: number): number | null {
  if (direction === 'increase') return target === 0 ? null : (actual / target) * 100;
  if (actual <= 0) return 100;
  return (target / actual) * 100;
}

export function statusOfPercent(pct: number | null): Exclude<ProgressStatus, 'not_reported'> {
  if (pct === null || pct >= ON_TRACK_PCT) return 'on_track';
  return pct >= AT_RISK_PCT ? 'at_risk' : 'off_track';
}

export interface PeriodProgress {
  key: string;
  label: string;
  start: string;
  end: string;
  /** The saved row of this period, if any. */
  rowId: string | null;
  target: number | null;
  actual: number | null;
  /** Rounded to one decimal. */
  pct: number | null;
  /** Actual − target. */
  variance: number | null;
  status: ProgressStatus;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** Every reporting period of the cycle for one indicator, with what was targeted and achieved. */
export function periodProgress(
  indicator: Pick<IndicatorDto, 'id' | 'baselineValue' | 'targetValue'>,
  rows: readonly Pick<IndicatorPeriodDto, 'id' | 'indicatorId' | 'periodKey' | 'target' | 'actual'>[],
  calendar: readonly ReportingPeriod[],
): PeriodProgress[] {
  const direction = directionOf(indicator);
  const own = new Map(rows.filter((row) => row.indicatorId === indicator.id).map((row) => [row.periodKey, row]));
  return calendar.map((period) => {
    const row = own.get(period.key);
    const reported = row !== undefined && row.actual !== null;
    const pct = reported ? percentAchieved(direction, row.target, row.actual ?? 0) : null;
    return {
      key: period.key,
      label: period.label,
      start: period.start,
      end: period.end,
      rowId: row?.id ?? null,
      target: row?.target ?? null,
      actual: row?.actual ?? null,
      pct: pct === null ? null : round1(pct),
      variance: reported ? round1((row.actual ?? 0) - row.target) : null,
      status: reported ? statusOfPercent(pct) : 'not_reported',
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
  indicators: readonly Pick<IndicatorDto, 'id' | 'baselineValue' | 'targetValue'>[],
  rows: readonly Pick<IndicatorPeriodDto, 'id' | 'indicatorId' | 'periodKey' | 'target' | 'actual'>[],
  calendar: readonly ReportingPeriod[],
): StatusCounts {
  const counts: StatusCounts = { on_track: 0, at_risk: 0, off_track: 0, not_reported: 0 };
  const byIndicator = new Map<string, (typeof rows)[number][]>();
  for (const row of rows) byIndicator.set(row.indicatorId, [...(byIndicator.get(row.indicatorId) ?? []), row]);
  for (const indicator of indicators) {
    counts[latestProgress(periodProgress(indicator, byIndicator.get(indicator.id) ?? [], calendar))?.status ?? 'not_reported']++;
  }
  return counts;
}
