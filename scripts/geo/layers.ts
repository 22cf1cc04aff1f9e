import type { FeatureCollection, Polygon, Position } from 'geojson';
import proj4 from 'proj4';
import { topology } from 'topojson-server';
import { wardsForSchematic } from '../../main/geo/county-wards';
import { schematicLayer } from '../../main/geo/schematic';
import type { AppContext } from '../../main/services/context';

/** Test and benchmark layers, all SCHEMATIC (main/geo/schematic.ts): a county's, or the whole country's. */

export function schematicFor(ctx: AppContext, countyId: string | null, extraCorners = 0): FeatureCollection<Polygon> {
  return schematicLayer(wardsForSchematic(ctx, countyId), { extraCorners });
}

export const jsonBytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** The same layer with every corner moved by `move` (to another system, or somewhere wrong). */
export function mapCorners(collection: FeatureCollection<Polygon>, move: (p: Position) => Position): FeatureCollection<Polygon> {
  return {
    ...collection,
    features: collection.features.map((f) => ({ ...f, geometry: { ...f.geometry, coordinates: f.geometry.coordinates.map((ring) => ring.map(move)) } })),
  };
}

/** Arc 1960 / UTM zone 37N metres, as the Survey of Kenya's layers come. */
export function toArc1960Utm37N(collection: FeatureCollection<Polygon>): FeatureCollection<Polygon> {
  const converter = proj4('EPSG:4326', '+proj=utm +zone=37 +ellps=clrk80 +towgs84=-160,-6,-302,0,0,0,0 +units=m +no_defs');
  return mapCorners(collection, (p) => converter.forward([p[0] as number, p[1] as number]));
}

/** The layer as TopoJSON, as mapshaper or topojson-server write it (object "wards"). */
export const asTopoJson = (collection: FeatureCollection<Polygon>) => topology({ wards: collection }, 1e5);
