import proj4 from 'proj4';
import { geoFileProblem } from './problems';
import type { RawLayer } from './read-geo-file';

/** A corner of a shape: x (easting or longitude) and y (northing or latitude). */
export type Corner = [x: number, y: number];

/**
 * What the coordinates of a boundary file are, and how to bring them to longitude/latitude on WGS 84.
 * Kenya's layers come in three systems: WGS 84 degrees (GeoJSON, most downloads), Arc 1960 / UTM
 * zone 36 or 37, north or south (Survey of Kenya and IEBC shapefiles), and WGS 84 / UTM. Arc 1960
 * sits about 300 m from WGS 84, so its datum shift is applied (EPSG's 3-parameter values for Kenya).
 */
export interface CoordinateSystem {
  /** In words, for the preview: "Arc 1960 / UTM zone 37S (metres), converted to longitude/latitude". */
  label: string;
  /** Null when the coordinates already are WGS 84 longitude/latitude. */
  toLonLat: ((position: Corner) => Corner) | null;
}

const ARC_1960 = '+ellps=clrk80 +towgs84=-160,-6,-302,0,0,0,0';
const WGS_84 = '+datum=WGS84';
const LON_LAT: CoordinateSystem = { label: 'longitude/latitude (WGS 84)', toLonLat: null };

function utm(zone: number, south: boolean, datum: 'Arc 1960' | 'WGS 84'): CoordinateSystem {
  const definition = `+proj=utm +zone=${zone}${south ? ' +south' : ''} ${datum === 'Arc 1960' ? ARC_1960 : WGS_84} +units=m +no_defs`;
  const converter = proj4(definition, 'EPSG:4326');
  return {
    label: `${datum} / UTM zone ${zone}${south ? 'S' : 'N'} (metres), converted to longitude/latitude`,
    toLonLat: (p) => converter.forward(p),
  };
}

function arcGeographic(): CoordinateSystem {
  const converter = proj4(`+proj=longlat ${ARC_1960} +no_defs`, 'EPSG:4326');
  return { label: 'longitude/latitude on Arc 1960, shifted to WGS 84', toLonLat: (p) => converter.forward(p) };
}

/** EPSG codes of the systems above, as GeoJSON's old `crs` member names them. */
const BY_EPSG: Record<string, () => CoordinateSystem> = {
  '4326': () => LON_LAT,
  CRS84: () => LON_LAT,
  '4210': arcGeographic,
  '21036': () => utm(36, false, 'Arc 1960'),
  '21037': () => utm(37, false, 'Arc 1960'),
  '21096': () => utm(36, true, 'Arc 1960'),
  '21097': () => utm(37, true, 'Arc 1960'),
  '32636': () => utm(36, false, 'WGS 84'),
  '32637': () => utm(37, false, 'WGS 84'),
  '32736': () => utm(36, true, 'WGS 84'),
  '32737': () => utm(37, true, 'WGS 84'),
};

const reproject = (what: string) =>
  `${what} Pamoja JWP converts only WGS 84 (degrees or UTM) and Arc 1960 / UTM zones 36 and 37. In QGIS, choose Export › Save Features As…, CRS “EPSG:4326 – WGS 84”, and load that file.`;

function fromPrj(prj: string, fileName: string): CoordinateSystem {
  const wkt = prj.replace(/\s+/g, ' ');
  const datum = /Arc[_ ]?1960/i.test(wkt) ? 'Arc 1960' : /WGS[_ ]?(19)?84/i.test(wkt) ? 'WGS 84' : null;
  const name = /^\s*(?:PROJCS|GEOGCS|PROJCRS|GEOGCRS)\s*\[\s*"([^"]*)"/i.exec(wkt)?.[1] ?? 'an unnamed system';
  if (/^\s*(GEOGCS|GEOGCRS)/i.test(wkt)) {
    if (datum === 'Arc 1960') return arcGeographic();
    if (datum === 'WGS 84') return LON_LAT;
    throw geoFileProblem(reproject(`The .prj of "${fileName}" gives degrees on the datum “${name}”.`));
  }
  const zone = /UTM[_ ]?zone[_ ]?(\d{1,2})\s*([NS])?/i.exec(wkt);
  if (zone && datum) {
    const south = zone[2] ? zone[2].toUpperCase() === 'S' : /False_Northing"?\s*,\s*10000000/i.test(wkt);
    return utm(Number(zone[1]), south, datum);
  }
  throw geoFileProblem(reproject(`The .prj of "${fileName}" says the coordinates are in “${name}”.`));
}

function fromDeclared(declared: string, fileName: string): CoordinateSystem {
  const code = /CRS84$/i.test(declared) ? 'CRS84' : /(?:EPSG)?:+(\d{4,5})$/i.exec(declared)?.[1];
  const known = code ? BY_EPSG[code] : undefined;
  if (!known) throw geoFileProblem(reproject(`"${fileName}" says its coordinates are in ${declared}.`));
  return known();
}

/** A few positions from the first features, to judge the values. */
function samplePositions(layer: RawLayer): Corner[] {
  const out: Corner[] = [];
  const visit = (value: unknown): void => {
    if (out.length >= 200 || !Array.isArray(value)) return;
    const [x, y] = value;
    if (typeof x === 'number') out.push([x, typeof y === 'number' ? y : NaN]);
    else for (const item of value) visit(item);
  };
  for (const f of layer.features) {
    if (out.length >= 200) break;
    if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  }
  return out;
}

/**
 * The file's coordinate system: from the .prj, from GeoJSON's `crs`, or from the values themselves
 * (degrees lie within ±180/±90). Metres with nothing saying which system are refused: zone 36 or 37,
 * north or south, Arc 1960 or WGS 84 would each put the wards somewhere else.
 */
export function coordinateSystemOf(layer: RawLayer, fileName: string): CoordinateSystem {
  const system = layer.prj !== null ? fromPrj(layer.prj, fileName) : layer.declaredCrs !== null ? fromDeclared(layer.declaredCrs, fileName) : null;
  const sample = samplePositions(layer);
  // Most corners decide: one corner out of range in a layer of degrees is a bad corner, reported as such.
  const degreeLike = sample.filter(([x, y]) => Math.abs(x) <= 180 && Math.abs(y) <= 90).length;
  const inDegrees = degreeLike >= sample.length * 0.9;
  if (system === null || system.toLonLat === null) {
    if (inDegrees) return system ?? LON_LAT;
    const [x, y] = sample.find(([x, y]) => Math.abs(x) > 180 || Math.abs(y) > 90) ?? [0, 0];
    const example = `${Math.round(x).toLocaleString('en-GB')} east, ${Math.round(y).toLocaleString('en-GB')} north`;
    throw geoFileProblem(
      system === null
        ? `The coordinates of "${fileName}" are in metres (e.g. ${example}), a projected system, but the file does not say which. Ward layers of Kenya are usually Arc 1960 / UTM zone 37S or 37N: load the zipped shapefile with its .prj, or save the layer as GeoJSON in EPSG:4326 (WGS 84) in QGIS and load that.`
        : `"${fileName}" says its coordinates are degrees, but they are not (e.g. ${example}). Its .prj is wrong: save the layer anew in QGIS with the right coordinate system and load that.`,
    );
  }
  return system;
}
