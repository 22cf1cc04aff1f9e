import type { FileChild, ISectionOptions } from 'docx';
import { activityStatuses, evaluationCriteria, levels, riskStatuses } from '../../../shared/domain/vocabulary';
import { formatProgress, indicatorDirectionLabels } from '../../../shared/analysis/indicator-progress';
import { indicatorStatusLabels } from '../../../shared/api/schemas/analysis/indicator-status';
import type { RiskDto } from '../../../shared/api/schemas/monitoring';
import { ROUNDING_NOTE } from '../../../shared/money';
import { isWithinPeriod, type ReportingPeriod } from '../../../shared/reporting-periods';
import type { PlanData } from '../plan-data';
import { percentOf } from '../shared-data/budget-totals';
import { bullet, dataTable, heading1, heading2, keyValueTable, para, type RowSpec } from './blocks';
import { contentsPage, withOutline } from './contents';
import { coverPage } from './cover';
import { count, dateRange, displayDate, kes, measure, orgLabel, percent, shillings } from './format';
import { section, type DocMeta } from './page';
import { utilisation } from './me-utilisation';
import { notValuedParagraphs } from './budget-tables';
import { endOfCycle } from './me-end-of-cycle';
import { indicatorResults, type IndicatorResult } from './me-indicator-results';
import { learningSection, preparedAndApproved, recommendations } from './me-learning';
import {
  activitiesOverview,
  activityObjectives,
  keyPerformanceIndicators,
  plannedOutputs,
  resultsAndImpact,
  stakeholderInvolvement,
} from './me-template-sections';
import type { DocumentFigures } from '../charts/index';
import { wardMapFigures, type WardMapPictures } from './ward-maps';
import { roundReturnsBlocks, type RoundReturnsSection } from './me-round-returns';

/**
 * The M&E progress report for one reporting period, in the order of the manual's M&E template
 * (Annex 10.1): overview and activities, their objectives, the KPIs, planned outputs, implementation
 * progress, indicators against targets with their evaluation, stakeholder involvement, results and
 * impact; then money disbursed against plan, risks that moved, learning (with the learning
 * template's capture framework and reporting structure), recommendations and who prepared and
 * approved it. Numbered headings with a contents page whose page numbers need no updating.
 */

const within = isWithinPeriod;

/** A risk "changed" in the period when it was reviewed then, or moved off open, or was edited then. */
function changedRisks(data: PlanData, period: ReportingPeriod): RiskDto[] {
  return data.risks.filter(
    (r) => within(r.reviewDate, period) || r.status !== 'open' || (r.updatedAt !== r.createdAt && within(r.updatedAt.slice(0, 10), period)),
  );
}

/** "18 indicators have a target for Q2; 15 are reported: 9 on track, 3 at risk, 3 off track." */
function indicatorSummary(results: readonly IndicatorResult[], period: ReportingPeriod): string {
  if (results.length === 0) return `No indicator has a target for ${period.label}.`;
  const reported = results.filter((r) => r.figures !== null);
  const by = (status: string) => reported.filter((r) => r.figures?.status === status).length;
  const head = `${count(results.length, 'indicator has', 'indicators have')} a target for ${period.key}`;
  if (reported.length === 0) return `${head}; none is reported yet.`;
  const missing = results.length - reported.length;
  return `${head}; ${reported.length} ${reported.length === 1 ? 'is' : 'are'} reported: ${by('on_track')} on track, ${by('at_risk')} at risk, ${by('off_track')} off track${missing > 0 ? `; ${missing} not reported yet` : ''}.`;
}

function overview(data: PlanData, period: ReportingPeriod, meta: DocMeta): FileChild[] {
  const byStatus = activityStatuses.keys.flatMap((status) => {
    const n = data.activities.filter((a) => a.status === status).length;
    return n === 0 ? [] : [`${n} ${activityStatuses.label(status).toLowerCase()}`];
  });
  const active = data.activities.filter((a) => a.status !== 'cancelled');
  const averageCompletion = active.length === 0 ? 0 : Math.round(active.reduce((sum, a) => sum + a.completionPct, 0) / active.length);
  const results = indicatorResults(data, period);
  const money = utilisation(data, period);
  return [
    heading1('1 Overview'),
    heading2('1.1 Summary'),
    ...keyValueTable('portrait', [
      ['Reporting period', `${period.label}, ${dateRange(period.start, period.end)}`],
      ['Report produced', displayDate(meta.generatedOn)],
      ['Activities', `${count(data.activities.length, 'activity', 'activities')}: ${byStatus.join(', ') || 'none recorded'}`],
      ['Average completion', `${percent(averageCompletion)} (activities not cancelled)`],
      ['Indicators', indicatorSummary(results, period)],
      ['Disbursed in the period', kes(money.total.periodKesMinor)],
      [
        'Disbursed to date',
        `${kes(money.total.toDateKesMinor)} of ${kes(data.totals.totalKesMinor)} planned (${percent(percentOf(money.total.toDateKesMinor, data.totals.totalKesMinor))})`,
      ],
    ]),
    ...highlights(data, period, results),
  ];
}

