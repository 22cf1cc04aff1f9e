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
  const parts = new Array<number>(weights.length).fill(0);
  splitInto(total, weights, parts, new Array<number>(weights.length));
  return parts;
}

/**
 * splitByWeights writing into `parts` (as long as `weights`), with `fractions` as scratch space of
 * the same length: cost sharing splits 20,000 budget lines over the periods, and two new arrays a
 * line were most of what its garbage collector had to do.
 */
function splitInto(total: number, weights: readonly number[], parts: number[], fractions: number[]): void {
  const count = weights.length;
  parts.fill(0);
  let sum = 0;
  for (const weight of weights) sum += weight;
  if (sum <= 0) return;
  let left = total;
  for (let index = 0; index < count; index++) {
    const exact = (total * (weights[index] ?? 0)) / sum;
    const part = Math.floor(exact);
    parts[index] = part;
    fractions[index] = exact - part;
    left -= part;
  }
  if (left <= 0) return;
  // Each part lost less than one cent, so fewer cents are left than there are parts: each goes to
  // the largest fraction not yet served, the earliest on a tie. A scan, not a sort: a budget line
  // has a few periods, and cost sharing splits 20,000 lines. (Whole rounds first, for safety.)
  const rounds = Math.floor(left / count);
  if (rounds > 0) for (let index = 0; index < count; index++) parts[index] = (parts[index] ?? 0) + rounds;
  for (left -= rounds * count; left > 0; left--) {
    let largest = 0;
    for (let index = 1; index < count; index++) if ((fractions[index] ?? -1) > (fractions[largest] ?? -1)) largest = index;
    parts[largest] = (parts[largest] ?? 0) + 1;
    fractions[largest] = -1;
  }
}

/**
 * Whole shillings (minor units, multiples of 100) split in proportion to `weights` by largest
 * remainder: an activity's cost across its wards adds up to the activity's cost exactly, and no
 * part carries cents.
 */
export function splitShillings(totalMinor: number, weights: readonly number[]): number[] {
  const parts = new Array<number>(weights.length).fill(0);
  splitShillingsInto(totalMinor, weights, parts, new Array<number>(weights.length));
  return parts;
}

/** splitShillings writing into `parts`, with `fractions` as scratch space (see splitInto). */
export function splitShillingsInto(totalMinor: number, weights: readonly number[], parts: number[], fractions: number[]): void {
  splitInto(Math.round(totalMinor / 100), weights, parts, fractions);
  for (let index = 0; index < parts.length; index++) parts[index] = (parts[index] ?? 0) * 100;
}
