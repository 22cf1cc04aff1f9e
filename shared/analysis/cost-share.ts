import { dayNumber } from '../dates';
import { sectors } from '../domain/vocabulary';
import { toKesMinor } from '../money';
import { reportingPeriods, type ReportingFrequency, type ReportingPeriod } from '../reporting-periods';
import type { ActivityDto } from '../api/schemas/plan';
import type { ContributionDto, DisbursementDto } from '../api/schemas/budget';
import type { OrganisationDto } from '../api/schemas/organisation';
import type { CostShareDto, OverspendDto, ShareTotalsDto } from '../api/schemas/analysis/cost-share';
import { splitShillings, splitShillingsInto } from './allocate';
import { itemAt } from '../item-at';
import { isCountyGovernment } from '../domain/organisations';
import { naturalCompare } from '../natural-order';
import { isCounted } from '../budget-lines';

export interface CostShareCycle {
  id: string;
  startDate: string;
  endDate: string;
  reportingPeriod: ReportingFrequency;
  kesPerUsdScaled: number;
}

/** The fields of activities, budget lines and disbursements cost sharing reads (and the service reads of 20,000 lines). */
export const costShareActivityFields = ['id', 'code', 'title', 'sector', 'startDate', 'endDate', 'status'] as const satisfies readonly (keyof ActivityDto)[];
export const costShareContributionFields = [
  'id',
  'activityId',
  'component',
  'contributorOrgId',
  'type',
  'onBudget',
  'amountMinor',
  'currency',
  'valueNotEstimated',
] as const satisfies readonly (keyof ContributionDto)[];
export type CostShareActivity = Pick<ActivityDto, (typeof costShareActivityFields)[number]>;
export type CostShareContribution = Pick<ContributionDto, (typeof costShareContributionFields)[number]>;
export const costShareDisbursementFields = ['contributionId', 'periodKey', 'amountMinor'] as const satisfies readonly (keyof DisbursementDto)[];
export type CostShareDisbursement = Pick<DisbursementDto, (typeof costShareDisbursementFields)[number]>;
export type CostShareOrganisation = Pick<OrganisationDto, 'id' | 'name' | 'shortName' | 'category'>;

/**
 * The county's share is what organisations of category Government contribute (the county
 * departments); everything else is a partner's share. A national agency registered as
 * "Government agency" counts as a partner, as it does on county budget sheets.
 */

export const organisationLabel = (org: CostShareOrganisation | undefined, id: string): string => (org ? org.shortName || org.name : id);

/**
 * Who pays for what: per activity, organisation, sector and overall — county vs partner, cash vs in
 * kind vs human resources, on vs off the county budget, planned vs disbursed per period — in KES at
 * the cycle's rate.
 *
 * Planned money is phased over the reporting periods in proportion to the days the funded activity
 * runs in each (a component outside the action plan is phased over the whole cycle); contributions
 * to cancelled activities are left out of the totals, since that money will not be spent as planned.
 * `behindSchedule` lists lines whose disbursements up to the end of the last period that ended
 * before `today` fall short of that phasing; `overspent` lists lines where more was disbursed than
 * planned (compared in the line's own currency).
 *
 * The budget lines are taken once, in order, and none is kept but those listed: a service may hand
 * them over as it reads them.
 */
