import type { FileChild } from 'docx';
import { indicatorTypes, levels, milestoneStatuses, reportTypes, riskStatuses } from '../../../shared/domain/vocabulary';
import type { IndicatorPeriodDto } from '../../../shared/api/schemas/monitoring';
import type { PlanData } from '../plan-data';
import { dataTable, heading1, heading2, para, type Column } from './blocks';
import { count, displayDate, measure, orgLabel } from './format';

/** Sections 5–7 of the Joint Work Plan: the M&E plan, the risk register, review milestones. */

export function periodsByIndicator(data: PlanData): Map<string, Map<string, IndicatorPeriodDto>> {
  const result = new Map<string, Map<string, IndicatorPeriodDto>>();
  for (const period of data.indicatorPeriods) {
    let forIndicator = result.get(period.indicatorId);
    if (!forIndicator) result.set(period.indicatorId, (forIndicator = new Map()));
    forIndicator.set(period.periodKey, period);
  }
  return result;
}

export function mePlanSection(data: PlanData): FileChild[] {
  const targets = periodsByIndicator(data);
  // Quarterly and bi-annual targets get a column each; twelve monthly ones share a column.
  const periodColumns = data.periods.length <= 4;
  const columns: Column[] = [
    { header: 'Code', weight: 0.6 },
    { header: 'Indicator and definition', weight: 3.2 },
    { header: 'Type / unit', weight: 1 },
    { header: 'Baseline', weight: 1, align: 'right' },
    { header: 'Target', weight: 0.8, align: 'right' },
    ...(periodColumns ? data.periods.map((p) => ({ header: p.key, weight: 0.6, align: 'right' as const })) : [{ header: 'Period targets', weight: 2 }]),
    { header: 'Data source / method', weight: 2 },
    { header: 'Frequency', weight: 0.9 },
    { header: 'Responsible', weight: 1 },
  ];
  const rows = data.indicators.map((i) => {
    const byPeriod = targets.get(i.id);
    const periodCells = periodColumns
      ? data.periods.map((p) => measure(byPeriod?.get(p.key)?.target))
      : [data.periods.flatMap((p) => (byPeriod?.has(p.key) ? [`${p.key}: ${measure(byPeriod.get(p.key)?.target)}`] : [])).join('; ') || '—'];
    return [
      i.code,
      { text: i.name, bold: true, note: i.definition },
      [indicatorTypes.label(i.type), i.unit],
      i.baselineValue === null ? '—' : { text: measure(i.baselineValue), note: displayDate(i.baselineDate) },
      measure(i.targetValue),
      ...periodCells,
      [i.dataSource, i.collectionMethod].filter(Boolean),
      i.frequency,
      orgLabel(data.orgById.get(i.responsibleOrgId)),
    ];
  });
  return [
    heading1('5 Monitoring and evaluation plan'),
    para(
      `${count(data.indicators.length, 'indicator', 'indicators')} with baselines, annual targets and targets per reporting period (${data.periods.map((p) => p.label).join(', ')}).`,
    ),
    ...dataTable({ orientation: 'landscape', columns, rows, empty: 'No indicators are recorded for this cycle yet.' }),
  ];
}

/** The risk register, then its heat map (drawn by main/exports/charts, as on the Risks screen). */
export function riskSection(data: PlanData, heatMapFigure: readonly FileChild[]): FileChild[] {
  return [
    heading1('6 Risk management'),
    ...dataTable({
      orientation: 'landscape',
      columns: [
        { header: 'Code', weight: 0.6 },
        { header: 'Risk', weight: 3 },
        { header: 'Likelihood', weight: 0.9 },
        { header: 'Impact', weight: 0.8 },
        { header: 'Mitigation strategy', weight: 3.4 },
        { header: 'Responsible', weight: 1 },
        { header: 'Status', weight: 0.9 },
        { header: 'Review date', weight: 1 },
      ],
      rows: data.risks.map((r) => [
        r.code,
        r.description,
        levels.label(r.likelihood),
        levels.label(r.impact),
        r.mitigation,
        orgLabel(data.orgById.get(r.responsibleOrgId)),
        riskStatuses.label(r.status),
        displayDate(r.reviewDate),
      ]),
      empty: 'No risks are recorded for this cycle yet.',
    }),
    ...(heatMapFigure.length === 0 ? [] : [heading2('6.1 Risks by likelihood and impact (risks not yet closed)'), ...heatMapFigure]),
  ];
}

export function milestonesSection(data: PlanData): FileChild[] {
  return [
    heading1('7 Review and reporting milestones'),
    ...dataTable({
      orientation: 'landscape',
      columns: [
        { header: 'Milestone / deliverable', weight: 2.8 },
        { header: 'Type', weight: 1.3 },
        { header: 'Review / due date', weight: 1.1 },
        { header: 'Responsible parties', weight: 1.4 },
        { header: 'Format · audience', weight: 2 },
        { header: 'Status', weight: 0.9 },
        { header: 'Progress notes', weight: 2.8 },
      ],
      rows: data.milestones.map((m) => [
        m.title,
        reportTypes.label(m.kind),
        displayDate(m.dueDate),
        m.responsibleOrgIds.length === 0 ? '' : m.responsibleOrgIds.map((id) => orgLabel(data.orgById.get(id))),
        { text: m.format, note: m.audience ? `For ${m.audience}` : undefined },
        milestoneStatuses.label(m.status),
        m.progressNotes,
      ]),
      empty: 'No review or reporting milestones are recorded for this cycle yet.',
    }),
  ];
}
