import { describe, expect, it } from 'vitest';
import { costShare, type CostShareContribution } from '../../shared/analysis/cost-share';
import { cancelledLineCount, totalsFromShare } from '../../renderer/features/budget/budget-totals';
import { kes, kesShort } from '../../renderer/components/charts/money-format';

const cycle = { id: 'cycle', startDate: '2026-07-01', endDate: '2027-06-30', reportingPeriod: 'quarterly' as const, kesPerUsdScaled: 1_293_500 };
const organisations = [
  { id: 'county', name: 'County Government – Water', shortName: 'CGI-WEC', category: 'government' as const },
  { id: 'udra', name: 'UDRA', shortName: '', category: 'donor' as const },
];
const activities = [
  { id: 'a1', code: 'A1', title: 'Boreholes', sector: 'water_wash' as const, startDate: '2026-07-01', endDate: '2026-12-31', status: 'ongoing' as const },
  { id: 'a2', code: 'A2', title: 'Classrooms', sector: 'education' as const, startDate: '2026-07-01', endDate: '2026-09-30', status: 'cancelled' as const },
];
const line = (id: string, fields: Partial<CostShareContribution>): CostShareContribution => ({
  id,
  activityId: 'a1' as string | null,
  component: `Line ${id}`,
  onBudget: true,
  contributorOrgId: 'county',
  type: 'cash' as const,
  valueNotEstimated: false,
  amountMinor: 0,
  currency: 'KES' as const,
  ...fields,
});

describe('budget totals in KES at the cycle’s rate', () => {
  const contributions = [
    line('c1', { amountMinor: 1_000_000_00 }),
    line('c2', { contributorOrgId: 'udra', amountMinor: 10_000_00, currency: 'USD', type: 'in_kind' }),
    line('c3', { activityId: 'a2', amountMinor: 5_000_000_00 }),
    line('c4', { activityId: null, contributorOrgId: 'udra', amountMinor: 365_000_00 }),
  ];
  const disbursements = [
    { contributionId: 'c2', periodKey: 'Q1', amountMinor: 1_000_00 },
    { contributionId: 'c3', periodKey: 'Q1', amountMinor: 1_000_00 },
  ];
  // What the Budget screen shows: the server's cost share (costShare:summary computes the same) arranged for the charts.
  const totals = {
    ...totalsFromShare(costShare({ cycle, organisations, activities, contributions, disbursements, today: cycle.startDate })),
    cancelledLines: cancelledLineCount(activities, contributions),
  };

  it('adds each contributor’s lines, converting USD, leaving cancelled activities out', () => {
    expect(totals.totalKes).toBe(1_000_000_00 + 1_293_500_00 + 365_000_00);
    expect(totals.countyKes).toBe(1_000_000_00);
    expect(totals.partnerKes).toBe(1_658_500_00);
    expect(totals.cancelledLines).toBe(1);
    expect(totals.byContributor.map((row) => [row.label, row.kes, row.county])).toEqual([
      ['UDRA', 1_658_500_00, false],
      ['CGI-WEC', 1_000_000_00, true],
    ]);
    expect(totals.bySector.map((row) => row.label)).toEqual(['Water & WASH', 'Not linked to an activity']);
    expect(totals.byType.find((row) => row.key === 'in_kind')?.kes).toBe(1_293_500_00);
  });

  it('phases planned money by the days each activity runs, and converts disbursements at the line’s currency', () => {
    const planned = totals.periods.map((p) => p.plannedKes);
    expect(planned.reduce((a, b) => a + b, 0)).toBe(totals.totalKes);
    expect(planned[2]).toBe(Math.floor((365_000_00 * 90) / 365));
    expect(totals.periods[0]).toMatchObject({ label: 'Q1 (Jul–Sep)', disbursedKes: 129_350_00 });
    expect(totals.disbursedKes).toBe(129_350_00);
  });

  it('prints money as KES 1,234,567 and short on chart axes', () => {
    expect(kes(123_456_750)).toBe('KES 1,234,568');
    expect([kesShort(12_500_000_00), kesShort(350_000_00), kesShort(2_000_000_000_00)]).toEqual(['KES 12.5 M', 'KES 350 K', 'KES 2 B']);
  });
});
