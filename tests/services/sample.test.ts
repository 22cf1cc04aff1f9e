import { beforeAll, describe, expect, it } from 'vitest';
import { apiContract, type ApiMethod, type ApiOutput } from '../../shared/api/contract';
import { createDispatcher } from '../../main/transport/dispatcher';
import { cycleStats } from '../../main/services/stats';
import { testApp } from '../support/test-app';

/** The sample cycle is what a new user sees first: it must be complete and realistic. */
let app: ReturnType<typeof testApp>;
let cycleId: string;

function call<M extends ApiMethod>(method: M, input: unknown): ApiOutput<M> {
  const result = createDispatcher(app)(method, input);
  if (!result.ok) throw new Error(result.error.message);
  return apiContract[method].output.parse(result.value) as ApiOutput<M>;
}

beforeAll(() => {
  app = testApp();
  cycleId = call('cycle:loadSample', {}).id;
});

describe('the Isiolo FY 2026/27 sample cycle', () => {
  it('covers the county fiscal year in Isiolo with quarterly reporting', () => {
    const cycle = call('cycle:get', { id: cycleId });
    expect(cycle).toMatchObject({ countyName: 'Isiolo', fiscalYear: '2026/27', startDate: '2026-07-01', endDate: '2027-06-30', reportingPeriod: 'quarterly' });
    expect(cycle.leadOrgId).not.toBeNull();
  });

  it('tells one story: version 1 approved by the CEC on 27 Aug 2026 and signed on 28 Aug, Q1 reported, Q2 under way', () => {
    const cycle = call('cycle:get', { id: cycleId });
    expect(cycle.notes).toContain('approved by the County Executive Committee on 27 Aug 2026');
    const { versions, working } = call('version:list', { cycleId });
    expect(versions.map((v) => [v.number, v.approvedOn])).toEqual([[1, '2026-08-27']]);
    expect(versions[0]?.signatures.map((sg) => sg.signedOn)).toEqual(['2026-08-28', '2026-08-28', '2026-08-28']);
    expect(versions[0]?.unsigned).toEqual([]);
    // Q1's actuals were recorded after approval, and the approved plan still holds: monitoring is not a change of plan.
    expect(working).toMatchObject({
      state: 'approved',
      latestVersion: 1,
      latestFingerprint: versions[0]?.fingerprint,
      versionLabel: 'Version 1 (approved 27 Aug 2026)',
    });
    const periods = call('indicatorPeriod:list', { cycleId });
    expect(periods.filter((p) => p.periodKey === 'Q1' && p.actual !== null).length).toBeGreaterThan(10);
    const milestones = call('milestone:list', { cycleId });
    expect(milestones.find((m) => m.title.startsWith('FY 2026/27 JWP co-created'))).toMatchObject({ dueDate: '2026-08-28', status: 'completed' });
    expect(milestones.find((m) => m.title === 'Q1 (Jul–Sep) progress report')?.status).toBe('completed');
    expect(milestones.find((m) => m.title === 'Q2 (Oct–Dec) progress report')?.status).toBe('outstanding');
  });

  it('fills every register', () => {
    const [stats] = cycleStats(app);
    for (const [register, count] of Object.entries(stats?.counts ?? {})) expect(count, register).toBeGreaterThan(0);
  });

  it('maps about a dozen stakeholders across categories and all four quadrants', () => {
    const orgs = call('organisation:list', { cycleId });
    expect(orgs.length).toBeGreaterThanOrEqual(12);
    expect(new Set(orgs.map((o) => o.category)).size).toBeGreaterThanOrEqual(6);
    const quadrants = new Set(orgs.filter((o) => o.influence !== 'medium' && o.interest !== 'medium').map((o) => `${o.influence}/${o.interest}`));
    expect(quadrants).toEqual(new Set(['high/high', 'high/low', 'low/high', 'low/low']));
  });

  it('plans 25+ activities in 5+ sectors across most of the real wards', () => {
    const activities = call('activity:list', { cycleId });
    expect(activities.length).toBeGreaterThanOrEqual(25);
    expect(new Set(activities.map((a) => a.sector)).size).toBeGreaterThanOrEqual(5);
    const wards = new Set(activities.flatMap((a) => a.wardIds));
    const isioloWards = call('adminUnit:list', { level: 'ward', withinId: 'ke-county-011' }).map((w) => w.id);
    expect(isioloWards).toHaveLength(10);
    expect([...wards].every((id) => isioloWards.includes(id))).toBe(true);
    expect(wards.size).toBeGreaterThanOrEqual(8);
  });

  it('shares costs between the county and 3+ partners, in KES and USD', () => {
    const contributions = call('contribution:list', { cycleId });
    const orgs = new Map(call('organisation:list', { cycleId }).map((o) => [o.id, o]));
    const partners = new Set(
      contributions
        .map((c) => orgs.get(c.contributorOrgId))
        .filter((o) => o && o.category !== 'government')
        .map((o) => o?.id),
    );
    expect(partners.size).toBeGreaterThanOrEqual(3);
    expect(contributions.some((c) => orgs.get(c.contributorOrgId)?.category === 'government')).toBe(true);
    expect(new Set(contributions.map((c) => c.currency))).toEqual(new Set(['KES', 'USD']));
    expect(contributions.every((c) => Number.isInteger(c.amountMinor) && c.amountMinor > 0)).toBe(true);
  });

  it('sets quarterly targets for 15+ indicators, with Q1 actuals and some for Q2', () => {
    const indicators = call('indicator:list', { cycleId });
    const periods = call('indicatorPeriod:list', { cycleId });
    expect(indicators.length).toBeGreaterThanOrEqual(15);
    for (const indicator of indicators) {
      const own = periods.filter((p) => p.indicatorId === indicator.id);
      expect(own.map((p) => p.periodKey).sort(), indicator.name).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
      expect(own.find((p) => p.periodKey === 'Q1')?.actual, indicator.name).not.toBeNull();
    }
    const q2Actuals = periods.filter((p) => p.periodKey === 'Q2' && p.actual !== null).length;
    expect(q2Actuals).toBeGreaterThan(0);
    expect(q2Actuals).toBeLessThan(indicators.length);
    const q1 = periods.filter((p) => p.periodKey === 'Q1');
    expect(q1.some((p) => (p.actual ?? 0) >= p.target)).toBe(true);
    expect(q1.some((p) => (p.actual ?? 0) < p.target * 0.9)).toBe(true);
  });

  it('spreads 10 risks across the heat map and names three signatories', () => {
    const risks = call('risk:list', { cycleId });
    expect(risks).toHaveLength(10);
    expect(new Set(risks.map((r) => `${r.likelihood}/${r.impact}`)).size).toBeGreaterThanOrEqual(6);
    const signatories = call('signatory:list', { cycleId });
    expect(signatories.map((s) => s.role).sort()).toEqual(['cec_finance', 'county_secretary', 'partner_leadership']);
  });
});
