import { z } from 'zod';
import { activityStatuses, sectors } from '../../domain/vocabulary';
import { indicatorStatuses } from './analysis/indicator-status';
import { entityId, text, unitId } from './fields';

/**
 * Ward maps (issue 20): the county's ward boundaries, what loading a boundary file would do, and
 * the figures a map shades its wards by. See shared/geo/ for the rules and main/geo/ for the files.
 */

const finite = z.number().finite();
const position = z.array(z.int()).length(2);
const ring = z.array(z.int());

/**
 * The shapes as stored and sent: a quantised TopoJSON topology with one object, `wards`, whose
 * geometries are the wards' areas (id = the ward's admin unit id) in longitude/latitude.
 */
export const wardTopology = z.strictObject({
  type: z.literal('Topology'),
  bbox: z.array(finite).length(4),
  transform: z.strictObject({ scale: z.array(finite).length(2), translate: z.array(finite).length(2) }),
  arcs: z.array(z.array(position).min(2)).max(500_000),
  objects: z.strictObject({
    wards: z.strictObject({
      type: z.literal('GeometryCollection'),
      geometries: z
        .array(
          z.union([
            z.strictObject({ type: z.literal('Polygon'), id: unitId, arcs: z.array(ring).min(1) }),
            z.strictObject({ type: z.literal('MultiPolygon'), id: unitId, arcs: z.array(z.array(ring).min(1)).min(1) }),
          ]),
        )
        .max(3000),
    }),
  }),
});
export type WardTopology = z.infer<typeof wardTopology>;

export const boundaryLayerDto = z.object({
  id: z.string(),
  countyId: z.string(),
  countyName: z.string(),
  /** Where the shapes come from, as printed under every map. */
  source: z.string(),
  fileName: z.string(),
  /** The invented demo layer: every map drawn from it says so. */
  schematic: z.boolean(),
  importedAt: z.string(),
  importedBy: z.string(),
  wardCount: z.int(),
  /** Undo brings back the layer this one replaced (or no boundaries at all). */
  canUndo: z.boolean(),
});
export type BoundaryLayerDto = z.infer<typeof boundaryLayerDto>;

export const wardRefDto = z.object({ id: z.string(), name: z.string(), subCountyName: z.string() });
export type WardRefDto = z.infer<typeof wardRefDto>;

export const wardBoundariesDto = z.object({
  countyId: z.string(),
  countyName: z.string(),
  layer: boundaryLayerDto.nullable(),
  topology: wardTopology.nullable(),
  /** The wards the cycle covers; those not in the topology have no shape yet. */
  wards: z.array(wardRefDto),
});
export type WardBoundariesDto = z.infer<typeof wardBoundariesDto>;

export const geoFormats = ['GeoJSON', 'TopoJSON', 'shapefile'] as const;

export const wardImportPreviewDto = z.object({
  fileName: z.string(),
  format: z.enum(geoFormats),
  /** The coordinate system in words, and what was done: "Arc 1960 / UTM zone 37S (metres), converted to longitude/latitude". */
  coordinates: z.string(),
  featureCount: z.int(),
  countyName: z.string(),
  /** Which attributes of the file named the wards. */
  matchedOn: z.string(),
  matches: z.array(
    z.object({
      feature: z.int(),
      label: z.string(),
      wardId: z.string(),
      wardName: z.string(),
      subCountyName: z.string(),
      matchedBy: z.enum(['code', 'name']),
    }),
  ),
  unmatched: z.array(z.object({ feature: z.int(), label: z.string(), reason: z.string() })),
  /** Features of other counties, counted by county (a national file keeps only this county's). */
  otherCounties: z.array(z.object({ countyName: z.string(), features: z.int() })),
  wardsWithoutShape: z.array(wardRefDto),
  notes: z.array(z.string()),
  /** The layer this import would replace. */
  replaces: z.object({ source: z.string(), importedAt: z.string() }).nullable(),
  /** Ties an apply to the preview the user confirmed. */
  digest: z.string(),
});
export type WardImportPreviewDto = z.infer<typeof wardImportPreviewDto>;

