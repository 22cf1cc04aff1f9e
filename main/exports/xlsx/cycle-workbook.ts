import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { formatDisplayDate } from '../../../shared/dates';
import { cyclePhases, reportingFrequencies } from '../../../shared/domain/vocabulary';
import { addBudget, addBudgetLines, type BudgetLayout } from './budget-sheets';
import type { CycleData } from './cycle-data';
import { addCoverage } from './coverage-sheet';
import { addIndicatorEvaluations } from './evaluations-sheet';
import { addIndicators } from './indicators-sheet';
import { addMetaSheet, type WorkbookMeta } from './meta-sheet';
import {
  ACTIVITY_SECTOR_HEADER,
  ACTIVITY_STATUS_HEADER,
  addActivities,
  addAdaptiveTriggers,
  addApprovals,
  addContacts,
  addDisbursements,
  addLearningLog,
  addMilestones,
  addObjectives,
  addRisks,
  addStakeholders,
} from './register-sheets';
import { cellText } from './safe-text';
import { excelDate, printSetup, addSheet } from './sheet-kit';
import { FORMATS, styleTitle, font, heightForLines, wrappedLines } from './cell-style';
import { BLANK_CYCLE_ID } from './blank-workbook';
import { GENERAL, RATE_NAME, SHEETS, WHOLE_COUNTY } from './sheet-names';
import { addSummary, type SummaryLayout } from './summary-sheet';
import { developmentPartners } from '../../../shared/domain/organisations';

export interface CycleWorkbook {
  budget: BudgetLayout;
  summary: SummaryLayout;
}

/**
 * The cycle workbook as a file. It is written with exceljs's streaming writer: a large county plan
 * holds half a million cells, and the in-memory writer takes several times as long to pack them.
 */
export async function writeCycleWorkbook(data: CycleData, meta: WorkbookMeta): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  await buildCycleWorkbook(workbook, data, meta);
  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}

/** The cycle as a workbook for finance and M&E officers: one sheet per register, plus Budget and Summary. */
export async function buildCycleWorkbook(workbook: ExcelJS.Workbook, data: CycleData, meta: WorkbookMeta): Promise<CycleWorkbook> {
  workbook.creator = meta.exportedBy;
  workbook.created = new Date(meta.exportedAt);
  workbook.modified = new Date(meta.exportedAt);
  workbook.title = data.cycle.title;
  // Formulas carry their results (viewers that do not calculate show them); the file's calcId is
  // older than Excel's own, so Excel recalculates everything when it opens the workbook.
  const exportedOn = meta.exportedAt.slice(0, 10);

  // Each sheet is handed to the writer as soon as it is complete, and the writer gets a turn to
  // zip it (on zlib's threads, beside the next sheet being built) before the next one is made:
  // at most one sheet's XML waits in memory instead of the whole workbook's 40 MB.
  const done = async <T>(name: string, result: T): Promise<T> => {
    commitSheet(workbook, name);
    await new Promise<void>((resolve) => setImmediate(resolve));
    return result;
  };
  await done(SHEETS.general, addGeneralInformation(workbook, data, meta));
  addSheet(workbook, SHEETS.summary, { rows: 2 });
  await done(SHEETS.stakeholders, addStakeholders(workbook, data));
  await done(SHEETS.contacts, addContacts(workbook, data));
  await done(SHEETS.objectives, addObjectives(workbook, data));
  const activities = await done(SHEETS.activities, addActivities(workbook, data));
  const budget = await done(SHEETS.budget, addBudget(workbook, data, exportedOn));
  const lines = await done(SHEETS.budgetLines, addBudgetLines(workbook, data));
  await done(SHEETS.coverage, addCoverage(workbook, data));
  await done(SHEETS.disbursements, addDisbursements(workbook, data, RATE_NAME));
  await done(SHEETS.indicators, addIndicators(workbook, data));
  await done(SHEETS.evaluations, addIndicatorEvaluations(workbook, data));
  await done(SHEETS.risks, addRisks(workbook, data));
  await done(SHEETS.milestones, addMilestones(workbook, data));
  await done(SHEETS.learning, addLearningLog(workbook, data));
  await done(SHEETS.triggers, addAdaptiveTriggers(workbook, data));
  await done(SHEETS.approvals, addApprovals(workbook, data));
  const summary = addSummary(workbook, data, budget, lines, {
    firstDataRow: activities.firstDataRow,
    lastDataRow: activities.lastDataRow,
    sectorLetter: activities.letter(ACTIVITY_SECTOR_HEADER),
    statusLetter: activities.letter(ACTIVITY_STATUS_HEADER),
  });
  addMetaSheet(workbook, meta);
  return { budget, summary };
}

/** A streamed sheet is written out when committed; an in-memory sheet has nothing to commit. */
function commitSheet(workbook: ExcelJS.Workbook, name: string): void {
  const sheet = workbook.getWorksheet(name);
  if (sheet && 'commit' in sheet && typeof sheet.commit === 'function') sheet.commit();
}

type GeneralRow = [string, string | Date | ExcelJS.CellFormulaValue];

