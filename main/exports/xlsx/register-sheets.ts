import type ExcelJS from 'exceljs';
import {
  activityStatuses,
  learningSessions,
  levels,
  milestoneStatuses,
  organisationCategories,
  reportTypes,
  riskStatuses,
  sectors,
  signatoryRoles,
  triggerKinds,
  triggerStatuses,
} from '../../../shared/domain/vocabulary';
import type { CycleData } from './cycle-data';
import { letterOf, writeTable, type ColumnSpec, type TableLayout, addSheet } from './sheet-kit';
import { styleTitle } from './cell-style';
import { SHEETS } from './sheet-names';

/** The header row of every register sheet: a title and a subtitle above it. */
export const HEADER_ROW = 4;

type Row<K extends keyof CycleData> = CycleData[K] extends readonly (infer R)[] ? R : never;

const levelChoices = levels.keys.map((key) => levels.label(key));

function registerSheet<R>(
  workbook: ExcelJS.Workbook,
  data: CycleData,
  name: string,
  title: string,
  columns: ColumnSpec<R>[],
  rows: readonly R[],
  freezeColumns = 1,
  commitRows = true,
): TableLayout {
  const sheet = addSheet(workbook, name, { rows: HEADER_ROW, columns: freezeColumns });
  styleTitle(
    sheet,
    title,
    `${data.cycle.title} · ${data.cycle.countyName} County · FY ${data.cycle.fiscalYear} · ${rows.length} ${rows.length === 1 ? 'row' : 'rows'}`,
  );
  return writeTable(sheet, { headerRow: HEADER_ROW, columns, rows, freezeColumns, commitRows });
}

export function addStakeholders(workbook: ExcelJS.Workbook, data: CycleData): TableLayout {
  const keyContact = new Map<string, Row<'contacts'>>();
  for (const contact of data.contacts) if (contact.isKeyContact || !keyContact.has(contact.organisationId)) keyContact.set(contact.organisationId, contact);
  const columns: ColumnSpec<Row<'organisations'>>[] = [
    { header: 'Stakeholder', kind: 'text', value: (o) => o.name },
    { header: 'Short name', kind: 'text', value: (o) => o.shortName },
    { header: 'Category', kind: 'text', value: (o) => organisationCategories.label(o.category) },
    { header: 'Role / responsibility', kind: 'longText', value: (o) => o.role },
    { header: 'Interest in JWP', kind: 'text', value: (o) => levels.label(o.interest), choices: levelChoices },
    { header: 'Level of influence', kind: 'text', value: (o) => levels.label(o.influence), choices: levelChoices },
    { header: 'Level of involvement', kind: 'longText', value: (o) => o.involvement },
    { header: 'Communication strategy', kind: 'longText', value: (o) => o.communicationStrategy },
    { header: 'Key contact', kind: 'text', value: (o) => keyContact.get(o.id)?.name ?? '' },
    { header: 'Contact title', kind: 'text', value: (o) => keyContact.get(o.id)?.title ?? '' },
    { header: 'Phone', kind: 'text', value: (o) => keyContact.get(o.id)?.phone ?? '' },
    { header: 'Email', kind: 'text', value: (o) => keyContact.get(o.id)?.email ?? '' },
    { header: 'Remarks', kind: 'longText', value: (o) => o.remarks },
  ];
  return registerSheet(workbook, data, SHEETS.stakeholders, 'Stakeholder mapping matrix', columns, data.organisations);
}

export function addObjectives(workbook: ExcelJS.Workbook, data: CycleData): TableLayout {
  const columns: ColumnSpec<Row<'objectives'>>[] = [
    { header: 'Code', kind: 'text', value: (o) => o.code },
    { header: 'Objective', kind: 'longText', value: (o) => o.statement },
    { header: 'Priority area', kind: 'text', value: (o) => o.priorityArea },
    { header: 'Link to CIDP / ADP', kind: 'text', value: (o) => o.cidpLink },
    { header: 'Sector', kind: 'text', value: (o) => sectors.label(o.sector) },
  ];
  return registerSheet(workbook, data, SHEETS.objectives, 'Objectives and priority areas', columns, data.objectives);
}

export const ACTIVITY_SECTOR_HEADER = 'Sector';
export const ACTIVITY_STATUS_HEADER = 'Status';

