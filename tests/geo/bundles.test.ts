import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBundle } from '../../main/bundles/read';
import { currentLayerRow } from '../../main/geo/boundary-store';
import { loadSchematicDemo } from '../../main/geo/demo-layer';
import { applyWardImport } from '../../main/geo/import-wards';
import { formatNeeded } from '../../main/bundles/limits';
import { loadSampleCycle } from '../../main/services/sample';
import { jsonBytes, schematicFor } from '../../scripts/geo/layers';
import { exportFull, exportPartner, importInto, peer, preview, tempDir, trust, type Peer } from '../bundles/support';
import { registerServices as s } from '../../main/services/index';

/** The county's ward boundaries travel in full bundles: the Secretariat's later layer wins everywhere. */

const ISIOLO = 'ke-county-011';
let tmp: ReturnType<typeof tempDir>;
let county: Peer;
let copy: Peer;
let cycleId: string;

function deliver(to: Peer, bytes: Uint8Array) {
  if (preview(to, bytes).status === 'untrusted') trust(to, bytes);
  return importInto(to, bytes);
}

beforeEach(() => {
  tmp = tempDir('ward-bundles');
  county = peer('county', '0000000a', { file: path.join(tmp.dir, 'county', 'county.db') });
  copy = peer('partner', '000000aa', { file: path.join(tmp.dir, 'copy', 'copy.db'), start: '2026-11-25T09:00:00.000Z' });
  cycleId = loadSampleCycle(county).id;
});
afterEach(() => {
  county.close();
  copy.close();
  tmp.remove();
});

describe('ward boundaries in bundles', () => {
  it('a full bundle without boundaries stays format 2; with them it is format 3 and carries the layer', () => {
    // The oldest format that reads it: activities and indicators (with the M&E template fields) need format 6;
    // budget lines (which may be in-kind, not valued) need 8, as the sample's do.
    expect([formatNeeded({ registers: ['risk'], boundaries: false }), formatNeeded({ registers: ['risk'], boundaries: true })]).toEqual([2, 3]);
    expect(formatNeeded({ registers: ['indicator'], boundaries: false })).toBe(6);
    expect(formatNeeded({ registers: ['activity'], boundaries: true })).toBe(6);
    expect(formatNeeded({ registers: ['activity', 'contribution'], boundaries: true })).toBe(8);
    expect(readBundle(exportFull(county, cycleId)).manifest.formatVersion).toBe(8);
    loadSchematicDemo(county, cycleId);
    const bytes = exportFull(county, cycleId);
    const parsed = readBundle(bytes);
    expect(parsed.manifest.formatVersion).toBe(8);
    expect(parsed.manifest.counts.wardBoundaries).toBe(1);
    trust(copy, bytes);
    expect(preview(copy, bytes).addsInWords).toContain('1 ward boundary layer');
    expect(deliver(copy, bytes).applied).toBe(true);
    const mine = currentLayerRow(county, ISIOLO);
    const theirs = currentLayerRow(copy, ISIOLO);
    expect(theirs).toMatchObject({ id: mine?.id, source: mine?.source, schematic: true, hlc: mine?.hlc, wardCount: 10 });
    expect(JSON.parse(theirs?.topology ?? '')).toEqual(JSON.parse(mine?.topology ?? ''));
    // The same bundle again changes nothing.
    expect(preview(copy, bytes).status).toBe('nothing');
  });

  it('partner bundles do not carry boundaries', () => {
    loadSchematicDemo(county, cycleId);
    const udra = s.organisation.list(county, { cycleId }).find((o) => o.shortName === 'UDRA')?.id as string;
    const bundle = readBundle(exportPartner(county, cycleId, udra));
    expect(bundle.manifest.counts.wardBoundaries).toBeUndefined();
    expect(bundle.wardBoundaries).toBeNull();
  });

  it('a later layer from the Secretariat replaces the receiver’s; an older one is kept out with a warning', async () => {
    loadSchematicDemo(county, cycleId);
    const first = exportFull(county, cycleId);
    expect(deliver(copy, first).applied).toBe(true);
    await applyWardImport(
      county,
      { bytes: jsonBytes(schematicFor(county, ISIOLO, 4)), fileName: 'real.geojson', cycleId },
      { source: 'Isiolo County GIS Unit' },
    );
    expect(deliver(copy, exportFull(county, cycleId)).applied).toBe(true);
    expect(currentLayerRow(copy, ISIOLO)?.source).toBe('Isiolo County GIS Unit');
    const older = preview(copy, first);
    expect(older.warnings.join(' ')).toMatch(/older than the ones loaded here/);
    expect(currentLayerRow(copy, ISIOLO)?.source).toBe('Isiolo County GIS Unit');
  });

  it('a partner’s own layer is refused and listed; the Secretariat keeps its boundaries', () => {
    expect(deliver(copy, exportFull(county, cycleId)).applied).toBe(true);
    const udra = s.organisation.list(county, { cycleId }).find((o) => o.shortName === 'UDRA')?.id as string;
    // The copy speaks for UDRA once it has sent UDRA's part; its full bundle then carries its own layer.
    exportPartner(copy, cycleId, udra);
    loadSchematicDemo(copy, cycleId);
    const result = deliver(county, exportFull(copy, cycleId));
    expect(result.preview.refused.find((r) => r.register === 'wardBoundaries')?.reason).toMatch(/Secretariat’s to load/);
    expect(currentLayerRow(county, ISIOLO)).toBeUndefined();
  });
});
