import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportXlsx } from '../../../main/exports/xlsx/index';
import { readMetaSheet, type WorkbookMeta } from '../../../main/exports/xlsx/meta-sheet';
import { META_SHEET } from '../../../main/exports/xlsx/sheet-names';
import { templateBinding } from '../../../main/exports/xlsx/template-binding';
import { applyImport, previewImport } from '../../../main/imports/xlsx/index';
import { registerServices as s } from '../../../main/services/index';
import { dumpDatabase } from '../../support/fault-injection';
import { columnOf, openXlsx, sampleApp, sheet, toBuffer } from './support';

/**
 * The partner template's Disbursements sheet (issue 19: partners answering by template report what
 * they disbursed) and its Indicators sheet (issue 16: the desired direction, editable by the
 * partner): written pre-filled, read back through the same preview and apply as every other sheet.
 */
const HEADER_ROW = 3;
let env: ReturnType<typeof sampleApp>;
let wec: { id: string; name: string };
let template: Buffer;

beforeAll(async () => {
  env = sampleApp();
  const org = s.organisation.list(env.app, { cycleId: env.cycle.id }).find((o) => o.shortName === 'CGI-WEC');
  if (!org) throw new Error('The sample has no CGI-WEC');
  wec = org;
  template = (await exportXlsx(env.app, { cycleId: env.cycle.id, doc: 'partner-template', partnerOrgId: wec.id })).buffer;
}, 180_000);
afterAll(() => env.app.close());

const lines = () => s.contribution.list(env.app, { cycleId: env.cycle.id }).filter((c) => c.contributorOrgId === wec.id);
const paid = () => s.disbursement.list(env.app, { cycleId: env.cycle.id }).filter((d) => lines().some((c) => c.id === d.contributionId));
const indicators = () => s.indicator.list(env.app, { cycleId: env.cycle.id }).filter((i) => i.responsibleOrgId === wec.id);

function rowsOf(worksheet: ExcelJS.Worksheet): number[] {
  const rows: number[] = [];
  worksheet.eachRow((row, number) => {
    if (number > HEADER_ROW && row.hasValues) rows.push(number);
  });
  return rows;
}

