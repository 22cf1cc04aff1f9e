import { z } from 'zod';
import { sectors } from '../../../domain/vocabulary';
import { entityId } from '../fields';
import { overlapActivityDto, overlapLevels, overlapPairDto } from './overlaps';

const minor = z.int();
const sector = z.enum(sectors.keys);

export const overlapClusterActivityDto = overlapActivityDto.extend({
  /** The activity's planned budget in KES (its contributions, USD at the cycle's rate). */
  plannedKesMinor: minor,
});

/**
 * Likely duplicates grouped: activities of one sector that all share a ward and some days, joined
 * by pairs with similar titles or descriptions (shared/analysis/overlap-clusters.ts says how).
 */
export const overlapClusterDto = z.object({
  /** `cluster:<smallest activity id>`: an activity is in one cluster at most. */
  key: z.string(),
  sector,
  /** The highest score of a pair inside, 0–100, and its level. */
  score: z.int(),
  level: z.enum(overlapLevels),
  /** Wards every activity of the cluster works in. */
  wardIds: z.array(z.string()),
  wardNames: z.array(z.string()),
  /** Days every activity of the cluster runs. */
  overlapStart: z.string(),
  overlapEnd: z.string(),
  /** Money at stake: the planned budget of all the cluster's activities, in KES. */
  plannedKesMinor: minor,
  /** In plan order (start date, then code). */
  activities: z.array(overlapClusterActivityDto),
  /** Every flagged pair of two of its activities, highest score first. */
  pairs: z.array(overlapPairDto),
});
export type OverlapClusterDto = z.infer<typeof overlapClusterDto>;

export const overlapClusterReportDto = z.object({
  cycleId: entityId,
  /** Active (not cancelled) activities examined. */
  activitiesChecked: z.int(),
  /** Flagged pairs, complementary ones left out. */
  pairsFlagged: z.int(),
  /** Of those, the pairs inside a cluster. */
  pairsInClusters: z.int(),
  /** Highest score first, then the most money at stake. */
  clusters: z.array(overlapClusterDto),
});
export type OverlapClusterReportDto = z.infer<typeof overlapClusterReportDto>;
