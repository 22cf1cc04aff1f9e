import type { BoundaryLayerDto } from '../../shared/api/schemas/geo';
import { backUpBeforeImport } from '../services/backups';
import type { AppContext } from '../services/context';
import { getCycle } from '../services/cycles';
import { storeLayer } from './boundary-store';
import { wardsForSchematic } from './county-wards';
import { planWardLayer } from './import-wards';
import type { RawLayer } from './read-geo-file';
import { schematicLayer } from './schematic';

export const DEMO_SOURCE = 'Schematic demo layer: invented shapes, not real ward boundaries';
export const DEMO_FILE = 'schematic-demo-wards.geojson';

/**
 * The sample's demo: the county's schematic layer (main/geo/schematic.ts), loaded through the same
 * matching, checks and simplification as a real file, and marked schematic so that every map drawn
 * from it says so. Undone like any load; a real file loaded later replaces it.
 */
export function loadSchematicDemo(ctx: AppContext, cycleId: string): BoundaryLayerDto {
  const cycle = getCycle(ctx, cycleId);
  const layer = schematicLayer(wardsForSchematic(ctx, cycle.countyId));
  const raw: RawLayer = {
    format: 'GeoJSON',
    features: layer.features.map((f, index) => ({ index, geometry: f.geometry, properties: f.properties ?? {} })),
    prj: null,
    declaredCrs: null,
  };
  const planned = planWardLayer(ctx, cycleId, raw, DEMO_FILE, 'schematic demo');
  backUpBeforeImport(ctx);
  return storeLayer(ctx, { countyId: cycle.countyId, source: DEMO_SOURCE, fileName: DEMO_FILE, schematic: true, topology: planned.topology });
}
