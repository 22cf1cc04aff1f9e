import { periodFigures } from '../../../shared/analysis/indicator-progress';
import type { ReportingPeriod } from '../../../shared/reporting-periods';
import type { PlanData } from '../plan-data';
import { periodsByIndicator } from './plan-monitoring';

/** Each indicator with a target for the period, and how it did (the shared rule, the cycle's thresholds). */
export function indicatorResults(data: PlanData, period: ReportingPeriod) {
  const targets = periodsByIndicator(data);
  return data.indicators.flatMap((indicator) => {
    const row = targets.get(indicator.id)?.get(period.key);
    if (!row) return [];
    const figures = row.actual === null ? null : periodFigures(indicator, row.target, row.actual, data.thresholds);
    return [{ indicator, row, figures }];
  });
}

export type IndicatorResult = ReturnType<typeof indicatorResults>[number];
