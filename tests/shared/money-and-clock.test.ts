import { describe, expect, it } from 'vitest';
import { formatHlc, parseHlc, receiveHlc, tickHlc } from '../../shared/hlc';
import { formatKes, formatMoney, formatRate, formatShillings, parseAmount, parseRate, roundToShilling, toKesMinor } from '../../shared/money';

describe('money', () => {
  it('prints KES in whole shillings with thousands separators, USD with its cents', () => {
    expect(formatMoney({ amountMinor: 123_456_700, currency: 'KES' })).toBe('KES 1,234,567');
    // One rounding rule: to the nearest shilling, half away from zero.
    expect(formatMoney({ amountMinor: 123_456_750, currency: 'KES' })).toBe('KES 1,234,568');
    expect(formatMoney({ amountMinor: 123_456_749, currency: 'KES' })).toBe('KES 1,234,567');
    expect(formatKes(-150)).toBe('-KES 2');
    expect(formatKes(-40)).toBe('KES 0');
    expect(formatShillings(123_456_700)).toBe('1,234,567');
    expect(formatMoney({ amountMinor: 12_050, currency: 'USD' })).toBe('USD 120.50');
    expect([roundToShilling(150), roundToShilling(149), roundToShilling(-150)]).toEqual([200, 100, -200]);
    expect(formatMoney({ amountMinor: 5, currency: 'USD' }, { cents: 'always' })).toBe('USD 0.05');
    expect(formatMoney({ amountMinor: -100, currency: 'KES' })).toBe('-KES 1');
  });

  it('converts a line at the scaled cycle rate to the nearest shilling', () => {
    const rate = parseRate('129.35');
    expect(rate).toBe(1_293_500);
    expect(toKesMinor({ amountMinor: 100_00, currency: 'USD' }, rate ?? 0)).toBe(12_935_00);
    // USD 10 = KES 1,293.50 → 1,294; USD 0.01 = KES 1.29 → 1.
    expect(toKesMinor({ amountMinor: 10_00, currency: 'USD' }, 1_293_500)).toBe(1_294_00);
    expect(toKesMinor({ amountMinor: 1, currency: 'USD' }, 1_293_550)).toBe(100);
    expect(toKesMinor({ amountMinor: 550, currency: 'KES' }, 1)).toBe(600);
    // Large budgets stay exact: USD 90 million.
    expect(toKesMinor({ amountMinor: 9_000_000_000, currency: 'USD' }, 1_293_500)).toBe(1_164_150_000_000);
  });

  it('parses amounts and rates as people type them', () => {
    expect(parseAmount('1,200,000')).toBe(120_000_000);
    expect(parseAmount('12.5')).toBe(1250);
    expect(parseAmount('1.234')).toBeNull();
    expect(parseAmount('-5')).toBeNull();
    expect(parseRate('0')).toBeNull();
    expect(parseRate('abc')).toBeNull();
    expect(formatRate(1_293_500)).toBe('129.35');
    expect(formatRate(1_300_000)).toBe('130');
  });
});

describe('hybrid logical clock', () => {
  it('never goes backwards when the wall clock does', () => {
    const first = tickHlc(null, 1_000, 'a');
    const second = tickHlc(first, 500, 'a');
    expect(formatHlc(second) > formatHlc(first)).toBe(true);
    expect(second).toEqual({ wallMs: 1_000, counter: 1, node: 'a' });
  });

  it('moves past a remote clock that runs ahead', () => {
    const local = tickHlc(null, 1_000, 'a');
    const remote = { wallMs: 5_000, counter: 7, node: 'b' };
    const after = receiveHlc(local, remote, 1_200, 'a');
    expect(after).toEqual({ wallMs: 5_000, counter: 8, node: 'a' });
    expect(receiveHlc(after, remote, 9_000, 'a')).toEqual({ wallMs: 9_000, counter: 0, node: 'a' });
  });

  it('round-trips its text form, which sorts in clock order', () => {
    const clock = { wallMs: 1_764_000_000_000, counter: 42, node: 'abc123' };
    expect(parseHlc(formatHlc(clock))).toEqual(clock);
    expect(parseHlc('nonsense')).toBeNull();
    const stamps = [tickHlc(null, 2_000, 'z'), { wallMs: 10_000, counter: 0, node: 'a' }, { wallMs: 2_000, counter: 3, node: 'a' }].map(formatHlc);
    expect([...stamps].sort()).toEqual([stamps[0], stamps[2], stamps[1]]);
  });
});
