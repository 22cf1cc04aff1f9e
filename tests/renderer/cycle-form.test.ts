import { describe, expect, it } from 'vitest';
import { cycleFormDefaults, defaultCountyId, fiscalYearChoices, localIsoDate, toCycleInput, withFiscalYear } from '../../renderer/features/cycles/cycle-form';

const counties = [
  { id: 'ke-county-030', name: 'Baringo' },
  { id: 'ke-county-011', name: 'Isiolo' },
  { id: 'ke-county-010', name: 'Marsabit' },
];

describe('create-cycle form defaults', () => {
  it("takes today from the laptop's calendar", () => {
    expect(localIsoDate(new Date(2026, 10, 25, 23, 59))).toBe('2026-11-25');
    expect(localIsoDate(new Date(2027, 0, 5, 0, 1))).toBe('2027-01-05');
  });

  it('defaults to the current county fiscal year with its 1 July – 30 June dates', () => {
    const values = cycleFormDefaults('2026-11-25', 'ke-county-011');
    expect(values).toMatchObject({ fiscalYear: '2026/27', startDate: '1 Jul 2026', endDate: '30 Jun 2027', rateDate: '25 Nov 2026', rate: '' });
    expect(cycleFormDefaults('2026-06-30', 'ke-county-011').fiscalYear).toBe('2025/26');
  });

  it('offers last year, this year and the next two', () => {
    expect(fiscalYearChoices('2026-07-01')).toEqual(['2025/26', '2026/27', '2027/28', '2028/29']);
  });

  it('moves the dates with the fiscal year chosen', () => {
    const moved = withFiscalYear(cycleFormDefaults('2026-11-25', 'ke-county-011'), '2027/28');
    expect(moved).toMatchObject({ fiscalYear: '2027/28', startDate: '1 Jul 2027', endDate: '30 Jun 2028' });
  });

  it("suggests the county of the newest cycle, else the pilot county's", () => {
    const cycles = [
      { countyId: 'ke-county-030', createdAt: '2026-01-01T00:00:00.000Z' },
      { countyId: 'ke-county-010', createdAt: '2026-03-01T00:00:00.000Z' },
    ];
    expect(defaultCountyId(counties, cycles)).toBe('ke-county-010');
    expect(defaultCountyId(counties, [])).toBe('ke-county-011');
    expect(defaultCountyId([{ id: 'ke-county-001', name: 'Mombasa' }], [])).toBe('ke-county-001');
  });
});

describe('turning the typed form into a create input', () => {
  const filled = { ...cycleFormDefaults('2026-11-25', 'ke-county-011'), title: 'Isiolo JWP', rate: '129.35' };

  it('converts the typed rate to the scaled integer the API stores', () => {
    const result = toCycleInput(filled);
    expect(result).toEqual({
      ok: true,
      value: {
        title: 'Isiolo JWP',
        countyId: 'ke-county-011',
        fiscalYear: '2026/27',
        startDate: '2026-07-01',
        endDate: '2027-06-30',
        reportingPeriod: 'quarterly',
        phase: 'planning',
        kesPerUsdScaled: 1_293_500,
        exchangeRateDate: '2026-11-25',
      },
    });
  });

  it('reports every field at fault at once, in the words the server uses', () => {
    const result = toCycleInput({ ...filled, title: '  ', rate: '129,35', rateDate: '' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.problems).toEqual([
      { field: 'kesPerUsdScaled', message: expect.stringMatching(/^Exchange rate \(KES per USD\): enter shillings per US dollar/) },
      { field: 'exchangeRateDate', message: 'Rate date: this is required.' },
      { field: 'title', message: 'Title: this is required.' },
    ]);
    expect(result.error.field).toBe('kesPerUsdScaled');
  });

  it('reads dates typed day first, whatever the machine, and names one it cannot read', () => {
    const typed = toCycleInput({ ...filled, startDate: '1/7/2026', endDate: '30 Jun 2027', rateDate: '2026-11-25' });
    expect(typed.ok && [typed.value.startDate, typed.value.endDate, typed.value.exchangeRateDate]).toEqual(['2026-07-01', '2027-06-30', '2026-11-25']);
    const wrong = toCycleInput({ ...filled, endDate: '31/6/2027' });
    expect(wrong.ok ? [] : wrong.error.problems).toEqual([
      { field: 'endDate', message: 'End date: "31/6/2027" is not a date; type it as 25/11/2026 (day/month/year) or 25 Nov 2026.' },
    ]);
  });
});
