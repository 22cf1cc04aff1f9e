import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLUSTER_RULE, clusterOverlaps } from '../../shared/analysis/overlap-clusters';
import { overlapClustersCsv } from '../../shared/analysis/overlap-clusters-csv';
import { findOverlaps, type OverlapActivity } from '../../shared/analysis/overlaps';
import { overlapActivity as act, overlapNames as names } from './overlap-fixtures';

const clustersOf = (activities: OverlapActivity[], money = new Map<string, number>()) =>
  clusterOverlaps(findOverlaps(activities, names), money, (pair) => pair);
const codes = (cluster: { activities: { code: string }[] }) => cluster.activities.map((a) => a.code);

describe('overlap clusters', () => {
  it('groups look-alikes of one sector, ward and season, with every pair inside and the money at stake', () => {
    const [a, b, c] = [act(), act({ startDate: '2026-09-01' }), act({ startDate: '2026-10-01', endDate: '2027-01-31' })];
    const other = act({ title: 'Teacher training on menstrual hygiene', description: 'Schools' });
    const money = new Map([
      [a.id, 100_00],
      [b.id, 250_00],
      [c.id, 5_00],
    ]);
    const [cluster, ...rest] = clustersOf([a, b, c, other], money);
    expect(rest).toEqual([]);
    expect(cluster?.activities.map((x) => x.code)).toEqual([a.code, b.code, c.code]);
    expect(cluster).toMatchObject({ sector: 'water_wash', wardIds: ['w1'], wardNames: ['Ward w1'], overlapStart: '2026-10-01', overlapEnd: '2026-10-31' });
    expect(cluster?.plannedKesMinor).toBe(355_00);
    expect(cluster?.activities.map((x) => x.plannedKesMinor)).toEqual([100_00, 250_00, 5_00]);
    // Three look-alikes make three pairs; the unrelated activity's pairs stay outside.
    expect(cluster?.pairs).toHaveLength(3);
    expect(cluster?.score).toBe(Math.max(...(cluster?.pairs ?? []).map((p) => p.score)));
    expect(cluster?.key).toBe(`cluster:${a.id}`);
  });

  it('never chains look-alikes that share no ward or no day into one cluster', () => {
    // b shares w1 with a and w2 with c, but a and c share no ward.
    const a = act({ wardIds: ['w1'] });
    const b = act({ wardIds: ['w1', 'w2'] });
    const c = act({ wardIds: ['w2'] });
    for (const cluster of clustersOf([a, b, c])) expect(cluster.activities).toHaveLength(2);
    // d overlaps e and e overlaps f, but d ends before f starts.
    const d = act({ wardIds: ['w9'], startDate: '2026-07-01', endDate: '2026-08-31' });
    const e = act({ wardIds: ['w9'], startDate: '2026-08-01', endDate: '2026-10-31' });
    const f = act({ wardIds: ['w9'], startDate: '2026-10-01', endDate: '2026-12-31' });
    for (const cluster of clustersOf([d, e, f])) expect(cluster.activities).toHaveLength(2);
  });

  it('leaves out pairs with unlike titles, and ranks by score, then by money at stake', () => {
    const unlike = [act({ wardIds: ['w3'], title: 'Borehole drilling' }), act({ wardIds: ['w3'], title: 'Sanitation campaign in schools' })];
    expect(clustersOf(unlike)).toEqual([]);
    const cheap = [act({ wardIds: ['w4'] }), act({ wardIds: ['w4'] })];
    const dear = [act({ wardIds: ['w5'] }), act({ wardIds: ['w5'] })];
    const money = new Map([...cheap, ...dear].map((x, i) => [x.id, i < 2 ? 1_00 : 1_000_00]));
    const clusters = clustersOf([...cheap, ...dear], money);
    expect(clusters.map(codes)).toEqual([dear.map((x) => x.code), cheap.map((x) => x.code)]);
  });

  it('keeps every cluster sound on any plan: one sector, a ward and a day all share, each activity once, pairs all inside', () => {
    const wards = ['w1', 'w2', 'w3'];
    const titles = ['Borehole rehabilitation', 'Borehole rehabilitation works', 'Water trough repair', 'Nutrition screening'];
    const activity = fc.record({
      sector: fc.constantFrom('water_wash' as const, 'health_nutrition' as const),
      wardIds: fc.subarray(wards, { minLength: 1 }),
      start: fc.integer({ min: 0, max: 300 }),
      length: fc.integer({ min: 0, max: 120 }),
      title: fc.constantFrom(...titles),
    });
    fc.assert(
      fc.property(fc.array(activity, { maxLength: 25 }), (specs) => {
        const day = (n: number) => new Date(Date.UTC(2026, 6, 1 + n)).toISOString().slice(0, 10);
        const activities = specs.map((s) =>
          act({ sector: s.sector, wardIds: s.wardIds, startDate: day(s.start), endDate: day(s.start + s.length), title: s.title }),
        );
        const byId = new Map(activities.map((x) => [x.id, x]));
        const seen = new Set<string>();
        for (const cluster of clustersOf(activities)) {
          expect(cluster.activities.length).toBeGreaterThan(1);
          expect(cluster.wardIds.length).toBeGreaterThan(0);
          expect(cluster.overlapStart <= cluster.overlapEnd).toBe(true);
          for (const member of cluster.activities) {
            const source = byId.get(member.id) as OverlapActivity;
            expect(seen.has(member.id)).toBe(false);
            seen.add(member.id);
            expect(source.sector).toBe(cluster.sector);
            for (const ward of cluster.wardIds) expect(source.wardIds).toContain(ward);
            expect(source.startDate <= cluster.overlapStart && source.endDate >= cluster.overlapEnd).toBe(true);
          }
          const ids = new Set(cluster.activities.map((x) => x.id));
          for (const pair of cluster.pairs) expect(ids.has(pair.activityA.id) && ids.has(pair.activityB.id)).toBe(true);
          expect(cluster.pairs.some((p) => p.score >= CLUSTER_RULE.minScore && p.textSimilarity >= CLUSTER_RULE.minTextSimilarity)).toBe(true);
        }
      }),
    );
  });
});

describe('the clusters as CSV', () => {
  it('writes one row per pair with its cluster, whole shillings, and formula-like text as text', () => {
    const [a, b] = [act({ code: '', title: '=HYPERLINK("x") borehole rehabilitation' }), act({ code: '', title: '=HYPERLINK("x") borehole rehabilitation' })];
    const clusters = clustersOf([a, b], new Map([[a.id, 1_234_567]]));
    const csv = overlapClustersCsv({ cycleId: a.id, activitiesChecked: 2, pairsFlagged: 1, pairsInClusters: 1, clusters });
    const [header, row, end] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe(
      'Cluster,Cluster score,Sector,Wards all share,All run from,All run to,Money at stake (KES),Pair score,Activity A,Lead A,Activity B,Lead B,Reason',
    );
    expect(row).toMatch(/^1,\d+,Water & WASH,Ward w1,2026-08-01,2026-10-31,12346,\d+,/);
    expect(row).toContain(`,"'=HYPERLINK(""x"") borehole rehabilitation",`);
    expect(end).toBe('');
  });
});
