import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listImports } from '../../main/bundles/index';
import { registerServices as s } from '../../main/services/index';
import { loadSampleCycle } from '../../main/services/sample';
import { exportPartner, importInto, peer, preview, tempDir, trust, type Peer } from '../bundles/support';
import { dumpDatabase, injectFaultAtWrite } from '../support/fault-injection';

/**
 * Applying a bundle is one transaction: a write that fails at any step — the k-th row write of the
 * import, whatever table it touches — leaves the receiving database exactly as it was, and the
 * same bundle then applies cleanly.
 */

let tmp: ReturnType<typeof tempDir>;
let county: Peer;
let partner: Peer;
let cycleId: string;
let bundle: Uint8Array;

beforeEach(() => {
  tmp = tempDir('bundle-fault');
  county = peer('county', '0000000a', { file: path.join(tmp.dir, 'county', 'county.db') });
  partner = peer('partner', '000000aa', { file: path.join(tmp.dir, 'partner', 'partner.db'), start: '2026-11-25T09:00:00.000Z' });
  cycleId = loadSampleCycle(county).id;
  const orgId = s.organisation.list(county, { cycleId }).find((o) => o.shortName === 'UDRA')?.id as string;
  const toPartner = exportPartner(county, cycleId, orgId);
  trust(partner, toPartner);
  expect(importInto(partner, toPartner).applied).toBe(true);
  // The partner's return: an edit, a new budget line and a deleted disbursement.
  const activity = s.activity.list(partner, { cycleId }).find((a) => a.leadOrgId === orgId);
  s.activity.update(partner, { id: activity?.id as string, changes: { status: 'ongoing', completionPct: 30 } });
  s.contribution.create(partner, { cycleId, activityId: activity?.id as string, component: 'Solar pumps', contributorOrgId: orgId, amountMinor: 250_000_00 });
  const payment = s.disbursement.list(partner, { cycleId }).find((d) => d.ownerOrgId === orgId);
  s.disbursement.remove(partner, { id: payment?.id as string });
  bundle = exportPartner(partner, cycleId, orgId);
  trust(county, bundle);
});

afterEach(() => {
  county.close();
  partner.close();
  tmp.remove();
});

describe('a bundle import that fails at any step', () => {
  it('changes nothing, for every k; the same bundle then applies', () => {
    expect(preview(county, bundle)).toMatchObject({ status: 'ready', counts: { adds: 1, changes: 1, deletions: 1 } });
    // A twin of the county's copy (same ids, same clock) counts the row writes of a successful apply.
    const twin = peer('county', '0000000a', { file: path.join(tmp.dir, 'twin', 'county.db') });
    let writes = 0;
    try {
      loadSampleCycle(twin);
      trust(twin, bundle);
      const count = injectFaultAtWrite(twin, -1);
      expect(importInto(twin, bundle).applied).toBe(true);
      writes = twin.db.$client.prepare('SELECT n FROM fault_counter').pluck().get() as number;
      count();
    } finally {
      twin.close();
    }
    expect(writes).toBeGreaterThan(10);

    const before = dumpDatabase(county);
    for (let k = 1; k <= writes; k++) {
      const remove = injectFaultAtWrite(county, k);
      try {
        expect(() => importInto(county, bundle)).toThrow(/injected fault/);
      } finally {
        remove();
      }
      expect(dumpDatabase(county), `a fault at write ${k} of ${writes} changed the database`).toBe(before);
    }
    const result = importInto(county, bundle);
    expect(result.applied).toBe(true);
    expect(result.preview.counts).toMatchObject({ adds: 1, changes: 1, deletions: 1 });
    expect(listImports(county, cycleId)).toHaveLength(1);
  });
});