export function addActivities(workbook: ExcelJS.Workbook, data: CycleData): TableLayout {
  const { names } = data;
  const columns: ColumnSpec<Row<'activities'>>[] = [
    { header: 'Code', kind: 'text', value: (a) => a.code },
    { header: 'Activity', kind: 'text', value: (a) => a.title },
    { header: 'Description', kind: 'longText', value: (a) => a.description },
    { header: 'Objective', kind: 'text', value: (a) => names.objectiveCode(a.objectiveId), width: 10 },
    { header: ACTIVITY_SECTOR_HEADER, kind: 'text', value: (a) => sectors.label(a.sector) },
    { header: 'Lead organisation', kind: 'text', value: (a) => names.orgShort(a.leadOrgId) },
    { header: 'Supporting organisations', kind: 'text', value: (a) => names.orgShortList(a.supportingOrgIds) },
    { header: 'Start date', kind: 'date', value: (a) => a.startDate },
    { header: 'End date', kind: 'date', value: (a) => a.endDate },
    { header: 'Wards', kind: 'text', value: (a) => names.wards(a.wardIds) },
    { header: 'Expected output / outcome', kind: 'longText', value: (a) => a.expectedOutput },
    {
      header: ACTIVITY_STATUS_HEADER,
      kind: 'text',
      value: (a) => activityStatuses.label(a.status),
      choices: activityStatuses.keys.map((k) => activityStatuses.label(k)),
    },
    { header: 'Completion %', kind: 'int', value: (a) => a.completionPct },
    { header: 'Challenges', kind: 'longText', value: (a) => a.challenges },
    { header: 'Actions taken', kind: 'longText', value: (a) => a.actionsTaken },
  ];
  return registerSheet(workbook, data, SHEETS.activities, 'Joint activities and implementation plan', columns, data.activities, 2);
}

export function addRisks(workbook: ExcelJS.Workbook, data: CycleData): TableLayout {
  const columns: ColumnSpec<Row<'risks'>>[] = [
    { header: 'Code', kind: 'text', value: (r) => r.code },
    { header: 'Risk', kind: 'longText', value: (r) => r.description },
    { header: 'Likelihood', kind: 'text', value: (r) => levels.label(r.likelihood), choices: levelChoices },
    { header: 'Impact', kind: 'text', value: (r) => levels.label(r.impact), choices: levelChoices },
    { header: 'Mitigation strategy', kind: 'longText', value: (r) => r.mitigation },
    { header: 'Responsible entity', kind: 'text', value: (r) => data.names.orgShort(r.responsibleOrgId) },
    { header: 'Status', kind: 'text', value: (r) => riskStatuses.label(r.status), choices: riskStatuses.keys.map((k) => riskStatuses.label(k)) },
    { header: 'Review date', kind: 'date', value: (r) => r.reviewDate },
  ];
  return registerSheet(workbook, data, SHEETS.risks, 'Risk register', columns, data.risks);
}

export function addMilestones(workbook: ExcelJS.Workbook, data: CycleData): TableLayout {
  const columns: ColumnSpec<Row<'milestones'>>[] = [
    { header: 'Milestone / deliverable', kind: 'text', value: (m) => m.title },
    { header: 'Kind', kind: 'text', value: (m) => reportTypes.label(m.kind) },
    { header: 'Due date', kind: 'date', value: (m) => m.dueDate },
    { header: 'Responsible parties', kind: 'text', value: (m) => data.names.orgShortList(m.responsibleOrgIds) },
    { header: 'Status', kind: 'text', value: (m) => milestoneStatuses.label(m.status), choices: milestoneStatuses.keys.map((k) => milestoneStatuses.label(k)) },
    { header: 'Progress notes', kind: 'longText', value: (m) => m.progressNotes },
  ];
  return registerSheet(workbook, data, SHEETS.milestones, 'Review milestones and reporting', columns, data.milestones);
}

export function addLearningLog(workbook: ExcelJS.Workbook, data: CycleData): TableLayout {
  const columns: ColumnSpec<Row<'learningEntries'>>[] = [
    { header: 'Date', kind: 'date', value: (e) => e.entryDate },
    { header: 'Session', kind: 'text', value: (e) => learningSessions.label(e.session) },
    { header: 'What worked', kind: 'longText', value: (e) => e.whatWorked },
    { header: 'What did not work', kind: 'longText', value: (e) => e.whatDidNot },
    { header: 'What can be improved', kind: 'longText', value: (e) => e.improvements },
    { header: 'Evidence', kind: 'longText', value: (e) => e.evidence },
    { header: 'Follow-up action', kind: 'longText', value: (e) => e.followUpAction },
    { header: 'Responsible', kind: 'text', value: (e) => data.names.orgShort(e.responsibleOrgId) },
    { header: 'Due date', kind: 'date', value: (e) => e.dueDate },
  ];
  return registerSheet(workbook, data, SHEETS.learning, 'Learning log', columns, data.learningEntries);
}