/** A boundary file travels through the API as base64: 140 M characters is a little over 100 MiB. */
const fileBase64 = z
  .string()
  .min(1)
  .max(140_000_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const wardImportPreviewInput = z.strictObject({ cycleId: entityId, fileName: text().min(1).max(255), base64: fileBase64 });
export const wardImportApplyInput = wardImportPreviewInput.extend({
  /** Printed under every map; defaults to the file's name. */
  source: text().max(200).default(''),
  /** The digest of the preview the user confirmed: refused if the file or the county's wards changed since. */
  expectedDigest: text().max(100).optional(),
});

export const wardImportJobDto = z.discriminatedUnion('state', [
  z.object({ state: z.literal('running') }),
  z.object({ state: z.literal('preview'), preview: wardImportPreviewDto }),
  z.object({ state: z.literal('applied'), layer: boundaryLayerDto, preview: wardImportPreviewDto }),
]);
export type WardImportJobDto = z.infer<typeof wardImportJobDto>;

// ---- What a map shades wards by -------------------------------------------------------------------

export const mapMeasures = ['kes', 'activities', 'sectors', 'indicators'] as const;
export type MapMeasure = (typeof mapMeasures)[number];
export const mapMeasureLabels: Record<MapMeasure, string> = {
  kes: 'Planned budget (KES)',
  activities: 'Number of activities',
  sectors: 'Sectors present',
  indicators: 'Indicator status',
};

const optionalKey = text({ name: true }).max(64).default('');
/** The action plan's filters, as the map applies them ('' = all). */
export const mapFilter = z.strictObject({
  sector: z.union([z.literal(''), z.enum(sectors.keys)]).default(''),
  orgId: z.union([z.literal(''), entityId]).default(''),
  status: z.union([z.literal(''), z.enum(activityStatuses.keys)]).default(''),
  quarter: optionalKey,
});
export type MapFilter = z.output<typeof mapFilter>;

export const wardMapInput = z.strictObject({ cycleId: entityId, measure: z.enum(mapMeasures).default('kes'), filter: mapFilter.default(mapFilter.parse({})) });
export type WardMapInput = z.input<typeof wardMapInput>;

export const mapClassDto = z.object({ label: z.string(), colour: z.string(), wards: z.int() });
export type MapClassDto = z.infer<typeof mapClassDto>;

export const wardFigureDto = z.object({
  wardId: z.string(),
  name: z.string(),
  subCountyName: z.string(),
  hasShape: z.boolean(),
  plannedKesMinor: z.int(),
  activityCount: z.int(),
  sectorCount: z.int(),
  partnerCount: z.int(),
  /** Pairs of likely duplicate activities sharing this ward (not marked complementary). */
  overlapPairs: z.int(),
  indicatorCount: z.int(),
  /** The worst status of the indicators tied to this ward through their activity; null with none. */
  indicatorStatus: z.enum(indicatorStatuses).nullable(),
  /** No activity here (in the chosen sector, or at all). */
  gap: z.boolean(),
  classIndex: z.int(),
  /** The ward's figure in words, as the tooltip and the table say it. */
  valueLabel: z.string(),
});
export type WardFigureDto = z.infer<typeof wardFigureDto>;

export const wardMapDto = z.object({
  cycleId: z.string(),
  measure: z.enum(mapMeasures),
  filter: mapFilter,
  /** The filters and measure in words: "Planned budget (KES) · Water & WASH · Q2 (Oct–Dec 2026)". */
  title: z.string(),
  subtitle: z.string(),
  legend: z.object({ title: z.string(), classes: z.array(mapClassDto), gapLabel: z.string() }),
  wards: z.array(wardFigureDto),
  /** Activities that name no ward: on no map, said below it. */
  unplaced: z.object({ activityCount: z.int(), plannedKesMinor: z.int() }),
  activityCount: z.int(),
  plannedKesMinor: z.int(),
  overlapPairs: z.int(),
});
export type WardMapDto = z.infer<typeof wardMapDto>;

export const wardDetailInput = z.strictObject({ cycleId: entityId, wardId: unitId, filter: mapFilter.default(mapFilter.parse({})) });
export const wardDetailDto = z.object({
  wardId: z.string(),
  name: z.string(),
  subCountyName: z.string(),
  plannedKesMinor: z.int(),
  activities: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      title: z.string(),
      sector: z.string(),
      leadOrgName: z.string(),
      status: z.string(),
      /** This ward's share of the activity's planned budget. */
      plannedKesMinor: z.int(),
    }),
  ),
  partners: z.array(z.object({ id: z.string(), name: z.string(), roles: z.array(z.string()) })),
  indicators: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), status: z.enum(indicatorStatuses) })),
  overlaps: z.array(z.object({ key: z.string(), score: z.int(), reason: z.string() })),
});
export type WardDetailDto = z.infer<typeof wardDetailDto>;
