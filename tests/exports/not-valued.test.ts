import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx, type DocxDocument } from '../../main/exports/docx/index';
import { exportXlsx } from '../../main/exports/xlsx/index';
import { HEADER_ROW } from '../../main/exports/xlsx/register-sheets';
import { SHEETS } from '../../main/exports/xlsx/sheet-names';
import { costShareReport } from '../../main/services/analysis/reports';
import { registerServices as s } from '../../main/services/index';
import { loadSampleCycle } from '../../main/services/sample';
import { NOT_VALUED_LABEL } from '../../shared/budget-lines';
import { testApp } from '../support/test-app';
import { documentXml, plainText, tables } from './docx/docx-reader';
import { columnOf, openXlsx, resultOf, sheet } from './xlsx/support';

/**
 * In-kind support not valued (issue 15 item 4) in every deliverable: the Word plan, budget and
 * M&E report, the cycle workbook and the cost-share analysis list each such line as "in-kind, not
 * valued" and leave it out of their totals with a note saying how many there are. Checked on the
 * exported files against the database.
 */

let app: ReturnType<typeof testApp>;
let cycleId: string;
const docText = new Map<DocxDocument, string>();
const docXml = new Map<DocxDocument, string>();
let workbook: Awaited<ReturnType<typeof openXlsx>>;
const NOTE = '2 in-kind lines not valued are not in these totals.';
let totalsBefore: unknown;
let totalsAfter: unknown;

/** The lines not valued as the database holds them, with their contributor's short name. */
const unvaluedInDb = () =>
  app.db.$client
    .prepare(
      `SELECT c.id, c.component, c.amount_minor AS amount, c.type, o.short_name AS contributor FROM contributions c
       JOIN organisations o ON o.id = c.contributor_org_id WHERE c.cycle_id = ? AND c.value_not_estimated = 1 ORDER BY c.component`,
    )
    .all(cycleId) as { id: string; component: string; amount: number; type: string; contributor: string }[];

beforeAll(async () => {
  app = testApp();
  cycleId = loadSampleCycle(app).id;
  const lines = s.contribution.list(app, { cycleId });
  const kesLine = lines.find((c) => c.currency === 'KES' && c.activityId !== null);
  if (!kesLine) throw new Error('The sample has no KES line tied to an activity.');
  totalsBefore = await budgetTotalsOfWorkbook();
  for (const component of ['Borrowed drilling rig', 'Vehicles for outreach days']) {
    s.contribution.create(app, {
      cycleId,
      activityId: kesLine.activityId,
      component,
      contributorOrgId: kesLine.contributorOrgId,
      type: 'in_kind',
      valueNotEstimated: true,
    });
  }
  totalsAfter = await budgetTotalsOfWorkbook();
  for (const doc of ['plan', 'budget', 'me-report'] as const) {
    const file = await exportDocx(app, cycleId, { doc, period: doc === 'me-report' ? 'Q2' : undefined });
    docXml.set(doc, documentXml(file.buffer));
    docText.set(doc, plainText(documentXml(file.buffer)));
  }
  workbook = await openXlsx((await exportXlsx(app, { cycleId, doc: 'workbook' })).buffer);
}, 180_000);

/** The Budget sheet's grand total and the Summary's contributor total, as the workbook computed them. */
async function budgetTotalsOfWorkbook() {
  const book = await openXlsx((await exportXlsx(app, { cycleId, doc: 'workbook' })).buffer);
  const budget = sheet(book, SHEETS.budget);
  const totalRow = budget.getColumn(2).values.findIndex((value) => value === 'Total');
  const totalColumn = columnOf(budget, 11, 'Total estimated cost (KES)');
  return resultOf(budget.getRow(totalRow).getCell(totalColumn));
}

describe('in-kind lines not valued in the deliverables', () => {
  it('are in the database as in-kind, amount 0, valueNotEstimated', () => {
    const lines = unvaluedInDb();
    expect(lines.map((line) => [line.component, line.amount, line.type])).toEqual([
      ['Borrowed drilling rig', 0, 'in_kind'],
      ['Vehicles for outreach days', 0, 'in_kind'],
    ]);
  });

  it('the Word plan and budget list each line as "in-kind, not valued" and say how many are out of the totals', () => {
    for (const doc of ['plan', 'budget'] as const) {
      const text = docText.get(doc) ?? '';
      expect(text, doc).toContain(NOTE);
      const cells = tables(docXml.get(doc) ?? '').flatMap((table) => table.flatMap((row) => row));
      for (const line of unvaluedInDb()) {
        // The plan lists lines inside the activity's cell ("RPK · in-kind, not valued · in kind, off-budget"); the budget has a row per line.
        const listed = doc === 'plan' ? cells.some((cell) => cell.includes(`${line.contributor} · ${NOT_VALUED_LABEL}`)) : cells.includes(line.component);
        expect(listed, `${doc}: ${line.component}`).toBe(true);
      }
      // The budget's amount cell reads "in-kind, not valued" (its contributor under it).
      if (doc === 'budget') expect(cells.filter((cell) => cell.startsWith(NOT_VALUED_LABEL)).length).toBe(2);
    }
  });

  it('the M&E report names each line under the budget utilisation, with the note', () => {
    const text = docText.get('me-report') ?? '';
    expect(text).toContain(NOTE);
    for (const line of unvaluedInDb()) expect(text).toContain(`${line.contributor} · `);
    for (const line of unvaluedInDb()) expect(text).toMatch(new RegExp(`${line.component} · ${NOT_VALUED_LABEL}`));
  });

  it('the cycle workbook lists each line on Budget lines (amount "in-kind, not valued", no KES value) and notes them under the totals', () => {
    const lines = sheet(workbook, SHEETS.budgetLines);
    const component = columnOf(lines, HEADER_ROW, 'Budget component');
    const amount = columnOf(lines, HEADER_ROW, 'Amount');
    const kes = columnOf(lines, HEADER_ROW, 'Amount (KES)');
    for (const line of unvaluedInDb()) {
      const rowNumber = lines.getColumn(component).values.findIndex((value) => value === line.component);
      expect(rowNumber, line.component).toBeGreaterThan(0);
      expect(lines.getRow(rowNumber).getCell(amount).value).toBe(NOT_VALUED_LABEL);
      expect(lines.getRow(rowNumber).getCell(kes).value).toBeNull();
    }
    const sheetTexts = (name: string) =>
      sheet(workbook, name)
        .getSheetValues()
        .flatMap((row) => (Array.isArray(row) ? row : []))
        .filter((value): value is string => typeof value === 'string');
    expect(sheetTexts(SHEETS.budgetLines).some((value) => value.includes(NOTE))).toBe(true);
    expect(sheetTexts(SHEETS.budget)).toContain(NOTE);
    expect(sheetTexts(SHEETS.budget).filter((value) => value === NOT_VALUED_LABEL).length).toBeGreaterThanOrEqual(1);
    expect(sheetTexts(SHEETS.summary).filter((value) => value === NOTE).length).toBe(2);
  });

  it('the totals are unchanged by the lines not valued', () => {
    expect(typeof totalsBefore).toBe('number');
    expect(totalsAfter).toBe(totalsBefore);
  });

  it('the cost-share analysis lists them apart', () => {
    const report = costShareReport(app, cycleId);
    expect(report.notValued.map((line) => line.component).sort()).toEqual(unvaluedInDb().map((line) => line.component));
    expect(report.overall.plannedKesMinor).toBeGreaterThan(0);
  });
});
