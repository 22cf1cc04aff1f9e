import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundStatusDto } from '../../shared/api/schemas/rounds';
import { closeDb, openDb } from '../../main/db/open-db';
import { documentXml, plainText } from '../exports/docx/docx-reader';
import { pamoja } from '../support/pamoja-cli';
import { parseWithMailparser } from './support';

/** `pamoja round …` as the Secretariat types it, on a database file, with the exact flags. */
let dir: string;
let db: string;

/** Every row of every table and the schema, read-only: equal dumps mean nothing was written. */
function dump(file: string): string {
  const handle = openDb({ file, migrationsFolder: '', readonly: true });
  try {
    const client = handle.$client;
    const tables = client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    return JSON.stringify([
      client.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all(),
      tables.map((t) => [t, client.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]),
    ]);
  } finally {
    closeDb(handle);
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-round-cli-'));
  db = path.join(dir, 'plan.db');
  expect((await pamoja('demo', '--db', db)).status).toBe(0);
}, 240_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('pamoja round', { timeout: 240_000 }, () => {
  it('opens, prepares a folder per organisation, and prints the status as JSON', async () => {
    const opened = await pamoja('round', 'open', '--db', db, '--period', 'Q2', '--due', '2027-01-15');
    expect(opened.stderr).toBe('');
    expect(opened.status).toBe(0);
    expect(opened.stdout).toMatch(/^Q2 \(Oct–Dec\) reporting round, open, due 15 Jan 2027/);

    const before = dump(db);
    const again = await pamoja('round', 'open', '--db', db, '--period', 'Q3');
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('The Q2 reporting round is still open. Close it before opening the Q3 round.');
    expect(dump(db)).toBe(before);

    const out = path.join(dir, 'requests');
    const prepared = await pamoja('round', 'prepare', '--db', db, '--out', out);
    expect(prepared.status).toBe(0);
    const status = roundStatusDto.parse(JSON.parse((await pamoja('round', 'status', '--db', db, '--json')).stdout));
    expect(status.members.length).toBeGreaterThan(8);
    expect(fs.readdirSync(out).length).toBe(status.members.length);
    for (const m of status.members) {
      expect(m.askedAt).not.toBeNull();
      const folder = fs.readdirSync(out).find((name) => fs.existsSync(path.join(out, name, m.askedFile ?? '')));
      if (!folder) throw new Error(`no folder holds ${m.shortName}'s ${m.askedFile}`);
      const mail = await parseWithMailparser(fs.readFileSync(path.join(out, folder, 'request.eml')));
      expect(mail.headers.get('x-unsent')).toBe('1');
      expect(mail.attachments[0]?.content.equals(fs.readFileSync(path.join(out, folder, m.askedFile ?? '')))).toBe(true);
    }
  });

  it('refuses a file that answers no round, writing nothing, and closes into the M&E report', async () => {
    const template = path.join(dir, 'plain.xlsx');
    expect((await pamoja('export', '--db', db, '--format', 'xlsx', '--doc', 'partner-template', '--partner', 'UDRA', '--out', template)).status).toBe(0);
    const before = dump(db);
    const refused = await pamoja('round', 'return', '--db', db, template);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('"plain.xlsx" was not taken in: it is a partner template sent outside any reporting round.');
    expect(dump(db)).toBe(before);

    const report = path.join(dir, 'q2.docx');
    const closed = await pamoja('round', 'close', '--db', db, '--out', report);
    expect(closed.status).toBe(0);
    const text = plainText(documentXml(fs.readFileSync(report)));
    expect(text).toContain('Partner returns for Q2 (Oct–Dec)');
    expect(text).toContain('No return for Q2 from UDRA.');
    expect((await pamoja('round', 'reopen', '--db', db)).stdout).toContain('The Q2 round is open again');
  });
});
