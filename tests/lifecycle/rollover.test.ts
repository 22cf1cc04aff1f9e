import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeOutReport, saveCloseOutNotes } from '../../main/lifecycle/close-out';
import { lifecycleStatus, setPhase, tickStep } from '../../main/lifecycle/phases';
import { assertCycleWritable, rolledOverTo } from '../../main/lifecycle/read-only';
import { previewRollover, runRollover } from '../../main/lifecycle/rollover';
import { approveVersion } from '../../main/lifecycle/versions';
import { listStatutoryDates, setStatutoryDates } from '../../main/services/analysis/settings';
import { deleteCycle, getCycle } from '../../main/services/cycles';
import { registerServices as s } from '../../main/services/index';
import { loadSampleCycle } from '../../main/services/sample';
import type { CycleDto } from '../../shared/api/schemas/cycle';
import { carriedActivity, carriedBaseline, carriedReviewDate, rolloverTitle } from '../../shared/lifecycle/rollover-rules';
import { reportingPeriods } from '../../shared/reporting-periods';
import { testApp } from '../support/test-app';

describe('roll-over rules, case by case', () => {
  it('names the new cycle after its fiscal year', () => {
    expect(rolloverTitle('Isiolo County Joint Work Plan FY 2026/27', '2026/27', '2027/28')).toBe('Isiolo County Joint Work Plan FY 2027/28');
    expect(rolloverTitle('Isiolo JWP 2026-27', '2026/27', '2027/28')).toBe('Isiolo JWP 2027-28');
    expect(rolloverTitle('Isiolo JWP', '2026/27', '2027/28')).toBe('Isiolo JWP (FY 2027/28)');
  });

  it('restarts an unfinished activity on the first day of the new year, its end moved on a year', () => {
    expect(carriedActivity({ startDate: '2026-10-01', endDate: '2027-05-31', status: 'delayed', completionPct: 5 }, '2026/27', '2027/28')).toEqual({
      startDate: '2027-07-01',
      endDate: '2028-05-31',
      status: 'ongoing',
      completionPct: 5,
    });
    expect(carriedActivity({ startDate: '2027-01-11', endDate: '2027-06-11', status: 'planned', completionPct: 0 }, '2026/27', '2027/28')).toMatchObject({
      status: 'planned',
      endDate: '2028-06-11',
    });
    // Skipping a year moves the end two years on; an end past the new year is cut at 30 June.
    expect(carriedActivity({ startDate: '2026-07-01', endDate: '2027-02-28', status: 'delayed', completionPct: 0 }, '2026/27', '2028/29')).toMatchObject({
      startDate: '2028-07-01',
      endDate: '2029-02-28',
      status: 'planned',
    });
    expect(carriedActivity({ startDate: '2026-07-01', endDate: '2028-12-31', status: 'ongoing', completionPct: 0 }, '2026/27', '2027/28')).toMatchObject({
      endDate: '2028-06-30',
      status: 'ongoing',
    });
  });

  it('takes the last reported actual as the new baseline, dated the end of its period', () => {
    const periods = reportingPeriods({ startDate: '2026-07-01', endDate: '2027-06-30', reportingPeriod: 'quarterly' });
    const indicator = { baselineValue: 58, baselineDate: '2026-06-30' };
    expect(
      carriedBaseline(
        indicator,
        [
          { periodKey: 'Q2', actual: 61 },
          { periodKey: 'Q1', actual: 59 },
          { periodKey: 'Q3', actual: null },
        ],
        periods,
      ),
    ).toEqual({
      baselineValue: 61,
      baselineDate: '2026-12-31',
      fromActual: true,
    });
    expect(carriedBaseline(indicator, [{ periodKey: 'Q1', actual: null }], periods)).toEqual({ ...indicator, fromActual: false });
    // An actual of 0 is a real value, not "nothing reported".
    expect(carriedBaseline({ baselineValue: null, baselineDate: null }, [{ periodKey: 'Q4', actual: 0 }], periods)).toMatchObject({
      baselineValue: 0,
      baselineDate: '2027-06-30',
    });
  });

  it('moves a stale risk review date into the new year', () => {
    expect(carriedReviewDate('2027-03-31', '2026/27', '2027/28')).toBe('2028-03-31');
    expect(carriedReviewDate('2027-08-15', '2026/27', '2027/28')).toBe('2027-08-15');
    expect(carriedReviewDate(null, '2026/27', '2027/28')).toBeNull();
  });
});

