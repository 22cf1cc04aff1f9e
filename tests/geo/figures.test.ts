import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp } from '../../main/app-context';
import { closeDb } from '../../main/db/open-db';
import { resourcesDir } from '../../main/resource-paths';
import { loadSchematicDemo } from '../../main/geo/demo-layer';
import { coverageReport } from '../../main/services/analysis/reports';
import { registerServices as s } from '../../main/services/index';
import { mapPlan, wardMap, wardMapDetail, wardMapDocument } from '../../main/services/maps';
import { mapFilter } from '../../shared/api/schemas/geo';
import { kesClasses, countClasses, niceThresholds, roundNice } from '../../shared/geo/classes';
import { toKesMinor } from '../../shared/money';
import { GARBATULLA, KINNA, WABERA, seedCycle } from '../support/factories';
import { testApp } from '../support/test-app';

const all = mapFilter.parse({});

function planWithMoney() {
  const ctx = testApp();
  const seeded = seedCycle(ctx);
  const { cycle, partner, county, objective } = seeded;
  s.contribution.create(ctx, {
    cycleId: cycle.id,
    activityId: seeded.activity.id,
    contributorOrgId: partner.id,
    component: 'Boreholes',
    amountMinor: 3_000_000_00,
    currency: 'KES',
  });
  const health = s.activity.create(ctx, {
    cycleId: cycle.id,
    objectiveId: objective.id,
    code: 'A2',
    title: 'Outreach clinics',
    sector: 'health_nutrition',
    leadOrgId: county.id,
    wardIds: [WABERA],
    startDate: '2026-10-01',
    endDate: '2026-12-31',
  });
  s.contribution.create(ctx, {
    cycleId: cycle.id,
    activityId: health.id,
    contributorOrgId: county.id,
    component: 'Clinics',
    amountMinor: 10_000_00,
    currency: 'USD',
  });
  return { ctx, ...seeded, health };
}

