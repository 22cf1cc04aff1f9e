import { itemAt } from '../item-at';
/**
 * Splitting integer minor units without losing or inventing a cent: the parts always add up to the
 * total, so tables built from them reconcile with the budget they came from.
 */

/**
 * `total` in proportion to non-negative `weights` by the largest-remainder method: each part is
 * rounded down, then the leftover cents go to the largest fractions (earliest first on ties).
 * All-zero weights give all-zero parts except when total is 0.
 */
export function splitByWeights(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const parts = exact.map((value) => Math.floor(value));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((value, index) => ({ index, fraction: value - Math.floor(value) })).sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (let i = 0; left > 0 && order.length > 0; i = (i + 1) % order.length, left--) {
    const { index } = itemAt(order, i, 'share');
    parts[index] = (parts[index] ?? 0) + 1;
  }
  return parts;
}

/**
 * Whole shillings (minor units, multiples of 100) split in proportion to `weights` by largest
 * remainder: an activity's cost across its wards adds up to the activity's cost exactly, and no
 * part carries cents.
 */
export function splitShillings(totalMinor: number, weights: readonly number[]): number[] {
  return splitByWeights(Math.round(totalMinor / 100), weights).map((shillings) => shillings * 100);
}
