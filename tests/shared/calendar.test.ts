import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, formatDisplayDate, isIsoDate } from '../../shared/dates';
import { fiscalQuarterOf, fiscalYearOf, fiscalYearRange, isFiscalYearLabel, quarterLabel } from '../../shared/fiscal-year';
import { reportingPeriods } from '../../shared/reporting-periods';

describe('ISO dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('25/11/2026')).toBe(false);
  });

  it('formats dates as written in Kenya', () => {
    expect(formatDisplayDate('2026-11-25')).toBe('25 Nov 2026');
  });

  it('steps months without overflowing short months', () => {
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
    expect(addMonths('2026-07-01', 12)).toBe('2027-07-01');
    expect(daysBetween('2026-07-01', '2027-07-01')).toBe(365);
  });
});

describe('fiscal years', () => {
  it('knows the county year runs 1 July – 30 June', () => {
    expect(fiscalYearRange('2026/27')).toEqual({ start: '2026-07-01', end: '2027-06-30' });
    expect(fiscalYearOf('2026-06-30')).toBe('2025/26');
    expect(fiscalYearOf('2026-07-01')).toBe('2026/27');
  });

  it("knows the partners' year runs 1 October – 30 September", () => {
    expect(fiscalYearRange('2026/27', 'partner')).toEqual({ start: '2026-10-01', end: '2027-09-30' });
    expect(fiscalYearOf('2026-09-30', 'partner')).toBe('2025/26');
    expect(fiscalQuarterOf('2026-11-25', 'partner')).toBe(1);
    expect(fiscalQuarterOf('2026-11-25', 'county')).toBe(2);
  });

  it('labels quarters with the months of their own calendar', () => {
    expect(quarterLabel(1, 'county')).toBe('Q1 (Jul–Sep)');
    expect(quarterLabel(3, 'county')).toBe('Q3 (Jan–Mar)');
    expect(quarterLabel(1, 'partner')).toBe('Q1 (Oct–Dec)');
  });

  it('validates fiscal-year labels', () => {
    expect(isFiscalYearLabel('2026/27')).toBe(true);
    expect(isFiscalYearLabel('2099/00')).toBe(true);
    expect(isFiscalYearLabel('2026/28')).toBe(false);
    expect(isFiscalYearLabel('2026-27')).toBe(false);
  });
});

describe('reporting periods', () => {
  const year = { startDate: '2026-07-01', endDate: '2027-06-30' };

  it('splits a county year into quarters starting in July', () => {
    const quarters = reportingPeriods({ ...year, reportingPeriod: 'quarterly' });
    expect(quarters.map((q) => [q.key, q.label, q.start, q.end])).toEqual([
      ['Q1', 'Q1 (Jul–Sep)', '2026-07-01', '2026-09-30'],
      ['Q2', 'Q2 (Oct–Dec)', '2026-10-01', '2026-12-31'],
      ['Q3', 'Q3 (Jan–Mar)', '2027-01-01', '2027-03-31'],
      ['Q4', 'Q4 (Apr–Jun)', '2027-04-01', '2027-06-30'],
    ]);
  });

  it('makes monthly and bi-annual periods, cut at the cycle end', () => {
    expect(reportingPeriods({ ...year, reportingPeriod: 'monthly' }).map((p) => p.key)).toHaveLength(12);
    expect(reportingPeriods({ ...year, reportingPeriod: 'biannual' }).map((p) => [p.key, p.end])).toEqual([
      ['H1', '2026-12-31'],
      ['H2', '2027-06-30'],
    ]);
    expect(reportingPeriods({ startDate: '2026-07-01', endDate: '2026-11-15', reportingPeriod: 'quarterly' }).at(-1)?.end).toBe('2026-11-15');
  });
});
