import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, indicatorStatus, type StatusIndicator, type StatusPeriod } from '../../shared/analysis/indicator-status';
import { statusOfProgress } from '../../shared/analysis/indicator-progress';
import { indicatorProposalKey, overspendProposalKey, proposeTriggers } from '../../shared/analysis/trigger-proposals';

const cycle = { id: '00000000-0000-4000-8000-000000000001', startDate: '2026-07-01', endDate: '2027-06-30', reportingPeriod: 'quarterly' as const };
const indicator = (id: string, fields: Partial<StatusIndicator> = {}): StatusIndicator => ({
  id,
  code: id.toUpperCase(),
  name: `Indicator ${id}`,
  unit: 'boreholes',
  responsibleOrgId: 'org-1',
  baselineValue: 0,
  targetValue: 100,
  direction: 'increase',
  ...fields,
});
const period = (indicatorId: string, periodKey: string, target: number, actual: number | null): StatusPeriod => ({ indicatorId, periodKey, target, actual });
const run = (periods: StatusPeriod[], today = '2026-11-25', thresholds = DEFAULT_THRESHOLDS, indicators = [indicator('i1')]) =>
  indicatorStatus({ cycle, today, thresholds, indicators, periods });

describe('indicator status', () => {
  it('uses ≥ 90 % on track, 60–90 % at risk, < 60 % off track by default', () => {
    expect(statusOfProgress(90, DEFAULT_THRESHOLDS)).toBe('on_track');
    // Judged on the whole percent printed: 89.5 prints as 90% and is on track; 89.4 prints as 89%.
    expect(statusOfProgress(89.5, DEFAULT_THRESHOLDS)).toBe('on_track');
    expect(statusOfProgress(89.4, DEFAULT_THRESHOLDS)).toBe('at_risk');
    expect(statusOfProgress(60, DEFAULT_THRESHOLDS)).toBe('at_risk');
    expect(statusOfProgress(59.4, DEFAULT_THRESHOLDS)).toBe('off_track');
    expect(statusOfProgress(150, DEFAULT_THRESHOLDS)).toBe('on_track');
  });

  it('judges each period with an actual against its own target', () => {
    const report = run([period('i1', 'Q1', 10, 9), period('i1', 'Q2', 10, 5)], '2027-01-05');
    expect(report.indicators[0]?.periods.map((p) => [p.periodKey, p.pctAchieved, p.status])).toEqual([
      ['Q1', 90, 'on_track'],
      ['Q2', 50, 'off_track'],
    ]);
    expect(report.indicators[0]).toMatchObject({ status: 'off_track', latestPeriodKey: 'Q2', provisional: false });
    expect(report.counts).toEqual({ on_track: 0, at_risk: 0, off_track: 1, no_data: 0, not_due: 0 });
  });

  it('follows the thresholds set for the cycle', () => {
    const report = run([period('i1', 'Q1', 10, 8)], '2026-11-25', { onTrackPct: 80, atRiskPct: 50 });
    expect(report.indicators[0]?.status).toBe('on_track');
    expect(run([period('i1', 'Q1', 10, 8)]).indicators[0]?.status).toBe('at_risk');
  });

  it('says "no data" once a period has ended without an actual, and "not due" before', () => {
    const periods = [period('i1', 'Q1', 10, null), period('i1', 'Q2', 10, null)];
    // Q1 ends 30 Sep: on that day its actual is not yet due; the next day it is.
    expect(run(periods, '2026-09-30').indicators[0]?.periods.map((p) => p.status)).toEqual(['not_due', 'not_due']);
    expect(run(periods, '2026-09-30').indicators[0]?.status).toBe('not_due');
    expect(run(periods, '2026-10-01').indicators[0]?.periods.map((p) => p.status)).toEqual(['no_data', 'not_due']);
    expect(run(periods, '2026-10-01').indicators[0]?.status).toBe('no_data');
  });

  it('judges an early actual but marks it provisional', () => {
    const report = run([period('i1', 'Q1', 10, 10), period('i1', 'Q2', 10, 3)], '2026-11-25');
    expect(report.indicators[0]).toMatchObject({ status: 'off_track', latestPeriodKey: 'Q2', provisional: true });
    expect(report.indicators[0]?.periods.map((p) => p.provisional)).toEqual([false, true]);
  });

  it('reports rising malnutrition as off track: GAM moved away from its target (issue 16)', () => {
    const gam = indicator('gam', { baselineValue: 15.1, targetValue: 12, direction: 'decrease', unit: '%' });
    const report = run([period('gam', 'Q1', 15, 15.6)], '2026-11-25', DEFAULT_THRESHOLDS, [gam]);
    expect(report.indicators[0]).toMatchObject({ direction: 'decrease', status: 'off_track' });
    expect(report.indicators[0]?.periods[0]).toMatchObject({ pctAchieved: -500, variance: -0.6, varianceText: '0.6 points worse than target' });
  });

  it('counts a period with a target of 0 (and no baseline) as on track', () => {
    const noBaseline = [indicator('i1', { baselineValue: null })];
    expect(run([period('i1', 'Q1', 0, 0)], '2026-11-25', DEFAULT_THRESHOLDS, noBaseline).indicators[0]).toMatchObject({ status: 'on_track' });
    expect(run([period('i1', 'Q1', 0, 0)], '2026-11-25', DEFAULT_THRESHOLDS, noBaseline).indicators[0]?.periods[0]?.pctAchieved).toBe(100);
  });

  it('skips periods with no target row and ignores keys outside the cycle', () => {
    const report = run([period('i1', 'Q3', 10, null), period('i1', 'Q9', 10, 1)], '2027-06-01');
    expect(report.indicators[0]?.periods.map((p) => p.periodKey)).toEqual(['Q3']);
    expect(report.indicators[0]?.status).toBe('no_data');
  });
});

