import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pamoja } from '../support/pamoja-cli';
import type { CoverageMatrixDto } from '../../shared/api/schemas/analysis/coverage';
import type { OverlapClusterReportDto } from '../../shared/api/schemas/analysis/overlap-clusters';
import type { OverlapReportDto } from '../../shared/api/schemas/analysis/overlaps';
import { toKesMinor } from '../../shared/money';
import { openApp } from '../../main/app-context';
import { shortKes } from '../../main/cli/commands/analysis';
import { closeDb } from '../../main/db/open-db';
import { resourcesDir } from '../../main/resource-paths';

let dir: string;
let db: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-analysis-cli-'));
  db = path.join(dir, 'demo.db');
  expect((await pamoja('demo', '--db', db)).status).toBe(0);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Each test starts the CLI two or three times; a busy machine needs more than the default 30 s.
describe('pamoja overlaps, coverage and calendar', { timeout: 120_000 }, () => {
  it('overlaps lists the flagged pair with its score and reason, as text or JSON', async () => {
    const text = await pamoja('overlaps', '--db', db);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^1 likely duplicate in "Isiolo County Joint Work Plan FY 2026\/27"/);
    expect(text.stdout).toMatch(/score \d+ \(high\)\n {4}A1\.1 .*CGI-WEC.*\n {4}A1\.2 .*MSDT.*\n {4}Both Water & WASH in Garbatulla/);
    const json = JSON.parse((await pamoja('overlaps', '--db', db, '--json')).stdout) as OverlapReportDto;
    expect(json.pairs.map((p) => [p.activityA.code, p.activityB.code, p.sharedWardNames])).toEqual([['A1.1', 'A1.2', ['Garbatulla']]]);
    expect(json.pairs[0]?.score).toBeGreaterThanOrEqual(60);
    const wrong = await pamoja('overlaps', '--db', db, '--cycle', '00000000-0000-4000-8000-000000000000');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/there is no cycle 00000000/);
  });

  it('overlaps --clusters groups likely duplicates with the money at stake, as text or JSON', async () => {
    const text = await pamoja('overlaps', '--db', db, '--clusters');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(
      /^1 cluster of likely duplicates in "Isiolo County Joint Work Plan FY 2026\/27" \(1 of 1 flagged pairs; \d+ active activities checked\)\./,
    );
    expect(text.stdout).toMatch(
      /\n1\. score \d+ \(high\): 2 activities, Water & WASH in Garbatulla, all running .*; KES \d+M at stake\n {4}A1\.1 .*\n {4}A1\.2 .*\n {4}pairs: A1\.1 \+ A1\.2 \(\d+\)\n$/,
    );
    const json = JSON.parse((await pamoja('overlaps', '--db', db, '--clusters', '--json')).stdout) as OverlapClusterReportDto;
    const [cluster] = json.clusters;
    expect(cluster?.activities.map((a) => a.code)).toEqual(['A1.1', 'A1.2']);
    expect(cluster?.pairs.map((p) => [p.activityA.code, p.activityB.code])).toEqual([['A1.1', 'A1.2']]);
    // The money at stake, checked against the database's budget lines of the two activities.
    const ctx = openApp({ file: db, resourcesDir });
    try {
      const rate = ctx.db.$client.prepare('SELECT kes_per_usd_scaled FROM cycles').pluck().get() as number;
      const lines = ctx.db.$client
        .prepare(
          "SELECT c.amount_minor AS amountMinor, c.currency FROM contributions c JOIN activities a ON a.id = c.activity_id WHERE a.code IN ('A1.1', 'A1.2')",
        )
        .all() as { amountMinor: number; currency: 'KES' | 'USD' }[];
      expect(lines.length).toBeGreaterThan(1);
      expect(cluster?.plannedKesMinor).toBe(lines.reduce((sum, line) => sum + toKesMinor(line, rate), 0));
    } finally {
      closeDb(ctx.db);
    }
    // Without --clusters, --json keeps listing the pairs.
    expect((JSON.parse((await pamoja('overlaps', '--db', db, '--json')).stdout) as OverlapReportDto).pairs).toHaveLength(1);
  });

  it('coverage prints the ward × sector table with gaps, or the matrix as JSON', async () => {
    const text = await pamoja('coverage', '--db', db);
    expect(text.status).toBe(0);
    const lines = text.stdout.split('\n');
    const header = lines.find((l) => l.startsWith('ward '));
    expect(header).toMatch(/Water & WASH +Health & nutrition .* total$/);
    expect(lines.find((l) => l.startsWith('Garbatulla '))).toMatch(/^Garbatulla +2 \/ \d+M/);
    expect(text.stdout).toMatch(/Gaps: \d+ of 100 ward × sector cells are empty\./);
    const json = JSON.parse((await pamoja('coverage', '--db', db, '--json')).stdout) as CoverageMatrixDto;
    expect(json.rows).toHaveLength(10);
    expect(json.gapCount).toBeGreaterThan(0);
  });

  it('calendar writes an .ics file and says how many items are overdue or due soon', async () => {
    const out = path.join(dir, 'out', 'isiolo.ics');
    const result = await pamoja('calendar', '--db', db, '--out', out);
    expect(result.status).toBe(0);
    const written = /^Wrote (\d+) events of ".*" to .*isiolo\.ics \(\d+ overdue, \d+ due in the next 14 days\)\.\n$/.exec(result.stdout);
    expect(written, result.stdout).not.toBeNull();
    const ics = fs.readFileSync(out, 'utf8');
    // The 23 dates of the sample's calendar, and the activity ends that need attention today.
    expect(ics.split('BEGIN:VEVENT').length - 1).toBe(Number(written?.[1]));
    expect(Number(written?.[1])).toBeGreaterThanOrEqual(23);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('DTSTART;VALUE=DATE:20260901\r\n');
    const missing = await pamoja('calendar', '--db', db);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/--out FILE\.ics/);
  });

  it('abbreviates money in matrix cells', () => {
    expect([shortKes(0), shortKes(95_000_00), shortKes(1_850_000_00), shortKes(18_500_000_00), shortKes(2_500_000_000_00)]).toEqual([
      '0',
      '95K',
      '1.9M',
      '19M',
      '2.5B',
    ]);
  });
});
