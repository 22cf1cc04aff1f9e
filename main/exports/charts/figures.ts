import type { FileChild } from 'docx';
import { indicatorStatus } from '../../../shared/analysis/indicator-status';
import { indicatorStatusLabels, type IndicatorStatus } from '../../../shared/api/schemas/analysis/indicator-status';
import { formatDisplayDate } from '../../../shared/dates';
import type { ReportingPeriod } from '../../../shared/reporting-periods';
import { allDrawn, drawPicture, figureParagraphs, type Picture } from '../graphics/index';
import { orgLabel } from '../docx/format';
import { indicatorResults } from '../docx/me-indicator-results';
import type { PlanData } from '../plan-data';
import { costShareChart } from './cost-share-chart';
import type { Chart } from './frame';
import { indicatorStatusChart, type StatusGroup } from './indicator-status-chart';
import { riskHeatMapChart } from './risk-heat-map';
import { stakeholderQuadrantChart } from './stakeholder-quadrant';

/**
 * The charts of the Word plan and the M&E report, placed by the builders where their table is.
 * Their pictures are drawn while the document is built (graphics/picture.ts); the document is
 * packed once `drawn` settles. Each figure is numbered in the order its document prints them; a
 * chart with nothing to show (no risks, no contributions…) is left out rather than printed empty.
 */
export interface DocumentFigures extends Record<FigureKey, FileChild[]> {
  /** Settles when every picture is drawn (rejects if one could not be). */
  drawn: Promise<void>;
}

type FigureKey = 'costShare' | 'indicatorStatus' | 'riskHeatMap' | 'stakeholders';

interface Planned {
  key: FigureKey;
  chart: Chart | null;
  title: string;
  caption: string;
}

/** The figures with their captions numbered in `planned`'s order, their pictures drawn together (resvg's thread pool). */
function place(planned: readonly Planned[]): DocumentFigures {
  const figures: Record<FigureKey, FileChild[]> = { costShare: [], indicatorStatus: [], riskHeatMap: [], stakeholders: [] };
  const pictures: Picture[] = [];
  let number = 0;
  for (const p of planned) {
    if (p.chart === null) continue;
    const picture = drawPicture(p.chart.svg, { widthMm: p.chart.widthMm, heightMm: p.chart.heightMm, title: p.title, description: p.caption });
    pictures.push(picture);
    figures[p.key] = figureParagraphs(picture, `Figure ${++number}: ${p.caption}`);
  }
  return { ...figures, drawn: allDrawn(pictures) };
}

function costShareFigure(data: PlanData): Planned {
  const { totals } = data;
  return {
    key: 'costShare',
    chart:
      totals.byContributor.length === 0
        ? null
        : costShareChart(
            totals.byContributor.map((c) => ({ label: orgLabel(data.orgById.get(c.organisationId)), kesMinor: c.kesMinor, isCounty: c.isCounty })),
            totals.totalKesMinor,
          ),
    title: 'Cost-share by contributor',
    caption: 'Cost-share by contributor: planned contributions in KES and share of the plan total (the totals by contributor table)',
  };
}

function riskFigure(data: PlanData): Planned {
  return {
    key: 'riskHeatMap',
    chart: data.risks.length === 0 ? null : riskHeatMapChart(data.risks),
    title: 'Risk heat map',
    caption: 'Risks not yet closed by likelihood and impact (the risk register)',
  };
}

function stakeholderFigure(data: PlanData): Planned {
  return {
    key: 'stakeholders',
    chart:
      data.organisations.length === 0
        ? null
        : stakeholderQuadrantChart(data.organisations.map((o) => ({ id: o.id, label: orgLabel(o), influence: o.influence, interest: o.interest }))),
    title: 'Stakeholders by influence and interest',
    caption: 'Stakeholders by influence and interest (the stakeholder mapping matrix); the lines divide High from Medium',
  };
}

const statusGroup = (status: StatusGroup['status'], codes: string[]): StatusGroup => ({
  status,
  label: status === 'not_reported' ? 'Not reported' : status === 'no_data' ? 'No data (due)' : indicatorStatusLabels[status],
  codes,
});

const codeOf = (indicator: { code: string; name: string }) => indicator.code || indicator.name;

/** Each indicator's status at its latest period due or reported, as the Indicators screen shows it. */
function planStatusFigure(data: PlanData, today: string): Planned {
  const report = indicatorStatus({ cycle: data.cycle, today, thresholds: data.thresholds, indicators: data.indicators, periods: data.indicatorPeriods });
  const order: IndicatorStatus[] = ['on_track', 'at_risk', 'off_track', 'no_data', 'not_due'];
  return {
    key: 'indicatorStatus',
    chart:
      data.indicators.length === 0
        ? null
        : indicatorStatusChart(order.map((status) => statusGroup(status, report.indicators.filter((i) => i.status === status).map(codeOf)))),
    title: 'Indicator status',
    caption: `Indicators by status at their latest period due or reported, as of ${formatDisplayDate(today)} (on track from ${data.thresholds.onTrackPct}% progress, at risk from ${data.thresholds.atRiskPct}%)`,
  };
}

/** The period's indicators as the report's indicator table judges them. */
function periodStatusFigure(data: PlanData, period: ReportingPeriod): Planned {
  const results = indicatorResults(data, period);
  const codes = (status: IndicatorStatus | 'not_reported') =>
    results.filter((r) => (r.figures === null ? 'not_reported' : r.figures.status) === status).map((r) => codeOf(r.indicator));
  return {
    key: 'indicatorStatus',
    chart:
      results.length === 0 ? null : indicatorStatusChart((['on_track', 'at_risk', 'off_track', 'not_reported'] as const).map((s) => statusGroup(s, codes(s)))),
    title: `Indicator status, ${period.label}`,
    caption: `Indicators with a target for ${period.label} by status (the indicator performance table; on track from ${data.thresholds.onTrackPct}% progress, at risk from ${data.thresholds.atRiskPct}%)`,
  };
}

/** The Joint Work Plan's figures: cost-share (section 4), indicator status (5), risks (6), stakeholders (annex 9.1). */
export function planFigures(data: PlanData, today: string): DocumentFigures {
  return place([costShareFigure(data), planStatusFigure(data, today), riskFigure(data), stakeholderFigure(data)]);
}

/** The M&E report's figures: indicator status for the period (section 2), cost-share (4), risks (5). */
export function meReportFigures(data: PlanData, period: ReportingPeriod): DocumentFigures {
  return place([periodStatusFigure(data, period), costShareFigure(data), riskFigure(data)]);
}