describe('proposed adaptive triggers', () => {
  const offTrack = run([period('i1', 'Q1', 10, 2), period('i2', 'Q1', 10, 10)], '2026-11-25', DEFAULT_THRESHOLDS, [indicator('i1'), indicator('i2')]);
  const overspent = [
    {
      contributionId: 'c1',
      organisationId: 'org-9',
      organisationName: 'UDRA',
      activityId: 'a1',
      activityTitle: 'A1.1 Boreholes',
      component: 'Solar pumps',
      plannedKesMinor: 100_000_00,
      disbursedKesMinor: 118_000_00,
      overKesMinor: 18_000_00,
    },
  ];

  it('proposes a trigger for an indicator off track and for an overspent line', () => {
    const proposals = proposeTriggers({ status: offTrack, overspent, existing: [], decided: [] });
    expect(proposals.map((p) => [p.key, p.kind, p.responsibleOrgId])).toEqual([
      [indicatorProposalKey('i1', 'Q1'), 'indicator_target_missed', 'org-1'],
      [overspendProposalKey('c1'), 'budget_overrun', 'org-9'],
    ]);
    expect(proposals[0]?.trigger).toBe(
      'I1 Indicator i1: 2 against a Q1 (Jul–Sep) target of 10 boreholes (8 boreholes worse than target; progress 20%) — off track.',
    );
    expect(proposals[0]?.indicatorId).toBe('i1');
    expect(proposals[1]?.trigger).toBe('UDRA disbursed KES 118,000 against KES 100,000 planned for A1.1 Boreholes (Solar pumps): KES 18,000 (18 %) over.');
  });

  it('does not propose again what was accepted or dismissed', () => {
    const decided = [{ proposalKey: indicatorProposalKey('i1', 'Q1') }, { proposalKey: overspendProposalKey('c1') }];
    expect(proposeTriggers({ status: offTrack, overspent, existing: [], decided })).toEqual([]);
  });

  it('proposes again when a later period goes off track', () => {
    const later = run([period('i1', 'Q1', 10, 2), period('i1', 'Q2', 10, 1)], '2027-01-10');
    const proposals = proposeTriggers({ status: later, overspent: [], existing: [], decided: [{ proposalKey: indicatorProposalKey('i1', 'Q1') }] });
    expect(proposals.map((p) => p.key)).toEqual([indicatorProposalKey('i1', 'Q2')]);
  });

  it('stays quiet while an open trigger for the indicator is already in the register', () => {
    const open = [{ kind: 'indicator_target_missed' as const, status: 'accepted' as const, indicatorId: 'i1' }];
    expect(proposeTriggers({ status: offTrack, overspent: [], existing: open, decided: [] })).toEqual([]);
    const done = [{ kind: 'indicator_target_missed' as const, status: 'done' as const, indicatorId: 'i1' }];
    expect(proposeTriggers({ status: offTrack, overspent: [], existing: done, decided: [] })).toHaveLength(1);
  });

  it('does not propose for at-risk or no-data indicators', () => {
    const mixed = run([period('i1', 'Q1', 10, 7), period('i2', 'Q1', 10, null)], '2026-11-25', DEFAULT_THRESHOLDS, [indicator('i1'), indicator('i2')]);
    expect(mixed.indicators.map((i) => i.status)).toEqual(['at_risk', 'no_data']);
    expect(proposeTriggers({ status: mixed, overspent: [], existing: [], decided: [] })).toEqual([]);
  });
});
