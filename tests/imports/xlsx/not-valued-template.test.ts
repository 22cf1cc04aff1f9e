import { describe, expect, it } from 'vitest';
import { exportXlsx } from '../../../main/exports/xlsx/index';
import { applyImport, previewImport } from '../../../main/imports/xlsx/index';
import { registerServices as s } from '../../../main/services/index';
import { NOT_VALUED_LABEL } from '../../../shared/budget-lines';
import { dumpDatabase } from '../../support/fault-injection';
import { columnOf, openXlsx, sampleApp, sheet, toBuffer } from '../../exports/xlsx/support';

/**
 * The partner template reads a budget line the way the cycle workbook does (issue 15 item 4): an
 * in-kind line typed "in-kind, not valued" (or with its amount left empty) is in-kind support not
 * valued; a cash line without its amount is a problem naming the cell, and nothing is written.
 */
const HEADER_ROW = 3;

async function udraTemplate(app: ReturnType<typeof sampleApp>['app'], cycleId: string) {
  const workbook = await openXlsx((await exportXlsx(app, { cycleId, doc: 'partner-template', partnerOrgId: 'udra' })).buffer);
  const lines = sheet(workbook, 'Contributions');
  const column = (header: string) => columnOf(lines, HEADER_ROW, header);
  const rowOf = (id: string) => {
    for (let row = HEADER_ROW + 1; row <= lines.rowCount; row++) if (lines.getCell(row, column('Row ID')).value === id) return row;
    throw new Error(`No template row for ${id}`);
  };
  return { workbook, lines, column, rowOf };
}

describe('in-kind support not valued in a partner template', () => {
  it('is read from "in-kind, not valued" or an empty amount on an in-kind line, and written back as "in-kind, not valued"', async () => {
    const { app, cycle } = sampleApp();
    try {
      const udra = s.organisation.list(app, { cycleId: cycle.id }).find((org) => org.shortName === 'UDRA');
      const [first, second] = s.contribution.list(app, { cycleId: cycle.id }).filter((line) => line.ownerOrgId === udra?.id);
      if (!first || !second) throw new Error('UDRA needs two budget lines in the sample.');
      const { workbook, lines, column, rowOf } = await udraTemplate(app, cycle.id);
      lines.getCell(rowOf(first.id), column('Type')).value = 'In kind';
      lines.getCell(rowOf(first.id), column('Amount')).value = 'In-kind, not valued';
      lines.getCell(rowOf(second.id), column('Type')).value = 'In kind';
      lines.getCell(rowOf(second.id), column('Amount')).value = null;
      const file = { buffer: await toBuffer(workbook), fileName: 'udra.xlsx' };
      const preview = await previewImport(app, file);
      expect(preview.errors).toEqual([]);
      const applied = await applyImport(app, file, { applyValidOnly: false, expectedDigest: preview.digest });
      expect(applied).toMatchObject({ applied: true, changed: 2 });
      for (const line of [first, second]) {
        expect(s.contribution.get(app, { id: line.id })).toMatchObject({ type: 'in_kind', valueNotEstimated: true, amountMinor: 0 });
      }
      const again = await udraTemplate(app, cycle.id);
      expect(again.lines.getCell(again.rowOf(first.id), again.column('Amount')).value).toBe(NOT_VALUED_LABEL);
    } finally {
      app.close();
    }
  });

  it('refuses a cash line without its amount, naming the cell, and writes nothing', async () => {
    const { app, cycle } = sampleApp();
    try {
      const udra = s.organisation.list(app, { cycleId: cycle.id }).find((org) => org.shortName === 'UDRA');
      const line = s.contribution.list(app, { cycleId: cycle.id }).find((c) => c.ownerOrgId === udra?.id);
      if (!line) throw new Error('UDRA has no budget line in the sample.');
      const { workbook, lines, column, rowOf } = await udraTemplate(app, cycle.id);
      const row = rowOf(line.id);
      lines.getCell(row, column('Type')).value = 'Cash';
      lines.getCell(row, column('Amount')).value = 'not valued';
      const file = { buffer: await toBuffer(workbook), fileName: 'udra.xlsx' };
      const before = dumpDatabase(app);
      const preview = await previewImport(app, file);
      expect(preview.errors).toEqual([
        {
          sheet: 'Contributions',
          row,
          column: 'Amount',
          message: `Amount: a cash line needs an amount; only in-kind support may be left empty or "${NOT_VALUED_LABEL}".`,
        },
      ]);
      expect(await applyImport(app, file, { applyValidOnly: false, expectedDigest: preview.digest })).toMatchObject({ applied: false });
      expect(dumpDatabase(app)).toBe(before);
    } finally {
      app.close();
    }
  });
});
