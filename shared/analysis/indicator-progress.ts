import type { ThresholdsDto } from '../api/schemas/analysis/indicator-status';

/**
 * How far an indicator got in a reporting period: the one rule every screen, document, workbook and
 * the close-out use, so a figure never reads "on track" in one place and "off track" in another.
 *
 * - With a baseline, progress is the share of the way from the baseline to the period's target that
 *   was covered: (actual − baseline) ÷ (target − baseline). Moving away from the target is below
 *   0 % (GAM up from 15.1 % to 15.6 % against a target of 15 % is −500 %: off track).
 * - Without a baseline (or when the target is the baseline), the ratio in the desired direction:
 *   actual ÷ target to raise, target ÷ actual to bring down.
 * - To keep within a range, 100 % inside it; outside, the ratio towards the nearer bound.
 */

/** What the indicator should do: rise, fall, or stay within a band. */
export const indicatorDirections = ['increase', 'decrease', 'range'] as const;
export type IndicatorDirection = (typeof indicatorDirections)[number];

export const indicatorDirectionLabels: Record<IndicatorDirection, string> = {
  increase: 'Increase',
  decrease: 'Decrease',
  range: 'Keep within a range',
};

export interface ProgressIndicator {
  baselineValue: number | null;
  targetValue: number;
  /** The indicator's own direction, as stored (rows made before the field took `inferredDirection`). */
  direction: IndicatorDirection;
  /** The band of a `range` indicator. */
  rangeMin?: number | null;
  rangeMax?: number | null;
}

/**
 * The direction of an indicator recorded without one (before the field existed, or left out when
 * created): an end target below the baseline means bringing it down (malnutrition, distance to
 * water); anything else means raising it.
 */
export function inferredDirection(indicator: Pick<ProgressIndicator, 'baselineValue' | 'targetValue'>): 'increase' | 'decrease' {
  return indicator.baselineValue !== null && indicator.targetValue < indicator.baselineValue ? 'decrease' : 'increase';
}

const ratio = (direction: 'increase' | 'decrease', target: number, actual: number): number | null => {
  if (direction === 'increase') return target === 0 ? (actual >= 0 ? 100 : null) : (actual / target) * 100;
  if (actual <= 0) return target >= 0 ? 100 : null;
  return (target / actual) * 100;
};

/**
 * Progress in percent (not rounded) for a period's target and actual; null when it cannot be said
 * (a band with no bounds, a negative ratio's denominator).
 */
export function progressPct(indicator: ProgressIndicator, target: number, actual: number): number | null {
  const { direction } = indicator;
  if (direction === 'range') {
    const { rangeMin = null, rangeMax = null } = indicator;
    if (rangeMin === null && rangeMax === null) return null;
    if (rangeMin !== null && actual < rangeMin) return ratio('increase', rangeMin, actual);
    if (rangeMax !== null && actual > rangeMax) return ratio('decrease', rangeMax, actual);
    return 100;
  }
  const baseline = indicator.baselineValue;
  if (baseline !== null && target !== baseline) {
    // A target on the wrong side of the baseline (a rising indicator with a target below it) is a
    // data error; the ratio still says something true about the actual.
    const wrongSide = direction === 'increase' ? target < baseline : target > baseline;
    if (!wrongSide) return ((actual - baseline) / (target - baseline)) * 100;
  }
  return ratio(direction, target, actual);
}

/**
 * How much better than its target the actual is, in the indicator's unit: positive is better,
 * whichever way the indicator should move. For a range, minus the distance outside the band.
 */
export function varianceBetter(indicator: ProgressIndicator, target: number, actual: number): number {
  const { direction } = indicator;
  if (direction === 'range') {
    const { rangeMin = null, rangeMax = null } = indicator;
    if (rangeMin !== null && actual < rangeMin) return actual - rangeMin;
    if (rangeMax !== null && actual > rangeMax) return rangeMax - actual;
    return 0;
  }
  return direction === 'increase' ? actual - target : target - actual;
}

const twoDecimals = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** The variance in words: "0.6 points worse than target", "120 households better than target", "on target". */
export function varianceWords(indicator: ProgressIndicator & { unit: string }, target: number, actual: number): string {
  const variance = roundTo(varianceBetter(indicator, target, actual), 2);
  const unit = /%|percent/i.test(indicator.unit) ? 'points' : indicator.unit.trim();
  const amount = `${twoDecimals.format(Math.abs(variance))}${unit ? ` ${unit}` : ''}`;
  if (indicator.direction === 'range') {
    if (variance === 0) return 'within range';
    const above = indicator.rangeMax !== null && indicator.rangeMax !== undefined && actual > indicator.rangeMax;
    return `${amount} ${above ? 'above' : 'below'} the range`;
  }
  if (variance === 0) return 'on target';
  return `${amount} ${variance > 0 ? 'better' : 'worse'} than target`;
}

/** Half away from zero, as Excel's ROUND and its percent format do, so the workbook shows the same figure. */
export function roundTo(value: number, digits: number): number {
  const scale = 10 ** digits;
  return (Math.sign(value) * Math.round(Math.abs(value) * scale + Number.EPSILON * scale)) / scale;
}

/** Progress as printed everywhere: a whole percent, "104%", "-500%" (the workbook's 0% format). */
export const formatProgress = (pct: number | null): string => (pct === null ? '—' : `${roundTo(pct, 0)}%`);

export type ProgressStatus = 'on_track' | 'at_risk' | 'off_track';

/** The cycle's thresholds applied to the whole percent printed, so a printed 90% is on track. */
export function statusOfProgress(pct: number | null, thresholds: ThresholdsDto): ProgressStatus {
  if (pct === null) return 'on_track';
  const shown = roundTo(pct, 0);
  if (shown >= thresholds.onTrackPct) return 'on_track';
  return shown >= thresholds.atRiskPct ? 'at_risk' : 'off_track';
}

/** Everything the outputs show for one reported period. */
export interface PeriodProgressFigures {
  /** A whole percent, as printed (never rounded twice: the status is judged on this figure). */
  pct: number | null;
  status: ProgressStatus;
  /** Positive is better than target. */
  variance: number;
  varianceText: string;
}

export function periodFigures(
  indicator: ProgressIndicator & { unit: string },
  target: number,
  actual: number,
  thresholds: ThresholdsDto,
): PeriodProgressFigures {
  const pct = progressPct(indicator, target, actual);
  return {
    pct: pct === null ? null : roundTo(pct, 0),
    status: statusOfProgress(pct, thresholds),
    variance: roundTo(varianceBetter(indicator, target, actual), 2),
    varianceText: varianceWords(indicator, target, actual),
  };
}
