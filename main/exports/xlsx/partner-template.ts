import { isCounted, NOT_VALUED_LABEL } from '../../../shared/budget-lines';
import type ExcelJS from 'exceljs';
import type { OrganisationDto } from '../../../shared/api/schemas/organisation';
import { indicatorDirectionLabels } from '../../../shared/analysis/indicator-progress';
import { formatDisplayDate } from '../../../shared/dates';
import {
  activityStatuses,
  contributionTypes,
  currencies,
  evaluationCriteria,
  learningSessions,
  riskStatuses,
  sectors,
} from '../../../shared/domain/vocabulary';
import { budgetLineLabel, codeLabel, type CycleData } from './cycle-data';
import { addMetaSheet, type WorkbookMeta } from './meta-sheet';
import { templateData, owned } from './template-data';
import { workbookForWriteXlsx, writeXlsx, type PlainRows } from './write-xlsx';
import { cellText } from './safe-text';
import { printSetup, writeTable, type CellInput, type ColumnKind, type ColumnSpec, addSheet } from './sheet-kit';
import { styleHeaderRow, styleTitle, font, heightForLines, wrappedLines } from './cell-style';
import {
  BASE_SHEET,
  INSTRUCTIONS_SHEET,
  listName,
  LISTS_SHEET,
  REGISTER_RULES,
  SPARE_ROWS,
  TEMPLATE_ORDER,
  TEMPLATE_SHEETS,
  type FieldKind,
  type ListName,
  type TemplateRegister,
} from './template-layout';

/** The header row of the template's data sheets (title and a hint above it). */
export const TEMPLATE_HEADER_ROW = 3;

type TemplateRow = Record<string, CellInput>;

const CELL_KIND: Record<FieldKind, ColumnKind> = {
  rowId: 'text',
  text: 'text',
  longText: 'longText',
  date: 'date',
  percent: 'int',
  measure: 'number',
  amount: 'amount',
  lineAmount: 'amount',
  choice: 'text',
  yesNo: 'text',
  wards: 'text',
  organisations: 'text',
  objective: 'text',
  activity: 'text',
  indicator: 'text',
  indicatorId: 'text',
  contribution: 'text',
  contributionId: 'text',
  period: 'text',
  reference: 'text',
};

/** How an organisation is written in the template's lists: the short name people use, else the name. */
export const orgListName = (org: { name: string; shortName: string }) => org.shortName || org.name;

/**
 * A fill-in workbook for one partner: their activities, contributions, disbursements, indicators
 * and indicator periods, with hidden row ids so edited rows are recognised, drop-downs fed by a
 * protected Lists sheet, and instructions first. The lists' values and the hidden base rows are
 * written as plain text rows (write-xlsx.ts): the same file, made in half the time.
 */
export async function writePartnerTemplate(
  data: CycleData,
  org: OrganisationDto,
  meta: WorkbookMeta,
  /** The round asks for learning entries and risk updates: the Learning and Risks sheets are added. */
  options: { learningAndRisks?: boolean } = {},
): Promise<Buffer> {
  const workbook = workbookForWriteXlsx();
  workbook.creator = meta.exportedBy;
  workbook.created = new Date(meta.exportedAt);
  workbook.modified = new Date(meta.exportedAt);
  workbook.title = `${data.cycle.title}: partner template for ${org.name}`;

  const rows = templateRows(data, org, meta.periodKey);
  addInstructions(workbook, data, org, meta, rows);
  for (const register of TEMPLATE_ORDER.filter((r) => options.learningAndRisks === true || !TEMPLATE_SHEETS[r].optional)) {
    const layout = TEMPLATE_SHEETS[register];
    const sheet = addSheet(workbook, layout.name, { rows: TEMPLATE_HEADER_ROW });
    styleTitle(sheet, `${layout.title}: ${org.name}`, layout.hint, 'B');
    const columns: ColumnSpec<TemplateRow>[] = layout.columns.map((column) => ({
      header: column.header,
      kind: CELL_KIND[column.kind],
      value: (row) => row[column.field] ?? null,
      width: column.width,
      ...(column.list ? { choices: `=${listName(column.list)}` } : {}),
      ...(column.hidden ? { hidden: true } : {}),
      ...(column.kind === 'reference' ? { reference: true } : {}),
    }));
    writeTable(sheet, { headerRow: TEMPLATE_HEADER_ROW, columns, rows: rows[register], spareRows: SPARE_ROWS, textColumnsAsText: true, commitRows: true });
    layout.columns.forEach((column, index) => {
      if (column.note) sheet.getRow(TEMPLATE_HEADER_ROW).getCell(index + 1).note = column.note;
    });
  }
  const lists = await addLists(workbook, data, org);
  addMetaSheet(workbook, meta);
  const base = addBaseSheet(workbook, data, org);
  return writeXlsx(
    workbook,
    new Map([
      [LISTS_SHEET, lists],
      [BASE_SHEET, base],
    ]),
  );
}