export function costShare(input: {
  cycle: CostShareCycle;
  today: string;
  organisations: readonly CostShareOrganisation[];
  activities: readonly CostShareActivity[];
  contributions: Iterable<CostShareContribution>;
  disbursements: readonly CostShareDisbursement[];
}): CostShareDto {
  const { cycle, today } = input;
  const rate = cycle.kesPerUsdScaled;
  const periods = reportingPeriods(cycle);
  const periodCount = periods.length;
  const periodIndex = new Map(periods.map((p, index) => [p.key, index]));
  const lastEnded = periods.reduce((last, p, index) => (p.end < today ? index : last), -1);
  const orgs = new Map(input.organisations.map((o) => [o.id, o]));
  const zeroes = periods.map(() => 0);

  const disbursed = new Map<string, { total: number; byPeriod: number[] }>();
  for (const d of input.disbursements) {
    let entry = disbursed.get(d.contributionId);
    if (!entry) disbursed.set(d.contributionId, (entry = { total: 0, byPeriod: periods.map(() => 0) }));
    entry.total += d.amountMinor;
    const index = periodIndex.get(d.periodKey);
    if (index !== undefined) entry.byPeriod[index] = (entry.byPeriod[index] ?? 0) + d.amountMinor;
  }

  const overall = new Accumulator(periodCount);
  const byOrg = new Map<string, Accumulator>();
  const bySector = new Map<CostShareActivity['sector'] | null, Accumulator>();
  const byActivity = new Map<string, Accumulator>();
  const behindSchedule: CostShareDto['behindSchedule'] = [];
  const overspent: OverspendDto[] = [];
  const notValued: CostShareDto['notValued'] = [];
  // One line record, refilled for each budget line: the accumulators add its figures up and keep
  // none of it, and a record with two arrays for each of 20,000 lines was garbage to collect.
  const line: Line = {
    plannedKes: 0,
    plannedByPeriod: new Array<number>(periodCount).fill(0),
    disbursedKes: 0,
    disbursedByPeriod: zeroes,
    type: 'cash',
    onBudget: false,
    county: false,
  };
  const fractions = new Array<number>(periodCount).fill(0);
  // What a line needs of its activity and of its contributor, found with one lookup each: a large
  // plan has 20,000 lines over 5,000 activities, and seven lookups a line were a fifth of the time.
  const activitySlots = new Map(input.activities.map((activity) => [activity.id, activitySlot(activity)]));
  const unlinked = activitySlot(undefined);
  const contributors = new Map<string, ContributorSlot>();

  for (const c of input.contributions) {
    const slot = c.activityId === null ? unlinked : (activitySlots.get(c.activityId) ?? unlinked);
    const { activity } = slot;
    const spent = disbursed.get(c.id);
    const spentTotal = spent?.total ?? 0;
    let contributor = contributors.get(c.contributorOrgId);
    if (!contributor) contributors.set(c.contributorOrgId, (contributor = contributorSlot(orgs.get(c.contributorOrgId))));
    const { org } = contributor;
    if (!isCounted(c)) {
      // Listed, in no total, never behind schedule or overspent: there is no planned figure to compare.
      notValued.push({
        contributionId: c.id,
        organisationId: c.contributorOrgId,
        organisationName: organisationLabel(org, c.contributorOrgId),
        activityId: c.activityId,
        activityTitle: activityTitleOf(activity, c),
        component: c.component,
      });
      continue;
    }
    if (spentTotal > c.amountMinor) {
      overspent.push({
        contributionId: c.id,
        organisationId: c.contributorOrgId,
        organisationName: organisationLabel(org, c.contributorOrgId),
        activityId: c.activityId,
        activityTitle: activityTitleOf(activity, c),
        component: c.component,
        plannedKesMinor: inKes(c.amountMinor, c.currency, rate),
        disbursedKesMinor: inKes(spentTotal, c.currency, rate),
        overKesMinor: inKes(spentTotal - c.amountMinor, c.currency, rate),
      });
    }
    if (activity?.status === 'cancelled') continue;

    line.plannedKes = inKes(c.amountMinor, c.currency, rate);
    splitShillingsInto(line.plannedKes, (slot.weights ??= phaseWeights(periods, activity ?? cycle)), line.plannedByPeriod, fractions);
    line.disbursedKes = inKes(spentTotal, c.currency, rate);
    line.disbursedByPeriod = spent ? inKesEach(spent.byPeriod, c.currency, rate) : zeroes;
    line.type = c.type;
    line.onBudget = c.onBudget;
    line.county = contributor.county;

    overall.add(line);
    (contributor.totals ??= entry(byOrg, c.contributorOrgId, periodCount)).add(line);
    (slot.sectorTotals ??= entry(bySector, activity?.sector ?? null, periodCount)).add(line);
    if (activity) (slot.totals ??= entry(byActivity, activity.id, periodCount)).add(line);

    if (lastEnded >= 0) {
      let expected = 0;
      let paid = 0;
      for (let index = 0; index <= lastEnded; index++) {
        expected += line.plannedByPeriod[index] ?? 0;
        paid += line.disbursedByPeriod[index] ?? 0;
      }
      if (paid < expected) {
        behindSchedule.push({
          contributionId: c.id,
          organisationId: c.contributorOrgId,
          organisationName: organisationLabel(org, c.contributorOrgId),
          activityId: c.activityId,
          component: c.component,
          type: c.type,
          periodKey: itemAt(periods, lastEnded, 'reporting period').key,
          expectedKesMinor: expected,
          disbursedKesMinor: paid,
          shortfallKesMinor: expected - paid,
          nothingDisbursed: paid === 0,
        });
      }
    }
  }

  const toDto = (acc: Accumulator) => acc.toDto(periods);
  const sectorOrder = new Map<string | null, number>([...sectors.keys.map((key, index) => [key, index] as const), [null, sectors.keys.length]]);
  return {
    cycleId: cycle.id,
    today,
    periods: periods.map((p) => ({ key: p.key, label: p.label, start: p.start, end: p.end, ended: p.end < today })),
    overall: toDto(overall),
    byOrganisation: [...byOrg.entries()]
      .map(([organisationId, acc]) => ({
        ...toDto(acc),
        organisationId,
        name: organisationLabel(orgs.get(organisationId), organisationId),
        side: isCountyGovernment(orgs.get(organisationId)) ? ('county' as const) : ('partner' as const),
      }))
      .sort((a, b) => b.plannedKesMinor - a.plannedKesMinor || naturalCompare(a.name, b.name)),
    bySector: [...bySector.entries()]
      .sort(([a], [b]) => (sectorOrder.get(a) ?? 0) - (sectorOrder.get(b) ?? 0))
      .map(([sector, acc]) => ({
        ...toDto(acc),
        sector,
        label: sector === null ? 'Not linked to an activity' : sectors.label(sector),
      })),
    // Object.assign onto the fresh totals, not spread syntax: V8 copies them by spread through a
    // slow path, and a large plan has 5,000 activities.
    byActivity: input.activities.flatMap((a) => {
      const acc = byActivity.get(a.id);
      return acc ? [Object.assign(toDto(acc), { activityId: a.id, code: a.code, title: a.title, sector: a.sector })] : [];
    }),
    behindSchedule: behindSchedule.sort((a, b) => b.shortfallKesMinor - a.shortfallKesMinor),
    overspent: overspent.sort((a, b) => b.overKesMinor - a.overKesMinor),
    notValued,
  };
}

