import type { ActivityDto } from '../api/schemas/plan';
import type { IndicatorStatus } from '../api/schemas/analysis/indicator-status';
import type { MapFilter } from '../api/schemas/geo';
import { fiscalQuarters, filterActivities, noFilter } from '../analysis/activity-filter';
import type { CoverageContribution, CoverageWard } from '../analysis/coverage';
import type { OverlapNames } from '../analysis/overlaps';
import { activityStatuses, sectors } from '../domain/vocabulary';

/** Everything a ward map is drawn from: the plan as the services list it. */
export interface MapPlan {
  cycle: { id: string; startDate: string; endDate: string; kesPerUsdScaled: number };
  /** The wards the cycle covers. */
  wards: readonly CoverageWard[];
  /** Wards drawn in the loaded boundary layer. */
  shapedWardIds: ReadonlySet<string>;
  activities: readonly ActivityDto[];
  contributions: readonly CoverageContribution[];
  organisations: readonly { id: string; name: string; shortName: string }[];
  indicators: readonly { id: string; code: string; name: string; activityId: string | null }[];
  indicatorStatuses: ReadonlyMap<string, IndicatorStatus>;
  /** Pairs marked "complementary, not duplicate": not drawn as overlaps. */
  complementaryKeys: ReadonlySet<string>;
  names: OverlapNames;
}

/** The activities a map shows and who takes part in each, after the action plan's filters. */
export interface MapSelection {
  activities: ActivityDto[];
  /** Organisations funding each activity (from its budget lines). */
  funders: Map<string, Set<string>>;
}

/**
 * The action plan's filters (shared/analysis/activity-filter.ts) as the map applies them: sector,
 * status and county quarter as on the action plan; an organisation keeps the activities it leads,
 * supports or funds, as the coverage matrix does, so its map matches its own budget lines.
 */
export function selectForMap(plan: MapPlan, filter: MapFilter): MapSelection {
  const funders = new Map<string, Set<string>>();
  for (const line of plan.contributions) {
    if (line.activityId === null) continue;
    let set = funders.get(line.activityId);
    if (!set) funders.set(line.activityId, (set = new Set()));
    set.add(line.contributorOrgId);
  }
  const quarters = fiscalQuarters(plan.cycle);
  const byFilter = filterActivities(plan.activities, { ...noFilter, sector: filter.sector, status: filter.status, quarter: filter.quarter }, quarters);
  const orgId = filter.orgId;
  const activities = byFilter.filter(
    (a) => a.status !== 'cancelled' && (orgId === '' || a.leadOrgId === orgId || a.supportingOrgIds.includes(orgId) || funders.get(a.id)?.has(orgId) === true),
  );
  return { activities, funders };
}

/** The filters in words, for a map's subtitle: "Water & WASH · UNICEF · Q2 (Oct–Dec 2026)". */
export function describeFilter(plan: Pick<MapPlan, 'cycle' | 'organisations'>, filter: MapFilter): string {
  const parts: string[] = [];
  parts.push(filter.sector ? sectors.label(filter.sector) : 'All sectors');
  const org = plan.organisations.find((o) => o.id === filter.orgId);
  parts.push(org ? `${org.shortName || org.name} (leads, supports or funds; its own budget)` : 'all organisations');
  if (filter.status) parts.push(`status ${activityStatuses.label(filter.status)}`);
  const quarter = fiscalQuarters(plan.cycle).find((q) => q.key === filter.quarter);
  parts.push(quarter ? quarter.label : 'whole year');
  return parts.join(' · ');
}
