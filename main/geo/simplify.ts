import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { wardTopology, type WardTopology } from '../../shared/api/schemas/geo';
import type { PolygonRings } from './shapes';

/**
 * Drawing detail, as a share of the layer's diagonal: a map printed 25 cm wide loses nothing a
 * reader could see at 1/4,000 (60 µm), and a county's layer shrinks from megabytes to tens of KB.
 */
const DETAIL = 1 / 4000;

/**
 * The wards as one TopoJSON topology, simplified for screens and print. The topology stores each
 * border between two wards once (an "arc"), and simplification thins arcs, not polygons, so a
 * shared border stays shared: no slivers or gaps open between neighbours. Coordinates are first
 * snapped to a fine grid (a millionth of the extent, a few centimetres), so two wards whose files
 * give the same border with rounding differences still share it.
 */
export function buildWardTopology(areas: ReadonlyMap<string, PolygonRings[]>): WardTopology {
  const collection: FeatureCollection<Polygon | MultiPolygon, null> = {
    type: 'FeatureCollection',
    features: [...areas].map(([id, polygons]): Feature<Polygon | MultiPolygon, null> => ({
      type: 'Feature',
      id,
      properties: null,
      geometry: geometryOf(polygons),
    })),
  };
  // The topojson packages' types disagree on `properties` ({} or null); ours are null by design.
  const snapped = topology({ wards: collection }, 1e6) as unknown as Parameters<typeof presimplify>[0];
  const weighted = presimplify(snapped);
  // topology() always sets the bbox (x0, y0, x1, y1) of the layer.
  const [x0, y0, x1, y1] = snapped.bbox ?? [0, 0, 0, 0];
  const tolerance = Math.hypot(x1 - x0, y1 - y0) * DETAIL;
  // Visvalingam's weight is a triangle's area: a corner goes when its triangle is smaller than this.
  const simplified = quantize(simplify(weighted, (tolerance * tolerance) / 2), 1e5);
  return wardTopology.parse(simplified);
}

/** One polygon stays a Polygon; several (a ward with islands) make a MultiPolygon. */
function geometryOf(polygons: PolygonRings[]): Polygon | MultiPolygon {
  const [only, ...others] = polygons;
  return only && others.length === 0 ? { type: 'Polygon', coordinates: only } : { type: 'MultiPolygon', coordinates: polygons };
}