/** What a reader wants first: how the indicators did, which are off track, and which activities are late. */
function highlights(data: PlanData, period: ReportingPeriod, results: readonly IndicatorResult[]): FileChild[] {
  const offTrack = results.filter((r) => r.figures?.status === 'off_track');
  const delayed = data.activities.filter((a) => a.status === 'delayed');
  return [
    heading2('1.2 Highlights'),
    para(
      `${indicatorSummary(results, period)} Progress is the share of the way from the baseline to the period's target; on track from ${data.thresholds.onTrackPct}%, at risk from ${data.thresholds.atRiskPct}%.`,
      { keepNext: offTrack.length > 0 },
    ),
    ...offTrack.map((r) =>
      bullet(
        `${r.indicator.code ? `${r.indicator.code} ` : ''}${r.indicator.name}: ${r.figures?.varianceText} (progress ${formatProgress(r.figures?.pct ?? null)})`,
      ),
    ),
    para(delayed.length === 0 ? 'No activity is marked delayed.' : `${count(delayed.length, 'activity is', 'activities are')} marked delayed:`, {
      keepNext: delayed.length > 0,
    }),
    ...delayed.map((a) => bullet(`${a.code ? `${a.code} ` : ''}${a.title} (${orgLabel(data.orgById.get(a.leadOrgId))})`)),
  ];
}

function indicatorTable(data: PlanData, period: ReportingPeriod): FileChild[] {
  const rows: RowSpec[] = indicatorResults(data, period).map(({ indicator: i, row: p, figures }) => [
    i.code,
    { text: i.name, note: [i.unit, indicatorDirectionLabels[i.direction].toLowerCase()].join(' · ') },
    measure(i.baselineValue),
    measure(p.target),
    p.actual === null ? 'Not reported' : measure(p.actual),
    figures ? figures.varianceText : '—',
    figures ? formatProgress(figures.pct) : '—',
    figures ? indicatorStatusLabels[figures.status] : '—',
    { text: p.evaluationCriterion ? evaluationCriteria.label(p.evaluationCriterion) : '', note: p.evaluatedOn ? displayDate(p.evaluatedOn) : undefined },
    p.actualNote,
  ]);
  return [
    heading1('6 Monitoring and evaluation'),
    para(
      `Targets and actual values for ${period.label}, with the evaluation criterion each result was judged by and when. Progress is the share of the way from the baseline to the period's target (below 0% when the indicator moved away from it; without a baseline, the actual as a share of the target in the desired direction).`,
    ),
    ...dataTable({
      orientation: 'landscape',
      columns: [
        { header: 'Code', weight: 0.6 },
        { header: 'Indicator (unit · direction)', weight: 2.8 },
        { header: 'Baseline', weight: 0.8, align: 'right' },
        { header: 'Target', weight: 0.8, align: 'right' },
        { header: 'Actual', weight: 0.8, align: 'right' },
        { header: 'Variance', weight: 1.5 },
        { header: 'Progress', weight: 0.8, align: 'right' },
        { header: 'Status', weight: 0.8 },
        { header: 'Evaluation criterion · date', weight: 1.2 },
        { header: 'Comment', weight: 2 },
      ],
      rows,
      empty: `No indicator has a target for ${period.label} yet.`,
    }),
  ];
}

function progressTable(data: PlanData, wardMaps: WardMapPictures | null): FileChild[] {
  return [
    heading1('5 Implementation progress'),
    heading2('5.1 Where the joint work is'),
    ...(wardMaps
      ? [
          para('The plan by ward: its planned budget, and how many sectors have an activity in each ward; hatched wards have no activity yet.', {
            keepNext: true,
          }),
        ]
      : []),
    ...wardMapFigures(wardMaps, data.cycle.countyName, '5.'),
    heading2('5.2 Activities'),
    ...dataTable({
      orientation: 'landscape',
      columns: [
        { header: 'Code', weight: 0.6 },
        { header: 'Activity (lead)', weight: 2.6 },
        { header: 'Status', weight: 0.9 },
        { header: 'Completion', weight: 0.9, align: 'right' },
        { header: 'Challenges / barriers', weight: 3 },
        { header: 'Solutions / actions taken', weight: 3 },
      ],
      rows: data.activities.map((a) => [
        a.code,
        { text: a.title, note: orgLabel(data.orgById.get(a.leadOrgId)) },
        activityStatuses.label(a.status),
        percent(a.completionPct),
        a.challenges,
        a.actionsTaken,
      ]),
      empty: 'No activities are recorded for this cycle yet.',
    }),
  ];
}

