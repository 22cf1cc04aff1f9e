import { describe, expect, it } from 'vitest';
import { costShare, phase, type CostShareActivity, type CostShareContribution } from '../../shared/analysis/cost-share';
import { reportingPeriods } from '../../shared/reporting-periods';

const cycle = {
  id: '00000000-0000-4000-8000-000000000001',
  startDate: '2026-07-01',
  endDate: '2027-06-30',
  reportingPeriod: 'quarterly' as const,
  kesPerUsdScaled: 1_293_500,
};
const organisations = [
  { id: 'county', name: 'County Water', shortName: 'CGI-WEC', category: 'government' as const },
  { id: 'udra', name: 'UDRA', shortName: '', category: 'implementing_partner' as const },
  { id: 'ndma', name: 'NDMA', shortName: 'NDMA', category: 'government_agency' as const },
];
const activity = (id: string, fields: Partial<CostShareActivity> = {}): CostShareActivity => ({
  id,
  code: id.toUpperCase(),
  title: `Activity ${id}`,
  sector: 'water_wash',
  startDate: '2026-07-01',
  endDate: '2027-06-30',
  status: 'ongoing',
  ...fields,
});
let n = 0;
const line = (fields: Partial<CostShareContribution>): CostShareContribution => ({
  id: `c${++n}`,
  activityId: 'a1',
  component: 'Works',
  contributorOrgId: 'county',
  type: 'cash',
  onBudget: true,
  valueNotEstimated: false,
  amountMinor: 0,
  currency: 'KES',
  ...fields,
});

