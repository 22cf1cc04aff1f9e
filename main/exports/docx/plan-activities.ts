import { TextRun, type FileChild } from 'docx';
import { activityStatuses, sectors } from '../../../shared/domain/vocabulary';
import type { ActivityDto } from '../../../shared/api/schemas/plan';
import type { PlanData } from '../plan-data';
import { isCountyGovernment } from '../../../shared/domain/organisations';
import { dataTable, emptyNote, heading1, heading2, para, type RowSpec } from './blocks';
import { isCounted } from '../../../shared/budget-lines';
import { contributionLine, contributorTotalsTable, costShareSentence, notValuedParagraphs, rateSentence } from './budget-tables';
import { count, displayDate, orgLabel, shillings, shillingsOrDash } from './format';

/** Sections 3 and 4 of the Joint Work Plan: the action plan, and the cost-share per activity. */

/** "SO1 Water security": the code and priority area; the full statement is printed under it. */
export const objectiveHeading = (data: PlanData, objectiveId: string) => {
  const objective = data.objectiveById.get(objectiveId);
  if (!objective) return 'Objective not found';
  const name = objective.priorityArea || sectors.label(objective.sector);
  return objective.code ? `${objective.code} ${name}` : name;
};

/** Start and end on two lines, so a narrow column never breaks a date. */
export const timeline = (start: string, end: string) => [`${displayDate(start)} –`, displayDate(end)];

export function wardNames(data: PlanData, activity: ActivityDto): string {
  if (activity.wardIds.length === 0) return 'County-wide';
  return activity.wardIds.map((id) => data.unitNameById.get(id) ?? id).join(', ');
}

/** ", of which 2 cancelled": counted as the workbook's summary counts activities by status. */
function cancelledNote(activities: readonly ActivityDto[]): string {
  const cancelled = activities.filter((a) => a.status === 'cancelled').length;
  return cancelled === 0 ? '' : `, of which ${cancelled} cancelled (see the Status column)`;
}

export function activitiesByObjective(data: PlanData): Map<string, ActivityDto[]> {
  const grouped = new Map<string, ActivityDto[]>(data.objectives.map((o) => [o.id, []]));
  for (const activity of data.activities) grouped.get(activity.objectiveId)?.push(activity);
  return grouped;
}

export function actionPlanSection(data: PlanData): FileChild[] {
  const children: FileChild[] = [
    heading1('3 Joint activities and implementation plan'),
    para(
      `${count(data.activities.length, 'joint activity', 'joint activities')} under ${count(data.objectives.length, 'objective', 'objectives')}, grouped by objective${cancelledNote(data.activities)}. Lead and supporting organisations are shown by their short names (the stakeholder matrix in Annex 9.1 gives the full names).`,
    ),
  ];
  if (data.objectives.length === 0) return [...children, emptyNote('No objectives or activities are recorded for this cycle yet.')];
  for (const [objectiveId, activities] of activitiesByObjective(data)) {
    children.push(heading2(objectiveHeading(data, objectiveId)));
    const objective = data.objectiveById.get(objectiveId);
    if (objective) children.push(para([new TextRun({ text: 'Objective: ', bold: true }), new TextRun(objective.statement)], { keepNext: true }));
    children.push(
      ...dataTable({
        orientation: 'landscape',
        columns: [
          { header: 'Code', weight: 0.6 },
          { header: 'Activity and description', weight: 3.6 },
          { header: 'Lead', weight: 1 },
          { header: 'Supporting', weight: 1.2 },
          { header: 'Wards', weight: 1.3 },
          { header: 'Timeline', weight: 1.2 },
          { header: 'Expected output / outcome', weight: 2.2 },
          { header: 'Status', weight: 0.9 },
        ],
        rows: activities.map((a) => [
          a.code,
          { text: a.title, bold: true, note: a.description },
          orgLabel(data.orgById.get(a.leadOrgId)),
          a.supportingOrgIds.length === 0 ? '—' : a.supportingOrgIds.map((id) => orgLabel(data.orgById.get(id))),
          wardNames(data, a),
          timeline(a.startDate, a.endDate),
          a.expectedOutput,
          activityStatuses.label(a.status),
        ]),
        empty: 'No activities are recorded under this objective yet.',
      }),
    );
  }
  return children;
}

export function resourceSection(data: PlanData): FileChild[] {
  const linesByActivity = new Map<string | null, string[]>();
  for (const line of data.contributions) {
    const list = linesByActivity.get(line.activityId) ?? [];
    list.push(contributionLine(data, line));
    linesByActivity.set(line.activityId, list);
  }
  const rows: RowSpec[] = [];
  for (const [objectiveId, activities] of activitiesByObjective(data)) {
    if (activities.length === 0) continue;
    rows.push({ group: objectiveHeading(data, objectiveId) });
    for (const a of activities) {
      const share = data.totals.byActivity.get(a.id);
      rows.push([
        a.code,
        a.title,
        linesByActivity.get(a.id) ?? ['No contribution recorded'],
        shillingsOrDash(share?.countyKesMinor ?? 0),
        shillingsOrDash(share?.partnersKesMinor ?? 0),
        shillingsOrDash(share?.totalKesMinor ?? 0),
      ]);
    }
  }
  const outside = data.contributions.filter((line) => line.activityId === null);
  if (outside.length > 0) {
    rows.push({ group: 'Components outside the action plan (coordination, monitoring, reviews)' });
    for (const line of outside) {
      const converted = data.totals.lineKesMinor.get(line.id) ?? 0;
      const contributor = data.orgById.get(line.contributorOrgId);
      const county = contributor ? isCountyGovernment(contributor) : false;
      rows.push([
        '',
        line.component,
        [contributionLine(data, line)],
        shillingsOrDash(county ? converted : 0),
        shillingsOrDash(county ? 0 : converted),
        isCounted(line) ? shillings(converted) : '—',
      ]);
    }
  }
  if (data.contributions.length > 0) {
    rows.push({
      total: ['', 'Total', '', shillings(data.totals.countyKesMinor), shillings(data.totals.partnersKesMinor), shillings(data.totals.totalKesMinor)],
    });
  }
  return [
    heading1('4 Resource allocation'),
    costShareSentence(data),
    para(rateSentence(data)),
    heading2('4.1 Cost-share per activity'),
    ...dataTable({
      orientation: 'landscape',
      columns: [
        { header: 'Code', weight: 0.6 },
        { header: 'Activity / component', weight: 2.6 },
        { header: 'Contributions (contributor · amount as entered · type)', weight: 4 },
        { header: 'County government (KES)', weight: 1.4, align: 'right' },
        { header: 'Partners (KES)', weight: 1.4, align: 'right' },
        { header: 'Total (KES)', weight: 1.4, align: 'right' },
      ],
      rows: data.activities.length === 0 && outside.length === 0 ? [] : rows,
      empty: 'No activities or budget components are recorded for this cycle yet.',
    }),
    ...notValuedParagraphs(data),
    heading2('4.2 Totals by contributor'),
    ...contributorTotalsTable(data, 'landscape'),
  ];
}
