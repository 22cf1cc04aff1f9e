// npx tsx scripts/make-bad-wards.ts: writes the bad boundary-file corpus to tests/fixtures/wards/.
// Each file is something a county officer may be sent or pick by mistake; tests/geo/bad-files.test.ts
// checks that each is refused with its plain message and that nothing is written (a full dump compare).
// Deterministic (schematic shapes, fixed zip dates): running it again gives the same bytes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { unzipSync, zipSync } from 'fflate';
import type { FeatureCollection, Polygon } from 'geojson';
import { openApp } from '../main/app-context';
import { resourcesDir } from '../main/resource-paths';
import type { AppContext } from '../main/services/context';
import { ALBERS_PRJ, WGS84_PRJ, zippedShapefile } from './geo/shapefile-writer';
import { jsonBytes, mapCorners, schematicFor, toArc1960Utm37N } from './geo/layers';

export const wardCorpusDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'wards');

export interface BadWardCase {
  file: string;
  /** What the refusal says (a regular expression, case-insensitive). */
  expect: string;
  /** Too large to keep in git: made only in the test's temporary folder. */
  large?: boolean;
}

export const badWardCases: BadWardCase[] = [
  { file: 'not-geographic.csv', expect: 'is not geographic data Pamoja JWP reads' },
  { file: 'plain.json', expect: 'JSON but not GeoJSON or TopoJSON' },
  { file: 'damaged.geojson', expect: 'looks like JSON but is damaged' },
  { file: 'google-earth.kml', expect: 'KML file \\(Google Earth\\)' },
  { file: 'water-points.geojson', expect: 'is a point, not an area' },
  { file: 'roads.geojson', expect: 'is a line, not an area' },
  { file: 'wards.shp', expect: 'the \\.shp part of a shapefile alone' },
  { file: 'shapefile-without-dbf.zip', expect: 'not its \\.dbf' },
  { file: 'shapefile-without-prj.zip', expect: 'not its \\.prj' },
  { file: 'two-shapefiles.zip', expect: 'holds 2 shapefiles' },
  { file: 'zip-without-shapefile.zip', expect: 'without a shapefile' },
  { file: 'damaged.zip', expect: 'damaged or incomplete zip' },
  { file: 'albers-projection.zip', expect: 'Africa_Albers_Equal_Area_Conic' },
  { file: 'metres-without-system.geojson', expect: 'in metres .* does not say which' },
  { file: 'unknown-crs.geojson', expect: 'EPSG::3857' },
  { file: 'out-of-range.geojson', expect: 'out of range' },
  { file: 'outside-kenya.geojson', expect: 'lies outside Kenya' },
  { file: 'latitude-longitude-swapped.geojson', expect: 'latitude and longitude are swapped' },
  { file: 'self-intersecting.geojson', expect: 'crosses itself' },
  { file: 'empty-polygon.geojson', expect: 'has no shape: its polygon is empty' },
  { file: 'another-county.geojson', expect: 'holds wards of Marsabit .*not of Isiolo' },
  { file: 'no-ward-names.geojson', expect: 'None of the 3 features .* is a ward of Isiolo' },
  { file: 'no-features.geojson', expect: 'holds no features at all' },
  { file: 'zip-bomb.zip', expect: 'looks like a zip bomb' },
  { file: 'zip-bomb-lying-sizes.zip', expect: 'looks like a zip bomb' },
  { file: 'too-large.geojson', expect: '200 MB: far larger than ward boundaries', large: true },
];

const text = (value: string) => new TextEncoder().encode(value);
const FIXED = { mtime: new Date('2026-01-01T00:00:00Z') };

interface RawEntry {
  name: string;
  /** The bytes as stored in the zip (deflated when `method` is 8). */
  data: Uint8Array;
  method: 0 | 8;
  crc: number;
  /** The unpacked size the headers claim. */
  declared: number;
}

