import type { CycleDto } from '../../../shared/api/schemas/cycle';
import type { IndicatorDto } from '../../../shared/api/schemas/monitoring';
import type { OrganisationDto } from '../../../shared/api/schemas/organisation';
import type { ActivityDto, ObjectiveDto } from '../../../shared/api/schemas/plan';
import { reportingPeriods } from '../../../shared/reporting-periods';
import { listAdminUnits } from '../../services/admin-units';
import type { AppContext } from '../../services/context';
import { getCycle } from '../../services/cycles';
import { coverageReport } from '../../services/analysis/reports';
import { getAnalysisSettings } from '../../services/analysis/settings';
import { registerServices as s } from '../../services/index';

/** Everything the Excel builders print, read once through the register services. */
export function loadCycleData(ctx: AppContext, cycleId: string) {
  const cycle: CycleDto = getCycle(ctx, cycleId);
  const byCycle = { cycleId };
  const organisations = s.organisation.list(ctx, byCycle);
  const units = listAdminUnits(ctx, { withinId: cycle.countyId });
  const data = {
    cycle,
    periods: reportingPeriods(cycle),
    organisations,
    contacts: s.contact.list(ctx, byCycle),
    objectives: s.objective.list(ctx, byCycle),
    activities: s.activity.list(ctx, byCycle),
    contributions: s.contribution.list(ctx, byCycle),
    disbursements: s.disbursement.list(ctx, byCycle),
    indicators: s.indicator.list(ctx, byCycle),
    indicatorPeriods: s.indicatorPeriod.list(ctx, byCycle),
    risks: s.risk.list(ctx, byCycle),
    milestones: s.milestone.list(ctx, byCycle),
    learningEntries: s.learningEntry.list(ctx, byCycle),
    adaptiveTriggers: s.adaptiveTrigger.list(ctx, byCycle),
    signatories: s.signatory.list(ctx, byCycle),
    /** Wards of the cycle's county, by id. */
    wards: new Map(units.filter((unit) => unit.level === 'ward').map((unit) => [unit.id, unit])),
    subCounties: new Map(units.filter((unit) => unit.level === 'sub_county').map((unit) => [unit.id, unit])),
    /** Wards × sectors: activity counts and planned budget (the coverage service's own numbers). */
    coverage: coverageReport(ctx, { cycleId, organisationId: null }),
    /** The cycle's on-track / at-risk thresholds, as the screens and the M&E report judge progress. */
    thresholds: thresholdsOf(getAnalysisSettings(ctx, cycleId)),
  };
  return withNames(data);
}

/** The data with its lookups from ids to names. */
export function withNames<D extends Parameters<typeof nameIndex>[0]>(data: D) {
  return { ...data, names: nameIndex(data) };
}

export type CycleData = ReturnType<typeof loadCycleData>;

const thresholdsOf = ({ onTrackPct, atRiskPct }: { onTrackPct: number; atRiskPct: number }) => ({ onTrackPct, atRiskPct });

/** Lookups from ids to the names people read. */
function nameIndex(data: {
  organisations: OrganisationDto[];
  objectives: ObjectiveDto[];
  activities: ActivityDto[];
  indicators: IndicatorDto[];
  wards: Map<string, { name: string; parentId?: string | null }>;
  subCounties?: Map<string, { name: string }>;
}) {
  const orgs = new Map(data.organisations.map((org) => [org.id, org]));
  const objectives = new Map(data.objectives.map((o) => [o.id, o]));
  const activities = new Map(data.activities.map((a) => [a.id, a]));
  const indicators = new Map(data.indicators.map((i) => [i.id, i]));
  // Two wards of a county may share a name (Township in Kiambu): those are named with their sub-county.
  const wardCounts = new Map<string, number>();
  for (const ward of data.wards.values()) wardCounts.set(ward.name.toLowerCase(), (wardCounts.get(ward.name.toLowerCase()) ?? 0) + 1);
  const wardName = (id: string) => {
    const ward = data.wards.get(id);
    if (!ward) return id;
    const subCounty = data.subCounties?.get(ward.parentId ?? '')?.name;
    return (wardCounts.get(ward.name.toLowerCase()) ?? 0) > 1 && subCounty ? `${ward.name} (${subCounty})` : ward.name;
  };
  const short = (id: string) => {
    const org = orgs.get(id);
    return org ? org.shortName || org.name : '';
  };
  return {
    org: (id: string | null) => (id === null ? '' : (orgs.get(id)?.name ?? '')),
    /** The short name people use (the Stakeholders sheet gives the full name), else the name. */
    orgShort: (id: string | null) => (id === null ? '' : short(id)),
    orgShortList: (ids: string[]) => ids.map(short).join(', '),
    /** An objective or activity by its code alone when it has one: the full text is on its own sheet. */
    objectiveCode: (id: string | null) => (id === null ? '' : objectives.get(id)?.code || (objectives.get(id)?.statement ?? '')),
    activityCode: (id: string | null) => (id === null ? '' : activities.get(id)?.code || (activities.get(id)?.title ?? '')),
    orgRow: (id: string) => orgs.get(id),
    objective: (id: string | null) => (id === null ? '' : codeLabel(objectives.get(id)?.code, objectives.get(id)?.statement)),
    activity: (id: string | null) => (id === null ? '' : codeLabel(activities.get(id)?.code, activities.get(id)?.title)),
    activityRow: (id: string | null) => (id === null ? undefined : activities.get(id)),
    indicator: (id: string | null) => (id === null ? '' : codeLabel(indicators.get(id)?.code, indicators.get(id)?.name)),
    wards: (ids: string[]) => ids.map((id) => wardName(id)).join(', '),
    orgList: (ids: string[]) => ids.map((id) => orgs.get(id)?.name ?? id).join(', '),
  };
}

/** "A1.4 – Water trucking": how a row with a code is named in lists and drop-downs. */
export function codeLabel(code: string | undefined, text: string | undefined): string {
  if (!text) return code ?? '';
  return code ? `${code} – ${text}` : text;
}

/** "Borehole drilling (A1.3)": how a budget line is named in the template's list and the import's preview. */
export function budgetLineLabel(component: string, activity: { code: string; title: string } | undefined): string {
  return activity ? `${component} (${activity.code || activity.title})` : component;
}
