import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../main/app-context';
import { checkIntegrity } from '../../main/db/check';
import { closeDb, DatabaseDamagedError } from '../../main/db/open-db';
import { resourcesDir } from '../../main/resource-paths';
import { registerServices as s } from '../../main/services/index';
import { formatHlc, MAX_CLOCK_SKEW_MS, parseHlc, receiveHlc } from '../../shared/hlc';
import { dumpDatabase } from '../support/fault-injection';
import { exportFull, exportPartner, importInto, peer, preview, resign, rowsIn, smallWorld, tempDir, trust, type Peer } from './support';

/**
 * Clock poisoning: a stamp far in the future, taken once, would date every later change here after
 * it (or, past 15 digits, make every bundle this copy exports unreadable). Such a bundle is refused,
 * naming the row, with the database — clock included — exactly as it was.
 */
const opened: Peer[] = [];
afterEach(() => opened.splice(0).forEach((p) => p.close()));

const storedClock = (ctx: Peer) => ctx.db.$client.prepare('SELECT last_hlc FROM installation').pluck().get() as string;

describe('stamps from the future', () => {
  it('a row stamped 999999999999999:99999 is refused, and the county’s next export is still readable', () => {
    const world = smallWorld();
    opened.push(world.county, world.partner);
    const { county, partner, cycleId } = world;
    s.activity.update(partner, { id: world.rpkActivity.id, changes: { title: 'Deep boreholes' } });
    const poisoned = resign(exportPartner(partner, cycleId, world.orgs.rpk), partner, (json) => {
      const row = rowsIn(json, 'activity').find((r) => r.id === world.rpkActivity.id) as Record<string, unknown>;
      row.hlc = `999999999999999:99999:${String(row.hlc).split(':')[2]}`;
    });
    const dump = dumpDatabase(county);
    const clockBefore = storedClock(county);
    const result = importInto(county, poisoned);
    expect(result.applied).toBe(false);
    expect(result.preview.status).toBe('refused');
    expect(result.preview.message).toMatch(/^Activity “A1 Deep boreholes” is dated thousands of years from now by the sender’s clock, more than a day ahead/);
    expect(dumpDatabase(county)).toBe(dump);
    expect(storedClock(county)).toBe(clockBefore);

    // The county works on and exports: a partner copy reads the bundle (its clock is sound).
    s.activity.update(county, { id: world.krcsActivity.id, changes: { title: 'Water trucking in Cherab' } });
    const full = exportFull(county, cycleId);
    expect(parseHlc(storedClock(county))).not.toBeNull();
    const reader = peer('reader', '000000dd');
    opened.push(reader);
    trust(reader, full);
    expect(preview(reader, full).status).toBe('ready');
    expect(importInto(reader, full).applied).toBe(true);
  });

  it('a laptop dated 2100 sends a bundle the county refuses, naming the row; a day’s skew is taken', () => {
    const world = smallWorld();
    opened.push(world.county, world.partner);
    const { county, partner, cycleId } = world;
    partner.shiftClock(Date.parse('2100-01-01T00:00:00Z') - Date.parse('2026-11-25T08:00:00Z'));
    s.risk.create(partner, { cycleId, code: 'R9', description: 'Pump theft', likelihood: 'low', impact: 'medium', responsibleOrgId: world.orgs.rpk });
    const dump = dumpDatabase(county);
    const refused = importInto(county, exportPartner(partner, cycleId, world.orgs.rpk));
    expect(refused.preview.message).toMatch(
      /^Risk “R9 Pump theft” is dated 1 Jan 2100 by the sender’s clock, more than a day ahead of this computer’s \(25 Nov 2026\)/,
    );
    expect(dumpDatabase(county)).toBe(dump);

    // Twenty hours ahead (a laptop on the wrong time zone and then some) is within the bound.
    const close = smallWorld({ partnerStart: '2026-11-26T04:00:00.000Z' });
    opened.push(close.county, close.partner);
    s.risk.create(close.partner, {
      cycleId: close.cycleId,
      code: 'R9',
      description: 'Pump theft',
      likelihood: 'low',
      impact: 'medium',
      responsibleOrgId: close.orgs.rpk,
    });
    expect(importInto(close.county, exportPartner(close.partner, close.cycleId, close.orgs.rpk)).applied).toBe(true);
  });

  it('a received stamp can never push the clock past the bound, and no reading past 15 digits is ever written', () => {
    const now = Date.parse('2026-11-25T08:00:00Z');
    expect(receiveHlc(null, { wallMs: now + MAX_CLOCK_SKEW_MS, counter: 3, node: 'b' }, now, 'a')).toEqual({
      wallMs: now + MAX_CLOCK_SKEW_MS,
      counter: 4,
      node: 'a',
    });
    expect(() => receiveHlc(null, { wallMs: now + MAX_CLOCK_SKEW_MS + 1, counter: 0, node: 'b' }, now, 'a')).toThrow(RangeError);
    expect(() => formatHlc({ wallMs: 10 ** 15, counter: 0, node: 'a' })).toThrow(RangeError);
  });
});

describe('a stored clock that cannot be read', () => {
  it('is reported as damage when the database opens, never silently reset, and `check` names it', () => {
    const tmp = tempDir('clock');
    try {
      const file = path.join(tmp.dir, 'county.db');
      const ctx = openApp({ file, resourcesDir });
      ctx.db.$client.prepare("UPDATE installation SET last_hlc = '1000000000000000:00000:0000000a0000'").run();
      expect(checkIntegrity(ctx.db).problems).toEqual(['clock: the reading "1000000000000000:00000:0000000a0000" cannot be read']);
      closeDb(ctx.db);
      const bytes = fs.readFileSync(file);
      expect(() => openApp({ file, resourcesDir })).toThrow(DatabaseDamagedError);
      expect(() => openApp({ file, resourcesDir })).toThrow(/its clock reading \("1000000000000000:00000:0000000a0000"\) cannot be read/);
      // Nothing was written by the refused opens.
      expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    } finally {
      tmp.remove();
    }
  });
});
