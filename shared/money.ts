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

/** Converts to KES minor units at the cycle's rate, rounding half away from zero to the cent. */
export function toKesMinor(money: Money, kesPerUsdScaled: number): number {
  if (money.currency === 'KES') return money.amountMinor;
  const product = BigInt(money.amountMinor) * BigInt(kesPerUsdScaled);
  const scale = BigInt(RATE_SCALE);
  const half = scale / 2n;
  return Number(product >= 0n ? (product + half) / scale : (product - half) / scale);
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

/** "KES 1,234,567" (cents shown only when there are any, as on county budget sheets). */
export function formatMoney(money: Money, options: { cents?: 'auto' | 'always' | 'never' } = {}): string {
  const cents = options.cents ?? 'auto';
  const negative = money.amountMinor < 0;
  const absolute = BigInt(Math.abs(money.amountMinor));
  const whole = absolute / 100n;
  const fraction = absolute % 100n;
  const showCents = cents === 'always' || (cents === 'auto' && fraction !== 0n);
  const rounded = cents === 'never' && fraction >= 50n ? whole + 1n : whole;
  const body = showCents ? `${groupThousands(whole)}.${fraction.toString().padStart(2, '0')}` : groupThousands(rounded);
  return `${negative ? '-' : ''}${money.currency} ${body}`;
}
