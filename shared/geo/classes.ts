import { indicatorStatusLabels, type IndicatorStatus } from '../api/schemas/analysis/indicator-status';
import { kesShort } from '../money';

/**
 * Class breaks a person can read off a legend: "KES 0", "< KES 5 M", "KES 5 M – 20 M",
 * "≥ KES 20 M". Wards with nothing are a class of their own; the others are split at the thirds of
 * their values, each break rounded to 1, 2 or 5 times a power of ten, so the legend names round
 * figures instead of 4,731,912.40.
 */

/** Five blues-to-greens from ColorBrewer's YlGnBu: distinct for colour-blind readers and in grey print. */
const SEQUENTIAL = ['#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8'] as const;
/** The "nothing here" class: pale grey, so a gap's hatching shows on it. */
export const EMPTY_COLOUR = '#f1f1ee';

export interface ValueClass {
  /** Values v with lower ≤ v < upper (upper null: no limit). */
  lower: number;
  upper: number | null;
  label: string;
  colour: string;
}

/** 1, 2 or 5 × 10^k nearest to the value (in log terms), never 0. */
export function roundNice(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const steps = [1, 2, 5, 10];
  let best = power;
  for (const step of steps) if (Math.abs(Math.log(step * power) - Math.log(value)) < Math.abs(Math.log(best) - Math.log(value))) best = step * power;
  return best;
}

/** Up to two round thresholds between the positive values, at their thirds. */
export function niceThresholds(values: readonly number[], minStep = 1): number[] {
  const positive = values.filter((v) => v > 0).sort((a, b) => a - b);
  if (positive.length < 2) return [];
  const at = (q: number) => positive[Math.min(positive.length - 1, Math.floor(q * positive.length))] as number;
  const thresholds: number[] = [];
  for (const q of [1 / 3, 2 / 3]) {
    const nice = Math.max(minStep, roundNice(at(q)));
    // A break must leave some ward below it and differ from the last one.
    if (nice > (positive[0] as number) && nice <= (positive[positive.length - 1] as number) && !thresholds.includes(nice)) thresholds.push(nice);
  }
  return thresholds.sort((a, b) => a - b);
}

function colours(count: number): string[] {
  if (count <= 1) return [SEQUENTIAL[2]];
  if (count === 2) return [SEQUENTIAL[1], SEQUENTIAL[3]];
  if (count === 3) return [SEQUENTIAL[0], SEQUENTIAL[2], SEQUENTIAL[4]];
  return SEQUENTIAL.slice(0, Math.min(count, SEQUENTIAL.length));
}

/**
 * Classes for an amount or a count: a class for 0, then the positive values split at round
 * thresholds. `format` names a value ("KES 5 M", "3").
 */
export function valueClasses(values: readonly number[], options: { format: (value: number) => string; zeroLabel: string; integer: boolean }): ValueClass[] {
  const { integer } = options;
  const zero: ValueClass = { lower: 0, upper: 1, label: options.zeroLabel, colour: EMPTY_COLOUR };
  const max = Math.max(0, ...values);
  if (max <= 0) return [zero];
  // Money is in cents: a threshold is at least a shilling.
  const bounds = [1, ...niceThresholds(values, integer ? 1 : 100)];
  const palette = colours(bounds.length);
  const classes = bounds.map((lower, index): ValueClass => {
    const upper = bounds[index + 1] ?? null;
    return { lower, upper, label: classLabel(lower, upper, index === 0, max, options), colour: palette[index] as string };
  });
  return [zero, ...classes];
}

function classLabel(
  lower: number,
  upper: number | null,
  first: boolean,
  max: number,
  { format, integer }: { format: (value: number) => string; integer: boolean },
): string {
  if (integer) {
    if (upper === null) return lower === max ? format(lower) : `${format(lower)} or more`;
    return upper - 1 === lower ? format(lower) : `${format(lower)}–${format(upper - 1)}`;
  }
  if (first) return upper === null ? `Up to ${format(max)}` : `Under ${format(upper)}`;
  return upper === null ? `${format(lower)} or more` : `${format(lower)} – ${format(upper).replace(/^KES /, '')}`;
}

/** Which class a value falls in. */
export function classOf(classes: readonly ValueClass[], value: number): number {
  for (let index = classes.length - 1; index >= 0; index--) if (value >= (classes[index] as ValueClass).lower) return index;
  return 0;
}

/** Planned budget classes: "Nothing planned", "Under KES 5 M", "KES 5 M – 20 M", "KES 20 M or more". */
export const kesClasses = (values: readonly number[]) => valueClasses(values, { format: kesShort, zeroLabel: 'Nothing planned', integer: false });

/** Count classes: "None", "1", "2–3", "4 or more". */
export const countClasses = (values: readonly number[], zeroLabel: string) => valueClasses(values, { format: String, zeroLabel, integer: true });

/** Indicator statuses, worst first: a ward shows the worst status among its indicators. */
export const STATUS_SEVERITY: readonly IndicatorStatus[] = ['off_track', 'at_risk', 'no_data', 'on_track', 'not_due'];

/** Red, amber and green as traffic lights read, distinct in grey print by lightness. */
const STATUS_COLOURS: Record<IndicatorStatus, string> = {
  off_track: '#c0392b',
  at_risk: '#f0a742',
  no_data: '#9e9e9e',
  on_track: '#2e8b57',
  not_due: '#cfe0ee',
};

export const worstStatus = (statuses: readonly IndicatorStatus[]): IndicatorStatus | null =>
  STATUS_SEVERITY.find((status) => statuses.includes(status)) ?? null;

/** Class 0 is "no indicator tied to this ward"; then the statuses, worst first. */
export const statusClasses = (): ValueClass[] => [
  { lower: 0, upper: 1, label: 'No indicator tied to the ward', colour: EMPTY_COLOUR },
  ...STATUS_SEVERITY.map((status, index): ValueClass => ({
    lower: index + 1,
    upper: index + 2,
    label: indicatorStatusLabels[status],
    colour: STATUS_COLOURS[status],
  })),
];

export const statusClassIndex = (status: IndicatorStatus | null): number => (status === null ? 0 : STATUS_SEVERITY.indexOf(status) + 1);
