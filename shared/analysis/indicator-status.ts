import { reportingPeriods, type ReportingFrequency } from '../reporting-periods';
import type { IndicatorDto, IndicatorPeriodDto } from '../api/schemas/monitoring';
import { type IndicatorStatus, type IndicatorStatusDto, type IndicatorStatusReportDto, type ThresholdsDto } from '../api/schemas/analysis/indicator-status';
import { periodFigures, type ProgressIndicator } from './indicator-progress';

/** The manual's defaults: ≥ 90 % progress on track, 60–90 % at risk, below 60 % off track (indicator-progress.ts). */
export const DEFAULT_THRESHOLDS: ThresholdsDto = { onTrackPct: 90, atRiskPct: 60 };

export type StatusIndicator = Pick<IndicatorDto, 'id' | 'code' | 'name' | 'unit' | 'responsibleOrgId' | 'baselineValue' | 'targetValue'> & ProgressIndicator;
export type StatusPeriod = Pick<IndicatorPeriodDto, 'indicatorId' | 'periodKey' | 'target' | 'actual'>;

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
  const counts: Record<IndicatorStatus, number> = { on_track: 0, at_risk: 0, off_track: 0, no_data: 0, not_due: 0 };

  const indicators = input.indicators.map((indicator): IndicatorStatusDto => {
    const { direction } = indicator;
    const own = byIndicator.get(indicator.id);
    const periods = calendar.flatMap((period) => {
      const row = own?.get(period.key);
      if (!row) return [];
      const figures = row.actual === null ? null : periodFigures(indicator, row.target, row.actual, thresholds);
      const status: IndicatorStatus = figures ? figures.status : period.end < today ? 'no_data' : 'not_due';
      const provisional = row.actual !== null && period.end >= today;
      return [
        {
          periodKey: period.key,
          label: period.label,
          start: period.start,
          end: period.end,
          target: row.target,
          actual: row.actual,
          pctAchieved: figures?.pct ?? null,
          variance: figures?.variance ?? null,
          varianceText: figures?.varianceText ?? '',
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
