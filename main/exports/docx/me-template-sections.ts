import type { FileChild } from 'docx';
import { formatProgress, indicatorDirectionLabels, periodFigures } from '../../../shared/analysis/indicator-progress';
import { indicatorStatusLabels } from '../../../shared/api/schemas/analysis/indicator-status';
import type { ActivityDto } from '../../../shared/api/schemas/plan';
import { durationInWords } from '../../../shared/dates';
import { isCountyGovernment } from '../../../shared/domain/organisations';
import {
  activityStatuses,
  activityTypes,
  indicatorTypes,
  milestoneStatuses,
  organisationCategories,
  reportTypes,
  sectors,
  triggerStatuses,
} from '../../../shared/domain/vocabulary';
import type { ReportingPeriod } from '../../../shared/reporting-periods';
import type { PlanData } from '../plan-data';
import { dataTable, heading1, heading2, para, type RowSpec } from './blocks';
import { displayDate, measure, orgLabel, percent } from './format';
import { timeline, wardNames } from './plan-activities';
import { periodsByIndicator } from './plan-monitoring';

/**
 * The parts of the manual's M&E template (Annex 10.1) that describe the plan being monitored:
 * the activities' overview, their objectives, the KPIs, planned outputs and deliverables,
 * stakeholder involvement and results and impact. An optional field left empty prints an empty
 * cell: the report is for the CEC, not a form to fill in.
 */

const codeTitle = (a: Pick<ActivityDto, 'code' | 'title'>) => (a.code ? `${a.code} ${a.title}` : a.title);
const orgNames = (data: PlanData, ids: readonly string[]) => ids.map((id) => orgLabel(data.orgById.get(id)));

/** Template §1 "Overview": who implements each activity, with which county department, where, how long, what kind. */
export function activitiesOverview(data: PlanData, number: string): FileChild[] {
  const rows: RowSpec[] = data.activities.map((a) => {
    const involved = [a.leadOrgId, ...a.supportingOrgIds];
    const county = involved.filter((id) => isCountyGovernment(data.orgById.get(id)));
    const partners = involved.filter((id) => !isCountyGovernment(data.orgById.get(id)));
    return [
      { text: codeTitle(a), note: activityStatuses.label(a.status) },
      orgNames(data, partners),
      orgNames(data, county),
      timeline(a.startDate, a.endDate),
      wardNames(data, a),
      durationInWords(a.startDate, a.endDate),
      a.activityType ? activityTypes.label(a.activityType) : '',
    ];
  });
  return [
    heading2(`${number} Activities`),
    ...dataTable({
      orientation: 'landscape',
      columns: [
        { header: 'Activity (status)', weight: 3.2 },
        { header: 'Implementing partner(s)', weight: 1.3 },
        { header: 'County government', weight: 1.2 },
        { header: 'Dates', weight: 1.1 },
        { header: 'Location (wards)', weight: 1.8 },
        { header: 'Duration', weight: 0.9 },
        { header: 'Activity type', weight: 1.3 },
      ],
      rows,
      empty: 'No activities are recorded for this cycle yet.',
    }),
  ];
}

/** Template §2 "Activity objectives": each objective, what it is about, and the activities serving it. */
export function activityObjectives(data: PlanData, number: string): FileChild[] {
  const rows: RowSpec[] = data.objectives.map((o) => {
    const serving = data.activities.filter((a) => a.objectiveId === o.id);
    return [
      { text: o.code ? `${o.code} ${o.statement}` : o.statement, bold: true },
      [o.priorityArea, sectors.label(o.sector), o.cidpLink ? `CIDP / ADP: ${o.cidpLink}` : ''].filter(Boolean),
      serving.map((a) => a.code || a.title).join(', '),
    ];
  });
  return [
    heading1(`${number} Activity objectives`),
    ...dataTable({
      orientation: 'landscape',
      columns: [
        { header: 'Objective', weight: 4 },
        { header: 'Description (priority area, sector, CIDP link)', weight: 3.4 },
        { header: 'Activities', weight: 2 },
      ],
      rows,
      empty: 'No objectives are recorded for this cycle yet.',
    }),
  ];
}

