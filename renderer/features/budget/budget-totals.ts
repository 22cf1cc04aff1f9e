import type { ContributionDto, DisbursementDto } from '../../../shared/api/schemas/budget';
import type { OrganisationDto } from '../../../shared/api/schemas/organisation';
import type { ActivityDto } from '../../../shared/api/schemas/plan';
import { daysBetween } from '../../../shared/dates';
import { contributionTypes, sectors } from '../../../shared/domain/vocabulary';
import { toKesMinor } from '../../../shared/money';
import { reportingPeriods, type ReportingFrequency } from '../../../shared/reporting-periods';

export interface BudgetCycle {
  startDate: string;
  endDate: string;
  reportingPeriod: ReportingFrequency;
  kesPerUsdScaled: number;
}

export type BudgetOrganisation = Pick<OrganisationDto, 'id' | 'name' | 'shortName' | 'category'>;
export type BudgetActivity = Pick<ActivityDto, 'id' | 'sector' | 'startDate' | 'endDate' | 'status'>;
export type BudgetContribution = Pick<ContributionDto, 'id' | 'activityId' | 'contributorOrgId' | 'type' | 'amountMinor' | 'currency'>;
export type BudgetDisbursement = Pick<DisbursementDto, 'contributionId' | 'periodKey' | 'amountMinor'>;

export interface Share {
  key: string;
  label: string;
  kes: number;
}

export interface PeriodTotals {
  key: string;
  label: string;
  plannedKes: number;
  disbursedKes: number;
}

export interface BudgetTotals {
  totalKes: number;
  /** What the county government's own departments (category Government) put in. */
  countyKes: number;
  partnerKes: number;
  disbursedKes: number;
  byContributor: (Share & { county: boolean; byType: Record<string, number> })[];
  bySector: Share[];
  byType: Share[];
  periods: PeriodTotals[];
  /** Lines of cancelled activities, left out of every total. */
  cancelledLines: number;
}

export const NO_ACTIVITY = 'none';
export const NO_ACTIVITY_LABEL = 'Not linked to an activity';

/** The county's share is what its own departments (category Government) contribute. */
export const isCountyOrganisation = (org: Pick<OrganisationDto, 'category'> | undefined): boolean => org?.category === 'government';

const descending = (a: Share, b: Share) => b.kes - a.kes || a.label.localeCompare(b.label, 'en');

/**
 * Splits an amount over periods in proportion to the days the work runs in each, in whole cents;
 * what rounding leaves over goes to the last period with any days, so the parts add up exactly.
 */
export function phaseByDays(amount: number, span: { start: string; end: string }, periods: readonly { start: string; end: string }[]): number[] {
  const overlap = periods.map((period) => {
    const from = span.start > period.start ? span.start : period.start;
    const to = span.end < period.end ? span.end : period.end;
    return to < from ? 0 : daysBetween(from, to) + 1;
  });
  const totalDays = overlap.reduce((sum, days) => sum + days, 0);
  if (totalDays === 0) return periods.map(() => 0);
  const parts = overlap.map((days) => Math.floor((amount * days) / totalDays));
  const last = overlap.findLastIndex((days) => days > 0);
  parts[last] = (parts[last] ?? 0) + amount - parts.reduce((sum, part) => sum + part, 0);
  return parts;
}

/**
 * Who pays for what, in KES at the cycle's one exchange rate: by contributor (and type), by
 * sector, county vs partners, and planned vs disbursed per reporting period. Planned money is
 * phased over the periods by the days its activity runs (a line not linked to an activity, over
 * the whole cycle). Lines of cancelled activities are left out: that money will not be spent.
 */
export function budgetTotals(input: {
  cycle: BudgetCycle;
  organisations: readonly BudgetOrganisation[];
  activities: readonly BudgetActivity[];
  contributions: readonly BudgetContribution[];
  disbursements: readonly BudgetDisbursement[];
}): BudgetTotals {
  const { cycle } = input;
  const orgs = new Map(input.organisations.map((org) => [org.id, org]));
  const activities = new Map(input.activities.map((activity) => [activity.id, activity]));
  const periods = reportingPeriods(cycle);
  const planned = periods.map(() => 0);
  const disbursed = new Map(periods.map((period) => [period.key, 0]));
  const contributors = new Map<string, BudgetTotals['byContributor'][number]>();
  const sectorTotals = new Map<string, number>();
  const typeTotals = new Map<string, number>();
  const counted = new Map<string, BudgetContribution>();
  let countyKes = 0;
  let totalKes = 0;
  let cancelledLines = 0;

  for (const line of input.contributions) {
    const activity = line.activityId ? activities.get(line.activityId) : undefined;
    if (activity?.status === 'cancelled') {
      cancelledLines++;
      continue;
    }
    counted.set(line.id, line);
    const kes = toKesMinor(line, cycle.kesPerUsdScaled);
    totalKes += kes;
    const org = orgs.get(line.contributorOrgId);
    if (isCountyOrganisation(org)) countyKes += kes;
    const contributor = contributors.get(line.contributorOrgId) ?? {
      key: line.contributorOrgId,
      label: org ? org.shortName || org.name : 'Unknown organisation',
      kes: 0,
      county: isCountyOrganisation(org),
      byType: {},
    };
    contributor.kes += kes;
    contributor.byType[line.type] = (contributor.byType[line.type] ?? 0) + kes;
    contributors.set(line.contributorOrgId, contributor);
    const sector = activity?.sector ?? NO_ACTIVITY;
    sectorTotals.set(sector, (sectorTotals.get(sector) ?? 0) + kes);
    typeTotals.set(line.type, (typeTotals.get(line.type) ?? 0) + kes);
    const span = activity ? { start: activity.startDate, end: activity.endDate } : { start: cycle.startDate, end: cycle.endDate };
    phaseByDays(kes, span, periods).forEach((part, index) => (planned[index] = (planned[index] ?? 0) + part));
  }

  let disbursedKes = 0;
  for (const payment of input.disbursements) {
    const line = counted.get(payment.contributionId);
    if (!line || !disbursed.has(payment.periodKey)) continue;
    const kes = toKesMinor({ amountMinor: payment.amountMinor, currency: line.currency }, cycle.kesPerUsdScaled);
    disbursed.set(payment.periodKey, (disbursed.get(payment.periodKey) ?? 0) + kes);
    disbursedKes += kes;
  }

  return {
    totalKes,
    countyKes,
    partnerKes: totalKes - countyKes,
    disbursedKes,
    byContributor: [...contributors.values()].sort(descending),
    bySector: [...sectorTotals].map(([key, kes]) => ({ key, kes, label: key === NO_ACTIVITY ? NO_ACTIVITY_LABEL : sectorLabel(key) })).sort(descending),
    byType: contributionTypes.keys.map((key) => ({ key, label: contributionTypes.label(key), kes: typeTotals.get(key) ?? 0 })),
    periods: periods.map((period, index) => ({
      key: period.key,
      label: period.label,
      plannedKes: planned[index] ?? 0,
      disbursedKes: disbursed.get(period.key) ?? 0,
    })),
    cancelledLines,
  };
}

const isSector = (key: string): key is (typeof sectors.keys)[number] => sectors.keys.some((sector) => sector === key);
const sectorLabel = (key: string): string => (isSector(key) ? sectors.label(key) : key);

/** A part of a whole as a rounded percentage, 0 when the whole is 0. */
export const percentOf = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 100));
