import { describe, expect, it } from 'vitest';
import { feature } from 'topojson-client';
import { currentLayerRow, layerTopology, undoLastLayer } from '../../main/geo/boundary-store';
import { loadSchematicDemo } from '../../main/geo/demo-layer';
import { applyWardImport, previewWardImport } from '../../main/geo/import-wards';
import { wardBoundaries } from '../../main/services/maps';
import { ARC1960_UTM37N_PRJ, zippedShapefile } from '../../scripts/geo/shapefile-writer';
import { asTopoJson, jsonBytes, schematicFor, toArc1960Utm37N } from '../../scripts/geo/layers';
import { ISIOLO, seedCycle } from '../support/factories';
import { testApp } from '../support/test-app';

const ISIOLO_WARDS = ['Bulla Pesa', 'Burat', 'Chari', 'Cherab', 'Garbatulla', 'Kinna', 'Ngare Mara', 'Oldonyiro', 'Sericho', 'Wabera'];

function setup() {
  const ctx = testApp();
  const { cycle } = seedCycle(ctx);
  return { ctx, cycle, file: (bytes: Uint8Array, fileName: string) => ({ bytes, fileName, cycleId: cycle.id }) };
}

describe('loading ward boundaries', () => {
  it('a GeoJSON layer: every feature matched by IEBC code, stored as one simplified topology', async () => {
    const { ctx, cycle, file } = setup();
    const layer = schematicFor(ctx, ISIOLO, 40);
    const preview = await previewWardImport(ctx, file(jsonBytes(layer), 'isiolo.geojson'));
    expect(preview.format).toBe('GeoJSON');
    expect(preview.coordinates).toMatch(/WGS 84/);
    expect(preview.matchedOn).toMatch(/WARD_CODE/);
    expect(preview.matches.map((m) => m.wardName).sort()).toEqual(ISIOLO_WARDS);
    expect(preview.matches.every((m) => m.matchedBy === 'code')).toBe(true);
    expect(preview.wardsWithoutShape).toEqual([]);
    expect(currentLayerRow(ctx, ISIOLO)).toBeUndefined();

    const { layer: stored } = await applyWardImport(ctx, file(jsonBytes(layer), 'isiolo.geojson'), { source: 'Isiolo County GIS Unit, 2024' });
    expect(stored).toMatchObject({ source: 'Isiolo County GIS Unit, 2024', wardCount: 10, schematic: false, countyName: 'Isiolo' });
    const boundaries = wardBoundaries(ctx, cycle.id);
    const geometries = boundaries.topology?.objects.wards.geometries ?? [];
    expect(geometries.map((g) => g.id).sort()).toEqual(boundaries.wards.map((w) => w.id).sort());
    // Simplified: the 40 extra corners per edge lie on straight lines and are gone.
    const corners = (boundaries.topology?.arcs ?? []).reduce((sum, arc) => sum + arc.length, 0);
    const original = layer.features.reduce((sum, f) => sum + (f.geometry.coordinates[0]?.length ?? 0), 0);
    expect(corners).toBeLessThan(original / 10);
    ctx.close();
  });

  it('keeps shared borders shared: each border between two wards is one arc, used by both', async () => {
    const { ctx, file } = setup();
    await applyWardImport(ctx, file(jsonBytes(schematicFor(ctx, ISIOLO, 25)), 'isiolo.geojson'), { source: 'test' });
    const topology = layerTopology(currentLayerRow(ctx, ISIOLO) as NonNullable<ReturnType<typeof currentLayerRow>>);
    const uses = new Map<number, number>();
    const visit = (value: unknown): void => {
      if (typeof value === 'number') uses.set(value < 0 ? ~value : value, (uses.get(value < 0 ? ~value : value) ?? 0) + 1);
      else if (Array.isArray(value)) value.forEach(visit);
    };
    for (const g of topology.objects.wards.geometries) visit(g.arcs);
    expect([...uses.values()].every((n) => n <= 2)).toBe(true);
    expect([...uses.values()].filter((n) => n === 2).length).toBeGreaterThanOrEqual(9);
    ctx.close();
  });

  it('a zipped shapefile in Arc 1960 / UTM zone 37N is converted back to the same places', async () => {
    const { ctx, file } = setup();
    const layer = schematicFor(ctx, ISIOLO);
    const zip = zippedShapefile(toArc1960Utm37N(layer), { prj: ARC1960_UTM37N_PRJ });
    const preview = await previewWardImport(ctx, file(zip, 'isiolo-wards.zip'));
    expect(preview.format).toBe('shapefile');
    expect(preview.coordinates).toBe('Arc 1960 / UTM zone 37N (metres), converted to longitude/latitude');
    expect(preview.matches).toHaveLength(10);
    await applyWardImport(ctx, file(zip, 'isiolo-wards.zip'), { source: '' });
    const row = currentLayerRow(ctx, ISIOLO);
    expect(row?.source).toBe('isiolo-wards.zip');
    const bbox = layerTopology(row as NonNullable<typeof row>).bbox;
    const xs = layer.features.flatMap((f) => f.geometry.coordinates[0]?.map((p) => p[0] as number) ?? []);
    const ys = layer.features.flatMap((f) => f.geometry.coordinates[0]?.map((p) => p[1] as number) ?? []);
    // Within 1e-5° (about a metre) of where the wards were before projection.
    expect(bbox[0]).toBeCloseTo(Math.min(...xs), 5);
    expect(bbox[3]).toBeCloseTo(Math.max(...ys), 5);
    ctx.close();
  });

  it('TopoJSON, and names written any way: "OLDO/NYIRO", "ngare-mara", "Bulla Pesa Ward"', async () => {
    const { ctx, file } = setup();
    const layer = schematicFor(ctx, ISIOLO);
    const spellings: Record<string, string> = { Oldonyiro: 'OLDO/NYIRO', 'Ngare Mara': 'ngare-mara', 'Bulla Pesa': 'Bulla Pesa Ward', Cherab: "Cherab'" };
    for (const f of layer.features) {
      const name = String(f.properties?.WARD_NAME);
      f.properties = { NAME: spellings[name] ?? name.toUpperCase() };
    }
    const preview = await previewWardImport(ctx, file(jsonBytes(asTopoJson(layer)), 'isiolo.topojson'));
    expect(preview.format).toBe('TopoJSON');
    expect(preview.matchedOn).toBe('ward names in “NAME”');
    expect(preview.matches.map((m) => m.wardName).sort()).toEqual(ISIOLO_WARDS);
    expect(preview.matches.every((m) => m.matchedBy === 'name')).toBe(true);
    ctx.close();
  });

  it('the whole country (1,448 wards): only the county’s ten are kept, the rest counted by county', async () => {
    const { ctx, file } = setup();
    const national = schematicFor(ctx, null);
    expect(national.features).toHaveLength(1448);
    const preview = await previewWardImport(ctx, file(jsonBytes(national), 'kenya-wards.geojson'));
    expect(preview.matches).toHaveLength(10);
    expect(preview.otherCounties).toHaveLength(46);
    expect(preview.otherCounties.reduce((sum, c) => sum + c.features, 0)).toBe(1438);
    expect(preview.unmatched).toEqual([]);
    expect(preview.notes.join(' ')).toMatch(/1,438 features of 46 other counties left out/);
    ctx.close();
  });

  it('lists features that are no ward and wards left without a shape', async () => {
    const { ctx, file } = setup();
    const layer = schematicFor(ctx, ISIOLO);
    layer.features = layer.features.filter((f) => !['Chari', 'Kinna'].includes(String(f.properties?.WARD_NAME)));
    const stray = layer.features[0];
    if (stray) layer.features.push({ ...stray, properties: { WARD_NAME: 'Isiolo Town Market', WARD_CODE: '' } });
    const preview = await previewWardImport(ctx, file(jsonBytes(layer), 'partial.geojson'));
    expect(preview.wardsWithoutShape.map((w) => w.name)).toEqual(['Chari', 'Kinna']);
    expect(preview.unmatched).toEqual([{ feature: 8, label: 'Isiolo Town Market', reason: 'no ward of Isiolo is called “Isiolo Town Market”' }]);
    ctx.close();
  });

  it('is undone like any import: the previous layer comes back, then none', async () => {
    const { ctx, cycle, file } = setup();
    const demo = loadSchematicDemo(ctx, cycle.id);
    expect(demo.schematic).toBe(true);
    await applyWardImport(ctx, file(jsonBytes(schematicFor(ctx, ISIOLO, 3)), 'real.geojson'), { source: 'County GIS' });
    expect(wardBoundaries(ctx, cycle.id).layer?.source).toBe('County GIS');
    const first = undoLastLayer(ctx, ISIOLO);
    expect(first.restored?.id).toBe(demo.id);
    expect(wardBoundaries(ctx, cycle.id).layer).toMatchObject({ id: demo.id, schematic: true });
    expect(undoLastLayer(ctx, ISIOLO).restored).toBeNull();
    expect(wardBoundaries(ctx, cycle.id).layer).toBeNull();
    expect(() => undoLastLayer(ctx, ISIOLO)).toThrow(/no ward boundaries loaded/);
    const audit = ctx.db.$client.prepare("SELECT action FROM audit_log WHERE table_name = 'ward_boundary_layers' ORDER BY id").pluck().all();
    expect(audit).toEqual(['create', 'update', 'create', 'update', 'update', 'update']);
    ctx.close();
  });

  it('the stored topology reads back as GeoJSON features with the wards’ ids', async () => {
    const { ctx, cycle } = setup();
    loadSchematicDemo(ctx, cycle.id);
    const topology = wardBoundaries(ctx, cycle.id).topology;
    expect(topology).not.toBeNull();
    const features = feature(topology as never, (topology as NonNullable<typeof topology>).objects.wards as never) as unknown as { features: { id: string }[] };
    expect(features.features.map((f) => f.id).sort()).toEqual([
      'ke-ward-0241',
      'ke-ward-0242',
      'ke-ward-0243',
      'ke-ward-0244',
      'ke-ward-0245',
      'ke-ward-0246',
      'ke-ward-0247',
      'ke-ward-0248',
      'ke-ward-0249',
      'ke-ward-0250',
    ]);
    ctx.close();
  });
});
