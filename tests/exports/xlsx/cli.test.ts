import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pamoja } from '../../support/pamoja-cli';
import { openApp } from '../../../main/app-context';
import { closeDb } from '../../../main/db/open-db';
import { exportXlsx } from '../../../main/exports/xlsx/index';
import { resourcesDir } from '../../../main/resource-paths';
import { listCycles } from '../../../main/services/cycles';
import { columnOf, openXlsx, sheet, toBuffer } from './support';

/** `pamoja import-xlsx` as a Secretariat officer runs it, in a child process. */
let dir: string;
let db: string;
let template: string;

const stats = async () => (await pamoja('stats', '--db', db, '--json')).stdout;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-xlsx-cli-'));
  db = path.join(dir, 'demo.db');
  expect((await pamoja('demo', '--db', db)).status).toBe(0);
  const ctx = openApp({ file: db, resourcesDir });
  try {
    const cycle = listCycles(ctx)[0];
    if (!cycle) throw new Error('demo has no cycle');
    const file = await exportXlsx(ctx, { cycleId: cycle.id, doc: 'partner-template', partnerOrgId: 'LBNC' });
    template = path.join(dir, file.fileName);
    fs.writeFileSync(template, file.buffer);
  } finally {
    closeDb(ctx.db);
  }
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function edited(name: string, edit: (workbook: Awaited<ReturnType<typeof openXlsx>>) => void): Promise<string> {
  const workbook = await openXlsx(fs.readFileSync(template));
  edit(workbook);
  const file = path.join(dir, name);
  fs.writeFileSync(file, await toBuffer(workbook));
  return file;
}

describe('pamoja import-xlsx', { timeout: 120_000 }, () => {
  it('says an unchanged template has nothing to import', async () => {
    const result = await pamoja('import-xlsx', '--db', db, '--dry-run', template);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Partner template for Lishe Bora Nutrition Consortium, cycle "Isiolo County Joint Work Plan FY 2026\/27"/);
    expect(result.stdout).toMatch(/Contributions: \d+ rows read: 0 to add, 0 to change, \d+ unchanged, 0 rows with errors/);
    expect(result.stdout).toMatch(/Nothing to import: every row is as in the plan\.\n\nDry run: nothing written\.\n$/);
  });

  it('exits 2 and writes nothing when a row has an error, and applies the file once it is fixed', async () => {
    const bad = await edited('bad.xlsx', (workbook) => {
      const acts = sheet(workbook, 'Activities');
      acts.getCell(4, columnOf(acts, 3, 'Completion %')).value = 'half';
      const lines = sheet(workbook, 'Contributions');
      lines.getCell(5, columnOf(lines, 3, 'Comments')).value = 'Late delivery of RUTF';
    });
    const before = await stats();
    const refused = await pamoja('import-xlsx', '--db', db, bad);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toContain('To change (1):');
    expect(refused.stdout).toMatch(/ {2}Contributions row 5: .+\n {6}Comments: .+ → Late delivery of RUTF\n/);
    expect(refused.stdout).toContain('  Activities, row 4, column Completion %: Completion %: "half" is not a number');
    expect(refused.stdout).toMatch(/Nothing written: fix the 1 error above and import the file again\.\n$/);
    expect(await stats()).toBe(before);

    const good = await edited('good.xlsx', (workbook) => {
      const lines = sheet(workbook, 'Contributions');
      lines.getCell(5, columnOf(lines, 3, 'Comments')).value = 'Late delivery of RUTF';
    });
    const dry = await pamoja('import-xlsx', '--db', db, '--dry-run', good);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/Dry run: nothing written\.\n$/);
    expect(await stats()).toBe(before);
    const applied = await pamoja('import-xlsx', '--db', db, good);
    expect(applied.status).toBe(0);
    expect(applied.stdout).toMatch(/Applied: 0 added, 1 changed\.\n$/);
    const again = await pamoja('import-xlsx', '--db', db, good);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/Nothing to apply\.\n$/);
  });

  it('gives a file that is not a workbook its message and exit code 2', async () => {
    const notes = path.join(dir, 'notes.xlsx');
    fs.writeFileSync(notes, 'just notes');
    const result = await pamoja('import-xlsx', '--db', db, notes);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'pamoja import-xlsx: "notes.xlsx" is not an Excel workbook: it holds plain text (a CSV or text file?). Import the .xlsx partner template itself.\n',
    );
    expect((await pamoja('import-xlsx', '--db', db)).stderr).toMatch(/name one workbook to import/);
  });
});
