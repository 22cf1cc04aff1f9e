import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { apiContract, type ApiMethod, type ApiOutput } from '../../shared/api/contract';
import { createDispatcher } from '../../main/transport/dispatcher';
import { tableCounts } from '../support/snapshot';
import { testApp } from '../support/test-app';
import { GARBATULLA, seedCycle } from '../support/factories';

/** The analyses through the real dispatcher, on the sample cycle a new user sees (today: 25 Nov 2026). */
let app: ReturnType<typeof testApp>;
let cycleId: string;

function call<M extends ApiMethod>(method: M, input: unknown): ApiOutput<M> {
  const result = createDispatcher(app)(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return apiContract[method].output.parse(result.value) as ApiOutput<M>;
}
function failure(method: ApiMethod, input: unknown) {
  const result = createDispatcher(app)(method, input);
  if (result.ok) throw new Error(`${method} succeeded`);
  return result.error;
}

beforeEach(() => {
  app = testApp();
  cycleId = call('cycle:loadSample', {}).id;
});
afterEach(() => app.close());

describe('overlaps in the sample cycle', () => {
  it('flags the two borehole rehabilitations in Garbatulla by different leads, and nothing else', () => {
    const report = call('overlap:list', { cycleId });
    expect(report.pairs).toHaveLength(1);
    const [pair] = report.pairs;
    expect([pair?.activityA.code, pair?.activityB.code]).toEqual(['A1.1', 'A1.2']);
    expect(pair?.sharedWardNames).toEqual(['Garbatulla']);
    expect(pair?.level).toBe('high');
    expect(pair?.reason).toMatch(/^Both Water & WASH in Garbatulla, led by CGI-WEC and MSDT; dates overlap 138 days/);
    expect(report.complementary).toEqual([]);
  });

  it('keeps a "complementary" mark with its note, never flags the pair again, and can take it back', () => {
    const [pair] = call('overlap:list', { cycleId }).pairs;
    if (!pair) throw new Error('no pair');
    const decision = call('overlap:markComplementary', {
      cycleId,
      activityAId: pair.activityB.id,
      activityBId: pair.activityA.id,
      note: 'MSDT moved its second borehole to Sericho',
    });
    expect(decision).toMatchObject({ decidedBy: 'Test Officer', note: 'MSDT moved its second borehole to Sericho' });
    const after = call('overlap:list', { cycleId });
    expect(after.pairs).toEqual([]);
    expect(after.complementary.map((p) => [p.key, p.decision.note])).toEqual([[pair.key, 'MSDT moved its second borehole to Sericho']]);
    // Marking again only changes the note: still one decision.
    call('overlap:markComplementary', { cycleId, activityAId: pair.activityA.id, activityBId: pair.activityB.id, note: 'Verified on site' });
    expect(call('overlap:list', { cycleId }).complementary.map((p) => p.decision.note)).toEqual(['Verified on site']);
    const audit = call('audit:list', { cycleId, limit: 5 });
    expect(audit.map((a) => [a.action, a.tableName]).slice(0, 2)).toEqual([
      ['update', 'overlap_decisions'],
      ['create', 'overlap_decisions'],
    ]);

    call('overlap:unmark', { id: decision.id });
    expect(call('overlap:list', { cycleId }).pairs.map((p) => p.key)).toEqual([pair.key]);
    const tombstone = app.db.$client.prepare("SELECT count(*) FROM tombstones WHERE table_name = 'overlap_decisions' AND row_id = ?").pluck().get(decision.id);
    expect(tombstone).toBe(1);
  });

  it('gives the pairs a page at a time, with their number, and refuses a page size that is not a whole number from 1', () => {
    const [pair] = call('overlap:list', { cycleId }).pairs;
    const a11 = call('activity:get', { id: pair?.activityB.code === 'A1.1' ? pair.activityB.id : (pair?.activityA.id ?? '') });
    const udra = call('organisation:list', { cycleId }).find((o) => o.shortName === 'UDRA');
    call('activity:create', { ...pick(a11), leadOrgId: udra?.id, code: 'A1.9', title: 'Solar pumps for boreholes in Garbatulla', wardIds: [GARBATULLA] });
    const all = call('overlap:list', { cycleId });
    expect(all.pairCount).toBe(3);
    expect(all.pairs).toHaveLength(3);
    const page = call('overlap:list', { cycleId, limit: 2 });
    expect(page.pairCount).toBe(3);
    expect(page.pairs).toEqual(all.pairs.slice(0, 2));
    for (const limit of [0, 1.5, '2', -1]) {
      const error = failure('overlap:list', { cycleId, limit });
      expect(error.field).toBe('limit');
      expect(error.message).toMatch(/^Rows per page: /);
    }
  });

  it('refuses to mark an activity with itself or one of another cycle, and writes nothing', () => {
    const [pair] = call('overlap:list', { cycleId }).pairs;
    const before = tableCounts(app);
    expect(failure('overlap:markComplementary', { cycleId, activityAId: pair?.activityA.id, activityBId: pair?.activityA.id }).field).toBe('activityBId');
    const other = seedCycle(app);
    const counts = tableCounts(app);
    expect(failure('overlap:markComplementary', { cycleId, activityAId: pair?.activityA.id, activityBId: other.activity.id }).message).toBe(
      'Activity: choose an activity of this cycle.',
    );
    expect(tableCounts(app)).toEqual(counts);
    expect(before.overlap_decisions).toBe(0);
  });

  it('still lets an activity that was marked complementary be deleted', () => {
    const [pair] = call('overlap:list', { cycleId }).pairs;
    if (!pair) throw new Error('no pair');
    call('overlap:markComplementary', { cycleId, activityAId: pair.activityA.id, activityBId: pair.activityB.id, note: '' });
    for (const c of call('contribution:list', { cycleId }).filter((c) => c.activityId === pair.activityB.id)) {
      for (const d of call('disbursement:list', { cycleId }).filter((d) => d.contributionId === c.id)) call('disbursement:delete', { id: d.id });
      call('contribution:delete', { id: c.id });
    }
    expect(call('activity:delete', { id: pair.activityB.id })).toEqual({ id: pair.activityB.id, deleted: true });
    expect(call('overlap:list', { cycleId }).complementary).toEqual([]);
  });

  it('flags a new activity a partner adds in the same ward and sector', () => {
    const [pair] = call('overlap:list', { cycleId }).pairs;
    const a11 = call('activity:get', { id: pair?.activityB.code === 'A1.1' ? pair.activityB.id : (pair?.activityA.id ?? '') });
    const orgs = call('organisation:list', { cycleId });
    const udra = orgs.find((o) => o.shortName === 'UDRA');
    call('activity:create', { ...pick(a11), leadOrgId: udra?.id, code: 'A1.9', title: 'Solar pumps for boreholes in Garbatulla', wardIds: [GARBATULLA] });
    expect(call('overlap:list', { cycleId }).pairs.length).toBe(3);
  });
});

function pick(a: ApiOutput<'activity:get'>) {
  return { cycleId: a.cycleId, objectiveId: a.objectiveId, sector: a.sector, startDate: a.startDate, endDate: a.endDate, description: a.description };
}

describe('coverage, cost share and status in the sample cycle', () => {
  it('shows every Isiolo ward and some gaps', () => {
    const matrix = call('coverage:matrix', { cycleId });
    expect(matrix.rows.map((r) => r.wardName).sort()).toEqual([
      'Bulla Pesa',
      'Burat',
      'Chari',
      'Cherab',
      'Garbatulla',
      'Kinna',
      'Ngare Mara',
      'Oldonyiro',
      'Sericho',
      'Wabera',
    ]);
    expect(matrix.gapCount).toBeGreaterThan(10);
    expect(matrix.activityCount).toBe(28); // 29 activities, one cancelled
    const costs = call('costShare:summary', { cycleId });
    const linked = costs.bySector.filter((s) => s.sector !== null).reduce((sum, s) => sum + s.plannedKesMinor, 0);
    expect(matrix.plannedKesMinor).toBe(linked);
    expect(matrix.rows.reduce((sum, r) => sum + r.plannedKesMinor, 0)).toBe(matrix.plannedKesMinor);
    const udra = call('organisation:list', { cycleId }).find((o) => o.shortName === 'UDRA');
    const theirs = call('coverage:matrix', { cycleId, organisationId: udra?.id });
    expect(theirs.activityCount).toBeLessThan(matrix.activityCount);
    // Its own money in activities: its total less what it gives outside the action plan.
    const udraTotal = costs.byOrganisation.find((o) => o.organisationId === udra?.id)?.plannedKesMinor ?? 0;
    const unlinked = call('contribution:list', { cycleId })
      .filter((c) => c.contributorOrgId === udra?.id && c.activityId === null)
      .reduce((sum, c) => sum + (c.currency === 'USD' ? Math.round((c.amountMinor * 1_293_500) / 10_000) : c.amountMinor), 0);
    expect(unlinked).toBeGreaterThan(0);
    expect(theirs.plannedKesMinor).toBe(udraTotal - unlinked);
    expect(failure('coverage:matrix', { cycleId, organisationId: '00000000-0000-4000-8000-000000000000' }).field).toBe('organisationId');
  });

  it('shares the cost between the county and partners and finds lines behind schedule', () => {
    const costs = call('costShare:summary', { cycleId });
    expect(costs.overall.countyKesMinor).toBeGreaterThan(0);
    expect(costs.overall.partnerKesMinor).toBeGreaterThan(costs.overall.countyKesMinor);
    expect(costs.periods.map((p) => p.ended)).toEqual([true, false, false, false]);
    expect(costs.behindSchedule.length).toBeGreaterThan(0);
    expect(costs.overspent).toEqual([]);
  });

  it('rates indicators with the default thresholds, or the cycle’s own', () => {
    const status = call('indicatorStatus:list', { cycleId });
    expect(status.thresholds).toEqual({ onTrackPct: 90, atRiskPct: 60 });
    expect(status.counts.off_track).toBeGreaterThan(0);
    expect(status.counts.on_track).toBeGreaterThan(0);
    expect(call('analysisSettings:get', { cycleId })).toMatchObject({ isDefault: true });

    expect(failure('analysisSettings:update', { cycleId, onTrackPct: 60, atRiskPct: 70 }).field).toBe('atRiskPct');
    call('analysisSettings:update', { cycleId, onTrackPct: 50, atRiskPct: 20 });
    const lenient = call('indicatorStatus:list', { cycleId });
    expect(lenient.thresholds).toEqual({ onTrackPct: 50, atRiskPct: 20 });
    expect(lenient.counts.off_track).toBeLessThan(status.counts.off_track);
    // Still off track under any threshold: an indicator that moved away from its target (GAM, I2.1).
    const stillOff = lenient.indicators.filter((i) => i.status === 'off_track');
    expect(stillOff.map((i) => i.code)).toContain('I2.1');
    for (const i of stillOff) expect(i.periods.find((p) => p.periodKey === i.latestPeriodKey)?.pctAchieved).toBeLessThan(20);
    expect(call('analysisSettings:get', { cycleId })).toMatchObject({ isDefault: false, onTrackPct: 50 });
  });
});

describe('proposed adaptive triggers', () => {
  it('proposes triggers for off-track indicators; accepting adds an accepted trigger, dismissing is remembered', () => {
    const first = call('triggerProposal:list', { cycleId });
    expect(first.proposals.length).toBeGreaterThanOrEqual(2);
    const [accept, dismiss] = first.proposals;
    if (!accept || !dismiss) throw new Error('need two proposals');
    const before = call('adaptiveTrigger:list', { cycleId }).length;

    const { trigger, decision } = call('triggerProposal:accept', { cycleId, key: accept.key, changes: { timeline: 'By the December TWG' } });
    expect(trigger).toMatchObject({
      status: 'accepted',
      kind: 'indicator_target_missed',
      timeline: 'By the December TWG',
      indicatorId: accept.indicatorId,
      trigger: accept.trigger,
    });
    expect(decision).toMatchObject({ decision: 'accepted', triggerId: trigger.id });
    expect(call('adaptiveTrigger:list', { cycleId })).toHaveLength(before + 1);

    call('triggerProposal:dismiss', { cycleId, key: dismiss.key, note: 'Data entry error; corrected next week' });
    const after = call('triggerProposal:list', { cycleId });
    expect(after.proposals.map((p) => p.key)).not.toContain(accept.key);
    expect(after.proposals.map((p) => p.key)).not.toContain(dismiss.key);
    expect(after.proposals).toHaveLength(first.proposals.length - 2);
    expect(after.decided.map((d) => [d.decision, d.note])).toEqual([
      ['accepted', ''],
      ['dismissed', 'Data entry error; corrected next week'],
    ]);
    expect(failure('triggerProposal:dismiss', { cycleId, key: dismiss.key }).field).toBe('key');
  });

  it('proposes a budget-overrun trigger when a line is overspent', () => {
    const line = call('contribution:list', { cycleId }).find((c) => c.component.length > 0 && c.currency === 'KES' && c.activityId !== null);
    if (!line) throw new Error('no line');
    call('disbursement:create', { cycleId, contributionId: line.id, periodKey: 'Q1', amountMinor: line.amountMinor + 100_000_00, date: '2026-09-15' });
    const { proposals } = call('triggerProposal:list', { cycleId });
    const overrun = proposals.find((p) => p.kind === 'budget_overrun');
    expect(overrun).toMatchObject({ contributionId: line.id, responsibleOrgId: line.contributorOrgId });
    const { trigger } = call('triggerProposal:accept', { cycleId, key: overrun?.key });
    expect(trigger).toMatchObject({ kind: 'budget_overrun', status: 'accepted', indicatorId: null });
  });

  it('leaves the register unchanged when the responsible entity given is not of the cycle', () => {
    const [proposal] = call('triggerProposal:list', { cycleId }).proposals;
    const before = tableCounts(app);
    const error = failure('triggerProposal:accept', { cycleId, key: proposal?.key, changes: { responsibleOrgId: '00000000-0000-4000-8000-000000000000' } });
    expect(error.field).toBe('responsibleOrgId');
    expect(tableCounts(app)).toEqual(before);
  });
});

describe('the joint calendar and statutory dates', () => {
  it('lists milestones, periods and the PFM Act dates, with the overdue Q1 financial report', () => {
    const calendar = call('calendar:list', { cycleId });
    expect(calendar.today).toBe('2026-11-25');
    expect(calendar.events.filter((e) => e.state === 'overdue').map((e) => e.title)).toEqual(['Q1 financial report (disbursements and variance)']);
    expect(calendar.events.filter((e) => e.kind === 'statutory').map((e) => e.date)).toEqual([
      '2026-09-01',
      '2026-09-30',
      '2027-02-28',
      '2027-04-30',
      '2027-06-30',
    ]);
    const ics = call('calendar:ics', { cycleId });
    expect(ics.fileName).toBe('isiolo-jwp-2026-27-calendar.ics');
    expect(ics.eventCount).toBe(calendar.events.length);
    expect(ics.content.match(/BEGIN:VEVENT/g)).toHaveLength(calendar.events.length);
  });

  it('lets the county edit its statutory dates per cycle, and go back to the defaults', () => {
    expect(call('statutoryDate:list', { cycleId }).customised).toBe(false);
    const edited = call('statutoryDate:set', {
      cycleId,
      dates: [
        { key: 'cfsp', title: 'County Fiscal Strategy Paper (CFSP)', month: 2, day: 29 },
        { key: 'adp', title: 'ADP to the County Assembly', month: 8, day: 30, description: 'Per the county circular' },
      ],
    });
    expect(edited.customised).toBe(true);
    expect(edited.dates.map((d) => [d.key, d.date])).toEqual([
      ['adp', '2026-08-30'],
      ['cfsp', '2027-02-28'],
    ]);
    expect(
      call('calendar:list', { cycleId })
        .events.filter((e) => e.kind === 'statutory')
        .map((e) => e.title),
    ).toEqual(['ADP to the County Assembly', 'County Fiscal Strategy Paper (CFSP)']);
    expect(failure('statutoryDate:set', { cycleId, dates: [{ key: 'x', title: 'X', month: 4, day: 31 }] }).message).toBe('Day: Apr has no day 31.');
    expect(failure('statutoryDate:set', { cycleId, dates: [] }).field).toBe('dates');

    const reset = call('statutoryDate:reset', { cycleId });
    expect(reset.customised).toBe(false);
    expect(reset.dates).toHaveLength(5);
    const tombstones = app.db.$client.prepare("SELECT count(*) FROM tombstones WHERE table_name = 'statutory_dates'").pluck().get();
    expect(tombstones).toBe(2);
  });

  it('keeps each cycle’s own rows: deleting a cycle removes them', () => {
    call('statutoryDate:set', { cycleId, dates: [{ key: 'adp', title: 'ADP', month: 9, day: 1 }] });
    call('analysisSettings:update', { cycleId, onTrackPct: 95, atRiskPct: 70 });
    const title = call('cycle:get', { id: cycleId }).title;
    call('cycle:delete', { id: cycleId, confirmTitle: title });
    const counts = tableCounts(app);
    expect([counts.statutory_dates, counts.analysis_settings]).toEqual([0, 0]);
  });
});