/** Each exported row's editable values as exported: the import's common ancestor (see BASE_SHEET). */
function addBaseSheet(workbook: ExcelJS.Workbook, data: CycleData, org: OrganisationDto): PlainRows {
  const sheet = workbook.addWorksheet(BASE_SHEET, { state: 'veryHidden' });
  sheet.getCell('A1').value = 'Written by Pamoja JWP; do not edit. The rows as they were when this template was made.';
  const rows: string[][] = [];
  const own = templateData(data);
  const add = (register: TemplateRegister, registerRows: readonly Record<string, unknown>[]) => {
    for (const values of registerRows) {
      const base = Object.fromEntries(REGISTER_RULES[register].editable.map((field) => [field, values[field] ?? null]));
      rows.push([register, String(values.id), JSON.stringify(base)]);
    }
  };
  add('activity', owned(own.activities, org.id));
  add('contribution', owned(own.contributions, org.id));
  add('disbursement', owned(own.disbursements, org.id));
  add('indicator', owned(own.indicators, org.id));
  add('indicatorPeriod', owned(own.indicatorPeriods, org.id));
  add('learningEntry', owned(own.learningEntries, org.id));
  add('risk', owned(own.risks, org.id));
  return { firstRow: 2, columns: [rows.map((row) => row[0] ?? ''), rows.map((row) => row[1] ?? ''), rows.map((row) => row[2] ?? '')] };
}

/**
 * The rows of each sheet, written as the import reads them back. A template for a reporting round
 * (`periodKey`) offers an empty disbursement row for that period only; one made outside a round,
 * for every period; disbursements already recorded are always listed.
 */
export function templateRows(data: CycleData, org: OrganisationDto, periodKey?: string): Record<TemplateRegister, TemplateRow[]> {
  const { names } = data;
  const own = templateData(data);
  const orgs = (ids: string[]) =>
    ids
      .map((id) => names.orgRow(id))
      .filter((o) => o !== undefined)
      .map(orgListName)
      .join(', ');
  const activities = owned(own.activities, org.id).map((a) => ({
    id: a.id,
    code: a.code,
    title: a.title,
    description: a.description,
    objectiveId: names.objective(a.objectiveId),
    sector: sectors.label(a.sector),
    startDate: a.startDate,
    endDate: a.endDate,
    wardIds: names.wards(a.wardIds),
    supportingOrgIds: orgs(a.supportingOrgIds),
    expectedOutput: a.expectedOutput,
    status: activityStatuses.label(a.status),
    completionPct: a.completionPct,
    challenges: a.challenges,
    actionsTaken: a.actionsTaken,
  }));
  const contributions = owned(own.contributions, org.id).map((c) => ({
    id: c.id,
    activityId: names.activity(c.activityId),
    component: c.component,
    description: c.description,
    type: contributionTypes.label(c.type),
    onBudget: c.onBudget ? 'Yes' : 'No',
    amountMinor: isCounted(c) ? c.amountMinor / 100 : NOT_VALUED_LABEL,
    currency: currencies.label(c.currency),
    utilisationPlan: c.utilisationPlan,
    comments: c.comments,
  }));
  const { periodsByKey } = own;
  const indicatorPeriods = owned(own.indicators, org.id).flatMap((indicator) =>
    data.periods.map((period) => {
      const row = periodsByKey.get(`${indicator.id}\u0000${period.key}`);
      return {
        id: row?.id ?? null,
        indicatorId: indicator.id,
        indicator: codeLabel(indicator.code, indicator.name),
        unit: indicator.unit,
        direction: indicatorDirectionLabels[indicator.direction],
        periodKey: period.label,
        target: row?.target ?? null,
        actual: row?.actual ?? null,
        actualNote: row?.actualNote ?? '',
        evaluationCriterion: row?.evaluationCriterion ? evaluationCriteria.label(row.evaluationCriterion) : '',
        evaluatedOn: row?.evaluatedOn ?? null,
      };
    }),
  );
  const indicators = owned(own.indicators, org.id).map((i) => ({
    id: i.id,
    code: i.code,
    name: i.name,
    unit: i.unit,
    baselineValue: i.baselineValue,
    targetValue: i.targetValue,
    direction: indicatorDirectionLabels[i.direction],
    rangeMin: i.rangeMin,
    rangeMax: i.rangeMax,
  }));
  const learning = owned(own.learningEntries, org.id).map((l) => ({
    id: l.id,
    entryDate: l.entryDate,
    session: learningSessions.label(l.session),
    whatWorked: l.whatWorked,
    whatDidNot: l.whatDidNot,
    improvements: l.improvements,
    evidence: l.evidence,
    followUpAction: l.followUpAction,
    dueDate: l.dueDate,
  }));
  const risks = owned(own.risks, org.id).map((r) => ({
    id: r.id,
    code: r.code,
    description: r.description,
    status: riskStatuses.label(r.status),
    mitigation: r.mitigation,
    reviewDate: r.reviewDate,
  }));
  return {
    activity: activities,
    contribution: contributions,
    disbursement: disbursementRows(data, org, periodKey),
    indicator: indicators,
    indicatorPeriod: indicatorPeriods,
    learningEntry: learning,
    risk: risks,
  };
}

