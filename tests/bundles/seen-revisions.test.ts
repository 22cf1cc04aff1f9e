import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseKey, readBases, readPeerRows, type RowBase } from '../../main/bundles/cycle-rows';
import type { LocalState } from '../../main/bundles/plan-types';
import { seenRevisions } from '../../main/bundles/seen-revisions';
import { loadSampleCycle } from '../../main/services/sample';
import { peer, type Peer } from './support';

/** What an import leaves behind about each row: its base, and what each sender has shown. */

let county: Peer;
let cycleId: string;
const row = 'row-1';
const key = baseKey('activities', row);

function importFrom(peerId: string, apply: (seen: ReturnType<typeof seenRevisions>) => void) {
  const local = { bases: readBases(county.db.$client, cycleId) } as LocalState;
  const seen = seenRevisions(county.db.$client, local, cycleId, peerId);
  apply(seen);
  seen.write();
}

beforeEach(() => {
  county = peer('county', '0000000a');
  cycleId = loadSampleCycle(county).id;
});

afterEach(() => county.close());

describe('seen revisions', () => {
  it('a row taken from a bundle costs one bookkeeping row, and counts as shown by its sender', () => {
    importFrom('partner-a', (seen) => seen.took('activities', row, 'h1'));
    expect(readBases(county.db.$client, cycleId).get(key)).toEqual<RowBase>({ hlc: 'h1', peerId: 'partner-a' });
    expect(readPeerRows(county.db.$client, cycleId, 'partner-a').get(key)).toBe('h1');
    expect(county.db.$client.prepare('SELECT count(*) FROM bundle_peer_rows').pluck().get()).toBe(0);
  });

  it('when another sender’s revision becomes the base, the first sender’s revision is still known', () => {
    importFrom('partner-a', (seen) => seen.took('activities', row, 'h1'));
    importFrom('partner-b', (seen) => seen.took('activities', row, 'h2'));
    expect(readBases(county.db.$client, cycleId).get(key)).toEqual<RowBase>({ hlc: 'h2', peerId: 'partner-b' });
    expect(readPeerRows(county.db.$client, cycleId, 'partner-a').get(key)).toBe('h1');
    expect(readPeerRows(county.db.$client, cycleId, 'partner-b').get(key)).toBe('h2');
  });

  it('the later of a sender’s own entry and its base is what it has shown', () => {
    importFrom('partner-a', (seen) => seen.shown('activities', row, 'h3'));
    importFrom('partner-a', (seen) => seen.took('activities', row, 'h2'));
    expect(readPeerRows(county.db.$client, cycleId, 'partner-a').get(key)).toBe('h3');
    importFrom('partner-a', (seen) => seen.shown('activities', row, 'h1'));
    expect(readPeerRows(county.db.$client, cycleId, 'partner-a').get(key)).toBe('h3');
  });
});
