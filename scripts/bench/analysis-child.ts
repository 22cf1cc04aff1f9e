// Run by analysis.ts in a fresh process that opens the large plan's database file and holds that
// one plan, as the app does: the benchmark process holds the plan several times over (its bulk-load
// runs, the other sections' data), and its garbage collector, walking all of it, added about a
// third to every figure here. `tsx analysis-child.ts DB CYCLE` prints each figure as one JSON line,
// [label, value], for the benchmark to print.
import { openApp } from '../../main/app-context';
import { closeDb } from '../../main/db/open-db';
import { resourcesDir } from '../../main/resource-paths';
import { coverageMatrix } from '../../shared/analysis/coverage';
import { clusterOverlaps } from '../../shared/analysis/overlap-clusters';
import { scoreOverlaps } from '../../shared/analysis/overlaps';
import { toKesMinor } from '../../shared/money';
import { getCycle } from '../../main/services/cycles';
import { registerServices } from '../../main/services/index';
import { namesOf, wardsOfCycle } from '../../main/services/analysis/names';
import { overlapClusterReport } from '../../main/services/analysis/overlap-clusters';
import { overlapReport } from '../../main/services/analysis/overlaps';
import { calendarReport, costShareReport, coverageReport, indicatorStatusReport } from '../../main/services/analysis/reports';
import { fmt } from './format';
import { medianOfRuns, type Measured } from './measure';

/** Median wall and CPU time of `runs` runs after a warm-up run (so every service starts warm). */
function time<T>(runs: number, work: () => T): Measured & { value: T } {
  work();
  return medianOfRuns(runs, work);
}

const [dbFile = '', cycleId = ''] = process.argv.slice(2);
const ctx = openApp({ file: dbFile, resourcesDir });
ctx.userName = 'benchmark';
const line = (label: string, value: string) => console.log(JSON.stringify([label, value]));

const figures = (t: Measured) => `${fmt(t.ms, 1)} ms (CPU ${fmt(t.cpuMs, 1)} ms)`;

/**
 * The parts, pure, on the registers read once; first, as the benchmark always ran them, so the
 * services below run warmed up. In a function, so that what they hold is garbage by then.
 */
function pureParts() {
  const cycle = getCycle(ctx, cycleId);
  const activities = registerServices.activity.list(ctx, { cycleId });
  const contributions = registerServices.contribution.list(ctx, { cycleId });
  const names = namesOf(ctx, cycle);
  const wards = wardsOfCycle(ctx, cycle);

  const overlaps = time(5, () => scoreOverlaps(activities, names));
  const flagged = overlaps.value.all();
  line('  overlap detection + scores (pure)', `${figures(overlaps)}  ${fmt(activities.length)} activities → ${fmt(overlaps.value.count)} flagged pairs`);
  line('  every flagged pair described (pure)', figures(time(5, () => flagged.map(overlaps.value.describe))));
  const planned = new Map<string, number>();
  for (const c of contributions) if (c.activityId) planned.set(c.activityId, (planned.get(c.activityId) ?? 0) + toKesMinor(c, cycle.kesPerUsdScaled));
  const clusters = time(5, () => clusterOverlaps(flagged, planned, overlaps.value.describe));
  const largest = Math.max(0, ...clusters.value.map((cluster) => cluster.activities.length));
  const inside = clusters.value.reduce((sum, cluster) => sum + cluster.pairs.length, 0);
  line(
    '  overlap clusters (pure)',
    `${figures(clusters)}  ${fmt(clusters.value.length)} clusters, largest ${largest} activities; ${fmt(inside)} of ${fmt(flagged.length)} pairs inside`,
  );
  const coverage = time(5, () => coverageMatrix({ cycleId, kesPerUsdScaled: cycle.kesPerUsdScaled, wards, activities, contributions }));
  line(
    '  coverage matrix (pure)',
    `${figures(coverage)}  ${fmt(coverage.value.rows.length)} wards × ${coverage.value.sectors.length} sectors, ${fmt(contributions.length)} budget lines`,
  );
}

pureParts();

// End to end through the service, holding only the database, as the app does: most of this is
// reading the registers (activity:list, contribution:list).
// What the Analysis screen asks for: the first 25 pairs still to look at (and how many there are).
line('  overlap:list, first 25 pairs (read + detect + decisions)', figures(time(5, () => overlapReport(ctx, cycleId, 25))));
line('  overlap:list, every pair (pamoja overlaps --json)', figures(time(5, () => overlapReport(ctx, cycleId))));
line('  overlap:clusters (read + detect + cluster)', figures(time(5, () => overlapClusterReport(ctx, cycleId))));
line('  coverage:matrix (read + matrix)', figures(time(5, () => coverageReport(ctx, { cycleId, organisationId: null }))));
line('  costShare:summary', figures(time(5, () => costShareReport(ctx, cycleId))));
line('  indicatorStatus:list', figures(time(5, () => indicatorStatusReport(ctx, cycleId))));
line('  calendar:list', figures(time(5, () => calendarReport(ctx, cycleId))));
closeDb(ctx.db);
