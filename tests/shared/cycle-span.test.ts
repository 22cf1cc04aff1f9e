import { describe, expect, it } from 'vitest';
import { outsideCycleWarning } from '../../shared/analysis/cycle-span';

const cycle = { startDate: '2026-07-01', endDate: '2027-06-30', fiscalYear: '2026/27' };

describe('an activity outside its cycle', () => {
  it('says nothing of an activity inside the fiscal year, its first and last days included', () => {
    expect(outsideCycleWarning({ startDate: '2026-07-01', endDate: '2027-06-30' }, cycle)).toBeNull();
  });

  it('says which side it runs over, the fiscal year, and that its cost counts in this cycle', () => {
    expect(outsideCycleWarning({ startDate: '2026-06-01', endDate: '2026-12-31' }, cycle)).toBe(
      "starts before the fiscal year 2026/27 (1 Jul 2026 – 30 Jun 2027); it is accepted, and its whole cost counts in this cycle's budget.",
    );
    expect(outsideCycleWarning({ startDate: '2026-08-01', endDate: '2027-07-31' }, cycle)).toMatch(/^ends after the fiscal year 2026\/27/);
    expect(outsideCycleWarning({ startDate: '2026-06-01', endDate: '2027-07-31' }, cycle)).toMatch(/^starts before and ends after/);
  });
});
