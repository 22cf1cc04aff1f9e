import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sectors } from '../../../shared/domain/vocabulary';
import { RATE_SCALE } from '../../../shared/money';
import { periodFigures, roundTo } from '../../../shared/analysis/indicator-progress';
import { DEFAULT_THRESHOLDS } from '../../../shared/analysis/indicator-status';
import { indicatorStatusLabels } from '../../../shared/api/schemas/analysis/indicator-status';
import { exportXlsx } from '../../../main/exports/xlsx/index';
import { registerServices as s } from '../../../main/services/index';
import { requireTool, runTool } from '../../support/external-tools';
import { columnOf, formulaOf, headers, openXlsx, outputDir, resultOf, sampleApp, sheet, soffice, toBuffer } from './support';

/**
 * exceljs cannot calculate: LibreOffice recalculates a copy of the workbook, and the totals it
 * computes must equal the totals computed here from the database rows, independently.
 */
const tools = requireTool('soffice', 'recalculate the Excel workbook with LibreOffice');
const poppler = requireTool('pdftoppm', 'turn the workbook PDF into page images');

let env: ReturnType<typeof sampleApp>;
let dir: string;
let exported: Buffer;
let recalculation: Promise<{ asExported: ExcelJS.Workbook; rate150: ExcelJS.Workbook }> | undefined;
/** One LibreOffice run for the tests that read recalculated copies (each run takes seconds). */
const recalculatedCopies = () => (recalculation ??= recalculate());

