import type { Geometry } from 'geojson';
import { open as openShapefile } from 'shapefile';
import { feature as topoFeature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import { isRecord } from '../../shared/guards';
import { geoFileProblem } from './problems';
import { listZip, unzipEntries } from './unzip';

/** One feature of the file as read: its shape in the file's own coordinates, and its attributes. */
export interface RawFeature {
  index: number;
  geometry: Geometry | null;
  properties: Record<string, unknown>;
}

export interface RawLayer {
  format: 'GeoJSON' | 'TopoJSON' | 'shapefile';
  features: RawFeature[];
  /** The shapefile's .prj (its coordinate system in WKT). */
  prj: string | null;
  /** A GeoJSON file's `crs` member, e.g. "urn:ogc:def:crs:EPSG::21037". */
  declaredCrs: string | null;
}

/** A county's wards are a few MB; the whole country at full detail is about 50 MB. */
export const MAX_GEO_FILE_BYTES = 100 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const SHP = [0x00, 0x00, 0x27, 0x0a];
const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
const utf8 = new TextDecoder('utf-8', { fatal: false });

const FORMATS = 'a GeoJSON file (.geojson), a TopoJSON file, or a zipped shapefile (.zip holding the .shp, .dbf and .prj)';

/** Reads a boundary file of any format we take; throws a plain sentence when it is not one. */
export async function readGeoFile(bytes: Uint8Array, fileName: string): Promise<RawLayer> {
  const name = `"${fileName}"`;
  if (bytes.length === 0) throw geoFileProblem(`${name} is empty (0 bytes).`);
  if (bytes.length > MAX_GEO_FILE_BYTES)
    throw geoFileProblem(
      `${name} is ${Math.round(bytes.length / 1024 / 1024)} MB: far larger than ward boundaries (the whole country is about 50 MB; the limit is 100 MB). Simplify it or cut it to the county in QGIS, then load it again.`,
    );
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return readZippedShapefile(bytes, fileName);
  if (startsWith(bytes, SHP))
    throw geoFileProblem(`${name} is the .shp part of a shapefile alone. A shapefile is several files: put the .shp, .dbf and .prj in one .zip and load that.`);
  const head = utf8
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('<')) {
    const kind = /<kml/i.test(head) ? 'a KML file (Google Earth)' : /<gpx/i.test(head) ? 'a GPX file' : 'an XML or web page';
    throw geoFileProblem(`${name} is ${kind}, which Pamoja JWP does not read. Save the layer as GeoJSON in QGIS (Export › Save Features As…) and load that.`);
  }
  if (!head.startsWith('{')) throw geoFileProblem(`${name} is not geographic data Pamoja JWP reads. Load ${FORMATS}.`);
  let json: unknown;
  try {
    json = JSON.parse(utf8.decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    throw geoFileProblem(`${name} looks like JSON but is damaged (it does not parse). Ask for the file again.`);
  }
  return readJson(json, fileName);
}

const GEOMETRY_TYPES: ReadonlySet<unknown> = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/** A GeoJSON geometry by its type; its corners are checked one by one when converted (shapes.ts). */
function isGeometry(value: unknown): value is Geometry {
  return isRecord(value) && GEOMETRY_TYPES.has(value.type);
}

/** A TopoJSON geometry by its type; topojson-client throws on damaged arcs, caught where it is called. */
function isTopoGeometry(value: Record<string, unknown>): value is Record<string, unknown> & GeometryObject {
  return value.type === null || GEOMETRY_TYPES.has(value.type);
}

/** The members of a topology that topojson-client reads; the arcs' contents are its to check. */
function isTopology(record: Record<string, unknown>): record is Record<string, unknown> & Topology {
  return record.type === 'Topology' && isRecord(record.objects) && Array.isArray(record.arcs) && (record.transform === undefined || isRecord(record.transform));
}

function readJson(json: unknown, fileName: string): RawLayer {
  const name = `"${fileName}"`;
  if (!isRecord(json)) throw geoFileProblem(`${name} is JSON but not geographic data. Load ${FORMATS}.`);
  const record = json;
  const declaredCrs = crsName(record.crs);
  if (isGeometry(record)) return { format: 'GeoJSON', features: [{ index: 0, geometry: record, properties: {} }], prj: null, declaredCrs };
  switch (record.type) {
    case 'Topology':
      if (!isTopology(record)) throw geoFileProblem(`"${fileName}" says it is TopoJSON but has no objects or arcs; it is damaged.`);
      return { format: 'TopoJSON', features: readTopology(record, fileName), prj: null, declaredCrs };
    case 'FeatureCollection': {
      if (!Array.isArray(record.features)) throw geoFileProblem(`${name} says it is a GeoJSON FeatureCollection but has no list of features.`);
      return { format: 'GeoJSON', features: record.features.map((f: unknown, index) => geoJsonFeature(f, index)), prj: null, declaredCrs };
    }
    case 'Feature':
      return { format: 'GeoJSON', features: [geoJsonFeature(record, 0)], prj: null, declaredCrs };
    default:
      throw geoFileProblem(`${name} is JSON but not GeoJSON or TopoJSON (it has no "type" such as FeatureCollection). Load ${FORMATS}.`);
  }
}

function crsName(crs: unknown): string | null {
  if (!isRecord(crs) || !isRecord(crs.properties)) return null;
  return typeof crs.properties.name === 'string' ? crs.properties.name : null;
}

function geoJsonFeature(value: unknown, index: number): RawFeature {
  if (!isRecord(value)) return { index, geometry: null, properties: {} };
  return { index, geometry: isGeometry(value.geometry) ? value.geometry : null, properties: isRecord(value.properties) ? value.properties : {} };
}

/** The object of a topology that holds the wards: the one named like wards, else the one with most polygons. */
function readTopology(topology: Topology, fileName: string): RawFeature[] {
  // The objects as found in the file, checked below before they are read.
  const entries: [string, unknown][] = Object.entries(topology.objects);
  const geometriesOf = (o: unknown): unknown[] => (isRecord(o) && Array.isArray(o.geometries) ? o.geometries : []);
  const polygons = (o: unknown) => geometriesOf(o).filter((g) => isRecord(g) && /Polygon/.test(String(g.type))).length;
  const chosen = entries.find(([key, o]) => /ward/i.test(key) && polygons(o) > 0) ?? [...entries].sort((a, b) => polygons(b[1]) - polygons(a[1]))[0];
  if (!chosen || !isRecord(chosen[1]) || chosen[1].type !== 'GeometryCollection')
    throw geoFileProblem(`"${fileName}" is TopoJSON without a collection of areas.`);
  return geometriesOf(chosen[1]).map((object, index): RawFeature => {
    const damaged = () => geoFileProblem(`"${fileName}" is damaged TopoJSON: feature ${index + 1} points at arcs that are not there.`);
    if (!isRecord(object)) throw damaged();
    const properties = isRecord(object.properties) ? object.properties : {};
    if (!isTopoGeometry(object)) return { index, geometry: null, properties };
    try {
      const f = topoFeature(topology, object);
      return { index, geometry: 'geometry' in f ? f.geometry : null, properties };
    } catch {
      throw damaged();
    }
  });
}

async function readZippedShapefile(bytes: Uint8Array, fileName: string): Promise<RawLayer> {
  const name = `"${fileName}"`;
  const entries = listZip(bytes, fileName).filter((e) => !e.name.endsWith('/') && !/(^|\/)__MACOSX\//.test(e.name));
  const shps = entries.filter((e) => /\.shp$/i.test(e.name));
  const [shpEntry] = shps;
  if (!shpEntry) {
    if (entries.some((e) => /^xl\//.test(e.name))) throw geoFileProblem(`${name} is an Excel workbook, not ward boundaries. Load ${FORMATS}.`);
    if (entries.some((e) => /\.(geo|topo)?json$/i.test(e.name))) throw geoFileProblem(`${name} holds a JSON file: unzip it and load the .geojson itself.`);
    throw geoFileProblem(`${name} is a zip file without a shapefile (.shp) in it. Load ${FORMATS}.`);
  }
  if (shps.length > 1)
    throw geoFileProblem(
      `${name} holds ${shps.length} shapefiles (${shps.map((e) => e.name).join(', ')}). Zip the wards' .shp, .dbf and .prj alone and load that.`,
    );
  const shp = shpEntry.name;
  const stem = shp.slice(0, -4).toLowerCase();
  const part = (extension: string) => entries.find((e) => e.name.toLowerCase() === `${stem}.${extension}`)?.name;
  const dbf = part('dbf');
  const prj = part('prj');
  const cpg = part('cpg');
  const base = shp.split('/').pop() ?? shp;
  if (!dbf)
    throw geoFileProblem(`${name} has ${base} but not its .dbf, which holds the wards' names and codes. Zip the .shp, .dbf and .prj together and load that.`);
  if (!prj)
    throw geoFileProblem(
      `${name} has ${base} but not its .prj, which says what the coordinates are (degrees or metres, which datum). Zip the .prj with the .shp and .dbf, or save the layer as GeoJSON in QGIS, and load that.`,
    );
  const files = unzipEntries(bytes, fileName, [shp, dbf, prj, cpg]);
  const encoding = cpg ? utf8.decode(files(cpg)).trim().toLowerCase() : 'windows-1252';
  const features: RawFeature[] = [];
  try {
    const source = await openShapefile(files(shp), files(dbf), {
      encoding: /^(utf-?8|65001)$/.test(encoding) ? 'utf-8' : 'windows-1252',
    });
    for (let next = await source.read(); !next.done; next = await source.read()) {
      features.push({ index: features.length, geometry: next.value.geometry ?? null, properties: next.value.properties ?? {} });
    }
  } catch {
    throw geoFileProblem(`${name} holds a damaged shapefile: ${base} or its .dbf could not be read. Ask for the file again, or save it anew in QGIS.`);
  }
  return { format: 'shapefile', features, prj: utf8.decode(files(prj)), declaredCrs: null };
}