/** The cycle's general information, label by label (an import reads them back by label). */
function generalRows(data: CycleData, meta: WorkbookMeta): GeneralRow[] {
  const { cycle } = data;
  const scope = cycle.scopeUnitIds.map((id) => data.wards.get(id)?.name ?? data.subCounties.get(id)?.name ?? id);
  const partners = developmentPartners(data.organisations).map((o) => o.name);
  return [
    [GENERAL.title, cycle.title],
    [GENERAL.county, `${cycle.countyName} County`],
    [GENERAL.scope, scope.length ? scope.join(', ') : WHOLE_COUNTY],
    [GENERAL.leadAgency, data.names.org(cycle.leadOrgId) || '—'],
    [GENERAL.partners, partners.join(', ') || '—'],
    [GENERAL.startDate, excelDate(cycle.startDate)],
    [GENERAL.endDate, excelDate(cycle.endDate)],
    [GENERAL.reportingPeriod, reportingFrequencies.label(cycle.reportingPeriod)],
    [GENERAL.fiscalYear, `FY ${cycle.fiscalYear} (county fiscal year, 1 July – 30 June)`],
    [GENERAL.phase, cyclePhases.label(cycle.phase)],
    [GENERAL.rate, { formula: RATE_NAME, result: cycle.kesPerUsdScaled / 10_000 }],
    [GENERAL.rateDate, excelDate(cycle.exchangeRateDate)],
    [GENERAL.notes, cycle.notes],
    [GENERAL.exportedBy, meta.exportedBy],
  ];
}

/** The same labels with nothing filled in but what a county cycle usually is. */
function blankGeneralRows(): GeneralRow[] {
  const filled: Partial<Record<string, string>> = {
    scope: WHOLE_COUNTY,
    reportingPeriod: reportingFrequencies.label('quarterly'),
    phase: cyclePhases.label('planning'),
  } satisfies Partial<Record<keyof typeof GENERAL, string>>;
  return Object.entries(GENERAL)
    .filter(([key]) => key !== 'partners' && key !== 'exportedBy')
    .map(([key, label]) => [label, filled[key] ?? '']);
}

/** Section 1 of the JWP template, and what the workbook holds. */
function addGeneralInformation(workbook: ExcelJS.Workbook, data: CycleData, meta: WorkbookMeta): void {
  const sheet = addSheet(workbook, SHEETS.general, { rows: 2 });
  const { cycle } = data;
  const blank = cycle.id === BLANK_CYCLE_ID;
  styleTitle(
    sheet,
    blank ? 'Joint Work Plan' : cycle.title,
    blank
      ? 'A blank cycle workbook: fill in the values below and the register sheets, then import it with "Start from a workbook".'
      : `Joint Work Plan · ${cycle.countyName} County · exported from Pamoja JWP on ${formatDisplayDate(meta.exportedAt.slice(0, 10))}`,
  );
  const rows = blank ? blankGeneralRows() : generalRows(data, meta);
  rows.forEach(([label, value], index) => {
    const row = sheet.getRow(4 + index);
    row.getCell(1).value = label;
    row.getCell(1).font = font({ bold: true });
    row.getCell(1).alignment = { vertical: 'top' };
    const cell = row.getCell(2);
    cell.value = typeof value === 'string' ? cellText(value) : value;
    cell.alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
    if (value instanceof Date) cell.numFmt = FORMATS.date;
    if (label.startsWith('Exchange rate (')) cell.numFmt = '0.00##';
    if (typeof value === 'string' && wrappedLines(value, 100) > 1) row.height = heightForLines(wrappedLines(value, 100));
  });
  const contentsRow = 4 + rows.length + 1;
  sheet.getCell(contentsRow, 1).value = 'Sheets in this workbook';
  sheet.getCell(contentsRow, 1).font = font({ bold: true });
  const contents: [string, string][] = [
    [SHEETS.summary, 'Totals by contributor, by sector and activities by status (formulas)'],
    [SHEETS.stakeholders, 'Stakeholder mapping matrix with key contacts'],
    [SHEETS.contacts, 'Every contact person of every organisation'],
    [SHEETS.objectives, 'Objectives and priority areas'],
    [SHEETS.activities, 'Joint activities and implementation plan'],
    [SHEETS.budget, 'Cost-share budget: components × contributors, live totals, the exchange rate'],
    [SHEETS.budgetLines, 'Every contribution line, converted to KES at the exchange rate'],
    [SHEETS.coverage, 'Wards × sectors: activities and planned budget; an empty cell is a gap'],
    [SHEETS.disbursements, 'Money disbursed or spent per reporting period'],
    [SHEETS.indicators, 'Indicators with targets, actuals, variance, progress and status per period'],
    [SHEETS.evaluations, "Each period's result: the note on the actual, the evaluation criterion and date"],
    [SHEETS.risks, 'Risk register'],
    [SHEETS.milestones, 'Review milestones and reports'],
    [SHEETS.learning, 'Learning log'],
    [SHEETS.triggers, 'Adaptive triggers'],
    [SHEETS.approvals, 'Signatories, with space for wet-ink signatures'],
  ];
  contents.forEach(([name, what], index) => {
    const row = sheet.getRow(contentsRow + 1 + index);
    row.getCell(1).value = { text: name, hyperlink: `#'${name}'!A1` };
    row.getCell(1).font = font({ color: { argb: 'FF1F5E8C' }, underline: true });
    row.getCell(2).value = what;
  });
  sheet.getColumn(1).width = 32;
  sheet.getColumn(2).width = 100;
  printSetup(sheet, undefined);
  sheet.pageSetup.orientation = 'portrait';
}
