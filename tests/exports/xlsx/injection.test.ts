import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportXlsx } from '../../../main/exports/xlsx/index';
import { cellText, startsLikeFormula } from '../../../main/exports/xlsx/safe-text';
import { writeCell } from '../../../main/exports/xlsx/sheet-kit';
import { registerServices as s } from '../../../main/services/index';
import { requireTool } from '../../support/external-tools';
import { seedCycle } from '../../support/factories';
import { testApp } from '../../support/test-app';
import { formulaOf, openXlsx, sheet, soffice } from './support';

/** What attackers put in a field that ends up in a spreadsheet (OWASP's CSV/formula injection list). */
const PAYLOADS = ['=1+2', "=cmd|' /C calc'!A0", '+SUM(1,2)', '-2+3', '@SUM(A1:A2)', '=HYPERLINK("http://example.org/x","click")'];

let app: ReturnType<typeof testApp>;
let seed: ReturnType<typeof seedCycle>;

beforeAll(() => {
  app = testApp();
  seed = seedCycle(app);
  PAYLOADS.forEach((payload, index) => {
    s.activity.create(app, {
      cycleId: seed.cycle.id,
      objectiveId: seed.objective.id,
      code: `X${index}`,
      title: payload,
      description: payload,
      sector: 'water_wash',
      leadOrgId: seed.partner.id,
      startDate: '2026-08-01',
      endDate: '2026-09-30',
    });
    s.risk.create(app, { cycleId: seed.cycle.id, description: payload, likelihood: 'high', impact: 'low', responsibleOrgId: seed.partner.id });
  });
});
afterAll(() => app.close());

/** Every cell of a sheet whose text is one of the payloads. */
function payloadCells(workbook: ExcelJS.Workbook, name: string): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  sheet(workbook, name).eachRow((row) =>
    row.eachCell((cell) => {
      if (PAYLOADS.includes(cell.value as string) || (formulaOf(cell) !== null && PAYLOADS.some((p) => p.slice(1) === formulaOf(cell)))) cells.push(cell);
    }),
  );
  return cells;
}

describe('formula injection', () => {
  it('recognises text that a spreadsheet would read as a formula', () => {
    for (const text of [...PAYLOADS, '\tx', '\rx']) expect(startsLikeFormula(text), JSON.stringify(text)).toBe(true);
    for (const text of ['Borehole rehabilitation', '1,200,000', ' =not at start']) expect(startsLikeFormula(text)).toBe(false);
    expect(cellText('a\u0000b\u0007c\td\ne')).toBe('abc\td\ne');
  });

  it('writes such text as a text cell in the Text format, never as a formula, tab and return included', () => {
    const worksheet = new ExcelJS.Workbook().addWorksheet('x');
    for (const [index, text] of ['=1+2', '\t=1+2', '\r@x', 'plain'].entries()) {
      const cell = worksheet.getCell(1, index + 1);
      writeCell(cell, 'text', text);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
      expect(cell.numFmt).toBe(text === 'plain' ? undefined : '@');
    }
  });

  it('keeps every payload as text in the cycle workbook and the partner template', async () => {
    const workbook = await openXlsx((await exportXlsx(app, { cycleId: seed.cycle.id, doc: 'workbook' })).buffer);
    const template = await openXlsx((await exportXlsx(app, { cycleId: seed.cycle.id, doc: 'partner-template', partnerOrgId: 'RPK' })).buffer);
    for (const [book, name, expected] of [
      [workbook, 'Activities', PAYLOADS.length * 2],
      [workbook, 'Risks', PAYLOADS.length],
      [template, 'Activities', PAYLOADS.length * 2],
    ] as const) {
      const cells = payloadCells(book, name);
      expect(cells, name).toHaveLength(expected);
      for (const cell of cells) {
        expect(formulaOf(cell), `${name} ${cell.address}`).toBeNull();
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.numFmt).toBe('@');
      }
    }
  });

  const tools = requireTool('soffice', 'check that LibreOffice keeps injected text as text');
  it.skipIf(!tools.available)('stays text when LibreOffice opens and recalculates the workbook', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-xlsx-injection-'));
    try {
      const input = path.join(dir, 'workbook.xlsx');
      fs.writeFileSync(input, (await exportXlsx(app, { cycleId: seed.cycle.id, doc: 'workbook' })).buffer);
      fs.mkdirSync(path.join(dir, 'out'));
      const [output = ''] = await soffice([input], 'xlsx', path.join(dir, 'out'));
      const recalculated = await openXlsx(fs.readFileSync(output));
      const cells = payloadCells(recalculated, 'Activities');
      expect(cells).toHaveLength(PAYLOADS.length * 2);
      for (const cell of cells) expect(formulaOf(cell), cell.address).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
