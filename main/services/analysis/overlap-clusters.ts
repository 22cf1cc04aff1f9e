import { clusterOverlaps } from '../../../shared/analysis/overlap-clusters';
import type { OverlapClusterReportDto } from '../../../shared/api/schemas/analysis/overlap-clusters';
import { toKesMinor } from '../../../shared/money';
import type { AppContext } from '../context';
import { getCycle } from '../cycles';
import { listOverlapDecisions, scoredOverlapsOf } from './overlaps';
import { splitByDecisions } from '../../../shared/analysis/overlaps';
import { listFields } from '../register-fields';

/** Each activity's planned budget in KES: its contributions, USD at the cycle's rate (as the coverage matrix counts them). */
function plannedKesByActivity(ctx: AppContext, cycleId: string, kesPerUsdScaled: number): Map<string, number> {
  const planned = new Map<string, number>();
  for (const row of listFields(ctx, 'contribution', cycleId, ['activityId', 'amountMinor', 'currency'])) {
    if (row.activityId !== null) planned.set(row.activityId, (planned.get(row.activityId) ?? 0) + toKesMinor(row, kesPerUsdScaled));
  }
  return planned;
}

/** The cycle's likely duplicates grouped into clusters, with the money at stake in each; complementary pairs left out. */
export function overlapClusterReport(ctx: AppContext, cycleId: string): OverlapClusterReportDto {
  const { scored, activitiesChecked } = scoredOverlapsOf(ctx, cycleId);
  const { open } = splitByDecisions(scored, listOverlapDecisions(ctx, cycleId));
  const clusters = clusterOverlaps(
    open.map((index) => scored.pairAt(index)),
    plannedKesByActivity(ctx, cycleId, getCycle(ctx, cycleId).kesPerUsdScaled),
    scored.describe,
  );
  return {
    cycleId,
    activitiesChecked,
    pairsFlagged: open.length,
    pairsInClusters: clusters.reduce((sum, cluster) => sum + cluster.pairs.length, 0),
    clusters,
  };
}
