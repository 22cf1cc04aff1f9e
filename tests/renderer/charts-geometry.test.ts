import { describe, expect, it } from 'vitest';
import { visibleRange } from '../../renderer/components/virtual-rows';
import { barOf, timelineScale } from '../../renderer/features/action-plan/timeline';
import { quadrantPoints, stakeholderQuadrant } from '../../shared/analysis/stakeholder-quadrant';
import { heatMap, highRisks, riskScore, severityOf } from '../../shared/analysis/risk-matrix';

const fy = { startDate: '2026-07-01', endDate: '2027-06-30' };

describe('the timeline across the fiscal year', () => {
  const scale = timelineScale(fy, '2026-11-25');

  it('has twelve months and four county quarters labelled with their months', () => {
    expect(scale.months.map((m) => m.label)).toEqual(['Jul 2026', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan 2027', 'Feb', 'Mar', 'Apr', 'May', 'Jun']);
    expect(scale.quarters.map((q) => q.label)).toEqual(['Q1 (Jul–Sep)', 'Q2 (Oct–Dec)', 'Q3 (Jan–Mar)', 'Q4 (Apr–Jun)']);
    const widths = scale.months.reduce((sum, m) => sum + m.width, 0);
    expect(widths).toBeCloseTo(100, 6);
    expect(scale.quarters[1]?.left).toBeCloseTo((92 / 365) * 100, 6);
  });

  it('marks today inside the cycle and not outside it', () => {
    expect(scale.today).toBeCloseTo(((147 + 0.5) / 365) * 100, 6);
    expect(timelineScale(fy, '2027-07-01').today).toBeNull();
  });

  it('places a bar by its dates and cuts it at the cycle’s edges', () => {
    expect(barOf({ startDate: '2026-07-01', endDate: '2027-06-30' }, scale)).toEqual({ left: 0, width: 100, cutStart: false, cutEnd: false });
    const cut = barOf({ startDate: '2026-06-01', endDate: '2026-07-31' }, scale);
    expect(cut).toMatchObject({ left: 0, cutStart: true, cutEnd: false });
    expect(cut?.width).toBeCloseTo((31 / 365) * 100, 6);
    expect(barOf({ startDate: '2027-07-01', endDate: '2027-08-01' }, scale)).toBeNull();
  });
});

describe('the virtual list', () => {
  it('draws only the rows in view, with overscan, and pads the rest', () => {
    expect(visibleRange({ count: 5000, rowHeight: 40, scrollTop: 4000, viewportHeight: 400, overscan: 5 })).toEqual({
      first: 95,
      last: 115,
      padTop: 3800,
      padBottom: 4885 * 40,
    });
    expect(visibleRange({ count: 3, rowHeight: 40, scrollTop: 0, viewportHeight: 400, overscan: 5 })).toEqual({ first: 0, last: 3, padTop: 0, padBottom: 0 });
  });
});

describe('the stakeholder quadrants', () => {
  it('puts only High on the high side of each axis', () => {
    expect(stakeholderQuadrant('high', 'high')).toBe('manage_closely');
    expect(stakeholderQuadrant('high', 'medium')).toBe('keep_satisfied');
    expect(stakeholderQuadrant('medium', 'high')).toBe('keep_informed');
    expect(stakeholderQuadrant('low', 'medium')).toBe('monitor');
  });

  it('spreads organisations sharing a cell so no two points coincide, all inside the cell', () => {
    const orgs = ['A', 'B', 'C', 'D', 'E'].map((label) => ({ id: label, label, influence: 'high' as const, interest: 'high' as const }));
    const points = quadrantPoints(orgs);
    expect(new Set(points.map((p) => `${p.x.toFixed(3)},${p.y.toFixed(3)}`)).size).toBe(5);
    for (const point of points) {
      expect(point.x).toBeGreaterThan(2);
      expect(point.x).toBeLessThan(3);
      expect(point.y).toBeGreaterThan(2);
      expect(point.y).toBeLessThan(3);
    }
  });
});

describe('the risk heat map', () => {
  const risks = [
    { code: 'R2', likelihood: 'high', impact: 'high', status: 'open' },
    { code: 'R1', likelihood: 'high', impact: 'medium', status: 'occurred' },
    { code: 'R3', likelihood: 'high', impact: 'high', status: 'closed' },
    { code: 'R4', likelihood: 'low', impact: 'low', status: 'open' },
  ] as const;

  it('counts live risks per likelihood × impact cell, high impact on top', () => {
    const cells = heatMap(risks);
    expect(cells.map((row) => row.map((cell) => cell.count))).toEqual([
      [0, 0, 1],
      [0, 0, 1],
      [1, 0, 0],
    ]);
    expect(cells[0]?.[2]?.severity).toBe('high');
    expect(severityOf(riskScore({ likelihood: 'medium', impact: 'medium' }))).toBe('medium');
  });

  it('lists live high risks, worst first', () => {
    expect(highRisks(risks).map((risk) => risk.code)).toEqual(['R2', 'R1']);
  });
});
