import type { FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { WardTopology } from '../api/schemas/geo';

/**
 * The stored ward layer as topojson-client reads it. Our schema (shared/api/schemas/geo.ts) is a
 * strict subset of TopoJSON that zod has already checked; topojson's own types describe every
 * TopoJSON there is, so this is the one place the two are bridged.
 */
function asTopology(topology: WardTopology): Topology<{ wards: GeometryCollection }> {
  return topology as unknown as Topology<{ wards: GeometryCollection }>;
}

export type WardFeatures = FeatureCollection<Polygon | MultiPolygon>;

/** The wards as GeoJSON features (id = the ward's admin unit id), in longitude/latitude. */
export function wardFeatures(topology: WardTopology): WardFeatures {
  const t = asTopology(topology);
  return feature(t, t.objects.wards) as WardFeatures;
}

/** Borders between two wards, drawn once (a shared arc is one line, never two). */
export function innerBorders(topology: WardTopology): MultiLineString {
  const t = asTopology(topology);
  return mesh(t, t.objects.wards, (a, b) => a !== b);
}

/** The outer edge of the layer: the county's boundary as far as its wards are loaded. */
export function outerBorder(topology: WardTopology): MultiLineString {
  const t = asTopology(topology);
  return mesh(t, t.objects.wards, (a, b) => a === b);
}

export const wardIdsIn = (topology: WardTopology): Set<string> => new Set(topology.objects.wards.geometries.map((g) => g.id));
