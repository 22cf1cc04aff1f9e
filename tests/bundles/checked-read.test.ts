import { afterEach, describe, expect, it } from 'vitest';
import { forgetChecked, readChecked } from '../../main/bundles/checked-read';
import { BundleRefusal } from '../../main/bundles/refusal';
import { exportFull, importInto, peer, preview, smallWorld, trust, type Peer } from './support';

/**
 * Previewing, trusting and applying one file read it once: a county plan's file takes half a second
 * to check. The reading is kept per database and by the file's content, so another file, or the
 * same file after it was applied, is read afresh.
 */
const opened: Peer[] = [];
afterEach(() => opened.splice(0).forEach((p) => p.close()));

describe('a bundle file is read once for its preview, trust and apply', () => {
  it('gives the reading done before for the same bytes, and reads other bytes afresh', () => {
    const world = smallWorld();
    opened.push(world.county, world.partner);
    const receiver = peer('receiver', '000000cc');
    opened.push(receiver);
    const bytes = exportFull(world.county, world.cycleId);

    expect(preview(receiver, bytes).status).not.toBe('refused');
    const read = readChecked(receiver, bytes);
    // A copy of the same bytes is the same file: its reading is reused.
    expect(readChecked(receiver, Uint8Array.from(bytes))).toBe(read);
    // Trusting the sender goes through the same reading: a file trusted is the one kept next.
    trust(receiver, bytes);
    expect(readChecked(receiver, bytes)).toBe(read);
    const later = exportFull(world.county, world.cycleId);
    trust(receiver, later);
    expect(readChecked(receiver, bytes)).not.toBe(read);
    const again = readChecked(receiver, bytes);
    // Another database reads the file itself.
    expect(readChecked(world.partner, bytes)).not.toBe(read);

    expect(importInto(receiver, bytes).applied).toBe(true);
    // Applied, the file's reading is let go.
    const afterApply = readChecked(receiver, bytes);
    expect(afterApply).not.toBe(again);
    expect(afterApply.fingerprint).toBe(read.fingerprint);
    forgetChecked(receiver);
    expect(readChecked(receiver, bytes)).not.toBe(afterApply);
  });

  it('keeps no reading of a refused file: each attempt is refused by the checks themselves', () => {
    const receiver = peer('receiver', '000000cd');
    opened.push(receiver);
    const damaged = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(() => readChecked(receiver, damaged)).toThrow(BundleRefusal);
    expect(() => readChecked(receiver, damaged)).toThrow(BundleRefusal);
  });
});