describe('who pays for what', () => {
  const contributions = [
    line({ id: 'county-cash', amountMinor: 1_000_000_00 }),
    line({ id: 'udra-usd', contributorOrgId: 'udra', onBudget: false, amountMinor: 10_000_00, currency: 'USD' }),
    line({ id: 'ndma-hr', contributorOrgId: 'ndma', type: 'human_resources', onBudget: false, amountMinor: 50_000_00 }),
    line({ id: 'udra-kind', activityId: 'a2', contributorOrgId: 'udra', type: 'in_kind', onBudget: false, amountMinor: 200_000_00 }),
    line({ id: 'coordination', activityId: null, amountMinor: 30_000_00 }),
    line({ id: 'cancelled', activityId: 'gone', amountMinor: 999_999_00 }),
    // Vehicles lent with no figure put on them, and a delivery against them: listed, in no total, never overspent.
    line({ id: 'ndma-vehicles', contributorOrgId: 'ndma', type: 'in_kind', valueNotEstimated: true, component: 'Vehicles' }),
  ];
  const input = {
    cycle,
    today: '2026-11-25',
    organisations,
    activities: [
      activity('a1'),
      activity('a2', { sector: 'health_nutrition', startDate: '2026-10-01', endDate: '2026-12-31' }),
      activity('gone', { status: 'cancelled' }),
    ],
    contributions,
    disbursements: [
      { contributionId: 'county-cash', periodKey: 'Q1', amountMinor: 300_000_00 },
      { contributionId: 'udra-usd', periodKey: 'Q1', amountMinor: 1_000_00 },
      { contributionId: 'ndma-hr', periodKey: 'Q1', amountMinor: 60_000_00 },
      { contributionId: 'ndma-vehicles', periodKey: 'Q1', amountMinor: 5_000_00 },
    ],
  };
  const report = costShare(input);
  const usdInKes = 12_935_000_00 / 10; // USD 10,000 at 129.35

  it('splits county from partner money, and cash from in kind and people', () => {
    const { overall } = report;
    expect(overall.plannedKesMinor).toBe(1_000_000_00 + usdInKes + 50_000_00 + 200_000_00 + 30_000_00);
    expect(overall.countyKesMinor).toBe(1_030_000_00);
    expect(overall.partnerKesMinor).toBe(usdInKes + 50_000_00 + 200_000_00);
    expect(overall.cashKesMinor).toBe(1_030_000_00 + usdInKes);
    expect(overall.inKindKesMinor).toBe(200_000_00);
    expect(overall.humanResourcesKesMinor).toBe(50_000_00);
    expect(overall.onBudgetKesMinor + overall.offBudgetKesMinor).toBe(overall.plannedKesMinor);
    expect(overall.disbursedKesMinor).toBe(300_000_00 + 129_350_00 + 60_000_00);
  });

  it('phases planned money by the days the activity runs in each period, to the cent', () => {
    const a2 = report.byActivity.find((a) => a.activityId === 'a2');
    expect(a2?.plannedByPeriod).toEqual({ Q1: 0, Q2: 200_000_00, Q3: 0, Q4: 0 });
    for (const totals of [report.overall, ...report.byOrganisation, ...report.bySector, ...report.byActivity]) {
      expect(Object.values(totals.plannedByPeriod).reduce((a, b) => a + b)).toBe(totals.plannedKesMinor);
    }
    expect(phase(100, reportingPeriods(cycle), { startDate: '2030-01-01', endDate: '2030-02-01' }).reduce((a, b) => a + b)).toBe(100);
  });

  it('groups by organisation (county or partner) and by sector, with unlinked components apart', () => {
    expect(report.byOrganisation.map((o) => [o.name, o.side])).toEqual([
      ['UDRA', 'partner'],
      ['CGI-WEC', 'county'],
      ['NDMA', 'partner'],
    ]);
    expect(report.bySector.map((s) => s.label)).toEqual(['Water & WASH', 'Health & nutrition', 'Not linked to an activity']);
    expect(report.byActivity.map((a) => a.activityId)).toEqual(['a1', 'a2']);
  });

  it('leaves contributions to cancelled activities out of the totals', () => {
    expect(report.byActivity.some((a) => a.activityId === 'gone')).toBe(false);
    expect(report.behindSchedule.some((b) => b.contributionId === 'cancelled')).toBe(false);
    expect(report.byOrganisation.find((o) => o.organisationId === 'county')?.plannedKesMinor).toBe(1_030_000_00);
  });

  it('lists lines disbursed short of their phasing by the end of the last ended quarter', () => {
    const q1Share = (total: number) => Math.round((total * 92) / 365);
    const county = report.behindSchedule.find((b) => b.contributionId === 'county-cash');
    expect(county).toBeUndefined(); // 300,000 paid against ~252,055 expected
    const udra = report.behindSchedule.find((b) => b.contributionId === 'udra-usd');
    expect(udra).toMatchObject({ periodKey: 'Q1', disbursedKesMinor: 129_350_00, nothingDisbursed: false, organisationName: 'UDRA' });
    // Phased in whole shillings: within a shilling of the exact share.
    expect(Math.abs((udra?.expectedKesMinor ?? 0) - q1Share(usdInKes))).toBeLessThanOrEqual(100);
    expect((udra?.expectedKesMinor ?? 0) % 100).toBe(0);
    const coordination = report.behindSchedule.find((b) => b.contributionId === 'coordination');
    expect(coordination).toMatchObject({ disbursedKesMinor: 0, nothingDisbursed: true });
    // a2 starts in Q2, so nothing was due from it by the end of Q1.
    expect(report.behindSchedule.some((b) => b.contributionId === 'udra-kind')).toBe(false);
    expect(report.periods.map((p) => p.ended)).toEqual([true, false, false, false]);
  });

  it('takes the budget lines once, as they come: read one at a time, they give the same report', () => {
    function* oneAtATime() {
      yield* contributions;
    }
    expect(costShare({ ...input, contributions: oneAtATime() })).toStrictEqual(report);
  });

  it('finds nothing behind before the first period ends', () => {
    const early = costShare({
      cycle,
      today: '2026-09-30',
      organisations,
      activities: [activity('a1')],
      contributions: [line({ amountMinor: 100 })],
      disbursements: [],
    });
    expect(early.behindSchedule).toEqual([]);
  });

  it('flags lines where more was disbursed than planned', () => {
    expect(report.overspent).toEqual([
      expect.objectContaining({
        contributionId: 'ndma-hr',
        organisationName: 'NDMA',
        plannedKesMinor: 50_000_00,
        disbursedKesMinor: 60_000_00,
        overKesMinor: 10_000_00,
        activityTitle: 'A1 Activity a1',
      }),
    ]);
  });

  it('lists in-kind lines not valued apart, in no total and in no schedule', () => {
    expect(report.notValued).toEqual([
      {
        contributionId: 'ndma-vehicles',
        organisationId: 'ndma',
        organisationName: 'NDMA',
        activityId: 'a1',
        activityTitle: 'A1 Activity a1',
        component: 'Vehicles',
      },
    ]);
    expect(report.behindSchedule.map((lag) => lag.contributionId)).not.toContain('ndma-vehicles');
    expect(report.overall.disbursedKesMinor).toBe(300_000_00 + Math.round(usdInKes / 10) + 60_000_00);
  });
});
