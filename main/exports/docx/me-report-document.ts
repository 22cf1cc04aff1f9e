import type { FileChild, ISectionOptions } from 'docx';
import { activityStatuses, learningSessions, levels, riskStatuses, triggerStatuses } from '../../../shared/domain/vocabulary';
import type { RiskDto } from '../../../shared/api/schemas/monitoring';
import type { ReportingPeriod } from '../../../shared/reporting-periods';
import type { PlanData } from '../plan-data';
import { percentOf } from '../shared-data/budget-totals';
import { bullet, dataTable, heading1, heading2, keyValueTable, para, type RowSpec } from './blocks';
import { coverPage } from './cover';
import { count, dateRange, displayDate, kes, measure, orgLabel, percent } from './format';
import { periodsByIndicator } from './plan-monitoring';
import { section, type DocMeta } from './page';
import { utilisation } from './me-utilisation';

/**
 * The M&E progress report for one reporting period (the manual's M&E template and the learning
 * template's reporting structure): indicators against targets, activity progress, money disbursed
 * against plan, risks that moved, lessons and recommendations.
 */

/** An indicator at or above this share of its period target is on track. */
const ON_TRACK = 0.9;

const within = (date: string | null, period: ReportingPeriod) => date !== null && date >= period.start && date <= period.end;

/** A risk "changed" in the period when it was reviewed then, or moved off open, or was edited then. */
function changedRisks(data: PlanData, period: ReportingPeriod): RiskDto[] {
  return data.risks.filter(
    (r) => within(r.reviewDate, period) || r.status !== 'open' || (r.updatedAt !== r.createdAt && within(r.updatedAt.slice(0, 10), period)),
  );
}

function overview(data: PlanData, period: ReportingPeriod, meta: DocMeta): FileChild[] {
  const byStatus = activityStatuses.keys.flatMap((status) => {
    const n = data.activities.filter((a) => a.status === status).length;
    return n === 0 ? [] : [`${n} ${activityStatuses.label(status).toLowerCase()}`];
  });
  const active = data.activities.filter((a) => a.status !== 'cancelled');
  const averageCompletion = active.length === 0 ? 0 : Math.round(active.reduce((sum, a) => sum + a.completionPct, 0) / active.length);
  const targets = [...periodsByIndicator(data).values()].map((byPeriod) => byPeriod.get(period.key)).filter((p) => p !== undefined);
  const reported = targets.filter((p) => p.actual !== null);
  const money = utilisation(data, period);
  return [
    heading1('1 Overview'),
    ...keyValueTable('portrait', [
      ['Reporting period', `${period.label}, ${dateRange(period.start, period.end)}`],
      ['Report produced', displayDate(meta.generatedOn)],
      ['Activities', `${count(data.activities.length, 'activity', 'activities')}: ${byStatus.join(', ') || 'none recorded'}`],
      ['Average completion', `${percent(averageCompletion)} (activities not cancelled)`],
      ['Indicators reported', `${reported.length} of ${count(targets.length, 'indicator', 'indicators')} with a target for ${period.key}`],
      ['Disbursed in the period', kes(money.total.periodKesMinor)],
      [
        'Disbursed to date',
        `${kes(money.total.toDateKesMinor)} of ${kes(data.totals.totalKesMinor)} planned (${percent(percentOf(money.total.toDateKesMinor, data.totals.totalKesMinor))})`,
      ],
    ]),
    ...highlights(data, period),
  ];
}

/** What a reader wants first: how many indicators are on track, and which activities are late. */
function highlights(data: PlanData, period: ReportingPeriod): FileChild[] {
  const targets = [...periodsByIndicator(data).values()].flatMap((byPeriod) => {
    const p = byPeriod.get(period.key);
    return p && p.actual !== null && p.target !== 0 ? [p.actual / p.target] : [];
  });
  const onTrack = targets.filter((ratio) => ratio >= ON_TRACK).length;
  const delayed = data.activities.filter((a) => a.status === 'delayed');
  return [
    heading2('Highlights'),
    para(
      targets.length === 0
        ? `No indicator actuals are reported for ${period.label} yet.`
        : `Of the ${count(targets.length, 'indicator', 'indicators')} reported for ${period.key}, ${onTrack} ${onTrack === 1 ? 'is' : 'are'} on track (at least ${ON_TRACK * 100}% of the period target) and ${targets.length - onTrack} ${targets.length - onTrack === 1 ? 'is' : 'are'} behind.`,
    ),
    para(delayed.length === 0 ? 'No activity is marked delayed.' : `${count(delayed.length, 'activity is', 'activities are')} marked delayed:`, {
      keepNext: delayed.length > 0,
    }),
    ...delayed.map((a) => bullet(`${a.code ? `${a.code} ` : ''}${a.title} (${orgLabel(data.orgById.get(a.leadOrgId))})`)),
  ];
}

