import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitByWeights, splitShillings } from '../../shared/analysis/allocate';

/*
 * splitByWeights runs in loops over plain arrays (cost sharing splits 20,000 budget lines). This
 * holds it to the largest-remainder method written as plainly as it reads: floor every exact share,
 * then one more unit to the largest fractions, earliest first on ties.
 */
function plainSplit(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const parts = exact.map((value) => Math.floor(value));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((value, index) => ({ index, fraction: value - Math.floor(value) })).sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (let i = 0; left > 0 && order.length > 0; i = (i + 1) % order.length, left--) {
    const share = order[i];
    if (share) parts[share.index] = (parts[share.index] ?? 0) + 1;
  }
  return parts;
}

const RUNS = Number(process.env.PAMOJA_PROPERTY_RUNS ?? 2_000);
const SEED = process.env.PAMOJA_PROPERTY_SEED === undefined ? {} : { seed: Number(process.env.PAMOJA_PROPERTY_SEED) };
const totals = fc.oneof(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 10_000_000_000 }));
// Days of an activity in each reporting period, or ward counts: small integers, zeroes common.
const weights = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 400 })), { minLength: 0, maxLength: 12 });

describe('splitting money by weights', () => {
  it('gives exactly the parts of the plain largest-remainder method, adding up to the total', () => {
    fc.assert(
      fc.property(totals, weights, (total, given) => {
        const parts = splitByWeights(total, given);
        expect(parts).toEqual(plainSplit(total, given));
        if (given.some((weight) => weight > 0)) expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('in whole shillings, is the plain split of the shillings', () => {
    fc.assert(
      fc.property(totals, weights, (total, given) => {
        expect(splitShillings(total, given)).toEqual(plainSplit(Math.round(total / 100), given).map((shillings) => shillings * 100));
      }),
      { numRuns: RUNS, ...SEED },
    );
  });
});
