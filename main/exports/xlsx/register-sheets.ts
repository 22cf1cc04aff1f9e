import type ExcelJS from 'exceljs';
import {
  activityStatuses,
  activityTypes,
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
import { fieldLabel } from '../../../shared/api/field-labels';
import type { RegisterDto, RegisterField, RegisterName } from '../../../shared/api/registers';
import type { LeftOut } from '../register-columns';
import type { CycleData } from './cycle-data';
import { letterOf, writeTable, type ColumnSpec, type TableLayout, addSheet } from './sheet-kit';
import { FORMATS, font, styleTitle } from './cell-style';
import { BUDGET_LINE_ID_HEADER, ROW_ID_HEADER, SHEETS } from './sheet-names';

/** The header row of every register sheet: a title and a subtitle above it. */
export const HEADER_ROW = 4;

/**
 * One column of a register sheet: the field it shows (named by the register's schema, headed by
 * the field's label unless the sheet words it otherwise), or a column worked out from other rows.
 */
type SheetColumn<R extends RegisterName, K extends RegisterField<R>> = Omit<ColumnSpec<RegisterDto<R>>, 'header'> &
  ({ field: K; header?: string } | { field?: undefined; header: string });

/** A register's columns, accounting for every field of its schema: shown, or left out with the reason. */
function registerColumns<R extends RegisterName, const K extends RegisterField<R>>(
  register: R,
  columns: readonly SheetColumn<R, K>[],
  _leftOut: LeftOut<R, NoInfer<K>>,
): ColumnSpec<RegisterDto<R>>[] {
  return columns.map(({ field, header, ...column }) => ({ ...column, header: header ?? fieldLabel(field ?? '', register) }));
}

const levelChoices = levels.keys.map((key) => levels.label(key));

/** The hidden Row ID column every register sheet ends with (see ROW_ID_HEADER). */
export function rowIdColumn<R extends { id: string }>(): ColumnSpec<R> {
  return { header: ROW_ID_HEADER, kind: 'text', value: (row) => row.id, hidden: true };
}

export function registerSheet<R extends { id: string }>(
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
  return writeTable(sheet, { headerRow: HEADER_ROW, columns: [...columns, rowIdColumn<R>()], rows, freezeColumns, commitRows });
}

export function addStakeholders(workbook: ExcelJS.Workbook, data: CycleData): TableLayout {
  const keyContact = new Map<string, RegisterDto<'contact'>>();
  for (const contact of data.contacts) if (contact.isKeyContact || !keyContact.has(contact.organisationId)) keyContact.set(contact.organisationId, contact);
  const columns = registerColumns(
    'organisation',
    [
      { field: 'name', header: 'Stakeholder', kind: 'text', value: (o) => o.name },
      { field: 'shortName', kind: 'text', value: (o) => o.shortName },
      { field: 'category', kind: 'text', value: (o) => organisationCategories.label(o.category) },
      { field: 'role', header: 'Role / responsibility', kind: 'longText', value: (o) => o.role },
      { field: 'interest', kind: 'text', value: (o) => levels.label(o.interest), choices: levelChoices },
      { field: 'influence', kind: 'text', value: (o) => levels.label(o.influence), choices: levelChoices },
      { field: 'involvement', kind: 'longText', value: (o) => o.involvement },
      { field: 'communicationStrategy', kind: 'longText', value: (o) => o.communicationStrategy },
      { header: 'Key contact', kind: 'text', value: (o) => keyContact.get(o.id)?.name ?? '' },
      { header: 'Contact title', kind: 'text', value: (o) => keyContact.get(o.id)?.title ?? '' },
      { header: 'Phone', kind: 'text', value: (o) => keyContact.get(o.id)?.phone ?? '' },
      { header: 'Email', kind: 'text', value: (o) => keyContact.get(o.id)?.email ?? '' },
      { field: 'remarks', kind: 'longText', value: (o) => o.remarks },
    ],
    {},
  );
  return registerSheet(workbook, data, SHEETS.stakeholders, 'Stakeholder mapping matrix', columns, data.organisations);
}

/** Every contact of every organisation (the Stakeholders sheet shows each one's key contact). */
export function addContacts(workbook: ExcelJS.Workbook, data: CycleData): TableLayout {
  const columns = registerColumns(
    'contact',
    [
      { field: 'organisationId', kind: 'text', value: (c) => data.names.orgShort(c.organisationId) },
      { field: 'name', kind: 'text', value: (c) => c.name },
      { field: 'title', kind: 'text', value: (c) => c.title },
      { field: 'phone', kind: 'text', value: (c) => c.phone },
      { field: 'email', kind: 'text', value: (c) => c.email },
      { field: 'isKeyContact', header: 'Key contact', kind: 'text', value: (c) => (c.isKeyContact ? 'Yes' : 'No'), choices: ['Yes', 'No'] },
    ],
    {},
  );
  return registerSheet(workbook, data, SHEETS.contacts, 'Contacts', columns, data.contacts);
}

export function addObjectives(workbook: ExcelJS.Workbook, data: CycleData): TableLayout {
  const columns = registerColumns(
    'objective',
    [
      { field: 'code', kind: 'text', value: (o) => o.code },
      { field: 'statement', kind: 'longText', value: (o) => o.statement },
      { field: 'priorityArea', kind: 'text', value: (o) => o.priorityArea },
      { field: 'cidpLink', kind: 'text', value: (o) => o.cidpLink },
      { field: 'sector', kind: 'text', value: (o) => sectors.label(o.sector) },
    ],
    {},
  );
  return registerSheet(workbook, data, SHEETS.objectives, 'Objectives and priority areas', columns, data.objectives);
}

export const ACTIVITY_SECTOR_HEADER = fieldLabel('sector', 'activity');
export const ACTIVITY_STATUS_HEADER = fieldLabel('status', 'activity');

export function addActivities(workbook: ExcelJS.Workbook, data: CycleData): TableLayout {
  const { names } = data;
  const columns = registerColumns(
    'activity',
    [
      { field: 'code', kind: 'text', value: (a) => a.code },
      { field: 'title', kind: 'text', value: (a) => a.title },
      { field: 'description', kind: 'longText', value: (a) => a.description },
      { field: 'objectiveId', kind: 'text', value: (a) => names.objectiveCode(a.objectiveId), width: 10 },
      { field: 'sector', kind: 'text', value: (a) => sectors.label(a.sector) },
      {
        field: 'activityType',
        kind: 'text',
        value: (a) => (a.activityType ? activityTypes.label(a.activityType) : ''),
        choices: activityTypes.keys.map((k) => activityTypes.label(k)),
      },
      { field: 'leadOrgId', kind: 'text', value: (a) => names.orgShort(a.leadOrgId) },
      { field: 'supportingOrgIds', kind: 'text', value: (a) => names.orgShortList(a.supportingOrgIds) },
      { field: 'startDate', kind: 'date', value: (a) => a.startDate },
      { field: 'endDate', kind: 'date', value: (a) => a.endDate },
      { field: 'wardIds', kind: 'text', value: (a) => names.wards(a.wardIds) },
      { field: 'expectedOutput', kind: 'longText', value: (a) => a.expectedOutput },
      {
        field: 'status',
        kind: 'text',
        value: (a) => activityStatuses.label(a.status),
        choices: activityStatuses.keys.map((k) => activityStatuses.label(k)),
      },
      { field: 'completionPct', kind: 'int', value: (a) => a.completionPct },
      { field: 'challenges', kind: 'longText', value: (a) => a.challenges },
      { field: 'actionsTaken', kind: 'longText', value: (a) => a.actionsTaken },
    ],
    {},
  );
  return registerSheet(workbook, data, SHEETS.activities, 'Joint activities and implementation plan', columns, data.activities, 2);
}

export function addRisks(workbook: ExcelJS.Workbook, data: CycleData): TableLayout {
  const columns = registerColumns(
    'risk',
    [
      { field: 'code', kind: 'text', value: (r) => r.code },
      { field: 'description', kind: 'longText', value: (r) => r.description },
      { field: 'likelihood', kind: 'text', value: (r) => levels.label(r.likelihood), choices: levelChoices },
      { field: 'impact', kind: 'text', value: (r) => levels.label(r.impact), choices: levelChoices },
      { field: 'mitigation', kind: 'longText', value: (r) => r.mitigation },
      { field: 'responsibleOrgId', kind: 'text', value: (r) => data.names.orgShort(r.responsibleOrgId) },
      { field: 'status', kind: 'text', value: (r) => riskStatuses.label(r.status), choices: riskStatuses.keys.map((k) => riskStatuses.label(k)) },
      { field: 'reviewDate', kind: 'date', value: (r) => r.reviewDate },
    ],
    {},
  );
  return registerSheet(workbook, data, SHEETS.risks, 'Risk register', columns, data.risks);
}

export function addMilestones(workbook: ExcelJS.Workbook, data: CycleData): TableLayout {
  const columns = registerColumns(
    'milestone',
    [
      { field: 'title', kind: 'text', value: (m) => m.title },
      { field: 'kind', kind: 'text', value: (m) => reportTypes.label(m.kind) },
      { field: 'format', kind: 'text', value: (m) => m.format },
      { field: 'audience', kind: 'text', value: (m) => m.audience },
      { field: 'dueDate', kind: 'date', value: (m) => m.dueDate },
      { field: 'responsibleOrgIds', kind: 'text', value: (m) => data.names.orgShortList(m.responsibleOrgIds) },
      {
        field: 'status',
        kind: 'text',
        value: (m) => milestoneStatuses.label(m.status),
        choices: milestoneStatuses.keys.map((k) => milestoneStatuses.label(k)),
      },
      { field: 'progressNotes', kind: 'longText', value: (m) => m.progressNotes },
    ],
    {},
  );
  return registerSheet(workbook, data, SHEETS.milestones, 'Review milestones and reporting', columns, data.milestones);
}

export function addLearningLog(workbook: ExcelJS.Workbook, data: CycleData): TableLayout {
  const columns = registerColumns(
    'learningEntry',
    [
      { field: 'entryDate', kind: 'date', value: (e) => e.entryDate },
      { field: 'session', kind: 'text', value: (e) => learningSessions.label(e.session) },
      { field: 'whatWorked', kind: 'longText', value: (e) => e.whatWorked },
      { field: 'whatDidNot', kind: 'longText', value: (e) => e.whatDidNot },
      { field: 'improvements', kind: 'longText', value: (e) => e.improvements },
      { field: 'evidence', kind: 'longText', value: (e) => e.evidence },
      { field: 'captureMethods', kind: 'longText', value: (e) => e.captureMethods },
      { field: 'timing', kind: 'text', value: (e) => e.timing },
      { field: 'expectedUse', kind: 'longText', value: (e) => e.expectedUse },
      { field: 'followUpAction', kind: 'longText', value: (e) => e.followUpAction },
      { field: 'responsibleOrgId', kind: 'text', value: (e) => data.names.orgShort(e.responsibleOrgId) },
      { field: 'dueDate', kind: 'date', value: (e) => e.dueDate },
    ],
    {},
  );
  return registerSheet(workbook, data, SHEETS.learning, 'Learning log', columns, data.learningEntries);
}

export function addAdaptiveTriggers(workbook: ExcelJS.Workbook, data: CycleData): TableLayout {
  const columns = registerColumns(
    'adaptiveTrigger',
    [
      { field: 'kind', kind: 'text', value: (t) => triggerKinds.label(t.kind) },
      { field: 'trigger', kind: 'longText', value: (t) => t.trigger },
      { field: 'proposedAction', kind: 'longText', value: (t) => t.proposedAction },
      { field: 'timeline', kind: 'text', value: (t) => t.timeline },
      { field: 'responsibleOrgId', kind: 'text', value: (t) => data.names.orgShort(t.responsibleOrgId) },
      { field: 'expectedOutcome', kind: 'longText', value: (t) => t.expectedOutcome },
      {
        field: 'status',
        kind: 'text',
        value: (t) => triggerStatuses.label(t.status),
        choices: triggerStatuses.keys.map((k) => triggerStatuses.label(k)),
      },
      { field: 'priority', kind: 'text', value: (t) => (t.priority ? levels.label(t.priority) : ''), choices: levelChoices },
      { field: 'indicatorId', kind: 'text', value: (t) => data.names.indicator(t.indicatorId) },
    ],
    {},
  );
  return registerSheet(workbook, data, SHEETS.triggers, 'Adaptive triggers', columns, data.adaptiveTriggers);
}

/** Section 8 of the plan: printed with an empty, tall signature cell for wet ink. */
export function addApprovals(workbook: ExcelJS.Workbook, data: CycleData): TableLayout {
  const signatories = [...data.signatories].sort((a, b) => a.sortOrder - b.sortOrder);
  const columns = registerColumns(
    'signatory',
    [
      { field: 'name', kind: 'text', value: (s) => s.name },
      { field: 'title', kind: 'text', value: (s) => s.title },
      { field: 'organisationId', kind: 'text', value: (s) => data.names.org(s.organisationId) },
      { field: 'role', header: 'Role', kind: 'text', value: (s) => signatoryRoles.label(s.role) },
      { field: 'signedOn', header: 'Date', kind: 'date', value: (s) => s.signedOn, width: 14 },
      { header: 'Signature', kind: 'text', value: () => null, width: 34 },
    ],
    { sortOrder: 'the signatories are listed in this order' },
  );
  // Rows kept open: the signature lines are drawn on them after the table is written.
  const layout = registerSheet(workbook, data, SHEETS.approvals, 'Approval and signatures', columns, signatories, 0, false);
  const sheet = workbook.getWorksheet(SHEETS.approvals);
  for (let row = layout.firstDataRow; row <= layout.lastDataRow && signatories.length > 0; row++) {
    // Every column, the empty Date and Signature cells included, gets its line to write on.
    for (let column = 1; column <= columns.length; column++) {
      const cell = sheet?.getCell(row, column);
      if (!cell) continue;
      // A new style for the cell: its own is one shared by every cell of its look (cell-style.ts),
      // and changing that would draw signature lines under the dates of every later export.
      cell.style = { ...cell.style, alignment: { vertical: 'bottom', wrapText: true }, border: { bottom: { style: 'thin' } } };
    }
    if (sheet) sheet.getRow(row).height = 42;
  }
  return layout;
}

export function addDisbursements(workbook: ExcelJS.Workbook, data: CycleData, rateName: string): TableLayout {
  const contributions = new Map(data.contributions.map((c) => [c.id, c]));
  const periodLabel = new Map(data.periods.map((p) => [p.key, p.label]));
  const rate = data.cycle.kesPerUsdScaled / 10_000;
  const columns: ColumnSpec<RegisterDto<'disbursement'>>[] = registerColumns(
    'disbursement',
    [
      { field: 'contributionId', header: 'Budget component', kind: 'text', value: (d) => contributions.get(d.contributionId)?.component ?? '' },
      { header: 'Activity', kind: 'text', value: (d) => data.names.activityCode(contributions.get(d.contributionId)?.activityId ?? null) },
      { header: 'Contributor', kind: 'text', value: (d) => data.names.orgShort(contributions.get(d.contributionId)?.contributorOrgId ?? null) },
      { field: 'periodKey', kind: 'text', value: (d) => periodLabel.get(d.periodKey) ?? d.periodKey },
      { field: 'date', kind: 'date', value: (d) => d.date },
      { field: 'amountMinor', kind: 'amount', value: (d) => d.amountMinor / 100 },
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
      { field: 'notes', kind: 'longText', value: (d) => d.notes },
      { header: BUDGET_LINE_ID_HEADER, kind: 'text', value: (d) => d.contributionId, hidden: true },
    ],
    {},
  );
  const layout = registerSheet(workbook, data, SHEETS.disbursements, 'Disbursements and spending (financial report)', columns, data.disbursements);
  if (data.disbursements.length > 0) addDisbursementsTotal(workbook, data, layout, rate);
  return layout;
}

/**
 * The total disbursed in KES, below the last row, a live SUM as on the Budget sheet. It fills only
 * columns the import does not read (Currency, Amount (KES)), so importing the sheet skips it.
 */
function addDisbursementsTotal(workbook: ExcelJS.Workbook, data: CycleData, layout: TableLayout, rate: number): void {
  const sheet = workbook.getWorksheet(SHEETS.disbursements);
  if (!sheet) return;
  const contributions = new Map(data.contributions.map((c) => [c.id, c]));
  const kes = data.disbursements.reduce(
    (sum, d) => sum + (contributions.get(d.contributionId)?.currency === 'USD' ? (d.amountMinor / 100) * rate : d.amountMinor / 100),
    0,
  );
  const row = sheet.getRow(layout.lastDataRow + 1);
  const label = row.getCell(layout.column('Currency'));
  label.value = 'Total';
  const total = row.getCell(layout.column('Amount (KES)'));
  const letter = layout.letter('Amount (KES)');
  total.value = { formula: `SUM(${letter}${layout.firstDataRow}:${letter}${layout.lastDataRow})`, result: kes };
  total.numFmt = FORMATS.kes;
  for (const cell of [label, total]) {
    cell.font = font({ bold: true });
    cell.border = { top: { style: 'thin' }, bottom: { style: 'double' } };
  }
  row.commit();
}
