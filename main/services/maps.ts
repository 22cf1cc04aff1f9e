import type { z } from 'zod';
import type { MapFilter, MapMeasure, WardBoundariesDto, WardDetailDto, wardDetailInput, WardMapDto, wardMapInput } from '../../shared/api/schemas/geo';
import type { ThresholdsDto } from '../../shared/api/schemas/analysis/indicator-status';
import type { ContributionDto } from '../../shared/api/schemas/budget';
import type { IndicatorDto, IndicatorPeriodDto } from '../../shared/api/schemas/monitoring';
import type { OrganisationDto } from '../../shared/api/schemas/organisation';
import type { ActivityDto } from '../../shared/api/schemas/plan';
import { indicatorStatus } from '../../shared/analysis/indicator-status';
import { pairKey } from '../../shared/analysis/overlaps';
import type { MapPlan } from '../../shared/geo/map-selection';
import { wardDetail } from '../../shared/geo/ward-detail';
import { figuresOf, wardFigures, wardTallies, type WardTallies } from '../../shared/geo/ward-figures';
import { wardMapSvg } from '../../shared/geo/ward-map-svg';
import { wardIdsIn } from '../../shared/geo/topology';
import { invalidField } from '../../shared/result';
import { changeStamp } from '../db/change-stamp';
import { currentLayerRow, layerDto, layerTopology } from '../geo/boundary-store';
import { namesOf, wardsOfCycle } from './analysis/names';
import { listOverlapDecisions } from './analysis/overlaps';
import { getAnalysisSettings } from './analysis/settings';
import type { AppContext } from './context';
import { getCycle } from './cycles';
import { registerServices } from './index';
import { todayOf } from './record-meta';

/** The county's ward boundaries for a cycle, and the cycle's wards (those not drawn have no shape yet). */
export function wardBoundaries(ctx: AppContext, cycleId: string): WardBoundariesDto {
  const cycle = getCycle(ctx, cycleId);
  const row = currentLayerRow(ctx, cycle.countyId);
  return {
    countyId: cycle.countyId,
    countyName: cycle.countyName,
    layer: row ? layerDto(ctx, row) : null,
    topology: row ? layerTopology(row) : null,
    wards: wardsOfCycle(ctx, cycle),
  };
}

/**
 * The last plan read for a map, by connection. Reading 5,000 activities and 20,000 budget lines
 * takes most of a map's time; a filter changed, a ward opened or a second printed map reads
 * nothing new, so the plan is kept until the database changes (changeStamp) or the day does
 * (indicator statuses depend on today).
 */
const lastMapPlan = new WeakMap<object, { key: string; plan: MapPlan }>();

/** Everything the map's figures are computed from, read through the register services. */
export function mapPlan(ctx: AppContext, cycleId: string): MapPlan {
  const key = `${cycleId}|${changeStamp(ctx.db)}|${todayOf(ctx)}`;
  const last = lastMapPlan.get(ctx.db.$client);
  if (last?.key === key) return last.plan;
  const plan = readMapPlan(ctx, cycleId);
  lastMapPlan.set(ctx.db.$client, { key, plan });
  return plan;
}

/** The register rows a map is drawn from, as the services list them. */
export interface MapRows {
  activities: readonly ActivityDto[];
  contributions: readonly ContributionDto[];
  organisations: readonly OrganisationDto[];
  indicators: readonly IndicatorDto[];
  indicatorPeriods: readonly IndicatorPeriodDto[];
  thresholds: ThresholdsDto;
}

function readMapPlan(ctx: AppContext, cycleId: string): MapPlan {
  const input = { cycleId };
  return mapPlanOf(ctx, cycleId, {
    activities: registerServices.activity.list(ctx, input),
    contributions: registerServices.contribution.list(ctx, input),
    organisations: registerServices.organisation.list(ctx, input),
    indicators: registerServices.indicator.list(ctx, input),
    indicatorPeriods: registerServices.indicatorPeriod.list(ctx, input),
    thresholds: getAnalysisSettings(ctx, cycleId),
  });
}