function budgetTable(data: PlanData, period: ReportingPeriod): FileChild[] {
  const money = utilisation(data, period);
  const rows: RowSpec[] = money.byContributor.map((c) => [
    orgLabel(data.orgById.get(c.organisationId)),
    shillings(c.plannedKesMinor),
    shillings(c.periodKesMinor),
    shillings(c.toDateKesMinor),
    shillings(c.plannedKesMinor - c.toDateKesMinor),
    percent(percentOf(c.toDateKesMinor, c.plannedKesMinor)),
  ]);
  if (rows.length > 0) {
    const t = money.total;
    rows.push({
      total: [
        'Total',
        shillings(t.plannedKesMinor),
        shillings(t.periodKesMinor),
        shillings(t.toDateKesMinor),
        shillings(t.plannedKesMinor - t.toDateKesMinor),
        percent(percentOf(t.toDateKesMinor, t.plannedKesMinor)),
      ],
    });
  }
  return [
    heading1('9 Budget utilisation'),
    para(
      `Planned contributions against amounts disbursed or spent, by contributor, in KES (USD converted at the cycle's rate). "To date" counts every period up to the end of ${period.label}. ${ROUNDING_NOTE}`,
    ),
    ...dataTable({
      orientation: 'landscape',
      columns: [
        { header: 'Contributor', weight: 2.6 },
        { header: 'Planned (KES)', weight: 1.6, align: 'right' },
        { header: `Disbursed in ${period.key} (KES)`, weight: 1.6, align: 'right' },
        { header: 'Disbursed to date (KES)', weight: 1.6, align: 'right' },
        { header: 'Balance (KES)', weight: 1.6, align: 'right' },
        { header: 'Utilised', weight: 0.9, align: 'right' },
      ],
      rows,
      empty: 'No contributions are recorded for this cycle yet, so there is nothing to compare disbursements with.',
    }),
    ...notValuedParagraphs(data, { listLines: true }),
  ];
}

function risksTable(data: PlanData, period: ReportingPeriod): FileChild[] {
  return [
    heading1('10 Risks that changed'),
    para(`Risks reviewed in ${period.label}, edited in it, or no longer open.`),
    ...dataTable({
      orientation: 'landscape',
      columns: [
        { header: 'Code', weight: 0.6 },
        { header: 'Risk', weight: 3.2 },
        { header: 'Likelihood · impact', weight: 1.3 },
        { header: 'Status', weight: 0.9 },
        { header: 'Mitigation', weight: 3.4 },
        { header: 'Responsible', weight: 1 },
        { header: 'Review date', weight: 1 },
      ],
      rows: changedRisks(data, period).map((r) => [
        r.code,
        r.description,
        `${levels.label(r.likelihood)} · ${levels.label(r.impact)}`,
        riskStatuses.label(r.status),
        r.mitigation,
        orgLabel(data.orgById.get(r.responsibleOrgId)),
        displayDate(r.reviewDate),
      ]),
      empty: `No risk was reviewed or changed in ${period.label}.`,
    }),
  ];
}

/** What the M&E report covers and who prepared it. */
export interface MeReportScope {
  period: ReportingPeriod;
  /** The user's name on this installation, printed as "Prepared by"; empty for a blank line. */
  preparedBy: string;
  /** The period's reporting round (main/rounds/report.ts), when one was held. */
  roundReturns: RoundReturnsSection | null;
}

/** The report's sections; the charts (`figures`, main/exports/charts) follow the table they picture. */
export function meReportSections(
  data: PlanData,
  meta: DocMeta,
  { period, preparedBy, roundReturns }: MeReportScope,
  figures: DocumentFigures,
  wardMaps: WardMapPictures | null,
): ISectionOptions[] {
  const subtitle = [
    data.cycle.title,
    data.closeOut
      ? `End-of-cycle report, ${dateRange(data.cycle.startDate, data.cycle.endDate)}`
      : `Progress report for ${period.label}, ${dateRange(period.start, period.end)}`,
  ];
  const { built, outline } = withOutline(() => ({
    // The round's returns, when there was one, follow the summary and highlights as 1.3.
    front: [...overview(data, period, meta), ...roundReturnsBlocks(roundReturns && { ...roundReturns, title: `1.3 ${roundReturns.title}` })],
    body: [
      ...activitiesOverview(data, roundReturns ? '1.4' : '1.3'),
      ...activityObjectives(data, '2'),
      ...keyPerformanceIndicators(data, '3'),
      ...plannedOutputs(data, '4'),
      ...progressTable(data, wardMaps),
      ...indicatorTable(data, period),
      ...figures.indicatorStatus,
      ...stakeholderInvolvement(data, '7'),
      ...resultsAndImpact(data, period, '8'),
      ...budgetTable(data, period),
      ...figures.costShare,
      ...risksTable(data, period),
      ...figures.riskHeatMap,
      ...learningSection(data, period, 11),
      ...recommendations(data, 12),
      ...endOfCycle(data, 13),
      ...preparedAndApproved(data, preparedBy, data.closeOut ? 14 : 13),
    ],
  }));
  return [
    section(
      meta,
      'portrait',
      [
        ...coverPage(meta, { issuer: data.leadOrganisation?.name ?? null, subtitle, period: `${period.label}, FY ${data.cycle.fiscalYear}` }),
        ...contentsPage(outline, 'portrait'),
        ...built.front,
      ],
      { cover: true },
    ),
    section(meta, 'landscape', built.body),
  ];
}
