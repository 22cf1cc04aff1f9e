import type { MapFilter, MapMeasure, WardFigureDto, WardMapDto } from '../api/schemas/geo';
import { indicatorStatusLabels, type IndicatorStatus } from '../api/schemas/analysis/indicator-status';
import type { CoverageMatrixDto } from '../api/schemas/analysis/coverage';
import { coverageMatrix } from '../analysis/coverage';
import { countOverlaps, type OverlapCounts } from '../analysis/overlaps';
import { sectors } from '../domain/vocabulary';
import { formatKes } from '../money';
import { classOf, countClasses, kesClasses, statusClasses, statusClassIndex, worstStatus, type ValueClass } from './classes';
import { describeFilter, selectForMap, type MapPlan } from './map-selection';

/** What a map shows, as its heading says it. */
const MAP_TITLES: Record<MapMeasure, string> = {
  kes: 'Planned budget by ward',
  activities: 'Activities by ward',
  sectors: 'Sectors present by ward',
  indicators: 'Indicator status by ward',
};

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/**
 * The figure of every ward a map shades, with its class and a readable legend. The money and the
 * counts are the coverage matrix's (shared/analysis/coverage.ts), so the map, the coverage table
 * and the Word annex always agree: a multi-ward activity counts in each ward, its budget split
 * evenly among them; with an organisation chosen, the budget is that organisation's own.
 */
export function wardFigures(plan: MapPlan, measure: MapMeasure, filter: MapFilter): WardMapDto {
  return figuresOf(wardTallies(plan, filter), measure);
}

/** What every measure of one filter is worked out from; several maps of one filter share it. */
export interface WardTallies {
  plan: MapPlan;
  filter: MapFilter;
  matrix: CoverageMatrixDto;
  /** Organisations leading, supporting or funding an activity in each ward. */
  partners: Map<string, Set<string>>;
  /** Statuses of the indicators of each ward's activities. */
  statuses: Map<string, IndicatorStatus[]>;
  overlaps: OverlapCounts;
}

export function wardTallies(plan: MapPlan, filter: MapFilter): WardTallies {
  const selection = selectForMap(plan, filter);
  const matrix = coverageMatrix({
    cycleId: plan.cycle.id,
    kesPerUsdScaled: plan.cycle.kesPerUsdScaled,
    wards: plan.wards,
    activities: selection.activities,
    contributions: plan.contributions,
    organisationId: filter.orgId || null,
  });

  const partners = new Map<string, Set<string>>();
  const statuses = new Map<string, IndicatorStatus[]>();
  const indicatorsByActivity = new Map<string, IndicatorStatus[]>();
  for (const indicator of plan.indicators) {
    const status = plan.indicatorStatuses.get(indicator.id);
    if (indicator.activityId === null || status === undefined) continue;
    const own = indicatorsByActivity.get(indicator.activityId);
    if (own) own.push(status);
    else indicatorsByActivity.set(indicator.activityId, [status]);
  }
  for (const activity of selection.activities) {
    const people = [activity.leadOrgId, ...activity.supportingOrgIds, ...(selection.funders.get(activity.id) ?? [])];
    for (const wardId of new Set(activity.wardIds)) {
      let set = partners.get(wardId);
      if (!set) partners.set(wardId, (set = new Set()));
      for (const org of people) set.add(org);
      const own = indicatorsByActivity.get(activity.id);
      if (!own) continue;
      const here = statuses.get(wardId);
      if (here) here.push(...own);
      else statuses.set(wardId, [...own]);
    }
  }
  return { plan, filter, matrix, partners, statuses, overlaps: countOverlaps(selection.activities, plan.complementaryKeys) };
}