/** Template §3 "Key performance indicators": target, baseline, unit and data source of each indicator. */
export function keyPerformanceIndicators(data: PlanData, number: string): FileChild[] {
  const rows: RowSpec[] = data.indicators.map((i) => [
    i.code,
    { text: i.name, note: indicatorTypes.label(i.type) },
    measure(i.targetValue),
    i.baselineValue === null ? '' : { text: measure(i.baselineValue), note: i.baselineDate ? displayDate(i.baselineDate) : undefined },
    [i.unit, indicatorDirectionLabels[i.direction].toLowerCase()],
    { text: i.dataSource, note: [i.collectionMethod, i.frequency].filter(Boolean).join(' · ') || undefined },
    orgLabel(data.orgById.get(i.responsibleOrgId)),
  ]);
  return [
    heading1(`${number} Key performance indicators`),
    para(
      'Each indicator with its end-of-cycle target, its baseline (and when it was measured), its unit and the desired direction, and where its data come from.',
    ),
    ...dataTable({
      orientation: 'landscape',
      columns: [
        { header: 'Code', weight: 0.6 },
        { header: 'KPI (type)', weight: 3.2 },
        { header: 'Target', weight: 0.8, align: 'right' },
        { header: 'Baseline', weight: 0.9, align: 'right' },
        { header: 'Measurement unit · direction', weight: 1.3 },
        { header: 'Data source (method · frequency)', weight: 2.6 },
        { header: 'Responsible', weight: 1 },
      ],
      rows,
      empty: 'No indicators are recorded for this cycle yet.',
    }),
  ];
}

/** Template §4 "Planned outputs and deliverables": each activity's expected output, then the review deliverables. */
export function plannedOutputs(data: PlanData, number: string): FileChild[] {
  const outputs: RowSpec[] = data.activities
    .filter((a) => a.expectedOutput !== '')
    .map((a) => [
      { text: a.expectedOutput, note: codeTitle(a) },
      displayDate(a.endDate),
      orgLabel(data.orgById.get(a.leadOrgId)),
      activityStatuses.label(a.status),
      a.status === 'cancelled' ? a.actionsTaken || a.challenges : `${percent(a.completionPct)} complete`,
    ]);
  const deliverables: RowSpec[] = data.milestones
    .filter((m) => m.kind === 'milestone')
    .map((m) => [m.title, displayDate(m.dueDate), orgNames(data, m.responsibleOrgIds), milestoneStatuses.label(m.status), m.progressNotes]);
  const rows: RowSpec[] = [
    ...(outputs.length > 0 ? [{ group: 'Outputs of the joint activities' }, ...outputs] : []),
    ...(deliverables.length > 0 ? [{ group: 'Deliverables of the review calendar' }, ...deliverables] : []),
  ];
  return [
    heading1(`${number} Planned outputs and deliverables`),
    ...dataTable({
      orientation: 'landscape',
      columns: [
        { header: 'Output / deliverable (activity)', weight: 4 },
        { header: 'Target completion date', weight: 1.2 },
        { header: 'Responsible party', weight: 1.4 },
        { header: 'Status', weight: 0.9 },
        { header: 'Remarks', weight: 2.8 },
      ],
      rows,
      empty: 'No expected outputs or deliverables are recorded for this cycle yet.',
    }),
  ];
}

/** Template §7 "Stakeholder involvement and coordination": role, level of involvement and how (often) each is engaged. */
export function stakeholderInvolvement(data: PlanData, number: string): FileChild[] {
  const rows: RowSpec[] = data.organisations.map((o) => {
    const leads = data.activities.filter((a) => a.leadOrgId === o.id).length;
    const supports = data.activities.filter((a) => a.supportingOrgIds.includes(o.id)).length;
    return [
      { text: orgLabel(o), bold: true, note: organisationCategories.label(o.category) },
      o.role,
      o.involvement,
      o.communicationStrategy,
      leads + supports === 0 ? '' : [`${leads} led`, `${supports} supported`],
    ];
  });
  return [
    heading1(`${number} Stakeholder involvement and coordination`),
    para(
      "Each organisation's role, its level of involvement in the JWP and how and how often it is engaged (the stakeholder mapping matrix), with the joint activities it leads or supports.",
    ),
    ...dataTable({
      orientation: 'landscape',
      columns: [
        { header: 'Stakeholder', weight: 1.6 },
        { header: 'Role', weight: 2.6 },
        { header: 'Level of involvement', weight: 2.2 },
        { header: 'Engagement (how and how often)', weight: 2.6 },
        { header: 'Activities', weight: 0.9 },
      ],
      rows,
      empty: 'No organisations are recorded for this cycle yet.',
    }),
  ];
}