function indicatorTable(data: PlanData, period: ReportingPeriod): FileChild[] {
  const targets = periodsByIndicator(data);
  const rows: RowSpec[] = data.indicators.flatMap((i) => {
    const p = targets.get(i.id)?.get(period.key);
    if (!p) return [];
    const variance = p.actual === null ? null : p.actual - p.target;
    const achieved = p.actual === null || p.target === 0 ? '—' : percent((p.actual / p.target) * 100);
    return [
      [
        i.code,
        { text: i.name, note: orgLabel(data.orgById.get(i.responsibleOrgId)) },
        i.unit,
        measure(p.target),
        p.actual === null ? 'Not reported' : measure(p.actual),
        variance === null ? '—' : `${variance > 0 ? '+' : ''}${measure(variance)}`,
        achieved,
        p.actualNote,
      ],
    ];
  });
  return [
    heading1('2 Indicator performance'),
    para(`Targets and actual values for ${period.label}. Variance is actual minus target; % achieved is actual as a share of the target.`),
    ...dataTable({
      orientation: 'landscape',
      columns: [
        { header: 'Code', weight: 0.6 },
        { header: 'Indicator (responsible)', weight: 3.2 },
        { header: 'Unit', weight: 1 },
        { header: 'Target', weight: 0.9, align: 'right' },
        { header: 'Actual', weight: 0.9, align: 'right' },
        { header: 'Variance', weight: 0.9, align: 'right' },
        { header: '% achieved', weight: 0.9, align: 'right' },
        { header: 'Comment', weight: 3.2 },
      ],
      rows,
      empty: `No indicator has a target for ${period.label} yet.`,
    }),
  ];
}

function progressTable(data: PlanData): FileChild[] {
  return [
    heading1('3 Implementation progress'),
    ...dataTable({
      orientation: 'landscape',
      columns: [
        { header: 'Code', weight: 0.6 },
        { header: 'Activity (lead)', weight: 2.6 },
        { header: 'Status', weight: 0.9 },
        { header: 'Completion', weight: 0.9, align: 'right' },
        { header: 'Challenges / barriers', weight: 3 },
        { header: 'Actions taken', weight: 3 },
      ],
      rows: data.activities.map((a) => [
        a.code,
        { text: a.title, note: orgLabel(data.orgById.get(a.leadOrgId)) },
        activityStatuses.label(a.status),
        percent(a.completionPct),
        a.challenges || '—',
        a.actionsTaken || '—',
      ]),
      empty: 'No activities are recorded for this cycle yet.',
    }),
  ];
}