/** The plan of a map from rows already read: the rest (wards, statuses, decisions, names) is small. */
function mapPlanOf(ctx: AppContext, cycleId: string, rows: MapRows): MapPlan {
  const cycle = getCycle(ctx, cycleId);
  const row = currentLayerRow(ctx, cycle.countyId);
  // The indicator status report's rule (services/analysis/reports.ts), on the rows at hand.
  const status = indicatorStatus({ cycle, today: todayOf(ctx), thresholds: rows.thresholds, indicators: rows.indicators, periods: rows.indicatorPeriods });
  return {
    cycle,
    wards: wardsOfCycle(ctx, cycle),
    shapedWardIds: row ? wardIdsIn(layerTopology(row)) : new Set(),
    activities: rows.activities,
    contributions: rows.contributions,
    organisations: rows.organisations,
    indicators: rows.indicators,
    indicatorStatuses: new Map(status.indicators.map((i) => [i.indicatorId, i.status])),
    complementaryKeys: new Set(listOverlapDecisions(ctx, cycleId).map((d) => pairKey(d.activityAId, d.activityBId))),
    names: namesOf(ctx, cycle),
  };
}

function checkOrganisation(plan: MapPlan, filter: MapFilter): void {
  if (filter.orgId !== '' && !plan.organisations.some((o) => o.id === filter.orgId))
    throw invalidField('filter.orgId', 'Organisation: choose an organisation of this cycle.');
}

export function wardMap(ctx: AppContext, input: z.output<typeof wardMapInput>): WardMapDto {
  const plan = mapPlan(ctx, input.cycleId);
  checkOrganisation(plan, input.filter);
  return wardFigures(plan, input.measure, input.filter);
}

export function wardMapDetail(ctx: AppContext, input: z.output<typeof wardDetailInput>): WardDetailDto {
  const plan = mapPlan(ctx, input.cycleId);
  checkOrganisation(plan, input.filter);
  if (!plan.wards.some((w) => w.id === input.wardId)) throw invalidField('wardId', 'Ward: choose a ward of this cycle.');
  return wardDetail(plan, input.wardId, input.filter);
}

/** A print map of the cycle as an SVG document; null when the county has no boundaries loaded. */
export function wardMapDocument(ctx: AppContext, cycleId: string, measure: MapMeasure, filter: MapFilter): string | null {
  return printedMaps(ctx, cycleId, () => mapPlan(ctx, cycleId), [{ measure, filter }])?.svgs[0] ?? null;
}

/** The ward maps the Word documents print (issue 20), as SVG documents. */
export interface DocumentWardMaps {
  /** Planned KES by ward, county and partners together. */
  kes: string;
  /** How many sectors have an activity in each ward. */
  sectors: string;
  /** Where the boundaries come from, as the maps' footers say it. */
  source: string;
  schematic: boolean;
}

const WHOLE_PLAN: MapFilter = { sector: '', orgId: '', status: '', quarter: '' };

/**
 * The maps of the plan's coverage annex and the M&E report; null when the county has no boundaries
 * loaded. The export passes the rows it has just read for the document, so they are not read twice.
 */
export function documentWardMaps(ctx: AppContext, cycleId: string, rows: MapRows): DocumentWardMaps | null {
  const maps = printedMaps(ctx, cycleId, () => mapPlanOf(ctx, cycleId, rows), [
    { measure: 'kes', filter: WHOLE_PLAN },
    { measure: 'sectors', filter: WHOLE_PLAN },
  ]);
  if (maps === null) return null;
  const [kes = '', sectors = ''] = maps.svgs;
  return { kes, sectors, source: maps.layer.source, schematic: maps.layer.schematic };
}

/** Several maps of one cycle drawn from one reading of the plan; null without boundaries. */
function printedMaps(
  ctx: AppContext,
  cycleId: string,
  planOf: () => MapPlan,
  wanted: readonly { measure: MapMeasure; filter: MapFilter }[],
): { svgs: string[]; layer: { source: string; schematic: boolean } } | null {
  const cycle = getCycle(ctx, cycleId);
  const row = currentLayerRow(ctx, cycle.countyId);
  if (!row) return null;
  const plan = planOf();
  const topology = layerTopology(row);
  // Maps of one filter share their tallies: the selection, the coverage and the duplicates are worked out once.
  const tallies = new Map<string, WardTallies>();
  const talliesOf = (filter: MapFilter) => {
    const key = JSON.stringify(filter);
    let found = tallies.get(key);
    if (!found) tallies.set(key, (found = wardTallies(plan, filter)));
    return found;
  };
  const svgs = wanted.map(({ measure, filter }) => {
    checkOrganisation(plan, filter);
    return wardMapSvg({
      topology,
      layer: row,
      figures: figuresOf(talliesOf(filter), measure),
      countyName: cycle.countyName,
      cycleTitle: cycle.title,
      generatedOn: todayOf(ctx),
    });
  });
  return { svgs, layer: row };
}
