import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countOverlaps, findOverlaps, overlapReportOf, overlapScore, pairKey, scoreOverlaps } from '../../shared/analysis/overlaps';
import { jaccardOfSorted, tokens } from '../../shared/analysis/text-similarity';
import { daysBetween } from '../../shared/dates';
import { overlapActivity as act, overlapNames as names } from './overlap-fixtures';

/** Small random plans: two sectors, three leads, four wards, two months, some cancelled. */
const arbitraryPlan = fc.array(
  fc.record<PlanSpec>({
    sector: fc.constantFrom('water_wash' as const, 'health_nutrition' as const),
    lead: fc.constantFrom('a', 'b', 'c'),
    wardIds: fc.subarray(['w1', 'w2', 'w3', 'w4']),
    start: fc.integer({ min: 0, max: 60 }),
    length: fc.integer({ min: 0, max: 30 }),
    cancelled: fc.boolean(),
  }),
  { maxLength: 25 },
);

type PlanSpec = { sector: 'water_wash' | 'health_nutrition'; lead: string; wardIds: string[]; start: number; length: number; cancelled: boolean };

const planOf = (specs: readonly PlanSpec[]) =>
  specs.map((s) =>
    act({
      sector: s.sector,
      leadOrgId: s.lead,
      wardIds: s.wardIds,
      startDate: day(s.start),
      endDate: day(s.start + s.length),
      status: s.cancelled ? 'cancelled' : 'ongoing',
    }),
  );

