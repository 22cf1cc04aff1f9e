import type { FileChild } from 'docx';
import { learningSessions } from '../../../shared/domain/vocabulary';
import { formatProgress } from '../../../shared/analysis/indicator-progress';
import type { PlanData } from '../plan-data';
import { bullet, dataTable, heading1, heading2, para, type RowSpec } from './blocks';
import { count, displayDate, measure, percent, shillings } from './format';
import { learningLogColumns } from './me-learning';

/**
 * The end-of-cycle part of the M&E report, printed in the close-out phase (manual 4.5): achievements
 * by objective, final indicator values against their targets, money spent against planned, lessons
 * and recommendations for the next cycle.
 */

export function endOfCycle(data: PlanData, number: number): FileChild[] {
  const report = data.closeOut;
  if (report === null) return [];
  const { budget } = report;
  const budgetRows: RowSpec[] = budget.byContributor.map((c) => [
    c.name,
    shillings(c.plannedKesMinor),
    shillings(c.spentKesMinor),
    shillings(c.plannedKesMinor - c.spentKesMinor),
    c.utilisationPct === null ? '—' : percent(c.utilisationPct),
  ]);
  if (budgetRows.length > 0) {
    budgetRows.push({
      total: [
        'Total',
        shillings(budget.plannedKesMinor),
        shillings(budget.spentKesMinor),
        shillings(budget.plannedKesMinor - budget.spentKesMinor),
        budget.utilisationPct === null ? '—' : percent(budget.utilisationPct),
      ],
    });
  }
  return [
    heading1(`${number} End of cycle`),
    para(
      `Results of FY ${report.fiscalYear} at close-out: ${report.indicatorsMet} of ${count(report.indicatorsReported, 'indicator', 'indicators')} reported met ${report.indicatorsReported === 1 ? 'its' : 'their'} target; ${budget.utilisationPct === null ? 'no budget was planned' : `${percent(budget.utilisationPct)} of the planned budget was spent`}.`,
    ),
    ...(report.summary ? [para(report.summary)] : []),
    heading2(`${number}.1 Achievements by objective`),
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
    heading2(`${number}.2 Indicators: final values against targets`),
    ...dataTable({
      orientation: 'landscape',
      columns: [
        { header: 'Code', weight: 0.6 },
        { header: 'Indicator', weight: 3.4 },
        { header: 'Unit', weight: 1 },
        { header: 'Baseline', weight: 0.9, align: 'right' },
        { header: 'Target', weight: 0.9, align: 'right' },
        { header: 'Final value', weight: 0.9, align: 'right' },
        { header: 'Progress', weight: 0.9, align: 'right' },
        { header: 'Target met', weight: 0.9 },
      ],
      rows: report.indicators.map((i) => [
        i.code,
        i.finalPeriodKey ? { text: i.name, note: `Last reported for ${i.finalPeriodKey}` } : i.name,
        i.unit,
        measure(i.baselineValue),
        measure(i.targetValue),
        i.finalValue === null ? 'Not reported' : measure(i.finalValue),
        formatProgress(i.pctAchieved),
        i.met === null ? '—' : i.met ? 'Yes' : 'No',
      ]),
      empty: 'No indicators are recorded for this cycle.',
    }),
    heading2(`${number}.3 Budget utilisation`),
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
    heading2(`${number}.4 Lessons learned`),
    ...dataTable({
      orientation: 'landscape',
      columns: learningLogColumns('Follow-up'),
      rows: report.lessons.map((e) => [
        { text: displayDate(e.entryDate), note: learningSessions.label(e.session as Parameters<typeof learningSessions.label>[0]) },
        e.whatWorked,
        e.whatDidNot,
        e.improvements,
        e.followUpAction,
      ]),
      empty: 'No lessons were recorded during this cycle.',
    }),
    heading2(`${number}.5 Recommendations for the next cycle`),
    ...(report.recommendations.length === 0
      ? [para('The close-out meeting has not recorded any recommendations yet.')]
      : report.recommendations.map((line) => bullet(line))),
  ];
}