describe('class breaks a person can read', () => {
  it('rounds to 1, 2 or 5 times a power of ten', () => {
    expect([roundNice(4_731_912), roundNice(17_000), roundNice(1), roundNice(0.3), roundNice(74)]).toEqual([5_000_000, 20_000, 1, 0.2, 100]);
  });
  it('splits positive values at their thirds, never twice at the same break', () => {
    // The thirds fall at 4 and 7, both nearest to 5: one break, not two.
    expect(niceThresholds([0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual([5]);
    expect(niceThresholds([1, 3, 9, 30, 90, 300])).toEqual([10, 100]);
    expect(niceThresholds([5, 5, 5])).toEqual([]);
  });
  it('budget classes: nothing planned, under, between and over round amounts', () => {
    const millions = [0, 1, 2, 4, 8, 15, 30, 60].map((m) => m * 1_000_000_00);
    expect(kesClasses(millions).map((c) => c.label)).toEqual(['Nothing planned', 'Under KES 5 M', 'KES 5 M – 20 M', 'KES 20 M or more']);
    expect(kesClasses([0, 0]).map((c) => c.label)).toEqual(['Nothing planned']);
    expect(kesClasses([0, 2_500_000_00]).map((c) => c.label)).toEqual(['Nothing planned', 'Up to KES 2.5 M']);
  });
  it('count classes read "1", "2–4", "5 or more"', () => {
    expect(countClasses([0, 1, 1, 2, 3, 5, 8, 9], 'No activity').map((c) => c.label)).toEqual(['No activity', '1', '2–4', '5 or more']);
  });
});

describe('ward figures', () => {
  it('agree with the coverage matrix: money split evenly among an activity’s wards, to the cent', () => {
    const { ctx, cycle } = planWithMoney();
    const map = wardMap(ctx, { cycleId: cycle.id, measure: 'kes', filter: all });
    const matrix = coverageReport(ctx, { cycleId: cycle.id, organisationId: null });
    for (const ward of map.wards) expect(ward.plannedKesMinor).toBe(matrix.rows.find((r) => r.wardId === ward.wardId)?.plannedKesMinor);
    const byId = new Map(map.wards.map((w) => [w.wardId, w]));
    expect(byId.get(GARBATULLA)?.plannedKesMinor).toBe(1_500_000_00);
    expect(byId.get(KINNA)?.plannedKesMinor).toBe(1_500_000_00);
    expect(byId.get(WABERA)?.plannedKesMinor).toBe(toKesMinor({ amountMinor: 10_000_00, currency: 'USD' }, cycle.kesPerUsdScaled));
    expect(map.plannedKesMinor).toBe(matrix.plannedKesMinor);
    expect(map.wards.filter((w) => w.gap).map((w) => w.name)).toEqual(map.wards.filter((w) => w.activityCount === 0).map((w) => w.name));
    expect(map.wards.filter((w) => !w.gap)).toHaveLength(3);
    ctx.close();
  });

  it('a sector marks every ward without an activity in it as a gap; an organisation shows only its own money', () => {
    const { ctx, cycle, county } = planWithMoney();
    const water = wardMap(ctx, { cycleId: cycle.id, measure: 'activities', filter: { ...all, sector: 'water_wash' } });
    expect(
      water.wards
        .filter((w) => !w.gap)
        .map((w) => w.wardId)
        .sort(),
    ).toEqual([GARBATULLA, KINNA]);
    expect(water.legend.gapLabel).toBe('Gap: no Water & WASH activity');
    const own = wardMap(ctx, { cycleId: cycle.id, measure: 'kes', filter: { ...all, orgId: county.id } });
    // The county supports the borehole work but funds only the clinics.
    expect(own.wards.find((w) => w.wardId === GARBATULLA)).toMatchObject({ activityCount: 1, plannedKesMinor: 0 });
    expect(own.plannedKesMinor).toBe(toKesMinor({ amountMinor: 10_000_00, currency: 'USD' }, cycle.kesPerUsdScaled));
    ctx.close();
  });

  it('the side panel lists the ward’s activities with its share, the partners and their roles', () => {
    const { ctx, cycle } = planWithMoney();
    const detail = wardMapDetail(ctx, { cycleId: cycle.id, wardId: KINNA, filter: all });
    expect(detail.activities).toEqual([expect.objectContaining({ code: 'A1', sector: 'Water & WASH', leadOrgName: 'RPK', plannedKesMinor: 1_500_000_00 })]);
    expect(detail.partners).toEqual([
      { id: expect.any(String), name: 'CDFEP', roles: ['supports'] },
      { id: expect.any(String), name: 'RPK', roles: ['leads', 'funds'] },
    ]);
    ctx.close();
  });

  it('marks likely duplicates where they are, and indicators through their activity’s wards', () => {
    const { ctx, cycle, partner, county, objective, activity } = planWithMoney();
    s.activity.create(ctx, {
      cycleId: cycle.id,
      objectiveId: objective.id,
      code: 'A3',
      title: 'Rehabilitate boreholes in Kinna',
      sector: 'water_wash',
      leadOrgId: county.id,
      wardIds: [KINNA],
      startDate: '2026-09-01',
      endDate: '2026-11-30',
    });
    const indicator = s.indicator.create(ctx, {
      cycleId: cycle.id,
      name: 'Water points working',
      type: 'output',
      unit: 'points',
      targetValue: 4,
      responsibleOrgId: partner.id,
      activityId: activity.id,
    });
    s.indicatorPeriod.create(ctx, { cycleId: cycle.id, indicatorId: indicator.id, periodKey: 'Q1', target: 4, actual: 1 });
    const map = wardMap(ctx, { cycleId: cycle.id, measure: 'indicators', filter: all });
    const kinna = map.wards.find((w) => w.wardId === KINNA);
    expect(kinna).toMatchObject({ overlapPairs: 1, indicatorStatus: 'off_track', indicatorCount: 1, valueLabel: 'Off track (worst of 1 indicator)' });
    expect(map.legend.classes[kinna?.classIndex ?? 0]?.label).toBe('Off track');
    expect(map.wards.find((w) => w.wardId === WABERA)?.indicatorStatus).toBeNull();
    ctx.close();
  });
});

describe('the map reads the plan again after any change', () => {
  it('an edit here, or one by another program on the same file (the CLI), shows in the next figures', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-map-memo-'));
    const file = path.join(dir, 'jwp.db');
    const ctx = testApp({ file });
    const other = openApp({ file, resourcesDir });
    try {
      const { cycle, activity } = seedCycle(ctx);
      const input = { cycleId: cycle.id, measure: 'activities' as const, filter: all };
      const countIn = (wardId: string) => wardMap(ctx, input).wards.find((w) => w.wardId === wardId)?.activityCount;
      expect([countIn(GARBATULLA), countIn(KINNA), countIn(WABERA)]).toEqual([1, 1, 0]);
      expect(mapPlan(ctx, cycle.id)).toBe(mapPlan(ctx, cycle.id));

      s.activity.update(ctx, { id: activity.id, changes: { wardIds: [WABERA] } });
      expect([countIn(GARBATULLA), countIn(KINNA), countIn(WABERA)]).toEqual([0, 0, 1]);

      s.activity.update(other, { id: activity.id, changes: { wardIds: [KINNA] } });
      expect([countIn(GARBATULLA), countIn(KINNA), countIn(WABERA)]).toEqual([0, 1, 0]);
      expect(wardMap(ctx, input)).toEqual(wardMap(other, input));
    } finally {
      closeDb(other.db);
      ctx.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the printed map (SVG)', () => {
  it('is absent without boundaries, and carries legend, north arrow, scale bar and source with them', () => {
    const { ctx, cycle } = planWithMoney();
    expect(wardMapDocument(ctx, cycle.id, 'kes', all)).toBeNull();
    loadSchematicDemo(ctx, cycle.id);
    const svg = wardMapDocument(ctx, cycle.id, 'kes', all) ?? '';
    const plan = mapPlan(ctx, cycle.id);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('Isiolo County — planned budget by ward');
    expect((svg.match(/<path d="M[^"]+" fill="#[0-9a-f]{6}" fill-rule="evenodd"\/>/g) ?? []).length).toBe(plan.shapedWardIds.size);
    expect(svg).toContain('>N</text>');
    expect(svg).toMatch(/>\d+ km<\/text>/);
    expect(svg).toContain('SCHEMATIC DEMO — NOT REAL WARD BOUNDARIES');
    expect(svg).toContain('Boundaries: schematic demo layer');
    expect(svg).toContain('Nothing planned');
    expect(svg).toContain('Gap: no activity');
    ctx.close();
  });
});