beforeAll(async () => {
  env = sampleApp();
  // One indicator to keep within a band, so the workbook's range formulas are recalculated too.
  const band = s.indicator.list(env.app, { cycleId: env.cycle.id }).find((i) => i.code === 'I5.3');
  s.indicator.update(env.app, { id: band?.id ?? '', changes: { direction: 'range', rangeMin: 25, rangeMax: 35 } });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-xlsx-lo-'));
  exported = (await exportXlsx(env.app, { cycleId: env.cycle.id, doc: 'workbook' })).buffer;
});
afterAll(() => {
  env.app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const contributions = () => s.contribution.list(env.app, { cycleId: env.cycle.id });
const kes = (c: { amountMinor: number; currency: string }, rate: number) => (c.currency === 'USD' ? (c.amountMinor / 100) * rate : c.amountMinor / 100);

/**
 * Writes the workbook as exported and a copy whose exchange rate a finance officer changed to 150,
 * lets LibreOffice recalculate and save both, and reads what it saved.
 */
async function recalculate() {
  const changed = await openXlsx(exported);
  sheet(changed, 'Budget').getCell('C8').value = 150;
  const asExportedFile = path.join(dir, 'as-exported.xlsx');
  const rate150File = path.join(dir, 'rate-150.xlsx');
  fs.writeFileSync(asExportedFile, exported);
  fs.writeFileSync(rate150File, await toBuffer(changed));
  const outDir = path.join(dir, 'recalculated');
  fs.mkdirSync(outDir);
  const [asExported, rate150] = await Promise.all(
    (await soffice([asExportedFile, rate150File], 'xlsx', outDir)).map((file) => openXlsx(fs.readFileSync(file))),
  );
  if (!asExported || !rate150) throw new Error('LibreOffice did not save both recalculated copies.');
  return { asExported, rate150 };
}

function budgetTotals(workbook: ExcelJS.Workbook) {
  const budget = sheet(workbook, 'Budget');
  let headerRow = 1;
  while (budget.getCell(headerRow, 1).value !== 'Code') headerRow++;
  let totalRow = headerRow + 1;
  while (budget.getCell(totalRow, 2).value !== 'Total') totalRow++;
  const header = headers(budget, headerRow);
  const totalColumn = header.indexOf('Total estimated cost (KES)') + 1;
  const byContributor = new Map<string, number>();
  for (let column = 5; column < totalColumn; column++) byContributor.set(header[column - 1] as string, Number(resultOf(budget.getCell(totalRow, column))));
  return { grand: Number(resultOf(budget.getCell(totalRow, totalColumn))), byContributor, formula: formulaOf(budget.getCell(totalRow, totalColumn)) };
}

function expectedByContributor(rate: number): Map<string, number> {
  const orgs = new Map(s.organisation.list(env.app, { cycleId: env.cycle.id }).map((o) => [o.id, o.shortName || o.name]));
  const totals = new Map<string, number>();
  for (const c of contributions()) totals.set(orgs.get(c.contributorOrgId) as string, (totals.get(orgs.get(c.contributorOrgId) as string) ?? 0) + kes(c, rate));
  return totals;
}

// LibreOffice takes minutes on a busy machine (its first test waits for the run that recalculates both copies).
describe.skipIf(!tools.available)('the cycle workbook recalculated by LibreOffice', { timeout: 300_000 }, () => {
  it('computes the budget totals the database gives, by contributor and overall', async () => {
    const rate = env.cycle.kesPerUsdScaled / RATE_SCALE;
    const workbook = (await recalculatedCopies()).asExported;
    const totals = budgetTotals(workbook);
    expect(totals.formula).toMatch(/^SUM\(/);
    const expected = contributions().reduce((sum, c) => sum + kes(c, rate), 0);
    expect(totals.grand).toBeCloseTo(expected, 2);
    for (const [contributor, total] of expectedByContributor(rate)) expect(totals.byContributor.get(contributor), contributor).toBeCloseTo(total, 2);

    // The Summary agrees, by contributor (three ways: Budget total row, on + off budget) and by sector.
    const summary = sheet(workbook, 'Summary');
    const rows: ExcelJS.Row[] = [];
    summary.eachRow((row) => rows.push(row));
    const totalsRows = rows.filter((row) => row.getCell(1).value === 'Total');
    expect(Number(resultOf(totalsRows[0]?.getCell(6) as ExcelJS.Cell))).toBeCloseTo(expected, 2);
    expect(Number(resultOf(totalsRows[0]?.getCell(4) as ExcelJS.Cell)) + Number(resultOf(totalsRows[0]?.getCell(5) as ExcelJS.Cell))).toBeCloseTo(expected, 2);
    expect(Number(resultOf(totalsRows[1]?.getCell(3) as ExcelJS.Cell))).toBeCloseTo(expected, 2);
    const activities = s.activity.list(env.app, { cycleId: env.cycle.id });
    const water = rows.find((row) => row.getCell(1).value === sectors.label('water_wash') && typeof resultOf(row.getCell(3)) === 'number');
    const waterIds = new Set(activities.filter((a) => a.sector === 'water_wash').map((a) => a.id));
    expect(Number(resultOf(water?.getCell(3) as ExcelJS.Cell))).toBeCloseTo(
      contributions()
        .filter((c) => c.activityId !== null && waterIds.has(c.activityId))
        .reduce((sum, c) => sum + kes(c, rate), 0),
      2,
    );
    expect(resultOf(water?.getCell(2) as ExcelJS.Cell)).toBe(waterIds.size);
  });

  it('moves every total when a finance officer changes the exchange rate', async () => {
    const totals = budgetTotals((await recalculatedCopies()).rate150);
    expect(totals.grand).toBeCloseTo(
      contributions().reduce((sum, c) => sum + kes(c, 150), 0),
      2,
    );
    for (const [contributor, total] of expectedByContributor(150)) expect(totals.byContributor.get(contributor), contributor).toBeCloseTo(total, 2);
  });

  it('computes variance, progress and status of each indicator period as the app does (GAM Q1 off track)', async () => {
    const workbook = (await recalculatedCopies()).asExported;
    const indicators = sheet(workbook, 'Indicators');
    const target = columnOf(indicators, 4, 'Q1 target');
    const periods = new Map(
      s.indicatorPeriod
        .list(env.app, { cycleId: env.cycle.id })
        .filter((p) => p.periodKey === 'Q1')
        .map((p) => [p.indicatorId, p]),
    );
    let checked = 0;
    let rangeChecked = false;
    s.indicator.list(env.app, { cycleId: env.cycle.id }).forEach((indicator, index) => {
      const period = periods.get(indicator.id);
      const row = indicators.getRow(5 + index);
      expect(row.getCell(1).value).toBe(indicator.code);
      if (!period || period.actual === null) {
        // An empty text result: exceljs reads it back as no result at all.
        expect([undefined, '']).toContain(resultOf(row.getCell(target + 2)));
        return;
      }
      // exceljs reads a stored result of 0 back as no result; here the formula gives a number.
      const numeric = (cell: ExcelJS.Cell) => Number(resultOf(cell) ?? 0);
      const app = periodFigures(indicator, period.target, period.actual, DEFAULT_THRESHOLDS);
      expect(numeric(row.getCell(target + 2)), indicator.code).toBeCloseTo(app.variance, 6);
      expect(roundTo(numeric(row.getCell(target + 3)) * 100, 0), indicator.code).toBe(app.pct);
      expect(resultOf(row.getCell(target + 4)), indicator.code).toBe(indicatorStatusLabels[app.status]);
      if (indicator.code === 'I2.1') expect([app.pct, resultOf(row.getCell(target + 4))]).toEqual([-500, 'Off track']);
      if (indicator.direction === 'range') rangeChecked = true;
      checked++;
    });
    expect(checked).toBeGreaterThan(5);
    expect(rangeChecked).toBe(true);
  });

  it('prints every sheet to PDF with its name and page numbers (pictures in test-output/xlsx)', async () => {
    fs.mkdirSync(outputDir, { recursive: true });
    const input = path.join(dir, 'workbook.xlsx');
    fs.writeFileSync(input, exported);
    const [pdf = ''] = await soffice([input], 'pdf', dir);
    fs.copyFileSync(pdf, path.join(outputDir, 'workbook.pdf'));
    const text = await runTool('pdftotext', ['-layout', pdf, '-']);
    for (const name of ['General information', 'Summary', 'Stakeholders', 'Activities', 'Budget', 'Budget lines', 'Indicators', 'Risks', 'Approvals']) {
      expect(text).toMatch(new RegExp(`${name}\\s+Page \\d+ of \\d+`));
    }
    expect(text).toContain('Cost-share budget');
    // A number too wide for its column prints as ###.
    expect(text).not.toContain('###');
    expect(text).toMatch(/Signatures[\s\S]+For\s+Name\s+Signature\s+Date[\s\S]+representative/);
    const pages = Number(/Pages:\s+(\d+)/.exec(await runTool('pdfinfo', [pdf]))?.[1]);
    expect(pages).toBeGreaterThan(10);
    expect(pages).toBeLessThan(60);
    if (poppler.available) {
      for (const old of fs.readdirSync(outputDir).filter((f) => f.startsWith('workbook-page'))) fs.rmSync(path.join(outputDir, old));
      await runTool('pdftoppm', ['-png', '-r', '60', pdf, path.join(outputDir, 'workbook-page')]);
      expect(fs.readdirSync(outputDir).filter((f) => f.startsWith('workbook-page')).length).toBe(pages);
    }
  });
});
