import type { OverlapPairDto } from '../api/schemas/analysis/overlaps';
import type { OverlapClusterDto } from '../api/schemas/analysis/overlap-clusters';
import { OVERLAP_LEVELS, overlapLevel } from './overlaps';
import { naturalCompare } from '../natural-order';

/**
 * Which flagged pairs join their two activities into one cluster: titles or descriptions sharing at
 * least 30 % of their words (the sample's "Rehabilitation and solarisation of strategic boreholes in
 * Garbatulla and Kinna" and "Borehole rehabilitation in Garbatulla and Sericho" share 33 %), and a
 * score of at least "possible duplicate". Weaker pairs stay listed as pairs.
 */
export const CLUSTER_RULE = { minTextSimilarity: 0.3, minScore: OVERLAP_LEVELS.medium } as const;

type Activity = OverlapPairDto['activityA'];

/** What clustering reads of a flagged pair: a described pair, or one only scored (shared/analysis/overlaps.ts ScoredPair). */
type ClusterablePair = Pick<OverlapPairDto, 'activityA' | 'activityB' | 'sector' | 'score' | 'textSimilarity'>;

interface Cluster {
  sector: OverlapPairDto['sector'];
  activities: Activity[];
  /** Wards every member works in, and the days every member runs: never empty. */
  wards: Set<string>;
  start: string;
  end: string;
}

const singleton = (activity: Activity, sector: Cluster['sector']): Cluster => ({
  sector,
  activities: [activity],
  wards: new Set(activity.wardIds),
  start: activity.startDate,
  end: activity.endDate,
});

/**
 * Groups likely duplicates into clusters a person can read: activities of one sector (every flagged
 * pair shares one) that all work in at least one common ward and all run on at least one common day,
 * joined by pairs that meet CLUSTER_RULE. Pairs are taken strongest first (the order findOverlaps
 * returns); two groups merge only if the result still shares a ward and a day, so a chain of
 * look-alikes across the county never becomes one cluster. An activity is in one cluster at most.
 *
 * Each cluster carries every flagged pair inside it, its score (its strongest pair's), and the money
 * at stake: the planned budget of all its activities. Clusters come highest score first, then the
 * most money at stake. Only the pairs inside a cluster are described (`describe`): most flagged
 * pairs of a large plan are in none.
 */
export function clusterOverlaps<P extends ClusterablePair>(
  pairs: readonly P[],
  plannedKesMinor: ReadonlyMap<string, number>,
  describe: (pair: P) => OverlapPairDto,
): OverlapClusterDto[] {
  const clusterOf = new Map<string, Cluster>();
  const find = (activity: Activity, sector: Cluster['sector']) => clusterOf.get(activity.id) ?? singleton(activity, sector);

  for (const pair of pairs) {
    if (pair.score < CLUSTER_RULE.minScore || pair.textSimilarity < CLUSTER_RULE.minTextSimilarity) continue;
    const a = find(pair.activityA, pair.sector);
    const b = find(pair.activityB, pair.sector);
    if (a === b) continue;
    const start = a.start > b.start ? a.start : b.start;
    const end = a.end < b.end ? a.end : b.end;
    if (start > end) continue;
    const [large, small] = a.activities.length >= b.activities.length ? [a, b] : [b, a];
    const wards = new Set([...small.wards].filter((ward) => large.wards.has(ward)));
    if (wards.size === 0) continue;
    large.wards = wards;
    large.start = start;
    large.end = end;
    large.activities.push(...small.activities);
    for (const activity of large.activities) clusterOf.set(activity.id, large);
  }

  const wardNames = new Map<string, string>();
  const inside = new Map<Cluster, OverlapPairDto[]>();
  for (const pair of pairs) {
    const a = clusterOf.get(pair.activityA.id);
    if (!a || a !== clusterOf.get(pair.activityB.id)) continue;
    const described = describe(pair);
    let list = inside.get(a);
    if (!list) inside.set(a, (list = []));
    list.push(described);
    described.sharedWardIds.forEach((id, index) => wardNames.set(id, described.sharedWardNames[index] ?? id));
  }

  const clusters = [...new Set(clusterOf.values())].map((cluster): OverlapClusterDto => {
    const clusterPairs = inside.get(cluster) ?? [];
    const activities = cluster.activities
      .map((activity) => ({ ...activity, plannedKesMinor: plannedKesMinor.get(activity.id) ?? 0 }))
      .sort((x, y) => x.startDate.localeCompare(y.startDate) || naturalCompare(x.code, y.code));
    const score = Math.max(...clusterPairs.map((pair) => pair.score));
    const wardIds = [...cluster.wards].sort((x, y) => naturalCompare(wardNames.get(x) ?? x, wardNames.get(y) ?? y));
    return {
      key: `cluster:${cluster.activities.map((activity) => activity.id).sort()[0]}`,
      sector: cluster.sector,
      score,
      level: overlapLevel(score),
      wardIds,
      wardNames: wardIds.map((id) => wardNames.get(id) ?? id),
      overlapStart: cluster.start,
      overlapEnd: cluster.end,
      plannedKesMinor: activities.reduce((sum, activity) => sum + activity.plannedKesMinor, 0),
      activities,
      pairs: clusterPairs,
    };
  });
  return clusters.sort(
    (x, y) => y.score - x.score || y.plannedKesMinor - x.plannedKesMinor || y.activities.length - x.activities.length || x.key.localeCompare(y.key),
  );
}