describe('rolling the sample cycle into FY 2027/28', () => {
  let app: ReturnType<typeof testApp>;
  let old: CycleDto;
  beforeEach(() => {
    app = testApp();
    old = loadSampleCycle(app);
  });
  afterEach(() => app.close());
  const list = <K extends keyof typeof s>(register: K, cycleId: string) => s[register].list(app, { cycleId }) as { id: string }[];

  it('previews what it would carry without writing anything', () => {
    const before = app.db.$client.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const preview = previewRollover(app, { cycleId: old.id, toFiscalYear: '2027/28' });
    expect(app.db.$client.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
    expect(preview).toMatchObject({
      title: 'Isiolo County Joint Work Plan FY 2027/28',
      startDate: '2027-07-01',
      endDate: '2028-06-30',
      organisations: 13,
      contacts: 22,
      objectives: 5,
      signatories: 3,
    });
    expect(preview.unfinishedActivities).toHaveLength(23);
    expect(preview.unfinishedActivities.find((a) => a.code === 'A1.3')).toMatchObject({
      status: 'delayed',
      newStartDate: '2027-07-01',
      newEndDate: '2028-05-31',
    });
    expect(preview.openRisks).toHaveLength(8);
    expect(preview.indicators.find((i) => i.code === 'I1.1')).toMatchObject({ oldBaseline: 58, newBaseline: 58.5, newBaselineDate: '2026-09-30' });
    expect(preview.statutoryDates.find((d) => d.key === 'adp')?.date).toBe('2027-09-01');
  });

  it('carries stakeholders, contacts, chosen activities, indicators with new baselines, open risks; the old cycle becomes read-only', () => {
    const preview = previewRollover(app, { cycleId: old.id, toFiscalYear: '2027/28' });
    const skipped = preview.unfinishedActivities.find((a) => a.code === 'A1.4');
    const carryActivityIds = preview.unfinishedActivities.filter((a) => a !== skipped).map((a) => a.id);
    const result = runRollover(app, { cycleId: old.id, toFiscalYear: '2027/28', carryActivityIds });
    const fresh = result.cycle;
    expect(fresh).toMatchObject({
      fiscalYear: '2027/28',
      startDate: '2027-07-01',
      endDate: '2028-06-30',
      phase: 'preparatory',
      countyId: old.countyId,
      reportingPeriod: 'quarterly',
    });
    expect(result.carried).toMatchObject({ organisations: 13, contacts: 22, objectives: 5, activities: 22, indicators: 18, risks: 8, signatories: 3 });
    expect(result.notes[0]).toBe('Left behind at your choice: A1.4.');

    const orgNames = (cycleId: string) =>
      s.organisation
        .list(app, { cycleId })
        .map((o) => o.name)
        .sort();
    expect(orgNames(fresh.id)).toEqual(orgNames(old.id));
    expect(list('contact', fresh.id)).toHaveLength(22);
    const lead = s.organisation.get(app, { id: fresh.leadOrgId as string });
    expect(lead.cycleId).toBe(fresh.id);
    expect(lead.name).toBe(s.organisation.get(app, { id: old.leadOrgId as string }).name);

    const activities = s.activity.list(app, { cycleId: fresh.id });
    expect(activities.map((a) => a.code)).not.toContain('A1.4');
    expect(activities.every((a) => a.status === 'ongoing' || a.status === 'planned')).toBe(true);
    const a13 = activities.find((a) => a.code === 'A1.3');
    expect(a13).toMatchObject({ status: 'ongoing', completionPct: 5, startDate: '2027-07-01', endDate: '2028-05-31' });
    const freshOrgIds = new Set(list('organisation', fresh.id).map((o) => o.id));
    expect(activities.every((a) => freshOrgIds.has(a.leadOrgId) && a.supportingOrgIds.every((id) => freshOrgIds.has(id)))).toBe(true);

    const i11 = s.indicator.list(app, { cycleId: fresh.id }).find((i) => i.code === 'I1.1');
    expect(i11).toMatchObject({ baselineValue: 58.5, baselineDate: '2026-09-30', targetValue: 66 });
    expect(list('indicatorPeriod', fresh.id)).toHaveLength(0);
    expect(s.risk.list(app, { cycleId: fresh.id }).every((r) => r.status === 'open' || r.status === 'occurred')).toBe(true);
    expect(s.signatory.list(app, { cycleId: fresh.id }).every((g) => g.signedOn === null)).toBe(true);
    for (const register of ['contribution', 'disbursement', 'milestone', 'learningEntry', 'adaptiveTrigger'] as const)
      expect(list(register, fresh.id), register).toHaveLength(0);

    expect(getCycle(app, old.id).phase).toBe('close_out');
    expect(rolledOverTo(app, old.id)).toMatchObject({ toCycleId: fresh.id, toFiscalYear: '2027/28' });
    expect(() => assertCycleWritable(app, old.id)).toThrow(/rolled over into FY 2027\/28 .* read-only/);
    expect(() => assertCycleWritable(app, fresh.id)).not.toThrow();
    expect(lifecycleStatus(app, old.id).readOnly?.toTitle).toBe('Isiolo County Joint Work Plan FY 2027/28');
  });

  it('carries all unfinished activities by default, and recomputes customised statutory dates for the new year', () => {
    const dates = listStatutoryDates(app, old.id).dates.map(({ key, title, month, day, description }) => ({ key, title, month, day, description }));
    setStatutoryDates(app, { cycleId: old.id, dates: dates.map((d) => (d.key === 'cfsp' ? { ...d, day: 29 } : d)) });
    const result = runRollover(app, { cycleId: old.id, toFiscalYear: '2027/28' });
    expect(result.carried.activities).toBe(23);
    const fresh = listStatutoryDates(app, result.cycle.id);
    expect(fresh.customised).toBe(true);
    // 29 February exists in 2028: the customised date lands on it in the new year.
    expect(fresh.dates.find((d) => d.key === 'cfsp')?.date).toBe('2028-02-29');
    expect(fresh.dates.find((d) => d.key === 'adp')?.date).toBe('2027-09-01');
  });

  it('refuses every later write to the old cycle, a second roll-over, an earlier year and a stranger activity', () => {
    expect(() => runRollover(app, { cycleId: old.id, toFiscalYear: '2026/27' })).toThrow(/later year \(e\.g\. 2027\/28\)/);
    expect(() => runRollover(app, { cycleId: old.id, toFiscalYear: '2027/28', carryActivityIds: [old.id] })).toThrow(/not an unfinished activity/);
    const completed = s.activity.list(app, { cycleId: old.id }).find((a) => a.status === 'completed');
    expect(() => runRollover(app, { cycleId: old.id, toFiscalYear: '2027/28', carryActivityIds: [completed?.id as string] })).toThrow(
      /not an unfinished activity/,
    );
    expect(rolledOverTo(app, old.id)).toBeNull();

    runRollover(app, { cycleId: old.id, toFiscalYear: '2027/28', carryActivityIds: [] });
    expect(() => runRollover(app, { cycleId: old.id, toFiscalYear: '2028/29' })).toThrow(/read-only/);
    expect(() => approveVersion(app, { cycleId: old.id, approvedBy: 'X', note: '' })).toThrow(/read-only/);
    expect(() => tickStep(app, { cycleId: old.id, phase: 'close_out', key: 'feedback_loop', doneOn: '2026-11-25', note: '' })).toThrow(/read-only/);
    expect(() => setPhase(app, { cycleId: old.id, phase: 'monitoring' })).toThrow(/read-only/);
    expect(() => saveCloseOutNotes(app, { cycleId: old.id, summary: 'x', recommendations: [] })).toThrow(/read-only/);
    // Reading is still fine.
    expect(closeOutReport(app, old.id).objectives).toHaveLength(5);
  });

  it('reopens the old cycle when the new one is deleted, so a mistaken roll-over can be made again', () => {
    const result = runRollover(app, { cycleId: old.id, toFiscalYear: '2027/28' });
    deleteCycle(app, { id: result.cycle.id, confirmTitle: result.cycle.title });
    expect(rolledOverTo(app, old.id)).toBeNull();
    const again = runRollover(app, { cycleId: old.id, toFiscalYear: '2027/28', title: 'Isiolo JWP 2027/28 (second try)' });
    expect(again.cycle.title).toBe('Isiolo JWP 2027/28 (second try)');
    expect(rolledOverTo(app, old.id)?.toCycleId).toBe(again.cycle.id);
  });
});
