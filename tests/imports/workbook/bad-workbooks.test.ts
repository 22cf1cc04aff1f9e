import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookPreviewDto } from '../../../shared/api/methods/workbook-import';
import { exportXlsx } from '../../../main/exports/xlsx/index';
import { HEADER_ROW } from '../../../main/exports/xlsx/register-sheets';
import { applyWorkbook, previewWorkbook } from '../../../main/imports/workbook/index';
import { registerServices as s } from '../../../main/services/index';
import { dumpDatabase } from '../../support/fault-injection';
import { columnOf, openXlsx, sampleApp, sheet, toBuffer } from '../../exports/xlsx/support';
import { exportWorkbook, setCell } from './support';

/**
 * The bad cycle workbooks: each is made from the sample's own export by one mutation, so the
 * case stays true as the workbook evolves. Each gives plain words naming the sheet, row and
 * column, and leaves every row of every table as it was, previewed or applied.
 */
let env: ReturnType<typeof sampleApp>;
let exported: Buffer;

beforeAll(async () => {
  env = sampleApp();
  exported = (await exportWorkbook(env.app, env.cycle.id)).buffer;
});
afterAll(() => env.app.close());

async function edited(change: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = await openXlsx(exported);
  change(workbook);
  return toBuffer(workbook);
}

interface BadCase {
  what: string;
  make: () => Promise<Buffer>;
  /** The file is refused as a whole with this message. */
  refused?: RegExp;
  /** Or the preview lists this problem (sheet, row, column: message). */
  problem?: { sheet: string; row?: number | null; column?: string | null; message: RegExp };
}

const firstDataRow = HEADER_ROW + 1;

const cases: BadCase[] = [
  {
    what: 'a workbook from another program',
    make: async () => {
      const workbook = new ExcelJS.Workbook();
      const other = workbook.addWorksheet('Sheet1');
      other.addRow(['Item', 'Cost']);
      other.addRow(['Borehole', 1200000]);
      return toBuffer(workbook);
    },
    refused: /is not a Pamoja JWP cycle workbook/,
  },
  {
    what: 'a password-protected file',
    make: async () =>
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(512),
        Buffer.from('EncryptionInfo', 'utf16le'),
        Buffer.alloc(512),
      ]),
    refused: /protected with a password/,
  },
  { what: 'a file cut short in transit', make: async () => exported.subarray(0, Math.floor(exported.length / 2)), refused: /damaged or incomplete/ },
  {
    what: "a partner's fill-in template",
    make: async () =>
      (
        await exportXlsx(env.app, {
          cycleId: env.cycle.id,
          doc: 'partner-template',
          partnerOrgId: s.organisation.list(env.app, { cycleId: env.cycle.id })[0]?.id,
        })
      ).buffer,
    refused: /partner's fill-in template, not a cycle workbook/,
  },
  {
    what: 'a sheet deleted',
    make: () => edited((workbook) => workbook.removeWorksheet(sheet(workbook, 'Risks').id)),
    problem: { sheet: 'Risks', row: null, message: /The sheet "Risks" is missing/ },
  },
  {
    what: 'a formula where a value belongs',
    make: () =>
      edited((workbook) =>
        setCell(workbook, 'Activities', 2, 'Activity', { formula: 'HYPERLINK("http://x","Click")', result: 'Click' } as ExcelJS.CellFormulaValue),
      ),
    problem: { sheet: 'Activities', row: firstDataRow + 1, column: 'Activity', message: /holds a formula/ },
  },
  {
    what: 'merged cells in the rows',
    make: () => edited((workbook) => sheet(workbook, 'Objectives').mergeCells(firstDataRow, 3, firstDataRow + 1, 3)),
    problem: { sheet: 'Objectives', row: firstDataRow, message: /are merged/ },
  },
  {
    what: 'a header row moved below where anyone looks for it',
    make: () =>
      edited((workbook) => {
        const milestones = sheet(workbook, 'Milestones');
        milestones.spliceRows(1, 0, ...Array.from({ length: 40 }, () => []));
      }),
    problem: { sheet: 'Milestones', row: null, message: /The sheet "Milestones" is missing/ },
  },
  {
    what: 'the same code twice',
    make: () => edited((workbook) => setCell(workbook, 'Objectives', 2, 'Code', s.objective.list(env.app, { cycleId: env.cycle.id })[0]?.code ?? '')),
    problem: { sheet: 'Objectives', row: firstDataRow + 1, column: 'Code', message: /is used again \(first on row 5\)/ },
  },
  {
    what: 'a row naming an organisation that does not exist',
    make: () => edited((workbook) => setCell(workbook, 'Risks', 1, 'Responsible entity', 'Isiolo Camel Traders Union')),
    problem: { sheet: 'Risks', row: firstDataRow, column: 'Responsible entity', message: /"Isiolo Camel Traders Union" is not an organisation of this cycle/ },
  },
  {
    what: '20,000 rows in one sheet (one row pasted over and over)',
    make: () =>
      edited((workbook) => {
        const learning = sheet(workbook, 'Learning log');
        const source = learning.getRow(firstDataRow).values as ExcelJS.CellValue[];
        for (let index = 0; index < 20_000; index++) learning.getRow(firstDataRow + 10 + index).values = source;
      }),
    problem: { sheet: 'Learning log', column: null, message: /is a copy of row 5 \(the same hidden Row ID\)/ },
  },
];

const describeProblem = (preview: WorkbookPreviewDto) => JSON.stringify(preview.problems.slice(0, 5), null, 1);

describe('bad cycle workbooks', { timeout: 240_000 }, () => {
  for (const entry of cases) {
    it(`${entry.what}: plain words, and nothing changes`, async () => {
      const file = { buffer: await entry.make(), fileName: 'bad.xlsx' };
      const before = dumpDatabase(env.app);
      if (entry.refused) {
        await expect(previewWorkbook(env.app, file, {})).rejects.toThrow(entry.refused);
        await expect(applyWorkbook(env.app, file, {}, { applyValidOnly: false })).rejects.toThrow(entry.refused);
      } else {
        const preview = await previewWorkbook(env.app, file, {});
        const wanted = entry.problem as NonNullable<BadCase['problem']>;
        const found = preview.problems.find((problem) => wanted.message.test(problem.message));
        expect(found, describeProblem(preview)).toBeDefined();
        expect(found?.sheet).toBe(wanted.sheet);
        if (wanted.row !== undefined) expect(found?.row).toBe(wanted.row);
        if (wanted.column !== undefined) expect(found?.column).toBe(wanted.column);
        const result = await applyWorkbook(env.app, file, {}, { applyValidOnly: false });
        expect(result.applied).toBe(false);
      }
      expect(dumpDatabase(env.app) === before).toBe(true);
    });
  }

  it('a renamed sheet and reordered columns still read: nothing to change', async () => {
    const buffer = await edited((workbook) => {
      sheet(workbook, 'Risks').name = 'Risk register 2026';
      const activities = sheet(workbook, 'Activities');
      const code = columnOf(activities, HEADER_ROW, 'Code');
      const title = columnOf(activities, HEADER_ROW, 'Activity');
      activities.eachRow((row) => {
        const [a, b] = [row.getCell(code).value, row.getCell(title).value];
        row.getCell(code).value = b;
        row.getCell(title).value = a;
      });
    });
    const preview = await previewWorkbook(env.app, { buffer, fileName: 'renamed.xlsx' }, {});
    expect(preview.problems).toEqual([]);
    expect(preview.nothingToChange).toBe(true);
    expect(preview.sheets.map((s) => s.sheet)).toContain('Risk register 2026');
  });
});
