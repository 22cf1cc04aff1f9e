import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pamoja } from '../support/pamoja-cli';

/** The `pamoja` command as a new user runs it, in a child process. */

let dir: string;
let db: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-cli-'));
  db = path.join(dir, 'demo.db');
  expect((await pamoja('demo', '--db', db)).status).toBe(0);
  // A child process that builds the sample: seconds on a busy two-core machine, not the 10 s default.
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('pamoja', () => {
  it('demo creates the sample and refuses to overwrite', async () => {
    const again = await pamoja('demo', '--db', db);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists; demo never overwrites/);
  });

  it('stats --json counts every register of the sample, all non-empty', async () => {
    const result = await pamoja('stats', '--db', db, '--json');
    expect(result.status).toBe(0);
    const { cycles } = JSON.parse(result.stdout) as { cycles: { fiscalYear: string; counts: Record<string, number> }[] };
    expect(cycles).toHaveLength(1);
    expect(cycles[0]?.fiscalYear).toBe('2026/27');
    expect(Object.keys(cycles[0]?.counts ?? {})).toEqual(
      expect.arrayContaining(['organisations', 'activities', 'contributions', 'indicators', 'risks', 'signatories']),
    );
    for (const [register, count] of Object.entries(cycles[0]?.counts ?? {})) expect(count, register).toBeGreaterThan(0);
    expect((await pamoja('stats', '--db', db)).stdout).toMatch(/activities\s+\d+/);
  });

  it('orgs prints a tab-separated table with a header, or JSON', async () => {
    const text = await pamoja('orgs', '--db', db);
    const [header, ...rows] = text.stdout.trim().split('\n');
    expect(header).toBe('id\tshort name\tname\tcategory');
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(rows.every((row) => row.split('\t').length === 4)).toBe(true);
    const json = JSON.parse((await pamoja('orgs', '--db', db, '--json')).stdout) as { organisations: { category: string }[] };
    expect(json.organisations).toHaveLength(rows.length);
  });

  it("exports the workbook without printing a library's deprecation warning", async () => {
    const out = path.join(dir, 'workbook.xlsx');
    const result = await pamoja('export', '--db', db, '--format', 'xlsx', '--doc', 'workbook', '--out', out);
    expect(result.status).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(10_000);
    expect(result.stderr).toBe('');
  });

  it('check passes on the sample and fails on a damaged file', async () => {
    expect((await pamoja('check', '--db', db)).status).toBe(0);
    const broken = path.join(dir, 'broken.db');
    fs.copyFileSync(db, broken);
    const fd = fs.openSync(broken, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 8192);
    fs.closeSync(fd);
    const result = await pamoja('check', '--db', broken);
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a missing database or flag in one sentence', async () => {
    const missing = await pamoja('stats', '--db', path.join(dir, 'nope.db'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/there is no database at/);
    expect((await pamoja('orgs')).stderr).toMatch(/--db FILE/);
    expect((await pamoja('frobnicate')).stderr).toMatch(/no command "frobnicate"/);
  });
});
