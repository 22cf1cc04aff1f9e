import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pamoja } from '../support/pamoja-cli';
import { openApp } from '../../main/app-context';
import { closeDb } from '../../main/db/open-db';
import { resourcesDir } from '../../main/resource-paths';
import { registerServices as s } from '../../main/services/index';
import { tempDir } from './support';

/** `pamoja bundle …` and `pamoja keys …` as a county officer and a partner run them. */

const tmp = tempDir('bundle-cli');
const county = path.join(tmp.dir, 'county', 'county.db');
const partner = path.join(tmp.dir, 'udra', 'udra.db');
const file = (name: string) => path.join(tmp.dir, name);

/** Edits a database file directly, as the app would. */
function edit(db: string, work: (ctx: ReturnType<typeof openApp>) => void): void {
  const ctx = openApp({ file: db, resourcesDir });
  ctx.userName = 'test';
  try {
    work(ctx);
  } finally {
    closeDb(ctx.db);
  }
}

const fingerprintIn = (text: string) => /fingerprint:? ([0-9A-F]{4}(?: [0-9A-F]{4}){5})/.exec(text)?.[1] as string;

beforeAll(async () => {
  fs.mkdirSync(path.dirname(county), { recursive: true });
  expect((await pamoja('demo', '--db', county)).status).toBe(0);
}, 120_000);
afterAll(() => tmp.remove());

