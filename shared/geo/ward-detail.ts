import type { MapFilter, WardDetailDto } from '../api/schemas/geo';
import { splitShillings } from '../analysis/allocate';
import { findOverlaps } from '../analysis/overlaps';
import { activityStatuses, sectors } from '../domain/vocabulary';
import { toKesMinor } from '../money';
import { selectForMap, type MapPlan } from './map-selection';
import { naturalCompare } from '../natural-order';

/**
 * One ward's side panel: its activities with this ward's share of their budget, the organisations
 * working there and in what role, the indicators tied to it, and the likely duplicates. The share
 * is split as the coverage matrix splits it (evenly, in whole shillings by largest remainder).
 */
export function wardDetail(plan: MapPlan, wardId: string, filter: MapFilter): WardDetailDto {
  const ward = plan.wards.find((w) => w.id === wardId);
  const { activities, funders } = selectForMap(plan, filter);
  const here = activities.filter((a) => a.wardIds.includes(wardId));
  // A pair sharing this ward is a pair of two activities here: only they need to be compared.
  const overlaps = findOverlaps(here, plan.names).filter((pair) => pair.sharedWardIds.includes(wardId) && !plan.complementaryKeys.has(pair.key));
  const orgName = (id: string) => {
    const org = plan.organisations.find((o) => o.id === id);
    return org ? org.shortName || org.name : id;
  };
  const budget = new Map<string, number>();
  for (const line of plan.contributions) {
    if (line.activityId === null || (filter.orgId !== '' && line.contributorOrgId !== filter.orgId)) continue;
    budget.set(line.activityId, (budget.get(line.activityId) ?? 0) + toKesMinor(line, plan.cycle.kesPerUsdScaled));
  }
  const rows = here.map((a) => {
    const places = [...new Set(a.wardIds)];
    const share =
      splitShillings(
        budget.get(a.id) ?? 0,
        places.map(() => 1),
      )[places.indexOf(wardId)] ?? 0;
    return {
      id: a.id,
      code: a.code,
      title: a.title,
      sector: sectors.label(a.sector),
      leadOrgName: orgName(a.leadOrgId),
      status: activityStatuses.label(a.status),
      plannedKesMinor: share,
    };
  });
  const roles = new Map<string, Set<string>>();
  const add = (id: string, role: string) => {
    let set = roles.get(id);
    if (!set) roles.set(id, (set = new Set()));
    set.add(role);
  };
  for (const a of here) {
    add(a.leadOrgId, 'leads');
    for (const id of a.supportingOrgIds) add(id, 'supports');
    for (const id of funders.get(a.id) ?? []) add(id, 'funds');
  }
  const activityIds = new Set(here.map((a) => a.id));
  return {
    wardId,
    name: ward?.name ?? wardId,
    subCountyName: ward?.subCountyName ?? '',
    plannedKesMinor: rows.reduce((sum, row) => sum + row.plannedKesMinor, 0),
    activities: rows,
    partners: [...roles].map(([id, set]) => ({ id, name: orgName(id), roles: [...set] })).sort((a, b) => naturalCompare(a.name, b.name)),
    indicators: plan.indicators.flatMap((indicator) => {
      const status = plan.indicatorStatuses.get(indicator.id);
      return indicator.activityId !== null && activityIds.has(indicator.activityId) && status
        ? [{ id: indicator.id, code: indicator.code, name: indicator.name, status }]
        : [];
    }),
    overlaps: overlaps.map((pair) => ({ key: pair.key, score: pair.score, reason: pair.reason })),
  };
}
