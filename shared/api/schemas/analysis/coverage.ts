import { z } from 'zod';
import { sectors } from '../../../domain/vocabulary';
import { entityId } from '../fields';

/** The coverage matrix: wards × sectors, with the activities and planned budget of each cell. */

const sector = z.enum(sectors.keys);
const minor = z.int();

export const coverageInput = z.strictObject({
  cycleId: entityId,
  /** Only activities this organisation leads, supports or funds; budgets are then its own contributions. */
  organisationId: entityId.nullable().default(null),
});

export const coverageCellDto = z.object({ sector, activityCount: z.int(), plannedKesMinor: minor });
export const coverageRowDto = z.object({
  /** Null: activities with no ward given (county-wide or not yet located). */
  wardId: z.string().nullable(),
  wardName: z.string(),
  subCountyName: z.string(),
  cells: z.array(coverageCellDto),
  activityCount: z.int(),
  plannedKesMinor: minor,
  /** Sectors with no activity in this ward. */
  gapCount: z.int(),
});
export const coverageMatrixDto = z.object({
  cycleId: entityId,
  organisationId: entityId.nullable(),
  sectors: z.array(z.object({ key: sector, label: z.string() })),
  rows: z.array(coverageRowDto),
  sectorTotals: z.array(coverageCellDto),
  /** Distinct activities (a multi-ward activity counts once here, once per ward in the rows). */
  activityCount: z.int(),
  plannedKesMinor: minor,
  /** Empty ward × sector cells (the "No ward given" row is not counted). */
  gapCount: z.int(),
  wardsWithoutActivity: z.array(z.string()),
});
export type CoverageMatrixDto = z.infer<typeof coverageMatrixDto>;