/** The figures of one measure, from tallies (wardTallies). */
export function figuresOf(tallies: WardTallies, measure: MapMeasure): WardMapDto {
  const { plan, filter, matrix, partners, statuses, overlaps } = tallies;

  const rows = matrix.rows.filter((row) => row.wardId !== null);
  const base = rows.map((row) => {
    const wardId = row.wardId as string;
    const wardStatuses = statuses.get(wardId) ?? [];
    return {
      row,
      wardId,
      sectorKeys: row.cells.filter((cell) => cell.activityCount > 0).map((cell) => cell.sector),
      status: worstStatus(wardStatuses),
      indicatorCount: wardStatuses.length,
    };
  });
  const valueOf = (entry: (typeof base)[number]): number => {
    if (measure === 'kes') return entry.row.plannedKesMinor;
    if (measure === 'activities') return entry.row.activityCount;
    if (measure === 'sectors') return entry.sectorKeys.length;
    return statusClassIndex(entry.status);
  };
  const classes = classesFor(
    measure,
    base.map((entry) => valueOf(entry)),
  );
  const wards = base.map((entry): WardFigureDto => {
    const { row, wardId } = entry;
    const value = valueOf(entry);
    return {
      wardId,
      name: row.wardName,
      subCountyName: row.subCountyName,
      hasShape: plan.shapedWardIds.has(wardId),
      plannedKesMinor: row.plannedKesMinor,
      activityCount: row.activityCount,
      sectorCount: entry.sectorKeys.length,
      partnerCount: partners.get(wardId)?.size ?? 0,
      overlapPairs: overlaps.byWard.get(wardId) ?? 0,
      indicatorCount: entry.indicatorCount,
      indicatorStatus: entry.status,
      gap: row.activityCount === 0,
      classIndex: measure === 'indicators' ? value : classOf(classes, value),
      valueLabel: valueLabel(measure, entry, value),
    };
  });
  const unplaced = matrix.rows.find((row) => row.wardId === null);
  return {
    cycleId: plan.cycle.id,
    measure,
    filter,
    title: MAP_TITLES[measure],
    subtitle: describeFilter(plan, filter),
    legend: {
      title: legendTitle(measure, filter),
      classes: classes.map((c, index) => ({ label: c.label, colour: c.colour, wards: wards.filter((w) => w.hasShape && w.classIndex === index).length })),
      gapLabel: filter.sector ? `Gap: no ${sectors.label(filter.sector)} activity` : 'Gap: no activity',
    },
    wards,
    unplaced: { activityCount: unplaced?.activityCount ?? 0, plannedKesMinor: unplaced?.plannedKesMinor ?? 0 },
    activityCount: matrix.activityCount,
    plannedKesMinor: matrix.plannedKesMinor,
    overlapPairs: overlaps.pairs,
  };
}

function classesFor(measure: MapMeasure, values: number[]): ValueClass[] {
  if (measure === 'kes') return kesClasses(values);
  if (measure === 'activities') return countClasses(values, 'No activity');
  if (measure === 'sectors') return countClasses(values, 'No sector');
  return statusClasses();
}

function legendTitle(measure: MapMeasure, filter: MapFilter): string {
  const sector = filter.sector ? ` in ${sectors.label(filter.sector)}` : '';
  if (measure === 'kes') return `Planned budget${sector}, KES${filter.orgId ? ' (the organisation’s own)' : ''}`;
  if (measure === 'activities') return `Activities${sector}`;
  if (measure === 'sectors') return 'Sectors with at least one activity';
  return 'Worst status of the indicators of the ward’s activities';
}

function valueLabel(
  measure: MapMeasure,
  entry: { row: { plannedKesMinor: number; activityCount: number }; sectorKeys: readonly string[]; status: IndicatorStatus | null; indicatorCount: number },
  value: number,
): string {
  if (measure === 'kes') return formatKes(value);
  if (measure === 'activities') return plural(value, 'activity', 'activities');
  if (measure === 'sectors') {
    const names = entry.sectorKeys.map((key) => sectors.label(key as (typeof sectors.keys)[number]));
    return value === 0 ? 'No sector' : `${plural(value, 'sector', 'sectors')}: ${names.join(', ')}`;
  }
  return entry.status === null
    ? 'No indicator tied to the ward'
    : `${indicatorStatusLabels[entry.status]} (worst of ${plural(entry.indicatorCount, 'indicator', 'indicators')})`;
}