/** Each of the organisation's budget lines by period: its disbursements, or an empty row to fill in. */
function disbursementRows(data: CycleData, org: OrganisationDto, periodKey: string | undefined): TemplateRow[] {
  const { paid } = templateData(data);
  return owned(templateData(data).contributions, org.id).flatMap((line) => {
    const identity = {
      contributionId: line.id,
      contribution: budgetLineLabel(line.component, data.names.activityRow(line.activityId)),
      currency: currencies.label(line.currency),
    };
    return data.periods.flatMap((period): TemplateRow[] => {
      const recorded = paid.get(`${line.id}\u0000${period.key}`) ?? [];
      if (recorded.length === 0) return periodKey === undefined || periodKey === period.key ? [{ id: null, ...identity, periodKey: period.label }] : [];
      return recorded.map((d) => ({ id: d.id, ...identity, periodKey: period.label, amountMinor: d.amountMinor / 100, date: d.date, notes: d.notes }));
    });
  });
}

function addInstructions(
  workbook: ExcelJS.Workbook,
  data: CycleData,
  org: OrganisationDto,
  meta: WorkbookMeta,
  rows: Record<TemplateRegister, TemplateRow[]>,
): void {
  const sheet = addSheet(workbook, INSTRUCTIONS_SHEET, { rows: 2 });
  styleTitle(sheet, `Partner template: ${org.name}`, `${data.cycle.title} · ${data.cycle.countyName} County · FY ${data.cycle.fiscalYear}`);
  const facts: [string, string][] = [
    ['Organisation', org.name],
    ['JWP cycle', data.cycle.title],
    ['Prepared on', `${formatDisplayDate(meta.exportedAt.slice(0, 10))} by ${meta.exportedBy}`],
    [
      'Your rows',
      `${rows.activity.length} activities, ${rows.contribution.length} budget contributions, ${rows.disbursement.length} disbursement rows, ${rows.indicator.length} indicators, ${rows.indicatorPeriod.length} indicator periods`,
    ],
    ['Reporting periods', data.periods.map((p) => p.label).join(', ') + ' (county fiscal year: Q1 is July–September)'],
  ];
  facts.forEach(([label, value], index) => {
    sheet.getCell(4 + index, 1).value = label;
    sheet.getCell(4 + index, 1).font = font({ bold: true });
    sheet.getCell(4 + index, 2).value = cellText(value);
  });
  const steps = [
    'Update your rows on the Activities, Contributions and Indicator periods sheets: status, completion, dates, amounts, targets and actuals.',
    'On the Disbursements sheet, give for each budget line and period the amount disbursed or spent and its date; leave the row empty if nothing was. On the Indicators sheet, correct the desired direction of an indicator if the plan has it wrong.',
    'To add an activity or a contribution, type it in the first empty row below the others. Leave the Row ID column empty; Pamoja JWP gives the row its ID.',
    'Columns with a drop-down take a value from its list. Type wards and supporting organisations as names separated by commas, as listed below.',
    'Type dates as 25 Nov 2026 or 25/11/2026 (day/month/year). Type amounts as plain numbers, e.g. 1,200,000, and choose the currency in the next column.',
    'You may sort, filter, hide or move columns and rename sheets. Do not change or delete the hidden Row ID column.',
    'Deleting a row here does not delete it from the plan: tell the JWP Secretariat instead. Grey columns are for reference and are not read back.',
    'Send the file back to the JWP Secretariat. They import it into Pamoja JWP, see every change and every problem row by row, and only then save it.',
  ];
  const stepsRow = 4 + facts.length + 1;
  sheet.getCell(stepsRow, 1).value = 'How to fill in this workbook';
  sheet.getCell(stepsRow, 1).font = font({ bold: true, size: 12 });
  steps.forEach((step, index) => {
    const row = sheet.getRow(stepsRow + 1 + index);
    row.getCell(1).value = `Step ${index + 1}`;
    row.getCell(1).alignment = { vertical: 'top' };
    row.getCell(2).value = step;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.height = heightForLines(wrappedLines(step, 110));
  });
  // The names typed in the Wards and Supporting organisations columns, where a person filling in
  // the template (or reading it on paper) sees them: the drop-downs' Lists sheet is hidden.
  const namesRow = stepsRow + 1 + steps.length + 1;
  sheet.getCell(namesRow, 1).value = 'Names to use';
  sheet.getCell(namesRow, 1).font = font({ bold: true, size: 12 });
  const names: [string, string[]][] = [
    [`Wards of ${data.cycle.countyName}`, [...data.wards.values()].map((w) => w.name)],
    ['Organisations', data.organisations.map(orgListName)],
  ];
  names.forEach(([label, values], index) => {
    const row = sheet.getRow(namesRow + 1 + index);
    const text = values.join(', ');
    row.getCell(1).value = label;
    row.getCell(1).alignment = { vertical: 'top', wrapText: true };
    row.getCell(2).value = cellText(text);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.height = heightForLines(wrappedLines(text, 110));
  });
  sheet.getColumn(1).width = 20;
  sheet.getColumn(2).width = 110;
  printSetup(sheet, undefined);
  sheet.pageSetup.orientation = 'portrait';
}

