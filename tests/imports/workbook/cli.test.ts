import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookPreviewDto } from '../../../shared/api/methods/workbook-import';
import { closeDb, openDb } from '../../../main/db/open-db';
import { PROBLEMS_HEADER } from '../../../main/imports/workbook/rejected-rows';
import { HEADER_ROW } from '../../../main/exports/xlsx/register-sheets';
import { pamoja } from '../../support/pamoja-cli';
import { columnOf, openXlsx, sheet, toBuffer } from '../../exports/xlsx/support';
import { setCell } from './support';

/** `pamoja import-workbook` and the blank workbook, as a user runs them, on a database file. */
let dir: string;
let db: string;
let exported: string;

/** Every row of every table, read-only (a full dump); `except` leaves out the tables an undo keeps on purpose. */
async function dump(file: string, except: string[] = []): Promise<string> {
  const db = openDb({ file, migrationsFolder: '', readonly: true });
  const client = db.$client;
  try {
    const tables = client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    const schema = client.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    return JSON.stringify([schema, tables.filter((t) => !except.includes(t)).map((t) => [t, client.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()])]);
  } finally {
    closeDb(db);
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-wb-cli-'));
  db = path.join(dir, 'plan.db');
  exported = path.join(dir, 'workbook.xlsx');
  expect((await pamoja('demo', '--db', db)).status).toBe(0);
  expect((await pamoja('export', '--db', db, '--format', 'xlsx', '--doc', 'workbook', '--out', exported)).status).toBe(0);
}, 240_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('pamoja import-workbook', { timeout: 240_000 }, () => {
  it('previews the untouched export as nothing to change, in words and in JSON', async () => {
    const run = await pamoja('import-workbook', '--db', db, '--dry-run', exported);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Activities: 0 to add, 0 to change, 0 to remove, \d+ unchanged/);
    expect(run.stdout).toMatch(/Nothing to change: the plan is already as in this workbook\./);
    const json = await pamoja('import-workbook', '--db', db, '--dry-run', '--json', exported);
    const parsed = JSON.parse(json.stdout) as { applied: boolean; preview: WorkbookPreviewDto };
    expect(parsed.applied).toBe(false);
    expect(parsed.preview.nothingToChange).toBe(true);
  });

  it('applies an edited workbook in one undoable step, and undo puts the database back', async () => {
    // The undo keeps the import history (marking the import undone), the audit of the restore (and its
    // autoincrement counter) and the clock.
    const kept = ['bundle_imports', 'audit_log', 'sqlite_sequence', 'installation'];
    const before = await dump(db, kept);
    const workbook = await openXlsx(fs.readFileSync(exported));
    setCell(workbook, 'Milestones', 1, 'Progress notes', 'Agenda shared with partners');
    const edited = path.join(dir, 'edited.xlsx');
    fs.writeFileSync(edited, await toBuffer(workbook));
    const run = await pamoja('import-workbook', '--db', db, edited);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/~ Milestones row 5: .*\n\s+Progress notes: .* → Agenda shared with partners/);
    expect(run.stdout).toMatch(/Applied in one step/);
    const history = await pamoja('bundle', 'history', '--db', db);
    expect(history.stdout).toMatch(/Workbook edited\.xlsx/);
    expect(await dump(db, kept)).not.toBe(before);
    expect((await pamoja('bundle', 'undo', '--db', db)).status).toBe(0);
    const after = await dump(db, kept);
    const tables = (text: string) => (JSON.parse(text) as [unknown, [string, unknown][]])[1];
    const differing = tables(after).filter(
      ([name, rows], index) => JSON.stringify(rows) !== JSON.stringify(tables(before)[index]?.[1]) || name !== tables(before)[index]?.[0],
    );
    expect(differing.map(([name]) => name)).toEqual([]);
    expect(after === before).toBe(true);
    expect((await pamoja('import-workbook', '--db', db, '--dry-run', exported)).stdout).toMatch(/Nothing to change/);
  });

  it('refuses a file with problems (exit 2, nothing written), or applies the valid rows and returns the others as a workbook', async () => {
    const workbook = await openXlsx(fs.readFileSync(exported));
    setCell(workbook, 'Risks', 1, 'Review date', '31/02/2027');
    setCell(workbook, 'Risks', 2, 'Mitigation strategy', 'Joint patrols with the county enforcement unit');
    const bad = path.join(dir, 'bad.xlsx');
    fs.writeFileSync(bad, await toBuffer(workbook));
    const before = await dump(db);
    const refused = await pamoja('import-workbook', '--db', db, bad);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toMatch(/Risks, row 5, column Review date: Review date: "31\/02\/2027" is not a date/);
    expect(refused.stdout).toMatch(/Nothing written/);
    expect(await dump(db)).toBe(before);

    const rejected = path.join(dir, 'rejected.xlsx');
    const partly = await pamoja('import-workbook', '--db', db, '--apply-valid', '--rejected-out', rejected, bad);
    expect(partly.status).toBe(0);
    expect(partly.stdout).toMatch(/The 1 row left out are in .*rejected\.xlsx/);
    const returned = await openXlsx(fs.readFileSync(rejected));
    const risks = sheet(returned, 'Risks');
    expect(risks.getCell(HEADER_ROW + 1, columnOf(risks, HEADER_ROW, PROBLEMS_HEADER)).value).toMatch(/is not a date/);
    expect(risks.getCell(HEADER_ROW + 2, 1).value).toBeNull();
    // Fixed and imported again, the returned rows change only themselves: nothing else is removed.
    setCell(returned, 'Risks', 1, 'Review date', '28/02/2027');
    fs.writeFileSync(rejected, await toBuffer(returned));
    const again = await pamoja('import-workbook', '--db', db, '--dry-run', rejected);
    expect(again.stdout).toMatch(/Risks: 0 to add, 1 to change, 0 to remove/);
    expect(again.stdout).toMatch(/Activities: 0 to add, 0 to change, 0 to remove/);
  });

  it('starts a new cycle from a filled-in blank workbook', async () => {
    const blank = path.join(dir, 'blank.xlsx');
    const made = await pamoja('export', '--format', 'xlsx', '--doc', 'blank-workbook', '--out', blank);
    expect(made.status).toBe(0);
    const workbook = await openXlsx(fs.readFileSync(blank));
    const general = sheet(workbook, 'General information');
    const fill: Record<string, string | number> = {
      Title: 'Marsabit County Joint Work Plan FY 2026/27',
      County: 'Marsabit',
      'Fiscal year': '2026/27',
      'Lead agency': 'County Department of Economic Planning',
      'Exchange rate (KES per USD)': 129.5,
      'Exchange rate date': '1 Jul 2026',
    };
    general.eachRow((row) => {
      const label = String(row.getCell(1).value);
      if (label in fill) row.getCell(2).value = fill[label] as string | number;
    });
    const stakeholders = sheet(workbook, 'Stakeholders');
    stakeholders.getRow(HEADER_ROW + 1).getCell(columnOf(stakeholders, HEADER_ROW, 'Stakeholder')).value = 'County Department of Economic Planning';
    stakeholders.getRow(HEADER_ROW + 1).getCell(columnOf(stakeholders, HEADER_ROW, 'Category')).value = 'Government';
    const filled = path.join(dir, 'filled.xlsx');
    fs.writeFileSync(filled, await toBuffer(workbook));
    const run = await pamoja('import-workbook', '--db', db, '--new', filled);
    expect(run.stdout).toMatch(/\+ General information: The cycle "Marsabit County Joint Work Plan FY 2026\/27" \(Marsabit County, FY 2026\/27\)/);
    expect(run.stdout).toMatch(/\+ Stakeholders row 5: County Department of Economic Planning/);
    expect(run.status).toBe(0);
  });

  it('says plainly what is wrong with the flags', async () => {
    const both = await pamoja('import-workbook', '--db', db, '--new', '--cycle', 'x', exported);
    expect(both.status).not.toBe(0);
    expect(both.stderr).toMatch(/--cycle and --new do not go together/);
    const out = await pamoja('import-workbook', '--db', db, '--rejected-out', path.join(dir, 'r.xlsx'), exported);
    expect(out.stderr).toMatch(/--rejected-out goes with --apply-valid/);
  });
});