/** How a line's activity is named in the lists of lines not valued and overspent (made only for those). */
function activityTitleOf(activity: CostShareActivity | undefined, c: CostShareContribution): string {
  return activity ? `${activity.code ? `${activity.code} ` : ''}${activity.title}` : c.component;
}

// Module-level on purpose: a closure made per budget line costs more than the arithmetic it wraps.
function inKes(amountMinor: number, currency: CostShareContribution['currency'], rate: number): number {
  return amountMinor === 0 ? 0 : toKesMinor({ amountMinor, currency }, rate);
}

function inKesEach(amounts: readonly number[], currency: CostShareContribution['currency'], rate: number): number[] {
  const result = new Array<number>(amounts.length);
  for (let index = 0; index < amounts.length; index++) result[index] = inKes(amounts[index] ?? 0, currency, rate);
  return result;
}

/**
 * An activity as its lines use it: its phasing weights (its days in each period, the same for all
 * its lines) and its totals, made at its first line that counts; `activity` undefined for lines
 * linked to no activity of the cycle.
 */
interface ActivitySlot {
  activity: CostShareActivity | undefined;
  weights: number[] | undefined;
  totals: Accumulator | undefined;
  sectorTotals: Accumulator | undefined;
}

const activitySlot = (activity: CostShareActivity | undefined): ActivitySlot => ({ activity, weights: undefined, totals: undefined, sectorTotals: undefined });