/**
 * Template §8 "Results and impact assessment": the outcome and impact indicators, their latest
 * result up to the period, how lasting it is, and the next steps (open adaptive actions on them).
 */
export function resultsAndImpact(data: PlanData, period: ReportingPeriod, number: string): FileChild[] {
  const byIndicator = periodsByIndicator(data);
  const keysUpTo = data.periods.filter((p) => p.end <= period.end).map((p) => p.key);
  const rows: RowSpec[] = data.indicators
    .filter((i) => i.type === 'outcome' || i.type === 'impact')
    .map((i) => {
      const periods = byIndicator.get(i.id);
      const latestKey = [...keysUpTo].reverse().find((key) => (periods?.get(key)?.actual ?? null) !== null);
      const latest = latestKey === undefined ? undefined : periods?.get(latestKey);
      let result = '';
      if (latest && latest.actual !== null) {
        const figures = periodFigures(i, latest.target, latest.actual, data.thresholds);
        result = `${latestKey}: ${measure(latest.actual)} ${i.unit} against ${measure(latest.target)}; ${figures.varianceText}, progress ${formatProgress(figures.pct)} (${indicatorStatusLabels[figures.status].toLowerCase()})`;
      }
      const nextSteps = data.adaptiveTriggers
        .filter((t) => t.indicatorId === i.id && (t.status === 'proposed' || t.status === 'accepted'))
        .map((t) => `${t.proposedAction} (${triggerStatuses.label(t.status).toLowerCase()})`);
      return [
        { text: i.code ? `${i.code} ${i.name}` : i.name, note: indicatorTypes.label(i.type) },
        [i.collectionMethod, i.dataSource].filter(Boolean),
        { text: result, note: latest?.actualNote || undefined },
        i.sustainability,
        nextSteps,
      ];
    });
  return [
    heading1(`${number} Results and impact`),
    para(
      `The outcome and impact indicators: the latest result reported up to the end of ${period.label}, how the result is expected to last once support ends, and the next steps (adaptive actions proposed or accepted on the indicator).`,
    ),
    ...dataTable({
      orientation: 'landscape',
      columns: [
        { header: 'Outcome / impact', weight: 2.6 },
        { header: 'Measurement method', weight: 1.6 },
        { header: 'Results / impact achieved', weight: 2.6 },
        { header: 'Sustainability', weight: 2.4 },
        { header: 'Next steps', weight: 2.4 },
      ],
      rows,
      empty: 'No outcome or impact indicators are recorded for this cycle yet.',
    }),
  ];
}

/** Learning template §4 "Reporting structure": each report due in the cycle, its format and audience. */
export function reportingStructure(data: PlanData, number: string): FileChild[] {
  const reports = data.milestones.filter((m) => m.kind !== 'milestone');
  return [
    heading2(`${number} Reporting structure`),
    ...dataTable({
      orientation: 'landscape',
      columns: [
        { header: 'Report', weight: 3 },
        { header: 'Report type', weight: 1.3 },
        { header: 'Due date', weight: 1 },
        { header: 'Format', weight: 2 },
        { header: 'Audience', weight: 2.2 },
        { header: 'Status', weight: 1 },
      ],
      rows: reports.map((m) => [m.title, reportTypes.label(m.kind), displayDate(m.dueDate), m.format, m.audience, milestoneStatuses.label(m.status)]),
      empty: 'No reports or review meetings are on the calendar of this cycle yet.',
    }),
  ];
}