function budgetTable(data: PlanData, period: ReportingPeriod): FileChild[] {
  const money = utilisation(data, period);
  const rows: RowSpec[] = money.byContributor.map((c) => [
    orgLabel(data.orgById.get(c.organisationId)),
    kes(c.plannedKesMinor),
    kes(c.periodKesMinor),
    kes(c.toDateKesMinor),
    kes(c.plannedKesMinor - c.toDateKesMinor),
    percent(percentOf(c.toDateKesMinor, c.plannedKesMinor)),
  ]);
  if (rows.length > 0) {
    const t = money.total;
    rows.push({
      total: [
        'Total',
        kes(t.plannedKesMinor),
        kes(t.periodKesMinor),
        kes(t.toDateKesMinor),
        kes(t.plannedKesMinor - t.toDateKesMinor),
        percent(percentOf(t.toDateKesMinor, t.plannedKesMinor)),
      ],
    });
  }
  return [
    heading1('4 Budget utilisation'),
    para(
      `Planned contributions against amounts disbursed or spent, by contributor, in KES (USD converted at the cycle's rate). "To date" counts every period up to the end of ${period.label}.`,
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
  ];
}

function risksTable(data: PlanData, period: ReportingPeriod): FileChild[] {
  return [
    heading1('5 Risks that changed'),
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

function learningTable(data: PlanData, period: ReportingPeriod): FileChild[] {
  return [
    heading1('6 Learning'),
    ...dataTable({
      orientation: 'landscape',
      columns: [
        { header: 'Date · session', weight: 1.4 },
        { header: 'What worked', weight: 2.4 },
        { header: 'What did not', weight: 2.4 },
        { header: 'What can be improved', weight: 2.4 },
        { header: 'Follow-up (responsible, due)', weight: 2.4 },
      ],
      rows: data.learningEntries
        .filter((e) => within(e.entryDate, period))
        .map((e) => [
          { text: displayDate(e.entryDate), note: learningSessions.label(e.session) },
          e.whatWorked,
          e.whatDidNot,
          e.improvements,
          { text: e.followUpAction || '—', note: `${orgLabel(data.orgById.get(e.responsibleOrgId))}${e.dueDate ? `, by ${displayDate(e.dueDate)}` : ''}` },
        ]),
      empty: `No learning entries were recorded in ${period.label}.`,
    }),
  ];
}

function recommendations(data: PlanData): FileChild[] {
  return [
    heading1('7 Recommendations'),
    para('Adaptive actions proposed or accepted and not yet done (the adaptive management plan).'),
    ...dataTable({
      orientation: 'landscape',
      columns: [
        { header: 'Trigger', weight: 2.6 },
        { header: 'Recommendation (proposed action)', weight: 3.4 },
        { header: 'Responsible', weight: 1 },
        { header: 'Timeline', weight: 1.4 },
        { header: 'Expected outcome', weight: 2.4 },
        { header: 'Status', weight: 0.9 },
      ],
      rows: data.adaptiveTriggers
        .filter((t) => t.status === 'proposed' || t.status === 'accepted')
        .map((t) => [
          t.trigger,
          t.proposedAction,
          orgLabel(data.orgById.get(t.responsibleOrgId)),
          t.timeline,
          t.expectedOutcome,
          triggerStatuses.label(t.status),
        ]),
      empty: 'No adaptive actions are open: none proposed or accepted and not yet done.',
    }),
  ];
}

/** The end-of-cycle part (close-out phase): achievements, final indicator values, money, lessons, recommendations. */
function endOfCycle(data: PlanData): FileChild[] {
  const report = data.closeOut;
  if (report === null) return [];
  const { budget } = report;
  const budgetRows: RowSpec[] = budget.byContributor.map((c) => [
    c.name,
    kes(c.plannedKesMinor),
    kes(c.spentKesMinor),
    kes(c.plannedKesMinor - c.spentKesMinor),
    c.utilisationPct === null ? '—' : percent(c.utilisationPct),
  ]);
  if (budgetRows.length > 0) {
    budgetRows.push({
      total: [
        'Total',
        kes(budget.plannedKesMinor),
        kes(budget.spentKesMinor),
        kes(budget.plannedKesMinor - budget.spentKesMinor),
        budget.utilisationPct === null ? '—' : percent(budget.utilisationPct),
      ],
    });
  }
  return [
    heading1('8 End of cycle'),
    para(
      `Results of FY ${report.fiscalYear} at close-out: ${report.indicatorsMet} of ${count(report.indicatorsReported, 'indicator', 'indicators')} reported met ${report.indicatorsReported === 1 ? 'its' : 'their'} target; ${budget.utilisationPct === null ? 'no budget was planned' : `${percent(budget.utilisationPct)} of the planned budget was spent`}.`,
    ),
    ...(report.summary ? [para(report.summary)] : []),
    heading2('8.1 Achievements by objective'),
    ...dataTable({
      orientation: 'landscape',
      columns: [
        { header: 'Objective', weight: 4 },
        { header: 'Activities', weight: 0.9, align: 'right' },
        { header: 'Average completion', weight: 1.1, align: 'right' },
        { header: 'Completed activities', weight: 4 },
      ],
      rows: report.objectives.map((o) => [
        { text: o.statement, bold: true, note: o.code },
        String(o.activityTotal),
        o.averageCompletionPct === null ? '—' : percent(o.averageCompletionPct),
        o.completedActivities.length === 0 ? '—' : o.completedActivities.map((a) => `${a.code ? `${a.code} ` : ''}${a.title}`),
      ]),
      empty: 'No objectives are recorded for this cycle.',
    }),
    heading2('8.2 Indicators: final values against targets'),
    ...dataTable({
      orientation: 'landscape',
      columns: [
        { header: 'Code', weight: 0.6 },
        { header: 'Indicator', weight: 3.4 },
        { header: 'Unit', weight: 1 },
        { header: 'Baseline', weight: 0.9, align: 'right' },
        { header: 'Target', weight: 0.9, align: 'right' },
        { header: 'Final value', weight: 0.9, align: 'right' },
        { header: '% achieved', weight: 0.9, align: 'right' },
        { header: 'Target met', weight: 0.9 },
      ],
      rows: report.indicators.map((i) => [
        i.code,
        i.finalPeriodKey ? { text: i.name, note: `Last reported for ${i.finalPeriodKey}` } : i.name,
        i.unit,
        measure(i.baselineValue),
        measure(i.targetValue),
        i.finalValue === null ? 'Not reported' : measure(i.finalValue),
        i.pctAchieved === null ? '—' : percent(i.pctAchieved),
        i.met === null ? '—' : i.met ? 'Yes' : 'No',
      ]),
      empty: 'No indicators are recorded for this cycle.',
    }),
    heading2('8.3 Budget utilisation'),
    ...dataTable({
      orientation: 'landscape',
      columns: [
        { header: 'Contributor', weight: 2.6 },
        { header: 'Planned (KES)', weight: 1.6, align: 'right' },
        { header: 'Spent (KES)', weight: 1.6, align: 'right' },
        { header: 'Balance (KES)', weight: 1.6, align: 'right' },
        { header: 'Utilised', weight: 0.9, align: 'right' },
      ],
      rows: budgetRows,
      empty: 'No contributions were planned for this cycle, so there is no budget to report on.',
    }),
    heading2('8.4 Lessons learned'),
    ...dataTable({
      orientation: 'landscape',
      columns: [
        { header: 'Date · session', weight: 1.4 },
        { header: 'What worked', weight: 2.4 },
        { header: 'What did not', weight: 2.4 },
        { header: 'What can be improved', weight: 2.4 },
        { header: 'Follow-up', weight: 2.4 },
      ],
      rows: report.lessons.map((e) => [
        { text: displayDate(e.entryDate), note: learningSessions.label(e.session as Parameters<typeof learningSessions.label>[0]) },
        e.whatWorked || '—',
        e.whatDidNot || '—',
        e.improvements || '—',
        e.followUpAction || '—',
      ]),
      empty: 'No lessons were recorded during this cycle.',
    }),
    heading2('8.5 Recommendations for the next cycle'),
    ...(report.recommendations.length === 0
      ? [para('The close-out meeting has not recorded any recommendations yet.')]
      : report.recommendations.map((line) => bullet(line))),
  ];
}

export function meReportSections(data: PlanData, meta: DocMeta, period: ReportingPeriod): ISectionOptions[] {
  const subtitle = [
    data.cycle.title,
    data.closeOut
      ? `End-of-cycle report, ${dateRange(data.cycle.startDate, data.cycle.endDate)}`
      : `Progress report for ${period.label}, ${dateRange(period.start, period.end)}`,
  ];
  return [
    section(
      meta,
      'portrait',
      [
        ...coverPage(meta, { issuer: data.leadOrganisation?.name ?? null, subtitle, period: `${period.label}, FY ${data.cycle.fiscalYear}` }),
        ...overview(data, period, meta),
      ],
      { cover: true },
    ),
    section(meta, 'landscape', [
      ...indicatorTable(data, period),
      ...progressTable(data),
      ...budgetTable(data, period),
      ...risksTable(data, period),
      ...learningTable(data, period),
      ...recommendations(data),
      ...endOfCycle(data),
    ]),
  ];
}