/** A zip written field by field, so its headers can claim sizes other than the real ones. */
function rawZip(entries: RawEntry[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(entry.method, 10);
    record.writeUInt16LE(0x21, 14);
    record.writeUInt32LE(entry.crc, 16);
    record.writeUInt32LE(entry.data.length, 20);
    record.writeUInt32LE(entry.declared, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    parts.push(local, name, Buffer.from(entry.data));
    central.push(record, name);
    offset += local.length + name.length + entry.data.length;
  }
  const size = central.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

/**
 * `size` zero bytes deflated, built from one deflated megabyte repeated (each copy ends in a full
 * flush, so none refers back to another): the corpus is made in milliseconds, not by deflating
 * hundreds of megabytes, which would stall the test worker that regenerates it.
 */
function deflatedZeros(size: number): { data: Buffer; crc: number } {
  const megabyte = Buffer.alloc(1024 * 1024);
  const block = deflateRawSync(megabyte, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const count = Math.floor(size / megabyte.length);
  const rest = Buffer.alloc(size - count * megabyte.length);
  let crc = 0;
  for (let i = 0; i < count; i++) crc = crc32(megabyte, crc);
  crc = crc32(rest, crc);
  return { data: Buffer.concat([...Array.from({ length: count }, () => block), deflateRawSync(rest)]), crc };
}

/** A shapefile whose .shp is `size` zero bytes packed to almost nothing; with `declare`, its headers claim that size. */
function zeroBomb(size: number, declare?: number): Uint8Array {
  const zeros = deflatedZeros(size);
  const stored = (name: string, data: Uint8Array): RawEntry => ({ name, data, method: 0, crc: crc32(data), declared: data.length });
  return rawZip([
    { name: 'wards.shp', data: zeros.data, method: 8, crc: zeros.crc, declared: declare ?? size },
    stored('wards.dbf', new Uint8Array(33)),
    stored('wards.prj', text(WGS84_PRJ)),
  ]);
}

const withGeometry = (layer: FeatureCollection<Polygon>, index: number, geometry: unknown) => ({
  ...layer,
  features: layer.features.map((f, i) => (i === index ? { ...f, geometry } : f)),
});

export function makeBadWards(ctx: AppContext): Map<string, Uint8Array> {
  const isiolo = schematicFor(ctx, 'ke-county-011');
  const files = new Map<string, Uint8Array>();
  files.set('not-geographic.csv', text('ward,code\nWabera,0241\nBulla Pesa,0242\n'));
  files.set('plain.json', jsonBytes({ wards: ['Wabera', 'Burat'] }));
  files.set('damaged.geojson', jsonBytes(isiolo).subarray(0, 500));
  files.set('google-earth.kml', text('<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>'));
  files.set(
    'water-points.geojson',
    jsonBytes({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { WARD_NAME: 'Wabera' }, geometry: { type: 'Point', coordinates: [37.6, 0.35] } }],
    }),
  );
  files.set(
    'roads.geojson',
    jsonBytes({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { WARD_NAME: 'Burat' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [37.6, 0.35],
              [37.7, 0.4],
            ],
          },
        },
      ],
    }),
  );
  const good = zippedShapefile(isiolo);
  files.set('wards.shp', shpOf(isiolo));
  files.set('shapefile-without-dbf.zip', zippedShapefile(isiolo, { omit: ['dbf'] }));
  files.set('shapefile-without-prj.zip', zippedShapefile(isiolo, { omit: ['prj'] }));
  files.set('two-shapefiles.zip', zipSync({ 'wards.shp': shpOf(isiolo), 'roads.shp': shpOf(isiolo) }, FIXED));
  files.set('zip-without-shapefile.zip', zipSync({ 'readme.txt': text('Ward boundaries to follow.') }, FIXED));
  files.set('damaged.zip', good.subarray(0, Math.floor(good.length / 2)));
  files.set('albers-projection.zip', zippedShapefile(isiolo, { prj: ALBERS_PRJ }));
  files.set('metres-without-system.geojson', jsonBytes(toArc1960Utm37N(isiolo)));
  files.set('unknown-crs.geojson', jsonBytes({ ...toArc1960Utm37N(isiolo), crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } } }));
  files.set(
    'out-of-range.geojson',
    jsonBytes(
      withGeometry(isiolo, 0, {
        type: 'Polygon',
        coordinates: [
          [
            [37.5, 0.3],
            [37.6, 95],
            [37.7, 0.3],
            [37.5, 0.3],
          ],
        ],
      }),
    ),
  );
  files.set('outside-kenya.geojson', jsonBytes(mapCorners(isiolo, ([x, y]) => [(x as number) - 27, (y as number) + 50])));
  files.set('latitude-longitude-swapped.geojson', jsonBytes(mapCorners(isiolo, ([x, y]) => [y as number, x as number])));
  files.set(
    'self-intersecting.geojson',
    jsonBytes(
      withGeometry(isiolo, 0, {
        type: 'Polygon',
        coordinates: [
          [
            [37.5, 0.3],
            [37.7, 0.5],
            [37.7, 0.3],
            [37.5, 0.5],
            [37.5, 0.3],
          ],
        ],
      }),
    ),
  );
  files.set('empty-polygon.geojson', jsonBytes(withGeometry(isiolo, 0, { type: 'Polygon', coordinates: [] })));
  files.set('another-county.geojson', jsonBytes(schematicFor(ctx, 'ke-county-010')));
  files.set(
    'no-ward-names.geojson',
    jsonBytes({ ...isiolo, features: isiolo.features.slice(0, 3).map((f, i) => ({ ...f, properties: { NAME: `Grazing block ${i + 1}` } })) }),
  );
  files.set('no-features.geojson', jsonBytes({ type: 'FeatureCollection', features: [] }));
  files.set('zip-bomb.zip', zeroBomb(300 * 1024 * 1024));
  files.set('zip-bomb-lying-sizes.zip', zeroBomb(160 * 1024 * 1024, 4096));
  return files;
}

/** The .shp alone, as people attach it without its companions. */
function shpOf(layer: FeatureCollection<Polygon>): Uint8Array {
  return zipEntry(zippedShapefile(layer, { omit: ['dbf', 'prj', 'shx'] }));
}

function zipEntry(zip: Uint8Array): Uint8Array {
  return Object.values(unzipSync(zip))[0] as Uint8Array;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ctx = openApp({ file: ':memory:', resourcesDir });
  fs.mkdirSync(wardCorpusDir, { recursive: true });
  const files = makeBadWards(ctx);
  for (const [name, data] of files) fs.writeFileSync(path.join(wardCorpusDir, name), data);
  console.log(`Wrote ${files.size} bad boundary files to ${wardCorpusDir}.`);
}