describe('pamoja bundle and pamoja keys', () => {
  it('checks its flags', async () => {
    expect((await pamoja('bundle', 'export', '--db', county, '--full', '--partner', 'UDRA', '--out', file('x.jwpb'))).stderr).toMatch(
      /choose one: --full .* or --partner/,
    );
    expect((await pamoja('bundle', 'export', '--db', county, '--full', '--out', file('x.zip'))).stderr).toMatch(/must name a \.jwpb file/);
    expect((await pamoja('bundle', 'export', '--db', county, '--partner', 'NOBODY', '--out', file('x.jwpb'))).stderr).toMatch(/no organisation "NOBODY"/);
    expect((await pamoja('bundle', 'import', '--db', county, '--resolve', 'both', file('x.jwpb'))).stderr).toMatch(/--resolve takes mine or theirs/);
    expect((await pamoja('bundle', 'import', '--db', county, file('missing.jwpb'))).status).toBe(2);
  }, 180_000);

  it('runs the county → partner → county round trip with exit codes 0, 1 and 2', async () => {
    const exported = await pamoja('bundle', 'export', '--db', county, '--partner', 'UDRA', '--out', file('udra.jwpb'));
    expect(exported.status).toBe(0);
    expect(exported.stdout).toMatch(/Personal data leaving this computer.*contact people.*No other stakeholders/);
    const fingerprint = fingerprintIn(exported.stdout);
    expect((await pamoja('keys', 'show', '--db', county)).stdout).toContain(fingerprint);

    // The partner's first import: the sender is not trusted yet, and no database is left behind.
    const untrusted = await pamoja('bundle', 'import', '--db', partner, file('udra.jwpb'));
    expect(untrusted.status).toBe(2);
    expect(untrusted.stdout).toMatch(/does not trust yet[\s\S]*Nothing was written/);
    expect(fs.existsSync(partner)).toBe(false);

    // Trusting shows the fingerprint and wants it confirmed.
    const shown = await pamoja('keys', 'trust', '--db', partner, file('udra.jwpb'));
    expect(shown.status).toBe(1);
    expect(shown.stdout).toContain(fingerprint);
    expect((await pamoja('keys', 'trust', '--db', partner, '--fingerprint', '0000 0000 0000 0000 0000 0000', file('udra.jwpb'))).stderr).toMatch(
      /is not the one this bundle is signed with/,
    );
    expect((await pamoja('keys', 'trust', '--db', partner, '--fingerprint', fingerprint.toLowerCase(), file('udra.jwpb'))).status).toBe(0);

    const dry = await pamoja('bundle', 'import', '--db', partner, '--dry-run', file('udra.jwpb'));
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/This adds the cycle[\s\S]*Dry run: nothing was written/);
    expect(JSON.parse((await pamoja('stats', '--db', partner, '--json')).stdout)).toEqual({ cycles: [] });
    const applied = await pamoja('bundle', 'import', '--db', partner, file('udra.jwpb'));
    expect(applied.status).toBe(0);
    expect(applied.stdout).toMatch(/Applied\. A verified backup was taken first/);
    const again = JSON.parse((await pamoja('bundle', 'import', '--db', partner, '--json', file('udra.jwpb'))).stdout) as {
      applied: boolean;
      preview: { status: string };
    };
    expect(again).toMatchObject({ applied: false, preview: { status: 'nothing' } });

    // Both sides edit the same activity; the Secretariat's full plan then conflicts at the partner.
    let activityId = '';
    edit(county, (ctx) => {
      const cycleId = ctx.db.$client.prepare('SELECT id FROM cycles').pluck().get() as string;
      const udra = s.organisation.list(ctx, { cycleId }).find((o) => o.shortName === 'UDRA')?.id;
      activityId = s.activity.list(ctx, { cycleId }).find((a) => a.leadOrgId === udra)?.id as string;
      s.activity.update(ctx, { id: activityId, changes: { challenges: 'County: procurement delayed' } });
    });
    edit(partner, (ctx) => s.activity.update(ctx, { id: activityId, changes: { challenges: 'UDRA: rig broke down' } }));
    expect((await pamoja('bundle', 'export', '--db', county, '--full', '--out', file('full.jwpb'))).status).toBe(0);
    const stats = (await pamoja('stats', '--db', partner, '--json')).stdout;
    const conflicted = await pamoja('bundle', 'import', '--db', partner, file('full.jwpb'));
    expect(conflicted.status).toBe(1);
    expect(conflicted.stdout).toMatch(
      /Conflicts[\s\S]*Challenges: mine: UDRA: rig broke down \| theirs: County: procurement delayed[\s\S]*Nothing was written/,
    );
    expect((await pamoja('stats', '--db', partner, '--json')).stdout).toBe(stats);
    expect((await pamoja('bundle', 'import', '--db', partner, '--resolve', 'theirs', file('full.jwpb'))).status).toBe(0);

    const history = await pamoja('bundle', 'history', '--db', partner);
    expect(history.stdout.trim().split('\n')).toHaveLength(2);
    expect(history.stdout).toMatch(/\[can undo\]/);
    const undo = await pamoja('bundle', 'undo', '--db', partner);
    expect(undo.status).toBe(0);
    expect(undo.stdout).toMatch(/Undid the import/);
    expect((await pamoja('bundle', 'history', '--db', partner)).stdout).toMatch(/\[undone\]/);
    edit(partner, (ctx) => expect(s.activity.get(ctx, { id: activityId }).challenges).toBe('UDRA: rig broke down'));

    // The partner sends its part back; the Secretariat trusts it and imports it.
    expect((await pamoja('bundle', 'export', '--db', partner, '--partner', 'UDRA', '--out', file('from-udra.jwpb'))).status).toBe(0);
    expect((await pamoja('bundle', 'export', '--db', partner, '--partner', 'MSDT', '--out', file('not-mine.jwpb'))).stderr).toMatch(/speaks for Ustahimilivu/);
    const partnerKey = fingerprintIn((await pamoja('keys', 'show', '--db', partner)).stdout);
    expect((await pamoja('keys', 'trust', '--db', county, '--fingerprint', partnerKey, file('from-udra.jwpb'))).status).toBe(0);
    const back = await pamoja('bundle', 'import', '--db', county, '--resolve', 'theirs', file('from-udra.jwpb'));
    expect(back.status).toBe(0);
    edit(county, (ctx) => expect(s.activity.get(ctx, { id: activityId }).challenges).toBe('UDRA: rig broke down'));
  }, 600_000);
});