describe('overlap rule', () => {
  it('flags different leads, same sector, a shared ward and overlapping dates', () => {
    const a = act({ leadOrgId: 'wec', wardIds: ['w1', 'w2'] });
    const b = act({ leadOrgId: 'msdt', wardIds: ['w2', 'w3'], startDate: '2026-09-15', endDate: '2027-01-31' });
    const [pair, ...rest] = findOverlaps([a, b], names);
    expect(rest).toEqual([]);
    expect(pair).toMatchObject({ key: pairKey(a.id, b.id), sharedWardIds: ['w2'], overlapStart: '2026-09-15', overlapEnd: '2026-10-31', overlapDays: 47 });
    expect(pair?.reason).toBe(
      'Both Water & WASH in Ward w2, led by WEC and MSDT; dates overlap 47 days (15 Sep 2026 – 31 Oct 2026); titles and descriptions 100 % alike.',
    );
  });

  it('does not flag two activities of the same organisation', () => {
    expect(findOverlaps([act({ leadOrgId: 'wec' }), act({ leadOrgId: 'wec' })], names)).toEqual([]);
  });

  it('does not flag different sectors or different wards', () => {
    expect(findOverlaps([act(), act({ sector: 'health_nutrition' })], names)).toEqual([]);
    expect(findOverlaps([act({ wardIds: ['w1'] }), act({ wardIds: ['w2'] })], names)).toEqual([]);
  });

  it('treats dates as inclusive: sharing the last day overlaps, touching does not', () => {
    const first = act({ startDate: '2026-08-01', endDate: '2026-10-31' });
    const sameDay = act({ startDate: '2026-10-31', endDate: '2026-12-31' });
    const nextDay = act({ startDate: '2026-11-01', endDate: '2026-12-31' });
    const pairs = findOverlaps([first, sameDay, nextDay], names);
    expect(pairs.map((p) => p.key).sort()).toEqual([pairKey(first.id, sameDay.id), pairKey(sameDay.id, nextDay.id)].sort());
    expect(pairs.find((p) => p.key === pairKey(first.id, sameDay.id))?.overlapDays).toBe(1);
  });

  it('never flags an activity with no ward', () => {
    expect(findOverlaps([act({ wardIds: [] }), act({ wardIds: [] }), act({ wardIds: ['w1'] })], names)).toEqual([]);
  });

  it('ignores cancelled activities but not completed or delayed ones', () => {
    expect(findOverlaps([act(), act({ status: 'cancelled' })], names)).toEqual([]);
    expect(findOverlaps([act({ status: 'completed' }), act({ status: 'delayed' })], names)).toHaveLength(1);
  });

  it('reports a pair sharing several wards once, naming all of them', () => {
    const pairs = findOverlaps([act({ wardIds: ['w3', 'w1', 'w2'] }), act({ wardIds: ['w2', 'w3'] })], names);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]?.sharedWardIds).toEqual(['w2', 'w3']);
    expect(pairs[0]?.reason).toContain('in Ward w2 and Ward w3,');
  });

  it('scores by the documented formula and ranks higher scores first', () => {
    // W = 1/2, T = 1 (b inside a), S = title Jaccard 3/5 → round(100 × (0.175 + 0.35 + 0.18)) = 71.
    const a = act({ title: 'Rehabilitate boreholes in Garbatulla', wardIds: ['w1', 'w2'], startDate: '2026-08-01', endDate: '2026-12-31' });
    const b = act({ title: 'Boreholes rehabilitate Garbatulla Sericho pumps', wardIds: ['w1', 'w9'], startDate: '2026-09-01', endDate: '2026-09-30' });
    const c = act({ title: 'Water kiosks', wardIds: ['w1', 'w7', 'w8'], startDate: '2026-12-31', endDate: '2027-03-31' });
    const pairs = findOverlaps([a, b, c], names);
    const ab = pairs.find((p) => p.key === pairKey(a.id, b.id));
    expect(ab?.textSimilarity).toBe(0.6);
    expect(ab?.score).toBe(overlapScore(0.5, 1, 0.6));
    expect(ab?.score).toBe(71);
    expect(ab?.level).toBe('high');
    expect(pairs[0]?.key).toBe(ab?.key);
    expect(pairs.map((p) => p.score)).toEqual([...pairs.map((p) => p.score)].sort((x, y) => y - x));
    const ac = pairs.find((p) => p.key === pairKey(a.id, c.id));
    expect(ac?.overlapDays).toBe(1);
    expect(ac?.level).toBe('low');
  });

  it('matches a brute-force check of every pair', () => {
    fc.assert(
      fc.property(arbitraryPlan, (specs) => {
        const list = planOf(specs);
        const expected = new Set<string>();
        for (const [i, x] of list.entries()) {
          for (const y of list.slice(i + 1)) {
            const live = x.status !== 'cancelled' && y.status !== 'cancelled';
            const sharesWard = x.wardIds.some((w) => y.wardIds.includes(w));
            const overlaps = x.startDate <= y.endDate && y.startDate <= x.endDate;
            if (live && sharesWard && overlaps && x.sector === y.sector && x.leadOrgId !== y.leadOrgId) expected.add(pairKey(x.id, y.id));
          }
        }
        const found = findOverlaps(list, names).map((p) => p.key);
        expect(found).toHaveLength(expected.size);
        expect(new Set(found)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('gives a page of the pairs still to look at, their number, and the complementary pairs apart', () => {
    fc.assert(
      fc.property(arbitraryPlan, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }), (specs, decideEvery, limit) => {
        const list = planOf(specs);
        const pairs = findOverlaps(list, names);
        for (const [index, pair] of pairs.entries()) expect(pair.score).toBeLessThanOrEqual(pairs[index - 1]?.score ?? 100);
        const decided = pairs.filter((_, index) => index % decideEvery === 1);
        const decisions = decided.map((pair, index) => ({
          id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
          cycleId: '00000000-0000-4000-8000-000000009998',
          activityAId: pair.activityB.id,
          activityBId: pair.activityA.id,
          decision: 'complementary' as const,
          note: `Note ${index}`,
          decidedBy: 'Officer',
          createdAt: '2026-11-25T08:00:00.000Z',
          updatedAt: '2026-11-25T08:00:00.000Z',
        }));
        const open = pairs.filter((pair) => !decided.includes(pair));
        const report = overlapReportOf('00000000-0000-4000-8000-000000009998', list.length, scoreOverlaps(list, names), decisions, limit);
        expect(report.pairs).toEqual(open.slice(0, limit));
        expect(report.pairCount).toBe(open.length);
        expect(report.complementary.map(({ decision, ...pair }) => [pair, decision.note])).toEqual(decided.map((pair, index) => [pair, `Note ${index}`]));
        expect(overlapReportOf('00000000-0000-4000-8000-000000009998', list.length, scoreOverlaps(list, names), decisions).pairs).toEqual(open);
      }),
      { numRuns: 200 },
    );
  });

  it('counts by ward what it flags, leaving out the pairs marked complementary (the ward map)', () => {
    fc.assert(
      fc.property(arbitraryPlan, fc.integer({ min: 1, max: 4 }), (specs, skipEvery) => {
        const list = planOf(specs);
        const pairs = findOverlaps(list, names);
        const skipped = new Set(pairs.filter((_, index) => index % skipEvery === 0).map((p) => p.key));
        const kept = pairs.filter((p) => !skipped.has(p.key));
        const byWard = new Map<string, number>();
        for (const pair of kept) for (const ward of pair.sharedWardIds) byWard.set(ward, (byWard.get(ward) ?? 0) + 1);
        expect(countOverlaps(list, skipped)).toEqual({ pairs: kept.length, byWard });
      }),
      { numRuns: 200 },
    );
  });

  it('sets pairs marked complementary apart, with their note', () => {
    const a = act();
    const b = act();
    const scored = scoreOverlaps([a, b], names);
    const decision = {
      id: '00000000-0000-4000-8000-000000009999',
      cycleId: '00000000-0000-4000-8000-000000009998',
      activityAId: b.id,
      activityBId: a.id,
      decision: 'complementary' as const,
      note: 'One drills, the other trains the committee',
      decidedBy: 'Officer',
      createdAt: '2026-11-25T08:00:00.000Z',
      updatedAt: '2026-11-25T08:00:00.000Z',
    };
    const report = overlapReportOf(decision.cycleId, 2, scored, [decision]);
    expect(report.pairs).toEqual([]);
    expect(report.pairCount).toBe(0);
    expect(report.complementary).toHaveLength(1);
    expect(report.complementary[0]?.decision.note).toBe('One drills, the other trains the committee');
  });
});

/** The Jaccard index of two texts' words, each word numbered as overlap detection numbers them. */
function jaccardOfTexts(a: string, b: string): number {
  const numbers = new Map<string, number>();
  const numberOf = (word: string): number => {
    if (!numbers.has(word)) numbers.set(word, numbers.size);
    return numbers.get(word) ?? -1;
  };
  const numbered = (text: string) => Int32Array.from([...tokens(text)].map(numberOf)).sort();
  return jaccardOfSorted(numbered(a), numbered(b));
}

describe('text similarity', () => {
  it('compares word sets, ignoring case, stopwords, accents and plural s', () => {
    expect([...tokens('Rehabilitation of the Boreholes, in Garbatulla — and Kinna')]).toEqual(['rehabilitation', 'borehole', 'garbatulla', 'kinna']);
    expect(tokens('Café ČLTS')).toEqual(new Set(['cafe', 'clts']));
    expect(jaccardOfTexts('borehole rehabilitation', 'Rehabilitation of boreholes')).toBe(1);
    expect(jaccardOfTexts('a b', 'of to')).toBe(0);
    expect(jaccardOfTexts('water kiosks', 'water pans')).toBeCloseTo(1 / 3);
    expect(jaccardOfTexts('Drill a borehole in Kinna', 'Kinna borehole: drill and equip')).toBeCloseTo(3 / 4);
  });
});

function day(offset: number): string {
  const base = '2026-07-01';
  const d = new Date(Date.UTC(2026, 6, 1 + offset));
  expect(daysBetween(base, d.toISOString().slice(0, 10))).toBe(offset);
  return d.toISOString().slice(0, 10);
}