/** A contributor as its lines use it; `org` undefined for one not among the cycle's organisations. */
interface ContributorSlot {
  org: CostShareOrganisation | undefined;
  county: boolean;
  totals: Accumulator | undefined;
}

const contributorSlot = (org: CostShareOrganisation | undefined): ContributorSlot => ({ org, county: isCountyGovernment(org), totals: undefined });

interface Line {
  plannedKes: number;
  plannedByPeriod: number[];
  disbursedKes: number;
  disbursedByPeriod: readonly number[];
  type: CostShareContribution['type'];
  onBudget: boolean;
  county: boolean;
}

/** Running totals kept in arrays while 20,000 lines go by; turned into the DTO's records once. */
class Accumulator {
  planned = 0;
  county = 0;
  partner = 0;
  cash = 0;
  inKind = 0;
  humanResources = 0;
  onBudget = 0;
  offBudget = 0;
  disbursed = 0;
  readonly plannedByPeriod: number[];
  readonly disbursedByPeriod: number[];

  constructor(periodCount: number) {
    this.plannedByPeriod = new Array<number>(periodCount).fill(0);
    this.disbursedByPeriod = new Array<number>(periodCount).fill(0);
  }

  add(line: Line): void {
    const { plannedKes } = line;
    this.planned += plannedKes;
    if (line.county) this.county += plannedKes;
    else this.partner += plannedKes;
    if (line.type === 'cash') this.cash += plannedKes;
    else if (line.type === 'in_kind') this.inKind += plannedKes;
    else this.humanResources += plannedKes;
    if (line.onBudget) this.onBudget += plannedKes;
    else this.offBudget += plannedKes;
    this.disbursed += line.disbursedKes;
    for (let index = 0; index < this.plannedByPeriod.length; index++) {
      this.plannedByPeriod[index] = (this.plannedByPeriod[index] ?? 0) + (line.plannedByPeriod[index] ?? 0);
      this.disbursedByPeriod[index] = (this.disbursedByPeriod[index] ?? 0) + (line.disbursedByPeriod[index] ?? 0);
    }
  }

  toDto(periods: readonly ReportingPeriod[]): ShareTotalsDto {
    return {
      plannedKesMinor: this.planned,
      countyKesMinor: this.county,
      partnerKesMinor: this.partner,
      cashKesMinor: this.cash,
      inKindKesMinor: this.inKind,
      humanResourcesKesMinor: this.humanResources,
      onBudgetKesMinor: this.onBudget,
      offBudgetKesMinor: this.offBudget,
      disbursedKesMinor: this.disbursed,
      plannedByPeriod: byPeriodKey(periods, this.plannedByPeriod),
      disbursedByPeriod: byPeriodKey(periods, this.disbursedByPeriod),
    };
  }
}

/** Period key → amount, for the DTO (an activity's totals make two of these; a large plan has 5,000 activities). */
function byPeriodKey(periods: readonly ReportingPeriod[], amounts: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (let index = 0; index < periods.length; index++) out[itemAt(periods, index, 'reporting period').key] = amounts[index] ?? 0;
  return out;
}

function entry<K>(map: Map<K, Accumulator>, key: K, periodCount: number): Accumulator {
  let acc = map.get(key);
  if (!acc) map.set(key, (acc = new Accumulator(periodCount)));
  return acc;
}

/** Days of [start, end] inside each period; a span wholly outside the cycle weighs as the whole cycle. */
function phaseWeights(periods: readonly ReportingPeriod[], span: { startDate: string; endDate: string }): number[] {
  const days = periods.map((p) => {
    const from = span.startDate > p.start ? span.startDate : p.start;
    const to = span.endDate < p.end ? span.endDate : p.end;
    return to < from ? 0 : dayNumber(to) - dayNumber(from) + 1;
  });
  return days.every((d) => d === 0) ? periods.map((p) => dayNumber(p.end) - dayNumber(p.start) + 1) : days;
}

/** `total` phased over the periods by the days `span` runs in each (see costShare). */
export function phase(total: number, periods: readonly ReportingPeriod[], span: { startDate: string; endDate: string }): number[] {
  return splitShillings(total, phaseWeights(periods, span));
}
