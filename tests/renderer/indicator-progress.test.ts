import { describe, expect, it } from 'vitest';
import { reportingPeriods } from '../../shared/reporting-periods';
import { DEFAULT_THRESHOLDS } from '../../shared/analysis/indicator-status';
import { latestProgress, periodProgress, statusCounts, thresholdsInWords } from '../../renderer/features/indicators/indicator-progress';
import { periodChanges, periodDrafts } from '../../renderer/features/indicators/period-grid';

const calendar = reportingPeriods({ startDate: '2026-07-01', endDate: '2027-06-30', reportingPeriod: 'quarterly' });
const rising = { id: 'i1', unit: 'boreholes', baselineValue: 0, targetValue: 6, direction: 'increase' as const };
const falling = { id: 'i2', unit: '%', baselineValue: 15.1, targetValue: 12, direction: 'decrease' as const };
const row = (indicatorId: string, periodKey: string, target: number, actual: number | null) => ({
  id: `${indicatorId}-${periodKey}`,
  indicatorId,
  periodKey,
  target,
  actual,
});

describe('indicator progress in the screens (the reports’ rule, the cycle’s thresholds)', () => {
  it('lays out every period with its % achieved, variance and status; the latest reported one decides', () => {
    const periods = periodProgress(rising, [row('i1', 'Q1', 2, 2), row('i1', 'Q2', 4, 1)], calendar, DEFAULT_THRESHOLDS);
    expect(periods.map((p) => [p.label, p.target, p.actual, p.pct, p.variance, p.status])).toEqual([
      ['Q1 (Jul–Sep)', 2, 2, 100, 0, 'on_track'],
      ['Q2 (Oct–Dec)', 4, 1, 25, -3, 'off_track'],
      ['Q3 (Jan–Mar)', null, null, null, null, 'not_reported'],
      ['Q4 (Apr–Jun)', null, null, null, null, 'not_reported'],
    ]);
    expect(latestProgress(periods)?.key).toBe('Q2');
  });

  it('counts indicators by status, those without an actual as not reported', () => {
    const counts = statusCounts(
      [rising, falling, { id: 'i3', unit: 'schools', baselineValue: null, targetValue: 10, direction: 'increase' }],
      [row('i1', 'Q1', 2, 2), row('i2', 'Q1', 14, 20)],
      calendar,
      DEFAULT_THRESHOLDS,
    );
    // GAM-like i2 rose from 15.1 to 20 against a target of 14: moving away from the target is off track.
    expect(counts).toEqual({ on_track: 1, at_risk: 0, off_track: 1, not_reported: 1 });
  });

  it('colours with the thresholds the Secretariat set for the cycle, and says them', () => {
    const strict = { onTrackPct: 100, atRiskPct: 80 };
    // 3 of 4 achieved: at risk by the manual's defaults, off track by the cycle's own.
    const periods = (t: typeof strict) => periodProgress(rising, [row('i1', 'Q1', 4, 3)], calendar, t)[0]?.status;
    expect([periods(DEFAULT_THRESHOLDS), periods(strict)]).toEqual(['at_risk', 'off_track']);
    expect(thresholdsInWords(strict)).toBe('on track from 100%, at risk from 80%, off track below');
  });
});

describe('saving the targets-and-actuals grid', () => {
  const periods = periodProgress(rising, [row('i1', 'Q1', 2, 2), row('i1', 'Q2', 4, null)], calendar, DEFAULT_THRESHOLDS);
  const drafts = periodDrafts(periods);

  it('needs no save when nothing changed (typed "2.0" is still 2)', () => {
    expect(periodChanges(periods, { ...drafts, Q1: { target: '2.0', actual: '2' } })).toEqual([]);
  });

  it('adds, changes and removes periods, sending only what changed', () => {
    const changes = periodChanges(periods, { ...drafts, Q2: { target: '4', actual: '3.5' }, Q3: { target: '5', actual: '' }, Q1: { target: '', actual: '' } });
    expect(changes).toEqual([
      { kind: 'delete', periodKey: 'Q1', rowId: 'i1-Q1' },
      { kind: 'update', periodKey: 'Q2', rowId: 'i1-Q2', changes: { actual: 3.5 } },
      { kind: 'create', periodKey: 'Q3', target: 5, actual: null },
    ]);
  });

  it("records each period's evaluation criterion and date, and clears them", () => {
    const changes = periodChanges(periods, {
      ...drafts,
      Q1: { target: '2', actual: '2', criterion: 'effectiveness', evaluatedOn: '2026-10-16' },
      Q3: { target: '5', actual: '', criterion: 'relevance' },
    });
    expect(changes).toEqual([
      { kind: 'update', periodKey: 'Q1', rowId: 'i1-Q1', changes: { evaluationCriterion: 'effectiveness', evaluatedOn: '2026-10-16' } },
      { kind: 'create', periodKey: 'Q3', target: 5, actual: null, evaluationCriterion: 'relevance' },
    ]);
    const evaluated = periodProgress(
      rising,
      [{ ...row('i1', 'Q1', 2, 2), evaluationCriterion: 'impact', evaluatedOn: '2026-10-16' }],
      calendar,
      DEFAULT_THRESHOLDS,
    );
    expect(periodDrafts(evaluated).Q1).toEqual({ target: '2', actual: '2', criterion: 'impact', evaluatedOn: '16 Oct 2026' });
    expect(periodChanges(evaluated, { ...periodDrafts(evaluated), Q1: { target: '2', actual: '2', criterion: '', evaluatedOn: '' } })).toEqual([
      { kind: 'update', periodKey: 'Q1', rowId: 'i1-Q1', changes: { evaluationCriterion: null, evaluatedOn: null } },
    ]);
  });

  it('refuses an actual without a target and text that is not a number, naming the period', () => {
    const changes = periodChanges(periods, { ...drafts, Q3: { target: '', actual: '4' }, Q4: { target: 'five', actual: '' } });
    expect(changes).toEqual([
      { kind: 'invalid', periodKey: 'Q3', problems: [{ field: 'target', message: 'Target for Q3 (Jan–Mar): give the target before the actual.' }] },
      { kind: 'invalid', periodKey: 'Q4', problems: [{ field: 'target', message: 'Target for Q4 (Apr–Jun): enter a number such as 12.5.' }] },
    ]);
  });
});