export function addAdaptiveTriggers(workbook: ExcelJS.Workbook, data: CycleData): TableLayout {
  const columns: ColumnSpec<Row<'adaptiveTriggers'>>[] = [
    { header: 'Kind', kind: 'text', value: (t) => triggerKinds.label(t.kind) },
    { header: 'Trigger', kind: 'longText', value: (t) => t.trigger },
    { header: 'Proposed action', kind: 'longText', value: (t) => t.proposedAction },
    { header: 'Timeline', kind: 'text', value: (t) => t.timeline },
    { header: 'Responsible', kind: 'text', value: (t) => data.names.orgShort(t.responsibleOrgId) },
    { header: 'Expected outcome', kind: 'longText', value: (t) => t.expectedOutcome },
    { header: 'Status', kind: 'text', value: (t) => triggerStatuses.label(t.status), choices: triggerStatuses.keys.map((k) => triggerStatuses.label(k)) },
    { header: 'Indicator', kind: 'text', value: (t) => data.names.indicator(t.indicatorId) },
  ];
  return registerSheet(workbook, data, SHEETS.triggers, 'Adaptive triggers', columns, data.adaptiveTriggers);
}

/** Section 8 of the plan: printed with an empty, tall signature cell for wet ink. */
export function addApprovals(workbook: ExcelJS.Workbook, data: CycleData): TableLayout {
  const signatories = [...data.signatories].sort((a, b) => a.sortOrder - b.sortOrder);
  const columns: ColumnSpec<Row<'signatories'>>[] = [
    { header: 'Name', kind: 'text', value: (s) => s.name },
    { header: 'Title', kind: 'text', value: (s) => s.title },
    { header: 'Organisation', kind: 'text', value: (s) => data.names.org(s.organisationId) },
    { header: 'Role', kind: 'text', value: (s) => signatoryRoles.label(s.role) },
    { header: 'Date', kind: 'date', value: (s) => s.signedOn, width: 14 },
    { header: 'Signature', kind: 'text', value: () => null, width: 34 },
  ];
  // Rows kept open: the signature lines are drawn on them after the table is written.
  const layout = registerSheet(workbook, data, SHEETS.approvals, 'Approval and signatures', columns, signatories, 0, false);
  const sheet = workbook.getWorksheet(SHEETS.approvals);
  for (let row = layout.firstDataRow; row <= layout.lastDataRow && signatories.length > 0; row++) {
    // Every column, the empty Date and Signature cells included, gets its line to write on.
    for (let column = 1; column <= columns.length; column++) {
      const cell = sheet?.getCell(row, column);
      if (!cell) continue;
      cell.alignment = { vertical: 'bottom', wrapText: true };
      cell.border = { bottom: { style: 'thin' } };
    }
    if (sheet) sheet.getRow(row).height = 42;
  }
  return layout;
}

export function addDisbursements(workbook: ExcelJS.Workbook, data: CycleData, rateName: string): TableLayout {
  const contributions = new Map(data.contributions.map((c) => [c.id, c]));
  const periodLabel = new Map(data.periods.map((p) => [p.key, p.label]));
  const rate = data.cycle.kesPerUsdScaled / 10_000;
  const columns: ColumnSpec<Row<'disbursements'>>[] = [
    { header: 'Budget component', kind: 'text', value: (d) => contributions.get(d.contributionId)?.component ?? '' },
    { header: 'Activity', kind: 'text', value: (d) => data.names.activityCode(contributions.get(d.contributionId)?.activityId ?? null) },
    { header: 'Contributor', kind: 'text', value: (d) => data.names.orgShort(contributions.get(d.contributionId)?.contributorOrgId ?? null) },
    { header: 'Reporting period', kind: 'text', value: (d) => periodLabel.get(d.periodKey) ?? d.periodKey },
    { header: 'Date', kind: 'date', value: (d) => d.date },
    { header: 'Amount', kind: 'amount', value: (d) => d.amountMinor / 100 },
    { header: 'Currency', kind: 'text', value: (d) => contributions.get(d.contributionId)?.currency ?? 'KES' },
    {
      header: 'Amount (KES)',
      kind: 'kes',
      value: (d, row) => {
        const usd = contributions.get(d.contributionId)?.currency === 'USD';
        const amount = letterOf(columns, 'Amount');
        return {
          formula: `IF(${letterOf(columns, 'Currency')}${row}="USD",${amount}${row}*${rateName},${amount}${row})`,
          result: usd ? (d.amountMinor / 100) * rate : d.amountMinor / 100,
        };
      },
    },
    { header: 'Notes', kind: 'longText', value: (d) => d.notes },
  ];
  return registerSheet(workbook, data, SHEETS.disbursements, 'Disbursements and spending (financial report)', columns, data.disbursements);
}
