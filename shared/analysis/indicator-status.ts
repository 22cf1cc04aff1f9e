import { reportingPeriods, type ReportingFrequency } from '../reporting-periods';
import type { IndicatorDto, IndicatorPeriodDto } from '../api/schemas/monitoring';
import {
  indicatorStatuses,
  type IndicatorStatus,
  type IndicatorStatusDto,
  type IndicatorStatusReportDto,
  type ThresholdsDto,
} from '../api/schemas/analysis/indicator-status';

/** The manual's defaults: ≥ 90 % of the period target on track, 60–90 % at risk, below 60 % off track. */
export const DEFAULT_THRESHOLDS: ThresholdsDto = { onTrackPct: 90, atRiskPct: 60 };

export type StatusIndicator = Pick<IndicatorDto, 'id' | 'code' | 'name' | 'unit' | 'responsibleOrgId' | 'baselineValue' | 'targetValue'>;
export type StatusPeriod = Pick<IndicatorPeriodDto, 'indicatorId' | 'periodKey' | 'target' | 'actual'>;

/**
 * An indicator whose end target is below its baseline is one to bring down (malnutrition,
 * distance to water): for it, doing better than the target means a lower actual.
 */
export function indicatorDirection(indicator: Pick<StatusIndicator, 'baselineValue' | 'targetValue'>): 'increase' | 'decrease' {
  return indicator.baselineValue !== null && indicator.targetValue < indicator.baselineValue ? 'decrease' : 'increase';
}

/**
 * Percent of a period's target achieved: actual ÷ target × 100, or target ÷ actual × 100 for an
 * indicator to bring down. Null when nothing was expected (a target of 0 for a rising indicator):
 * such a period is on track whatever the actual.
 */
export function percentAchieved(direction: 'increase' | 'decrease', target: number, actual: number): number | null {
  if (direction === 'increase') return target === 0 ? null : (actual / target) * 100;
  if (actual <= 0) return target >= 0 ? 100 : null;
  return (target / actual) * 100;
}

export function statusOfPct(pct: number | null, thresholds: ThresholdsDto): IndicatorStatus {
  if (pct === null || pct >= thresholds.onTrackPct) return 'on_track';
  return pct >= thresholds.atRiskPct ? 'at_risk' : 'off_track';
}

/**
 * Status per indicator per period. A period with an actual is judged against the thresholds
 * (also before it ends, if someone reported early). A period without one is `no_data` once it has
 * ended before `today` — its actual is due — and `not_due` until then. The indicator's status is
 * that of its latest period that is due or reported; when that period is still running, the status
 * is marked provisional (an early warning: partners often report part of a quarter).
 */
export function indicatorStatus(input: {
  cycle: { id: string; startDate: string; endDate: string; reportingPeriod: ReportingFrequency };
  today: string;
  thresholds: ThresholdsDto;
  indicators: readonly StatusIndicator[];
  periods: readonly StatusPeriod[];
}): IndicatorStatusReportDto {
  const { today, thresholds } = input;
  const calendar = reportingPeriods(input.cycle);
  const byIndicator = new Map<string, Map<string, StatusPeriod>>();
  for (const p of input.periods) {
    let own = byIndicator.get(p.indicatorId);
    if (!own) byIndicator.set(p.indicatorId, (own = new Map()));
    own.set(p.periodKey, p);
  }
  const counts = Object.fromEntries(indicatorStatuses.map((s) => [s, 0])) as Record<IndicatorStatus, number>;

  const indicators = input.indicators.map((indicator): IndicatorStatusDto => {
    const direction = indicatorDirection(indicator);
    const own = byIndicator.get(indicator.id);
    const periods = calendar.flatMap((period) => {
      const row = own?.get(period.key);
      if (!row) return [];
      const pctAchieved = row.actual === null ? null : roundPct(percentAchieved(direction, row.target, row.actual));
      const status: IndicatorStatus = row.actual !== null ? statusOfPct(pctAchieved, thresholds) : period.end < today ? 'no_data' : 'not_due';
      const provisional = row.actual !== null && period.end >= today;
      return [
        {
          periodKey: period.key,
          label: period.label,
          start: period.start,
          end: period.end,
          target: row.target,
          actual: row.actual,
          pctAchieved,
          status,
          provisional,
        },
      ];
    });
    const latest = periods.findLast((p) => p.status !== 'not_due');
    const status = latest?.status ?? 'not_due';
    counts[status]++;
    return {
      indicatorId: indicator.id,
      code: indicator.code,
      name: indicator.name,
      unit: indicator.unit,
      responsibleOrgId: indicator.responsibleOrgId,
      direction,
      periods,
      status,
      latestPeriodKey: latest?.periodKey ?? null,
      provisional: latest?.provisional ?? false,
    };
  });
  return { cycleId: input.cycle.id, today, thresholds, indicators, counts };
}

const roundPct = (pct: number | null) => (pct === null ? null : Math.round(pct * 10) / 10);
