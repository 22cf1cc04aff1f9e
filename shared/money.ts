/**
 * Money is held as integer minor units (cents) with a currency code; never as floats.
 * The exchange rate is held as KES per USD scaled by RATE_SCALE, so 129.35 is 1_293_500.
 */
export type Currency = 'KES' | 'USD';

export const RATE_SCALE = 10_000;

export interface Money {
  amountMinor: number;
  currency: Currency;
}

/**
 * The one rounding rule for Kenya shillings: to the nearest whole shilling, half away from zero.
 * Works in minor units and returns minor units (a multiple of 100).
 */
export function roundToShilling(amountMinor: number): number {
  const sign = amountMinor < 0 ? -1 : 1;
  const absolute = Math.abs(amountMinor);
  const shillings = Math.floor(absolute / 100) + (absolute % 100 >= 50 ? 1 : 0);
  return sign * shillings * 100 || 0;
}

/**
 * A line's KES equivalent at the cycle's rate, in whole shillings (minor units, a multiple of 100):
 * each line is rounded once, here, and every total is a sum of rounded lines, so a printed table,
 * a screen and a workbook all add up to the shilling.
 */
export function toKesMinor(money: Money, kesPerUsdScaled: number): number {
  if (money.currency === 'KES') return roundToShilling(money.amountMinor);
  const product = BigInt(money.amountMinor) * BigInt(kesPerUsdScaled);
  // Minor units × (rate × 10,000): to whole shillings is a division by 100 × 10,000.
  const scale = BigInt(RATE_SCALE) * 100n;
  const half = scale / 2n;
  const shillings = product >= 0n ? (product + half) / scale : (product - half) / scale;
  return Number(shillings * 100n);
}

/** "129.35" → 1_293_500; null when the text is not a positive rate with at most 4 decimals. */
export function parseRate(text: string): number | null {
  const match = /^\s*(\d{1,7})(?:\.(\d{1,4}))?\s*$/.exec(text);
  if (!match) return null;
  const scaled = Number(match[1]) * RATE_SCALE + Number((match[2] ?? '').padEnd(4, '0'));
  return scaled > 0 ? scaled : null;
}

export function formatRate(kesPerUsdScaled: number): string {
  const whole = Math.trunc(kesPerUsdScaled / RATE_SCALE);
  const fraction = String(kesPerUsdScaled % RATE_SCALE)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** "1,234,567.50" or "1,234,567" → minor units; null when it is not an amount. */
export function parseAmount(text: string): number | null {
  const cleaned = text.replace(/[,\s]/g, '');
  const match = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

function groupThousands(whole: bigint): string {
  return whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * "KES 1,234,567" in whole shillings (the rule above); "USD 1,234.50" with cents only when there are
 * any, as entered.
 */
export function formatMoney(money: Money, options: { cents?: 'auto' | 'always' | 'never' } = {}): string {
  const cents = options.cents ?? (money.currency === 'KES' ? 'never' : 'auto');
  const negative = money.amountMinor < 0;
  const absolute = BigInt(Math.abs(money.amountMinor));
  const whole = absolute / 100n;
  const fraction = absolute % 100n;
  const showCents = cents === 'always' || (cents === 'auto' && fraction !== 0n);
  const rounded = cents === 'never' && fraction >= 50n ? whole + 1n : whole;
  const body = showCents ? `${groupThousands(whole)}.${fraction.toString().padStart(2, '0')}` : groupThousands(rounded);
  return `${negative && (showCents ? absolute : rounded) > 0n ? '-' : ''}${money.currency} ${body}`;
}

/** "KES 1,234,567": Kenya shillings, rounded to the nearest shilling. */
export const formatKes = (amountMinor: number): string => formatMoney({ amountMinor, currency: 'KES' });

/** "1,234,567": whole shillings without the currency, for a column headed "(KES)". */
export const formatShillings = (amountMinor: number): string => formatKes(amountMinor).replace(/^(-?)KES /, '$1');

/** Said once in each document that prints amounts. */
export const ROUNDING_NOTE = 'Figures are in Kenya shillings (KES), rounded to the nearest shilling.';

/** Short amounts for chart axes and map legends: "KES 12.5 M", "KES 350 K". */
export function kesShort(amountMinor: number): string {
  const shillings = amountMinor / 100;
  const size = Math.abs(shillings);
  if (size >= 1e9) return `KES ${trimShort(shillings / 1e9)} B`;
  if (size >= 1e6) return `KES ${trimShort(shillings / 1e6)} M`;
  if (size >= 1e3) return `KES ${trimShort(shillings / 1e3)} K`;
  return `KES ${Math.round(shillings)}`;
}

const trimShort = (value: number) => (Math.abs(value) >= 100 ? Math.round(value).toString() : value.toFixed(1).replace(/\.0$/, ''));