/**
 * The reference lists on one protected sheet; each list is a defined name that drop-downs use.
 * Hidden (not "very hidden": a curious partner can unhide it), so it is not printed.
 */
async function addLists(workbook: ExcelJS.Workbook, data: CycleData, org: OrganisationDto): Promise<PlainRows> {
  const sheet = addSheet(workbook, LISTS_SHEET, { rows: 1 }, 'hidden');
  const own = templateData(data);
  const { lists: shared } = own;
  const lists: [ListName | null, string, readonly string[]][] = [
    ['Objectives', 'Objectives', shared.Objectives],
    ['Sectors', 'Sectors', shared.Sectors],
    ['Statuses', 'Activity statuses', shared.Statuses],
    ['Activities', 'Activities of the cycle', shared.Activities],
    ['Types', 'Contribution types', shared.Types],
    ['YesNo', 'On county budget', shared.YesNo],
    ['Currencies', 'Currencies', shared.Currencies],
    ['BudgetLines', 'Your budget lines', owned(own.contributions, org.id).map((c) => budgetLineLabel(c.component, data.names.activityRow(c.activityId)))],
    // The partner's own indicators, as on its Indicator periods sheet: those are the ones it reports.
    ['Indicators', 'Your indicators', owned(own.indicators, org.id).map((i) => codeLabel(i.code, i.name))],
    ['Directions', 'Desired directions', shared.Directions],
    ['Periods', 'Reporting periods', shared.Periods],
    ['Criteria', 'Evaluation criteria', shared.Criteria],
    ['Sessions', 'Learning sessions', shared.Sessions],
    ['RiskStatuses', 'Risk statuses', shared.RiskStatuses],
    [null, 'Wards', shared.wards],
    [null, 'Organisations (short name or name)', shared.organisations],
  ];
  lists.forEach(([name, header, values], index) => {
    const column = index + 1;
    sheet.getCell(1, column).value = header;
    const letter = sheet.getColumn(column).letter;
    if (name) workbook.definedNames.add(`'${LISTS_SHEET}'!$${letter}$2:$${letter}$${Math.max(values.length, 1) + 1}`, listName(name));
    sheet.getColumn(column).width = Math.min(50, Math.max(14, header.length + 2, ...values.slice(0, 500).map((v) => v.length + 2)));
  });
  styleHeaderRow(sheet.getRow(1), 1, lists.length);
  printSetup(sheet, '1:1');
  // Protected without a password: it stops accidental edits; the import never trusts this sheet.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, autoFilter: true, sort: false });
  // The values, below the headers: each list down its own column.
  return { firstRow: 2, columns: lists.map(([, , values]) => values) };
}