describe('the partner template’s Disbursements and Indicators sheets', { timeout: 180_000 }, () => {
  it('lists every disbursement of the partner’s budget lines, and an empty row for each line and period without one', async () => {
    const workbook = await openXlsx(template);
    const sheetOf = sheet(workbook, 'Disbursements');
    const col = (header: string) => columnOf(sheetOf, HEADER_ROW, header);
    expect(String(sheetOf.getCell('B1').value)).toBe(`Money disbursed on your budget lines: ${wec.name}`);
    const rows = rowsOf(sheetOf);
    const recorded = rows.filter((row) => sheetOf.getCell(row, col('Row ID')).value !== null);
    expect(recorded.map((row) => sheetOf.getCell(row, col('Row ID')).value).sort()).toEqual(
      paid()
        .map((d) => d.id)
        .sort(),
    );
    // 4 periods per line: each recorded disbursement, or one empty row to fill in.
    const periodsWith = new Set(paid().map((d) => `${d.contributionId} ${d.periodKey}`));
    expect(rows.length - recorded.length).toBe(lines().length * 4 - periodsWith.size);
    for (const row of recorded) {
      const d = paid().find((x) => x.id === sheetOf.getCell(row, col('Row ID')).value);
      expect(sheetOf.getCell(row, col('Amount disbursed')).value).toBe((d?.amountMinor ?? 0) / 100);
    }
    expect(sheetOf.getColumn(col('Row ID')).hidden).toBe(true);
    expect(sheetOf.getColumn(col('Budget line ID')).hidden).toBe(true);
    expect(sheetOf.getCell(HEADER_ROW + 1, col('Budget line')).dataValidation).toMatchObject({ type: 'list', formulae: ['List_BudgetLines'] });
    expect(sheetOf.getCell(HEADER_ROW + 1, col('Currency')).fill).toMatchObject({ fgColor: { argb: 'FFEFEFEF' } });

    const indicatorSheet = sheet(workbook, 'Indicators');
    const direction = columnOf(indicatorSheet, HEADER_ROW, 'Desired direction');
    expect(rowsOf(indicatorSheet).map((row) => indicatorSheet.getCell(row, 1).value)).toEqual(indicators().map((i) => i.id));
    expect(indicatorSheet.getCell(HEADER_ROW + 1, direction).dataValidation).toMatchObject({ type: 'list', formulae: ['List_Directions'] });
    // Editable: white, not the grey of reference columns.
    expect(indicatorSheet.getCell(HEADER_ROW + 1, direction).fill).not.toMatchObject({ fgColor: { argb: 'FFEFEFEF' } });
    expect(workbook.getWorksheet('Lists')?.state).toBe('hidden');
  });

  it('previews a disbursement typed on an empty row, a corrected direction and a mistyped budget line, and applies them', async () => {
    const workbook = await openXlsx(template);
    const paidSheet = sheet(workbook, 'Disbursements');
    const col = (header: string) => columnOf(paidSheet, HEADER_ROW, header);
    const empty = rowsOf(paidSheet).find(
      (row) => paidSheet.getCell(row, col('Row ID')).value === null && paidSheet.getCell(row, col('Period')).text.startsWith('Q2'),
    );
    if (!empty) throw new Error('no empty Q2 row');
    const lineId = String(paidSheet.getCell(empty, col('Budget line ID')).value);
    paidSheet.getCell(empty, col('Amount disbursed')).value = 1_250_000;
    paidSheet.getCell(empty, col('Date disbursed')).value = '15/12/2026';
    paidSheet.getCell(empty, col('Notes')).value = 'Second tranche';
    // A row added below, with the budget line typed with a slip.
    const added = Math.max(...rowsOf(paidSheet)) + 1;
    const someLine = String(paidSheet.getCell(empty, col('Budget line')).value);
    paidSheet.getCell(added, col('Budget line')).value = someLine.slice(0, -2) + 'xx)';
    paidSheet.getCell(added, col('Period')).value = 'Q2';
    paidSheet.getCell(added, col('Amount disbursed')).value = 10;
    paidSheet.getCell(added, col('Date disbursed')).value = '16/12/2026';

    const indicatorSheet = sheet(workbook, 'Indicators');
    const [first] = indicators();
    if (!first) throw new Error('CGI-WEC has no indicator');
    const flipped = first.direction === 'decrease' ? 'Increase' : 'Decrease';
    indicatorSheet.getCell(HEADER_ROW + 1, columnOf(indicatorSheet, HEADER_ROW, 'Desired direction')).value = flipped;
    const file = { buffer: await toBuffer(workbook), fileName: 'wec.xlsx', cycleId: env.cycle.id };

    const before = dumpDatabase(env.app);
    const preview = await previewImport(env.app, file);
    expect(dumpDatabase(env.app) === before, 'the preview wrote something').toBe(true);
    expect(preview.adds).toEqual([
      {
        sheet: 'Disbursements',
        row: empty,
        register: 'disbursement',
        label: `${someLine} · Q2 (Oct–Dec)`,
        fields: [
          { column: 'Amount disbursed', value: 'KES 1,250,000' },
          { column: 'Date disbursed', value: '15 Dec 2026' },
          { column: 'Notes', value: 'Second tranche' },
        ],
      },
    ]);
    expect(preview.changes).toEqual([
      {
        sheet: 'Indicators',
        row: HEADER_ROW + 1,
        register: 'indicator',
        id: first.id,
        label: `${first.code} – ${first.name}`,
        matchedBy: 'id',
        fields: [
          {
            column: 'Desired direction',
            old: first.direction === 'decrease' ? 'Decrease' : first.direction === 'range' ? 'Keep within a range' : 'Increase',
            new: flipped,
          },
        ],
      },
    ]);
    expect(preview.errors).toEqual([
      {
        sheet: 'Disbursements',
        row: added,
        column: 'Budget line',
        message: expect.stringMatching(new RegExp(`is not a budget line of this cycle\\. Did you mean "${someLine.replace(/[()]/g, '\\$&')}"\\?$`)),
      },
    ]);

    const summary = await applyImport(env.app, file, { applyValidOnly: true, expectedDigest: preview.digest });
    expect(summary).toMatchObject({ applied: true, added: 1, changed: 1, rowsWithErrors: 1 });
    expect(paid().find((d) => d.contributionId === lineId && d.periodKey === 'Q2')).toMatchObject({
      amountMinor: 125_000_000,
      date: '2026-12-15',
      notes: 'Second tranche',
      ownerOrgId: wec.id,
    });
    expect(s.indicator.get(env.app, { id: first.id }).direction).toBe(flipped.toLowerCase());
    // The same file again: the disbursement is found by its budget line and period, nothing added twice.
    const again = await previewImport(env.app, file);
    expect({ adds: again.adds.length, changes: again.changes.length }).toEqual({ adds: 0, changes: 0 });
  });

  it('refuses a disbursement dated outside its period and an indicator direction of range without its bounds, naming the columns', async () => {
    const workbook = await openXlsx(template);
    const paidSheet = sheet(workbook, 'Disbursements');
    const col = (header: string) => columnOf(paidSheet, HEADER_ROW, header);
    const empty = rowsOf(paidSheet).find(
      (row) => paidSheet.getCell(row, col('Row ID')).value === null && paidSheet.getCell(row, col('Period')).text.startsWith('Q3'),
    );
    if (!empty) throw new Error('no empty Q3 row');
    paidSheet.getCell(empty, col('Amount disbursed')).value = 500;
    paidSheet.getCell(empty, col('Date disbursed')).value = '15/12/2026';
    const indicatorSheet = sheet(workbook, 'Indicators');
    // The second indicator: the first one's direction was changed in the plan since this template was made.
    indicatorSheet.getCell(HEADER_ROW + 2, columnOf(indicatorSheet, HEADER_ROW, 'Desired direction')).value = 'Keep within a range';
    const before = dumpDatabase(env.app);
    const summary = await applyImport(env.app, { buffer: await toBuffer(workbook), fileName: 'wec.xlsx' }, { applyValidOnly: false });
    expect(summary.applied).toBe(false);
    expect(summary.preview.errors.map((e) => [e.sheet, e.column, e.message])).toEqual([
      ['Disbursements', 'Date disbursed', expect.stringMatching(/^Date: 15 Dec 2026 is outside Q3 \(Jan–Mar\)/)],
      ['Indicators', 'Range from', expect.stringMatching(/^Range: give the lowest or the highest acceptable value/)],
    ]);
    expect(dumpDatabase(env.app) === before, 'a refused file wrote something').toBe(true);
  });

  it('still reads a template made before these sheets (version 1), without asking for them', async () => {
    const workbook = await openXlsx(template);
    for (const name of ['Disbursements', 'Indicators']) workbook.removeWorksheet(sheet(workbook, name).id);
    // As this copy bound a version 1 template: the same details, version 1.
    const meta = sheet(workbook, META_SHEET);
    const details: Record<string, string> = readMetaSheet(workbook) ?? {};
    const older: WorkbookMeta = {
      kind: 'partner-template',
      version: 1,
      cycleId: details.cycleId ?? '',
      organisationId: details.organisationId ?? null,
      exportedAt: details.exportedAt ?? '',
      exportedBy: details.exportedBy ?? '',
      appVersion: details.appVersion ?? '',
    };
    meta.eachRow((row) => {
      if (row.getCell(1).value === 'version') row.getCell(2).value = '1';
      if (row.getCell(1).value === 'binding') row.getCell(2).value = templateBinding(env.app, older);
    });
    const preview = await previewImport(env.app, { buffer: await toBuffer(workbook), fileName: 'wec-v1.xlsx' });
    expect(preview.errors).toEqual([]);
    expect(preview.sheets.map((s) => s.register)).toEqual(['activity', 'contribution', 'indicatorPeriod']);
  });
});
