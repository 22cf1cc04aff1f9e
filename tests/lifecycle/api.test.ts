import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../main/transport/dispatcher';
import { registerServices as s } from '../../main/services/index';
import type { Result } from '../../shared/result';
import { GARBATULLA, seedCycle } from '../support/factories';
import { testApp } from '../support/test-app';

let app: ReturnType<typeof testApp>;
let seed: ReturnType<typeof seedCycle>;
let call: (method: string, input: unknown) => Result<unknown>;
beforeEach(() => {
  app = testApp();
  seed = seedCycle(app);
  call = createDispatcher(app, () => undefined);
});
afterEach(() => app.close());

function value<T = Record<string, unknown>>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

interface Diff {
  summary: string;
  identical: boolean;
  to: { version: number | null };
  registers: { register: string; rows: { kind: string; label: string; fields: { label: string; old: string; new: string }[] }[] }[];
}

describe('the lifecycle API', () => {
  it('approves, edits, shows what changed, and re-approves', () => {
    const cycleId = seed.cycle.id;
    const q1 = value<{ id: string }>(call('indicatorPeriod:create', { cycleId, indicatorId: seed.indicator.id, periodKey: 'Q1', target: 3 }));
    const v1 = value<{ number: number; fingerprint: string }>(call('version:approve', { cycleId, approvedBy: 'Amina Wario' }));
    expect(v1.number).toBe(1);
    expect(value<{ working: { state: string } }>(call('lifecycle:status', { cycleId })).working.state).toBe('approved');

    // Reporting against the approved plan is not changing it (the fingerprint covers the plan only).
    value(call('activity:update', { id: seed.activity.id, changes: { status: 'ongoing', completionPct: 25 } }));
    value(call('indicatorPeriod:update', { id: q1.id, changes: { actual: 2, actualNote: 'Two of three done' } }));
    expect(value<{ working: { state: string } }>(call('lifecycle:status', { cycleId })).working.state).toBe('approved');
    value(call('activity:update', { id: seed.activity.id, changes: { endDate: '2027-04-30' } }));
    value(
      call('activity:create', {
        cycleId,
        objectiveId: seed.objective.id,
        code: 'A2',
        title: 'Train water committees',
        sector: 'water_wash',
        leadOrgId: seed.county.id,
        startDate: '2026-09-01',
        endDate: '2026-12-31',
      }),
    );
    const status = value<{ working: { state: string; changesSinceLatest: number; versionLabel: string } }>(call('lifecycle:status', { cycleId }));
    expect(status.working).toMatchObject({ state: 'revision', changesSinceLatest: 2, versionLabel: 'Revision of version 1 in progress (not approved)' });

    const diff = value<Diff>(call('version:diff', { cycleId, from: 1 }));
    expect(diff.to.version).toBeNull();
    expect(diff.summary).toBe('1 added, 1 changed');
    const activities = diff.registers.find((r) => r.register === 'activity');
    expect(activities?.rows.map((r) => `${r.kind}: ${r.label}`)).toEqual(['added: A2 Train water committees', 'changed: A1 Rehabilitate boreholes']);
    expect(activities?.rows[1]?.fields.map((f) => `${f.label}: ${f.old} → ${f.new}`)).toEqual(['End date: 31 Mar 2027 → 30 Apr 2027']);

    const annex = value<{ title: string; sections: { heading: string }[] }>(call('version:changesAnnex', { cycleId, from: 1, to: 'working' }));
    expect(annex.title).toBe('Changes since version 1');
    expect(annex.sections.map((x) => x.heading)).toEqual(['Joint activities (action plan)']);

    const v2 = value<{ number: number; fingerprint: string }>(call('version:approve', { cycleId, approvedBy: 'Amina Wario' }));
    expect(v2.number).toBe(2);
    expect(value<Diff>(call('version:diff', { cycleId, from: 1, to: 2 })).summary).toBe('1 added, 1 changed');
    expect(value<Diff>(call('version:diff', { cycleId, from: 2, to: 'working' })).identical).toBe(true);
    const listed = value<{ versions: { number: number; fingerprint: string }[]; working: { state: string } }>(call('version:list', { cycleId }));
    expect(listed.versions.map((v) => [v.number, v.fingerprint])).toEqual([
      [1, v1.fingerprint],
      [2, v2.fingerprint],
    ]);
    expect(listed.working.state).toBe('approved');
  });

  it('answers bad calls with errors as data, naming the field', () => {
    const cycleId = seed.cycle.id;
    const missing = call('version:diff', { cycleId, from: 3 });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'from', message: 'Version: this cycle has no approved version yet; there is no version 3.' },
    });
    expect(call('version:diff', { cycleId, from: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'from' } });
    expect(call('version:approve', { cycleId, approvedBy: '' })).toMatchObject({ ok: false, error: { field: 'approvedBy' } });
    expect(call('version:diff', { cycleId, from: 1, to: 'latest' })).toMatchObject({ ok: false, error: { field: 'to' } });
    expect(call('rollover:run', { cycleId, toFiscalYear: '2027-28' })).toMatchObject({ ok: false, error: { field: 'toFiscalYear' } });
    expect(call('lifecycle:tickStep', { cycleId, phase: 'planning', key: 'nope', doneOn: '2026-11-01' })).toMatchObject({ ok: false, error: { field: 'key' } });
  });

  it('gives close-out report data: achievements, indicators final vs target, budget utilisation, lessons, recommendations', () => {
    const cycleId = seed.cycle.id;
    s.activity.update(app, { id: seed.activity.id, changes: { status: 'completed', completionPct: 100 } });
    s.activity.create(app, {
      cycleId,
      objectiveId: seed.objective.id,
      code: 'A2',
      title: 'Train committees',
      sector: 'water_wash',
      leadOrgId: seed.county.id,
      wardIds: [GARBATULLA],
      startDate: '2026-09-01',
      endDate: '2026-12-31',
      status: 'ongoing',
      completionPct: 50,
    });
    s.indicatorPeriod.create(app, { cycleId, indicatorId: seed.indicator.id, periodKey: 'Q1', target: 3, actual: 4 });
    s.indicatorPeriod.create(app, { cycleId, indicatorId: seed.indicator.id, periodKey: 'Q2', target: 6, actual: 9 });
    s.indicatorPeriod.create(app, { cycleId, indicatorId: seed.indicator.id, periodKey: 'Q3', target: 9, actual: null });
    const line = s.contribution.create(app, {
      cycleId,
      activityId: seed.activity.id,
      component: 'Borehole parts',
      contributorOrgId: seed.partner.id,
      amountMinor: 100_000,
      currency: 'USD',
    });
    s.disbursement.create(app, { cycleId, contributionId: line.id, periodKey: 'Q1', amountMinor: 25_000, date: '2026-09-15' });
    s.contribution.create(app, {
      cycleId,
      component: 'Staff time',
      contributorOrgId: seed.county.id,
      amountMinor: 500_000_00,
      currency: 'KES',
      type: 'human_resources',
    });
    s.learningEntry.create(app, {
      cycleId,
      entryDate: '2026-10-10',
      session: 'pause_and_reflect',
      whatWorked: 'Joint site visits',
      improvements: 'Share spare parts between partners',
      responsibleOrgId: seed.partner.id,
    });
    s.risk.create(app, {
      cycleId,
      code: 'R1',
      description: 'Drought delays works',
      likelihood: 'high',
      impact: 'high',
      responsibleOrgId: seed.partner.id,
      status: 'open',
    });
    s.risk.create(app, {
      cycleId,
      code: 'R2',
      description: 'Prices rise',
      likelihood: 'low',
      impact: 'low',
      responsibleOrgId: seed.partner.id,
      status: 'closed',
    });

    const report = value<Record<string, unknown>>(
      call('closeOut:saveNotes', { cycleId, summary: 'A good year.', recommendations: ['Start procurement in Q1', 'Pool spare parts'] }),
    );
    expect(report).toMatchObject({
      summary: 'A good year.',
      recommendations: ['Start procurement in Q1', 'Pool spare parts'],
      indicatorsMet: 0,
      indicatorsReported: 1,
    });
    expect(report.objectives).toEqual([
      expect.objectContaining({
        code: 'O1',
        activityTotal: 2,
        activityCounts: { planned: 0, ongoing: 1, completed: 1, delayed: 0, cancelled: 0 },
        averageCompletionPct: 75,
        completedActivities: [expect.objectContaining({ code: 'A1' })],
      }),
    ]);
    expect(report.indicators).toEqual([
      expect.objectContaining({ code: 'I1', targetValue: 12, finalValue: 9, finalPeriodKey: 'Q2', pctAchieved: 75, met: false }),
    ]);
    // USD 1,000 at 129.35 = KES 129,350 planned; USD 250 = KES 32,337.50, counted as KES 32,338 spent (each line in whole shillings, the rule of every output); plus KES 500,000 of staff time, none disbursed.
    expect(report.budget).toEqual({
      plannedKesMinor: 12_935_000 + 50_000_000,
      spentKesMinor: 3_233_800,
      utilisationPct: 5.1,
      byContributor: [
        expect.objectContaining({ name: 'County Department of Finance & Economic Planning', plannedKesMinor: 50_000_000, spentKesMinor: 0, utilisationPct: 0 }),
        expect.objectContaining({ name: 'Resilience Partners Kenya', plannedKesMinor: 12_935_000, spentKesMinor: 3_233_800, utilisationPct: 25 }),
      ],
    });
    expect(report.lessons).toEqual([expect.objectContaining({ whatWorked: 'Joint site visits' })]);
    expect(report.suggestedRecommendations).toEqual(
      expect.arrayContaining([
        'Share spare parts between partners',
        'Decide which of the 1 unfinished activities carry over into the next cycle.',
        'Carry the 1 open risks into the next risk register.',
      ]),
    );
    expect(report.openRisks).toEqual([expect.objectContaining({ code: 'R1' })]);
  });

  it('previews and runs a roll-over; the old cycle then refuses register edits through the guard', () => {
    const cycleId = seed.cycle.id;
    const preview = value<{ unfinishedActivities: { id: string }[]; indicators: unknown[] }>(call('rollover:preview', { cycleId, toFiscalYear: '2027/28' }));
    expect(preview.unfinishedActivities.map((a) => a.id)).toEqual([seed.activity.id]);
    const result = value<{ cycle: { id: string; fiscalYear: string }; carried: Record<string, number> }>(
      call('rollover:run', { cycleId, toFiscalYear: '2027/28', carryActivityIds: [] }),
    );
    expect(result.cycle.fiscalYear).toBe('2027/28');
    expect(result.carried).toMatchObject({ organisations: 2, activities: 0, indicators: 1 });
    const status = value<{ readOnly: { message: string } | null; phase: string }>(call('lifecycle:status', { cycleId }));
    expect(status.phase).toBe('close_out');
    expect(status.readOnly?.message).toMatch(/read-only/);
    expect(call('version:approve', { cycleId, approvedBy: 'Amina Wario' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/rolled over into FY 2027\/28/) },
    });
  });
});
