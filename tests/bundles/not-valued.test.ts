import { afterEach, describe, expect, it } from 'vitest';
import { installationKey } from '../../main/bundles/keys';
import { readBundle } from '../../main/bundles/read';
import { inWriteTransaction } from '../../main/services/context';
import { registerServices as s } from '../../main/services/index';
import { loadSampleCycle } from '../../main/services/sample';
import { rebuild } from '../../scripts/make-bad-bundles';
import { dumpDatabase } from '../support/fault-injection';
import { exportFull, importInto, peer, preview, rowsIn, trust, type Peer } from './support';

/**
 * In-kind support whose value was not estimated (issue 15 item 4) travels in bundles of format 8;
 * a line of an older bundle was valued, and a cash line claiming no value is refused on arrival.
 */

const peers: Peer[] = [];
afterEach(() => {
  for (const p of peers.splice(0)) p.close();
});
const newPeer = (name: string, prefix: string) => {
  const p = peer(name, prefix);
  peers.push(p);
  return p;
};

/** The sample with one more in-kind line whose value nobody estimated. */
function sampleWithUnvaluedLine() {
  const county = newPeer('county', '0000000a');
  const cycleId = loadSampleCycle(county).id;
  const [first] = s.contribution.list(county, { cycleId });
  if (!first) throw new Error('The sample has no budget line.');
  const line = s.contribution.create(county, {
    cycleId,
    activityId: first.activityId,
    component: 'Vehicles for the outreach days',
    contributorOrgId: first.contributorOrgId,
    type: 'in_kind',
    valueNotEstimated: true,
  });
  return { county, cycleId, line };
}

describe('budget lines not valued in bundles', () => {
  it('travel in a format 8 bundle: the receiving copy has the line as in-kind, not valued', () => {
    const { county, cycleId, line } = sampleWithUnvaluedLine();
    expect(line).toMatchObject({ type: 'in_kind', valueNotEstimated: true, amountMinor: 0 });
    const bytes = exportFull(county, cycleId);
    expect(readBundle(bytes).manifest.formatVersion).toBe(8);
    const receiver = newPeer('receiver', '0000000b');
    trust(receiver, bytes);
    expect(importInto(receiver, bytes).applied).toBe(true);
    expect(s.contribution.get(receiver, { id: line.id })).toMatchObject({ type: 'in_kind', valueNotEstimated: true, amountMinor: 0 });
    const valuedOnBoth = (ctx: Peer) => s.contribution.list(ctx, { cycleId }).filter((c) => !c.valueNotEstimated).length;
    expect(valuedOnBoth(receiver)).toBe(valuedOnBoth(county));
    // The same bundle again changes nothing.
    expect(preview(receiver, bytes).status).toBe('nothing');
  });

  it('a format 7 bundle, made before lines could go unvalued, imports with every line valued', () => {
    const county = newPeer('county', '0000000a');
    const cycleId = loadSampleCycle(county).id;
    const key = inWriteTransaction(county, (tx) => installationKey(tx));
    const older = rebuild(exportFull(county, cycleId), key, (json, manifest) => {
      manifest.formatVersion = 7;
      for (const row of rowsIn(json, 'contribution')) Reflect.deleteProperty(row, 'valueNotEstimated');
    });
    const receiver = newPeer('receiver', '0000000b');
    trust(receiver, older);
    expect(preview(receiver, older).status).toBe('ready');
    expect(importInto(receiver, older).applied).toBe(true);
    const lines = s.contribution.list(receiver, { cycleId });
    expect(lines.length).toBe(s.contribution.list(county, { cycleId }).length);
    expect(lines.every((c) => !c.valueNotEstimated && c.amountMinor > 0)).toBe(true);
  });

  it('a cash line claiming no value is refused, naming the line, and nothing is written', () => {
    const { county, cycleId, line } = sampleWithUnvaluedLine();
    const key = inWriteTransaction(county, (tx) => installationKey(tx));
    const bad = rebuild(exportFull(county, cycleId), key, (json) => {
      const row = rowsIn(json, 'contribution').find((r) => r.id === line.id);
      if (!row) throw new Error('The bundle lost the line.');
      row.type = 'cash';
    });
    const receiver = newPeer('receiver', '0000000b');
    trust(receiver, bad);
    const before = dumpDatabase(receiver);
    const shown = preview(receiver, bad);
    expect(shown.status).toBe('refused');
    expect(JSON.stringify(shown)).toContain('a cash line needs an amount');
    expect(importInto(receiver, bad).applied).toBe(false);
    expect(dumpDatabase(receiver)).toBe(before);
  });
});
