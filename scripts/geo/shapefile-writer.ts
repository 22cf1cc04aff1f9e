import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { zipSync } from 'fflate';

/**
 * Writes polygon shapefiles (.shp, .shx, .dbf) for test fixtures, the corpus and the benchmark:
 * the format as ESRI's 1998 white paper gives it, polygons only, text attributes only. The app reads
 * shapefiles with the `shapefile` package; this writer exists so tests can make the files county GIS
 * units send (a zip of .shp, .dbf and .prj) without a GIS on the machine.
 */

/** Arc 1960 / UTM zone 37N, as ArcGIS writes its .prj. */
export const ARC1960_UTM37N_PRJ =
  'PROJCS["Arc_1960_UTM_Zone_37N",GEOGCS["GCS_Arc_1960",DATUM["D_Arc_1960",SPHEROID["Clarke_1880_RGS",6378249.145,293.465]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",39.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
export const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
export const ALBERS_PRJ =
  'PROJCS["Africa_Albers_Equal_Area_Conic",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]]],PROJECTION["Albers"],UNIT["Meter",1.0]]';

type Shape = Polygon | MultiPolygon;

function ringsOf(geometry: Shape): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

function bboxOf(points: Position[]): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    x0 = Math.min(x0, x as number);
    y0 = Math.min(y0, y as number);
    x1 = Math.max(x1, x as number);
    y1 = Math.max(y1, y as number);
  }
  return [x0, y0, x1, y1];
}

function header(view: DataView, fileLengthBytes: number, box: [number, number, number, number]): void {
  view.setInt32(0, 9994, false);
  view.setInt32(24, fileLengthBytes / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, 5, true);
  box.forEach((value, i) => view.setFloat64(36 + i * 8, value, true));
}

function writeShp(shapes: Shape[]): { shp: Uint8Array; shx: Uint8Array } {
  const records = shapes.map((shape, number) => {
    const rings = ringsOf(shape);
    const points = rings.flat();
    const content = 44 + 4 * rings.length + 16 * points.length;
    const buffer = new DataView(new ArrayBuffer(8 + content));
    buffer.setInt32(0, number + 1, false);
    buffer.setInt32(4, content / 2, false);
    buffer.setInt32(8, 5, true);
    bboxOf(points).forEach((value, i) => buffer.setFloat64(12 + i * 8, value, true));
    buffer.setInt32(44, rings.length, true);
    buffer.setInt32(48, points.length, true);
    let offset = 52;
    let start = 0;
    for (const ring of rings) {
      buffer.setInt32(offset, start, true);
      offset += 4;
      start += ring.length;
    }
    for (const [x, y] of points) {
      buffer.setFloat64(offset, x as number, true);
      buffer.setFloat64(offset + 8, y as number, true);
      offset += 16;
    }
    return new Uint8Array(buffer.buffer);
  });
  const box = bboxOf(shapes.flatMap((shape) => ringsOf(shape).flat()));
  const shpLength = 100 + records.reduce((sum, r) => sum + r.length, 0);
  const shp = new Uint8Array(shpLength);
  const shx = new Uint8Array(100 + 8 * records.length);
  header(new DataView(shp.buffer), shpLength, box);
  header(new DataView(shx.buffer), shx.length, box);
  const index = new DataView(shx.buffer);
  let offset = 100;
  records.forEach((record, i) => {
    shp.set(record, offset);
    index.setInt32(100 + i * 8, offset / 2, false);
    index.setInt32(104 + i * 8, (record.length - 8) / 2, false);
    offset += record.length;
  });
  return { shp, shx };
}

/** A dBASE III table of text fields, encoded as Windows-1252 would for ASCII names. */
function writeDbf(rows: Record<string, unknown>[]): Uint8Array {
  const fields = [...new Set(rows.flatMap((row) => Object.keys(row)))].slice(0, 20);
  const width = (field: string) => Math.min(254, Math.max(1, ...rows.map((row) => String(row[field] ?? '').length)));
  const widths = fields.map(width);
  const recordLength = 1 + widths.reduce((a, b) => a + b, 0);
  const headerLength = 32 + 32 * fields.length + 1;
  const out = new Uint8Array(headerLength + recordLength * rows.length + 1);
  const view = new DataView(out.buffer);
  out[0] = 0x03;
  out.set([126, 1, 1], 1);
  view.setUint32(4, rows.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  const ascii = (text: string) => Uint8Array.from(text, (c) => (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 63));
  fields.forEach((field, i) => {
    out.set(ascii(field.slice(0, 10)), 32 + i * 32);
    out[32 + i * 32 + 11] = 'C'.charCodeAt(0);
    out[32 + i * 32 + 16] = widths[i] as number;
  });
  out[headerLength - 1] = 0x0d;
  rows.forEach((row, r) => {
    let offset = headerLength + r * recordLength;
    out[offset++] = 0x20;
    fields.forEach((field, i) => {
      const cell = String(row[field] ?? '')
        .slice(0, widths[i])
        .padEnd(widths[i] as number, ' ');
      out.set(ascii(cell), offset);
      offset += widths[i] as number;
    });
  });
  out[out.length - 1] = 0x1a;
  return out;
}

export interface ShapefileParts {
  /** Leave out a part, as people do when they attach only the .shp. */
  omit?: ('dbf' | 'prj' | 'shx')[];
  prj?: string;
  name?: string;
}

/** A zipped shapefile of polygon features, as a county GIS unit would e-mail it. */
export function zippedShapefile(collection: FeatureCollection<Shape>, parts: ShapefileParts = {}): Uint8Array {
  const name = parts.name ?? 'wards';
  const { shp, shx } = writeShp(collection.features.map((f: Feature<Shape>) => f.geometry));
  const files: Record<string, Uint8Array> = { [`${name}.shp`]: shp };
  const omit = new Set(parts.omit ?? []);
  if (!omit.has('shx')) files[`${name}.shx`] = shx;
  if (!omit.has('dbf')) files[`${name}.dbf`] = writeDbf(collection.features.map((f) => (f.properties ?? {}) as Record<string, unknown>));
  if (!omit.has('prj')) files[`${name}.prj`] = new TextEncoder().encode(parts.prj ?? WGS84_PRJ);
  // Fixed dates: the same features give the same bytes, so the corpus is reproducible.
  return zipSync(files, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') });
}
