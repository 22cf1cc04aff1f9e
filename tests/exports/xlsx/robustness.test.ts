import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../../shared/money';
import { exportXlsx } from '../../../main/exports/xlsx/index';
import { parseDateText } from '../../../shared/dates';
import { previewImport } from '../../../main/imports/xlsx/index';
import { registerServices as s } from '../../../main/services/index';
import { tableCounts } from '../../support/snapshot';
import { columnOf, openXlsx, sampleApp, sheet, toBuffer } from './support';

/** What people do to spreadsheets, done to a returned template: it must still read the same. */
const HEADER_ROW = 3;
let env: ReturnType<typeof sampleApp>;
let template: Buffer;
let udraId: string;

beforeAll(async () => {
  env = sampleApp();
  template = (await exportXlsx(env.app, { cycleId: env.cycle.id, doc: 'partner-template', partnerOrgId: 'UDRA' })).buffer;
  udraId = s.organisation.list(env.app, { cycleId: env.cycle.id }).find((o) => o.shortName === 'UDRA')?.id as string;
});
afterAll(() => env.app.close());

function rowWithId(worksheet: ExcelJS.Worksheet, id: string): number {
  let found = 0;
  worksheet.eachRow((row, number) => row.eachCell((cell) => (cell.value === id ? (found = number) : undefined)));
  if (!found) throw new Error(`no row with ${id}`);
  return found;
}

/** Moves a column to the far right, as a person cutting and pasting it would. */
function moveColumnToEnd(worksheet: ExcelJS.Worksheet, headerRow: number, header: string): void {
  const from = columnOf(worksheet, headerRow, header);
  const values = worksheet.getColumn(from).values;
  worksheet.spliceColumns(from, 1);
  worksheet.getColumn(worksheet.columnCount + 1).values = values;
}

