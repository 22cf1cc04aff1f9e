import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pamoja } from '../support/pamoja-cli';
import { openApp } from '../../main/app-context';
import { closeDb } from '../../main/db/open-db';
import { resourcesDir } from '../../main/resource-paths';
import { registerServices as s } from '../../main/services/index';
import { listCycles } from '../../main/services/cycles';

/** approve, versions, diff and rollover as a user runs them, in a child process. */

let dir: string;
let db: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-lifecycle-cli-'));
  db = path.join(dir, 'demo.db');
  expect((await pamoja('demo', '--db', db)).status).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** An edit made as the app would make it, between two commands. */
function editActivity(code: string, changes: Record<string, unknown>): void {
  const ctx = openApp({ file: db, resourcesDir });
  try {
    const [cycle] = listCycles(ctx);
    const activity = s.activity.list(ctx, { cycleId: cycle?.id as string }).find((a) => a.code === code);
    s.activity.update(ctx, { id: activity?.id as string, changes });
  } finally {
    closeDb(ctx.db);
  }
}

describe('pamoja approve / versions / diff / rollover', () => {
  it('sees the sample’s approved version 1, refuses to approve it twice, sees an edit, diffs and re-approves', async () => {
    // The sample is version 1, approved by the CEC and signed by its three signatories.
    const listed = await pamoja('versions', '--db', db);
    expect(listed.status).toBe(0);
    const [, fingerprint] = /\n\s*1\s+([0-9a-f]{8})\s+27 Aug 2026\s+Grace Nkirote Mwenda\s+3 of 3/.exec(listed.stdout) ?? [];
    expect(fingerprint, listed.stdout).toMatch(/^[0-9a-f]{8}$/);

    const again = await pamoja('approve', '--db', db, '--by', 'Amina Wario');
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/Version 1 \(fingerprint [0-9a-f]{8}\) already holds exactly this plan/);
    expect(again.stderr).not.toMatch(/\n\s+at /);

    // Progress reported against the approved plan leaves it approved.
    editActivity('A1.4', { status: 'ongoing', completionPct: 10 });
    expect((await pamoja('versions', '--db', db)).stdout).not.toMatch(/Revision/);
    editActivity('A1.4', { endDate: '2027-06-25' });
    const versions = await pamoja('versions', '--db', db);
    expect(versions.status).toBe(0);
    expect(versions.stdout).toMatch(/Revision of version 1 in progress \(not approved\): 1 change\(s\) since version 1/);

    const diff = await pamoja('diff', '--db', db, '--from', '1');
    expect(diff.status).toBe(0);
    expect(diff.stdout).toContain('Joint activities (action plan) (1 changed)');
    expect(diff.stdout).toMatch(/~ A1\.4 .*\n\s+End date: 11 Jun 2027 → 25 Jun 2027\n/);
    const json = JSON.parse((await pamoja('diff', '--db', db, '--from', '1', '--to', 'working', '--json')).stdout) as { totals: { changed: number } };
    expect(json.totals.changed).toBe(1);

    const second = await pamoja('approve', '--db', db, '--by', 'Amina Wario');
    expect(second.status).toBe(0);
    const [, secondFingerprint] = /Approved version 2 of .*: fingerprint ([0-9a-f]{8})/.exec(second.stdout) ?? [];
    expect(secondFingerprint).toMatch(/^[0-9a-f]{8}$/);
    expect(secondFingerprint).not.toBe(fingerprint);
    expect((await pamoja('versions', '--db', db)).stdout).toMatch(new RegExp(`2\\s+${secondFingerprint}\\s+\\d+ \\w{3} \\d{4}\\s+Amina Wario\\s+0 of 3`));
    expect((await pamoja('diff', '--db', db, '--from', '1', '--to', '2')).stdout).toContain('1 changed');
    expect((await pamoja('diff', '--db', db, '--from', '2')).stdout).toContain('No changes');
  }, 120_000);

  it('explains bad flags in one sentence', async () => {
    expect((await pamoja('diff', '--db', db)).stderr).toMatch(/--from N/);
    expect((await pamoja('diff', '--db', db, '--from', 'x')).stderr).toMatch(/--from takes a version number/);
    expect((await pamoja('diff', '--db', db, '--from', '9')).stderr).toMatch(/there is no version 9/);
    expect((await pamoja('approve', '--db', db)).stderr).toMatch(/--by NAME/);
    expect((await pamoja('rollover', '--db', db, '--to', '2027/28', '--exclude', 'Z9')).stderr).toMatch(
      /--exclude names no unfinished activity of this cycle: Z9/,
    );
  }, 120_000);

  it('rolls over into 2027/28 leaving out the excluded activities; the old cycle is then read-only', async () => {
    const result = await pamoja('rollover', '--db', db, '--to', '2027/28', '--exclude', 'A1.3,a1.4', '--exclude', 'A1.5');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/into "Isiolo County Joint Work Plan FY 2027\/28"/);
    expect(result.stdout).toContain('20 of 23 unfinished activities');
    expect(result.stdout).toContain('Left behind at your choice: A1.3, A1.4, A1.5.');
    const [oldCycle] = JSON.parse((await pamoja('stats', '--db', db, '--json')).stdout).cycles as { id: string }[];
    const refused = await pamoja('approve', '--db', db, '--cycle', oldCycle?.id ?? '', '--by', 'Amina Wario');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/read-only/);
  }, 120_000);
});
