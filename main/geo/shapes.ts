import type { Geometry, Position } from 'geojson';
import findIntersections from 'sweepline-intersections';
import type { CoordinateSystem, Corner } from './crs';
import { featureName, geoFileProblem } from './problems';

/** Kenya's extent with a margin of half a degree: a ward outside it is in the wrong place. */
const KENYA = { west: 33.4, east: 42.5, south: -5.2, north: 5.5 } as const;

/** A polygon checked and converted to longitude/latitude: its outer ring, then any holes. */
export type PolygonRings = Corner[][];

/** The shoelace formula, each corner with the one before it (the last before the first). */
const planarArea = (ring: readonly Corner[]) => {
  let sum = 0;
  ring.forEach(([x, y], i) => {
    const [px, py] = ring.at(i - 1) ?? [x, y];
    sum += px * y - x * py;
  });
  return sum / 2;
};

const where = ([lon, lat]: Corner) => `${lat.toFixed(4)}° ${lat >= 0 ? 'N' : 'S'}, ${lon.toFixed(4)}° E`;

/**
 * A feature's area as polygons in longitude/latitude, converted from the file's system and checked:
 * an area (not points or lines), not empty, inside Kenya, and no polygon crossing itself. Any
 * failure names the feature and says what to do in QGIS, the tool county GIS units use.
 */
export function featureArea(geometry: Geometry | null, index: number, label: string, system: CoordinateSystem): PolygonRings[] {
  const who = featureName(index, label);
  const polygons = polygonsOf(geometry, who);
  const empty = () => geoFileProblem(`${who} has no shape: its polygon is empty. Remove or redraw it in QGIS and load the file again.`);
  if (polygons.length === 0) throw empty();
  return polygons.map((rings) => {
    const converted = rings.map((ring) => closeRing(ring.map((p) => convert(p, system, who))));
    if (converted.some((ring) => ring.length < 4)) throw empty();
    const [crossing] = findIntersections({ type: 'Feature', properties: null, geometry: { type: 'Polygon', coordinates: converted } }, false);
    if (crossing === undefined && planarArea(converted[0] ?? []) === 0) throw empty();
    if (crossing !== undefined) {
      throw geoFileProblem(
        `${who}: its boundary crosses itself near ${where(crossing)}, so its area is not defined. Repair it in QGIS (Vector › Geometry Tools › Fix Geometries) and load the file again.`,
      );
    }
    return converted;
  });
}

/** The polygons as the file gives them, corners not yet checked. */
function polygonsOf(geometry: Geometry | null, who: string): Position[][][] {
  if (geometry === null) return [];
  switch (geometry.type) {
    case 'Polygon':
      return Array.isArray(geometry.coordinates) && geometry.coordinates.length > 0 ? [geometry.coordinates] : [];
    case 'MultiPolygon':
      return Array.isArray(geometry.coordinates) ? geometry.coordinates.filter((p) => Array.isArray(p) && p.length > 0) : [];
    case 'GeometryCollection':
      return (geometry.geometries ?? []).flatMap((g) => (g.type === 'Polygon' || g.type === 'MultiPolygon' ? polygonsOf(g, who) : []));
    case 'Point':
    case 'MultiPoint':
      throw geoFileProblem(`${who} is a point, not an area: this file holds places (offices, water points?), not ward boundaries.`);
    case 'LineString':
    case 'MultiLineString':
      throw geoFileProblem(`${who} is a line, not an area: this file holds lines (roads, rivers or borders?), not ward boundaries.`);
  }
  return [];
}

function convert(position: unknown, system: CoordinateSystem, who: string): Corner {
  if (
    !Array.isArray(position) ||
    typeof position[0] !== 'number' ||
    typeof position[1] !== 'number' ||
    !Number.isFinite(position[0]) ||
    !Number.isFinite(position[1])
  )
    throw geoFileProblem(`${who} has a corner that is not a pair of numbers; the file is damaged.`);
  const [lon, lat] = system.toLonLat ? system.toLonLat([position[0], position[1]]) : [position[0], position[1]];
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90)
    throw geoFileProblem(`${who} has coordinates out of range (${position[0]}, ${position[1]}): not a place on Earth. Check the file's coordinate system.`);
  const inKenya = (a: number, b: number) => a >= KENYA.west && a <= KENYA.east && b >= KENYA.south && b <= KENYA.north;
  if (!inKenya(lon, lat)) {
    if (inKenya(lat, lon))
      throw geoFileProblem(
        `${who}: its latitude and longitude are swapped (a corner reads ${lon}, ${lat}). Export the layer again with longitude first, as GeoJSON requires.`,
      );
    throw geoFileProblem(`${who} lies outside Kenya (a corner is at ${where([lon, lat])}). Check that this is the right file and its coordinate system.`);
  }
  return [lon, lat];
}

function closeRing(ring: Corner[]): Corner[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) return [...ring, first];
  return ring;
}
