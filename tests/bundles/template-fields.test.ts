import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { installationKey } from '../../main/bundles/keys';
import { readBundle } from '../../main/bundles/read';
import { FIELDS_ADDED_IN_0011 } from '../../main/db/added-fields';
import { inWriteTransaction } from '../../main/services/context';
import { rebuild } from '../../scripts/make-bad-bundles';
import { upgradeRows } from '../../main/bundles/upgrade-rows';
import { registerServices as s } from '../../main/services/index';
import { loadSampleCycle } from '../../main/services/sample';
import { exportFull, importInto, peer, preview, trust, type Peer } from './support';

/**
 * Format 6 carries the manual's M&E and learning template fields (issue 16 item 5); a bundle of
 * format 4, made before they existed, still imports, its rows taking the database's defaults.
 */

const FORMAT_4_BUNDLE = path.join(import.meta.dirname, '..', 'fixtures', 'bundles-format-4', 'good-full.jwpb');

const peers: Peer[] = [];
afterEach(() => {
  for (const p of peers.splice(0)) p.close();
});
const newPeer = (name: string, prefix: string) => {
  const p = peer(name, prefix);
  peers.push(p);
  return p;
};

/** The template fields of every row of a cycle, by register and id. */
function templateFields(ctx: Peer, cycleId: string) {
  const by = <T extends { id: string }>(rows: T[], pick: (row: T) => unknown) => Object.fromEntries(rows.map((row) => [row.id, pick(row)]));
  return {
    activity: by(s.activity.list(ctx, { cycleId }), (a) => a.activityType),
    indicator: by(s.indicator.list(ctx, { cycleId }), (i) => i.sustainability),
    milestone: by(s.milestone.list(ctx, { cycleId }), (m) => [m.format, m.audience]),
    learningEntry: by(s.learningEntry.list(ctx, { cycleId }), (e) => [e.captureMethods, e.timing, e.expectedUse]),
    adaptiveTrigger: by(s.adaptiveTrigger.list(ctx, { cycleId }), (t) => t.priority),
  };
}

describe('the M&E and learning template fields in bundles', () => {
  it('travel in a format 6 (or later) bundle, as the sender has them', () => {
    const county = newPeer('county', '0000000a');
    const partner = newPeer('partner', '0000000b');
    const cycleId = loadSampleCycle(county).id;
    const [trigger] = s.adaptiveTrigger.list(county, { cycleId });
    if (!trigger) throw new Error('The sample has no adaptive trigger.');
    s.adaptiveTrigger.update(county, { id: trigger.id, changes: { priority: 'low' } });
    const bytes = exportFull(county, cycleId);
    // The sample's budget lines make it format 8 (in-kind lines not valued); the fields came in 6.
    expect(readBundle(bytes).manifest.formatVersion).toBe(8);
    trust(partner, bytes);
    expect(importInto(partner, bytes).applied).toBe(true);
    const sent = templateFields(county, cycleId);
    expect(templateFields(partner, cycleId)).toEqual(sent);
    // Filled in, not only defaults: the sample gives them their values.
    expect(Object.values(sent.activity).filter((type) => type !== null).length).toBeGreaterThan(20);
    expect(sent.adaptiveTrigger[trigger.id]).toBe('low');
    expect(Object.values(sent.learningEntry).every((fields) => Array.isArray(fields) && fields.every((f) => f !== ''))).toBe(true);
  });

  it('a format 4 bundle made before them still imports; its rows take empty fields and no choice', () => {
    const bytes = new Uint8Array(fs.readFileSync(FORMAT_4_BUNDLE));
    const parsed = readBundle(bytes);
    expect(parsed.manifest.formatVersion).toBe(4);
    const receiver = newPeer('receiver', '0000000d');
    trust(receiver, bytes);
    expect(preview(receiver, bytes).status).toBe('ready');
    expect(importInto(receiver, bytes).applied).toBe(true);
    const fields = templateFields(receiver, parsed.manifest.cycle.id);
    // The corpus's cycle is small: one activity and two indicators (the sample's format 4 bundle, below, has every register).
    expect([fields.activity, fields.indicator].map((rows) => Object.keys(rows).length)).toEqual([1, 2]);
    expect(new Set(Object.values(fields.activity))).toEqual(new Set([null]));
    expect(new Set(Object.values(fields.indicator))).toEqual(new Set(['']));
  });

  it("the sample's bundle as a format 4 copy wrote it (without the fields) imports with every register", () => {
    const county = newPeer('county', '0000000a');
    const receiver = newPeer('receiver', '0000000e');
    const cycleId = loadSampleCycle(county).id;
    const key = inWriteTransaction(county, (tx) => installationKey(tx));
    const added = { ...FIELDS_ADDED_IN_0011 };
    const older = rebuild(exportFull(county, cycleId), key, (json, manifest) => {
      manifest.formatVersion = 4;
      for (const [register, fields] of Object.entries(added)) {
        const rows: unknown = json.get(`rows/${register}.json`);
        if (!Array.isArray(rows) || rows.length === 0) throw new Error(`The sample bundle has no ${register} rows.`);
        for (const row of rows) for (const field of Object.keys(fields ?? {})) Reflect.deleteProperty(row, field);
      }
    });
    trust(receiver, older);
    expect(preview(receiver, older).status).toBe('ready');
    expect(importInto(receiver, older).applied).toBe(true);
    const fields = templateFields(receiver, cycleId);
    expect(Object.values(fields).map((rows) => Object.keys(rows).length)).toEqual(
      Object.values(templateFields(county, cycleId)).map((rows) => Object.keys(rows).length),
    );
    expect(new Set(Object.values(fields.activity))).toEqual(new Set([null]));
    expect(
      Object.values(fields.milestone)
        .flat()
        .every((value) => value === ''),
    ).toBe(true);
    expect(
      Object.values(fields.learningEntry)
        .flat()
        .every((value) => value === ''),
    ).toBe(true);
    expect(new Set(Object.values(fields.adaptiveTrigger))).toEqual(new Set([null]));
  });

  it('are added to older rows only where missing; format 6 rows keep them, format 8 rows are read as written', () => {
    const rows = [{ id: 'a', title: 'Borehole' }];
    expect(upgradeRows('activity', rows, 4)).toEqual([{ id: 'a', title: 'Borehole', activityType: null }]);
    expect(upgradeRows('learningEntry', [{ id: 'b', timing: 'Monthly' }], 4)).toEqual([{ id: 'b', timing: 'Monthly', captureMethods: '', expectedUse: '' }]);
    expect(upgradeRows('activity', rows, 6)).toEqual(rows);
    expect(upgradeRows('activity', rows, 8)).toBe(rows);
    expect(upgradeRows('risk', rows, 4)).toEqual(rows);
    // Format 8 let a budget line go not valued: an older line was valued.
    expect(upgradeRows('contribution', [{ id: 'c', type: 'in_kind' }], 7)).toEqual([{ id: 'c', type: 'in_kind', valueNotEstimated: false }]);
  });
});
