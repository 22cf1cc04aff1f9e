import { describe, expect, it } from 'vitest';
import { splitByWeights, splitShillings } from '../../shared/analysis/allocate';
import { coverageMatrix, type CoverageActivity, type CoverageContribution } from '../../shared/analysis/coverage';

const CYCLE = '00000000-0000-4000-8000-000000000001';
const wards = [
  { id: 'w1', name: 'Wabera', subCountyName: 'Isiolo North' },
  { id: 'w2', name: 'Garbatulla', subCountyName: 'Isiolo South' },
  { id: 'w3', name: 'Kinna', subCountyName: 'Isiolo South' },
];
const activity = (id: string, fields: Partial<CoverageActivity> = {}): CoverageActivity => ({
  id,
  sector: 'water_wash',
  leadOrgId: 'lead',
  supportingOrgIds: [],
  wardIds: ['w1'],
  status: 'ongoing',
  ...fields,
});
const money = (activityId: string | null, amountMinor: number, fields: Partial<CoverageContribution> = {}): CoverageContribution => ({
  activityId,
  contributorOrgId: 'lead',
  amountMinor,
  currency: 'KES',
  ...fields,
});
const cell = (m: ReturnType<typeof coverageMatrix>, wardId: string | null, sector: string) =>
  m.rows.find((r) => r.wardId === wardId)?.cells.find((c) => c.sector === sector);

describe('coverage matrix', () => {
  it('counts activities and planned KES per ward and sector; empty cells are gaps', () => {
    const m = coverageMatrix({
      cycleId: CYCLE,
      kesPerUsdScaled: 1_293_500,
      wards,
      activities: [activity('a1'), activity('a2', { sector: 'health_nutrition', wardIds: ['w2'] })],
      contributions: [money('a1', 100_00), money('a1', 10_00, { currency: 'USD' }), money('a2', 500_00), money(null, 999_00)],
    });
    // USD 10 at 129.35 is KES 1,293.50: to the nearest shilling, 1,294.
    expect(cell(m, 'w1', 'water_wash')).toEqual({ sector: 'water_wash', activityCount: 1, plannedKesMinor: 100_00 + 1294_00 });
    expect(cell(m, 'w2', 'health_nutrition')?.plannedKesMinor).toBe(500_00);
    expect(m.sectors).toHaveLength(10);
    expect(m.gapCount).toBe(3 * 10 - 2);
    expect(m.wardsWithoutActivity).toEqual(['Kinna']);
    // A component outside the action plan is not in any ward.
    expect(m.plannedKesMinor).toBe(100_00 + 1294_00 + 500_00);
  });

  it('splits a multi-ward activity evenly in whole shillings, and counts it in each ward', () => {
    const m = coverageMatrix({
      cycleId: CYCLE,
      kesPerUsdScaled: 1,
      wards,
      activities: [activity('a1', { wardIds: ['w1', 'w2', 'w3'] })],
      contributions: [money('a1', 100_00)],
    });
    expect(m.rows.map((r) => r.cells[0]?.plannedKesMinor)).toEqual([34_00, 33_00, 33_00]);
    expect(m.rows.map((r) => r.activityCount)).toEqual([1, 1, 1]);
    expect(m.sectorTotals[0]).toEqual({ sector: 'water_wash', activityCount: 1, plannedKesMinor: 100_00 });
    expect(m.activityCount).toBe(1);
  });

  it('gives activities with no ward a row of their own, outside the gap count', () => {
    const m = coverageMatrix({ cycleId: CYCLE, kesPerUsdScaled: 1, wards, activities: [activity('a1', { wardIds: [] })], contributions: [money('a1', 700)] });
    const last = m.rows.at(-1);
    expect(last).toMatchObject({ wardId: null, wardName: 'No ward given', activityCount: 1, plannedKesMinor: 700 });
    expect(m.gapCount).toBe(30);
  });

  it('leaves cancelled activities out', () => {
    const m = coverageMatrix({
      cycleId: CYCLE,
      kesPerUsdScaled: 1,
      wards,
      activities: [activity('a1', { status: 'cancelled' })],
      contributions: [money('a1', 700)],
    });
    expect(m.activityCount).toBe(0);
    expect(m.plannedKesMinor).toBe(0);
  });

  it('filters by organisation: what it leads, supports or funds, with its own money only', () => {
    const m = coverageMatrix({
      cycleId: CYCLE,
      kesPerUsdScaled: 1,
      wards,
      activities: [
        activity('led', { leadOrgId: 'udra' }),
        activity('supported', { wardIds: ['w2'], supportingOrgIds: ['udra'] }),
        activity('funded', { wardIds: ['w3'] }),
        activity('other', { wardIds: ['w3'], sector: 'education' }),
      ],
      contributions: [
        money('led', 100_00, { contributorOrgId: 'county' }),
        money('funded', 40_00, { contributorOrgId: 'udra' }),
        money('funded', 60_00),
        money('other', 5_00),
      ],
      organisationId: 'udra',
    });
    expect(m.activityCount).toBe(3);
    expect(cell(m, 'w1', 'water_wash')).toMatchObject({ activityCount: 1, plannedKesMinor: 0 });
    expect(cell(m, 'w3', 'water_wash')).toMatchObject({ activityCount: 1, plannedKesMinor: 40_00 });
    expect(cell(m, 'w3', 'education')?.activityCount).toBe(0);
  });
});

describe('splitting money', () => {
  it('never loses or invents a cent', () => {
    expect(splitByWeights(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitByWeights(1000, [92, 92, 90, 91])).toEqual([252, 252, 247, 249]);
    expect(splitByWeights(5, [0, 0])).toEqual([0, 0]);
    for (const total of [0, 1, 7, 99_999, 123_456_789]) expect(splitByWeights(total, [3, 5, 0, 11]).reduce((a, b) => a + b)).toBe(total);
  });

  it('splits an activity over its wards in whole shillings, the parts adding up to the whole (largest remainder)', () => {
    // KES 9,178,400 over three wards: 3,059,467 + 3,059,467 + 3,059,466, never 3,059,466.67.
    expect(splitShillings(917_840_000, [1, 1, 1])).toEqual([305_946_700, 305_946_700, 305_946_600]);
    for (const total of [0, 100, 700, 99_999_900, 123_456_700]) {
      const parts = splitShillings(total, [3, 5, 1, 11]);
      expect(parts.reduce((a, b) => a + b)).toBe(total);
      for (const part of parts) expect(part % 100).toBe(0);
    }
  });
});