describe('reading a returned template that people have worked on', () => {
  it('reads dates typed the Kenyan way', () => {
    expect(parseDateText('25/11/2026')).toBe('2026-11-25');
    expect(parseDateText('5-3-2027')).toBe('2027-03-05');
    expect(parseDateText('25.11.26')).toBe('2026-11-25');
    expect(parseDateText('25 Nov 2026')).toBe('2026-11-25');
    expect(parseDateText('25th November, 2026')).toBe('2026-11-25');
    expect(parseDateText('Nov 25, 2026')).toBe('2026-11-25');
    expect(parseDateText('2026-11-25')).toBe('2026-11-25');
    expect(parseDateText('31/02/2026')).toBeNull();
    expect(parseDateText('11/25/2026')).toBeNull();
  });

  it('matches columns by header and sheets by their headers, skips blank rows, and reads text numbers, text dates and merged cells', async () => {
    const workbook = await openXlsx(template);
    const own = s.activity.list(env.app, { cycleId: env.cycle.id }).filter((a) => a.ownerOrgId === udraId);
    const act1 = own[0];
    // Two activities of one sector, next to each other in the sheet, for the merged cell.
    const [act2, act3] = own.filter((a) => own.filter((b) => b.sector === a.sector).length === 2);
    const line = s.contribution.list(env.app, { cycleId: env.cycle.id }).find((c) => c.ownerOrgId === udraId && c.amountMinor !== 120_000_000);
    const period = s.indicatorPeriod.list(env.app, { cycleId: env.cycle.id }).find((p) => p.ownerOrgId === udraId);
    if (!act1 || !act2 || !act3 || !line || !period) throw new Error('sample rows missing');

    // Activities: a note typed above the header, columns moved and hidden, blank rows between the data.
    const acts = sheet(workbook, 'Activities');
    acts.spliceRows(1, 0, ['Filled in by UDRA M&E, 20 Nov 2026'], []);
    const header = HEADER_ROW + 2;
    moveColumnToEnd(acts, header, 'Title');
    moveColumnToEnd(acts, header, 'Row ID');
    acts.getColumn(columnOf(acts, header, 'Challenges')).hidden = true;
    acts.spliceRows(header + 2, 0, [], [], []);
    acts.getCell(rowWithId(acts, act1.id), columnOf(acts, header, 'Start date')).value = '2/8/2026';
    // Two rows of one sector merged into one cell down the column.
    const sectorColumn = columnOf(acts, header, 'Sector');
    const [top, next] = [rowWithId(acts, act2.id), rowWithId(acts, act3.id)].sort((a, b) => a - b) as [number, number];
    expect(next).toBe(top + 1);
    acts.getCell(next, sectorColumn).value = null;
    acts.mergeCells(top, sectorColumn, next, sectorColumn);

    // Contributions: the sheet renamed into Kiswahili, an amount typed as text with commas.
    const contributions = sheet(workbook, 'Contributions');
    contributions.name = 'Michango';
    contributions.getCell(rowWithId(contributions, line.id), columnOf(contributions, HEADER_ROW, 'Amount')).value = '1,200,000';

    // Indicator periods: a target typed as text.
    const periods = sheet(workbook, 'Indicator periods');
    periods.getCell(rowWithId(periods, period.id), columnOf(periods, HEADER_ROW, 'Target')).value = ` ${period.target + 1} `;

    const before = tableCounts(env.app);
    const preview = await previewImport(env.app, { buffer: await toBuffer(workbook), fileName: 'worked-on.xlsx' });
    expect(tableCounts(env.app)).toEqual(before);
    expect(preview.errors).toEqual([]);
    expect(preview.adds).toEqual([]);
    expect(preview.sheets.map((sh) => sh.sheet)).toEqual(['Activities', 'Michango', 'Disbursements', 'Indicators', 'Indicator periods']);
    expect(preview.changes.map((c) => [c.sheet, c.id, c.fields])).toEqual([
      ['Activities', act1.id, [{ column: 'Start date', old: expect.any(String), new: '2 Aug 2026' }]],
      [
        'Michango',
        line.id,
        [{ column: 'Amount', old: formatMoney({ amountMinor: line.amountMinor, currency: line.currency }), new: `${line.currency} 1,200,000` }],
      ],
      ['Indicator periods', period.id, [{ column: 'Target', old: String(period.target), new: String(period.target + 1) }]],
    ]);
    expect(preview.changes[0]?.row).toBe(rowWithId(acts, act1.id));
  });

  it('names the sheet, row, column and reason of every bad cell, each on its own', async () => {
    const workbook = await openXlsx(template);
    const acts = sheet(workbook, 'Activities');
    const row = HEADER_ROW + 1;
    const cell = (h: string) => acts.getCell(row, columnOf(acts, HEADER_ROW, h));
    cell('Status').value = 'Almost done';
    cell('Completion %').value = '45.5';
    cell('Wards').value = 'Kinna, Atlantis';
    cell('End date').value = 'next year';
    const preview = await previewImport(env.app, { buffer: await toBuffer(workbook), fileName: 'bad.xlsx' });
    expect(preview.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
      ['Activities', row, 'End date'],
      ['Activities', row, 'Wards'],
      ['Activities', row, 'Status'],
      ['Activities', row, 'Completion %'],
    ]);
    expect(preview.errors.map((e) => e.message)).toEqual([
      'End date: "next year" is not a date; type it as 25/11/2026 (day/month/year) or 25 Nov 2026.',
      'Wards: "Atlantis" is not a ward of Isiolo County. Write ward names as the plan does, separated by commas.',
      'Status: "Almost done" is not on the list; choose one of: Planned, Ongoing, Completed, Delayed, Cancelled.',
      'Completion %: "45.5" is not a whole number; type a whole number from 0 to 100.',
    ]);
  });

  it('names the ward or organisation a mistyped name most likely meant', async () => {
    const workbook = await openXlsx(template);
    const acts = sheet(workbook, 'Activities');
    const row = HEADER_ROW + 1;
    acts.getCell(row, columnOf(acts, HEADER_ROW, 'Wards')).value = 'Kinna, Garbatula';
    acts.getCell(row, columnOf(acts, HEADER_ROW, 'Supporting organisations')).value = 'NDMA Isolo';
    const preview = await previewImport(env.app, { buffer: await toBuffer(workbook), fileName: 'typos.xlsx' });
    expect(preview.errors.map((e) => e.message)).toEqual([
      'Wards: "Garbatula" is not a ward of Isiolo County. Did you mean "Garbatulla"?',
      'Supporting organisations: "NDMA Isolo" is not an organisation of this cycle. Did you mean "NDMA Isiolo"?',
    ]);
  });

  it('passes the services’ own rules through, named by column', async () => {
    const workbook = await openXlsx(template);
    const acts = sheet(workbook, 'Activities');
    const row = HEADER_ROW + 1;
    acts.getCell(row, columnOf(acts, HEADER_ROW, 'End date')).value = new Date(Date.UTC(2026, 6, 2));
    acts.getCell(row, columnOf(acts, HEADER_ROW, 'Start date')).value = new Date(Date.UTC(2026, 6, 20));
    const preview = await previewImport(env.app, { buffer: await toBuffer(workbook), fileName: 'rules.xlsx' });
    expect(preview.errors).toEqual([{ sheet: 'Activities', row, column: 'End date', message: 'End date: 2 Jul 2026 is before the start date (20 Jul 2026).' }]);
  });
});
