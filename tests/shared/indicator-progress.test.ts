import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../shared/analysis/indicator-status';
import {
  inferredDirection,
  formatProgress,
  periodFigures,
  progressPct,
  roundTo,
  varianceBetter,
  varianceWords,
  type ProgressIndicator,
} from '../../shared/analysis/indicator-progress';

const gam: ProgressIndicator & { unit: string } = { unit: '%', baselineValue: 15.1, targetValue: 12, direction: 'decrease' };
const boreholes: ProgressIndicator & { unit: string } = { unit: 'boreholes', baselineValue: 10, targetValue: 30, direction: 'increase' };

describe('one progress rule for every output (issue 16)', () => {
  it('measures the share of the way from the baseline to the period target', () => {
    // 10 → 20 of a way to 30: half-way there.
    expect(progressPct(boreholes, 30, 20)).toBe(50);
    expect(progressPct(boreholes, 30, 30)).toBe(100);
    expect(progressPct(boreholes, 30, 35)).toBe(125);
    // Fewer boreholes than at the baseline: below 0 %.
    expect(progressPct(boreholes, 30, 8)).toBe(-10);
  });

  it('reads GAM rising from 15.1 % to 15.6 % against a Q1 target of 15 % as moving away: off track, 0.6 points worse', () => {
    // A row recorded before the field existed took this inference (migration 0007).
    expect(inferredDirection(gam)).toBe('decrease');
    expect(periodFigures(gam, 15, 15.6, DEFAULT_THRESHOLDS)).toEqual({
      pct: -500,
      status: 'off_track',
      variance: -0.6,
      varianceText: '0.6 points worse than target',
    });
    // Down to 15.0: the Q1 target reached.
    expect(periodFigures(gam, 15, 15, DEFAULT_THRESHOLDS)).toMatchObject({ pct: 100, status: 'on_track', varianceText: 'on target' });
  });

  it('uses the ratio in the desired direction without a baseline', () => {
    const noBaseline = { unit: 'schools', baselineValue: null, targetValue: 10, direction: 'increase' as const };
    expect(progressPct(noBaseline, 10, 9)).toBe(90);
    expect(progressPct({ ...noBaseline, direction: 'decrease' }, 10, 20)).toBe(50);
    expect(progressPct({ ...noBaseline, direction: 'decrease' }, 10, 0)).toBe(100);
  });

  it('follows a recorded direction over the inference, and judges a range by its band', () => {
    const kept = { unit: 'KES per 20 l', baselineValue: 5, targetValue: 5, direction: 'range' as const, rangeMin: 3, rangeMax: 6 };
    expect(progressPct(kept, 5, 4)).toBe(100);
    expect(varianceWords(kept, 5, 4)).toBe('within range');
    expect(progressPct(kept, 5, 8)).toBe(75);
    expect(varianceBetter(kept, 5, 8)).toBe(-2);
    expect(varianceWords(kept, 5, 8)).toBe('2 KES per 20 l above the range');
    expect(progressPct({ ...boreholes, direction: 'decrease' }, 30, 20)).toBeCloseTo(150);
  });

  it('prints whole percents rounded half away from zero, as the workbook’s 0% format does', () => {
    expect([roundTo(89.5, 0), roundTo(-2.5, 0), roundTo(0.125, 2)]).toEqual([90, -3, 0.13]);
    expect(formatProgress(-500)).toBe('-500%');
    expect(formatProgress(null)).toBe('—');
    expect(varianceWords(boreholes, 30, 42)).toBe('12 boreholes better than target');
  });
});
