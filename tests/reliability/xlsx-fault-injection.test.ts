import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportXlsx } from '../../main/exports/xlsx/index';
import { listBackups, backupsDirFor } from '../../main/db/backup';
import { applyImport } from '../../main/imports/xlsx/index';
import { registerServices as s } from '../../main/services/index';
import { loadSampleCycle } from '../../main/services/sample';
import { dumpDatabase, injectFaultAtWrite } from '../support/fault-injection';
import { testApp } from '../support/test-app';

const HEADER_ROW = 3;

/** A returned partner template with two edits: a status change and a new activity. */
async function returnedTemplate(app: ReturnType<typeof testApp>, cycleId: string): Promise<Buffer> {
  const template = await exportXlsx(app, { cycleId, doc: 'partner-template', partnerOrgId: 'udra' });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template.buffer.buffer.slice(template.buffer.byteOffset, template.buffer.byteOffset + template.buffer.byteLength) as ArrayBuffer);
  const sheet = workbook.getWorksheet('Activities');
  if (!sheet) throw new Error('no Activities sheet');
  const column = (header: string) => {
    let found = 0;
    sheet.getRow(HEADER_ROW).eachCell((cell, number) => {
      if (cell.value === header) found = number;
    });
    return found;
  };
  let last = HEADER_ROW;
  sheet.eachRow((row, number) => {
    if (row.hasValues) last = number;
  });
  sheet.getCell(HEADER_ROW + 1, column('Completion %')).value = 55;
  const added = last + 1;
  sheet.getCell(added, column('Code')).value = 'A9.9';
  sheet.getCell(added, column('Title')).value = 'Emergency water trucking to Cherab';
  sheet.getCell(added, column('Objective')).value = sheet.getCell(HEADER_ROW + 1, column('Objective')).value;
  sheet.getCell(added, column('Sector')).value = 'Water & WASH';
  sheet.getCell(added, column('Start date')).value = '1/12/2026';
  sheet.getCell(added, column('End date')).value = '31/03/2027';
  sheet.getCell(added, column('Wards')).value = 'Cherab';
  sheet.getCell(added, column('Status')).value = 'Planned';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('an Excel import that fails at any step', () => {
  it('leaves the database exactly as it was, for every k, after backing it up first', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-xlsx-fault-'));
    const app = testApp({ file: path.join(dir, 'pamoja.db') });
    try {
      const cycle = loadSampleCycle(app);
      const file = { buffer: await returnedTemplate(app, cycle.id), fileName: 'udra.xlsx', cycleId: cycle.id };

      const remove = injectFaultAtWrite(app, -1);
      const before = dumpDatabase(app);
      let writes = 0;
      try {
        // Count the row writes of a successful apply; each k below breaks one of them on a fresh copy.
        await applyImport(app, file, { applyValidOnly: false });
        writes = app.db.$client.prepare('SELECT n FROM fault_counter').pluck().get() as number;
      } finally {
        remove();
      }
      expect(writes).toBeGreaterThan(3);
      expect(listBackups(backupsDirFor(app.db.$client.name)).some((backup) => backup.reason === 'before-import')).toBe(true);
      const applied = dumpDatabase(app);
      expect(applied).not.toBe(before);
      // The measured apply really wrote: the new activity is there.
      const addedActivity = s.activity.list(app, { cycleId: cycle.id }).find((a) => a.code === 'A9.9');
      expect(addedActivity).toBeDefined();

      const fresh = testApp({ file: path.join(dir, 'fresh.db') });
      const freshCycle = loadSampleCycle(fresh);
      const freshFile = { buffer: await returnedTemplate(fresh, freshCycle.id), fileName: 'udra.xlsx', cycleId: freshCycle.id };
      const start = dumpDatabase(fresh);
      for (let k = 1; k <= writes; k++) {
        const undo = injectFaultAtWrite(fresh, k);
        try {
          // A fault in one row's savepoint turns into that row's error and nothing is applied;
          // a fault anywhere else fails the whole import. Either way nothing is written.
          const applied = await applyImport(fresh, freshFile, { applyValidOnly: false }).then(
            (summary) => summary.applied,
            () => false,
          );
          expect(applied, `fault at write ${k}`).toBe(false);
        } finally {
          undo();
        }
        expect(dumpDatabase(fresh), `database after a fault at write ${k}`).toBe(start);
      }
      fresh.close();
    } finally {
      app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
