import type { IndicatorDto } from '../api/schemas/monitoring';
import { formatMeasure as shown } from '../figures';

/** Units of a level or a share (a percentage, a rate, an average): their period targets are not added up. */
const LEVEL_UNIT = /%|percent|\bper\b|rate|ratio|proportion|share|score|index|average|mean/i;

/**
 * A warning, never a refusal, when an indicator's period targets add up to more than its annual
 * target although each is below it: the sign of quarterly counts (4 + 4 + 3 + 3 boreholes against
 * 12 a year) that were mistyped or double-counted. Cumulative targets (the last equals the annual
 * one), levels and shares (GAM 15 %, 14 %, 13 %, 12 %) and targets meant to go down are left alone.
 */
export function periodTargetsWarning(indicator: Pick<IndicatorDto, 'targetValue' | 'direction' | 'unit'>, targets: readonly number[]): string | null {
  const annual = indicator.targetValue;
  if (targets.length < 2 || indicator.direction !== 'increase' || LEVEL_UNIT.test(indicator.unit)) return null;
  if (targets.some((target) => target >= annual)) return null;
  const sum = targets.reduce((total, target) => total + target, 0);
  if (sum <= annual) return null;
  const unit = indicator.unit ? ` ${indicator.unit}` : '';
  return `The period targets add up to ${shown(sum)}${unit}, more than the annual target of ${shown(annual)}${unit}. If each period counts only what is new in it, they should add up to the annual target; if they are running totals, the last should equal it.`;
}
