import type { CostShareDto } from '../../../shared/api/schemas/analysis/cost-share';
import type { CostShareActivity, CostShareContribution, CostShareCycle } from '../../../shared/analysis/cost-share';
import { contributionTypes } from '../../../shared/domain/vocabulary';
import { naturalCompare } from '../../../shared/natural-order';

export type BudgetCycle = CostShareCycle;

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

export interface ShareTotals {
  totalKes: number;
  /** What the county government's own departments (category Government) put in. */
  countyKes: number;
  partnerKes: number;
  disbursedKes: number;
  byContributor: (Share & { county: boolean; byType: Record<string, number> })[];
  bySector: Share[];
  byType: Share[];
  periods: PeriodTotals[];
}

export const NO_ACTIVITY = 'none';
export const NO_ACTIVITY_LABEL = 'Not linked to an activity';

const descending = (a: Share, b: Share) => b.kes - a.kes || naturalCompare(a.label, b.label);

/**
 * Who pays for what, in KES at the cycle's one exchange rate, as the screens chart it: the reports'
 * own computation (shared/analysis/cost-share.ts, or `costShare:summary` — phasing by the days each
 * activity runs, cancelled activities left out, the county's share as its Government departments)
 * arranged by contributor (and type), sector, type, and planned vs disbursed per reporting period.
 */
export function totalsFromShare(share: CostShareDto): ShareTotals {
  const { overall } = share;
  const byType = (totals: typeof overall): Record<string, number> => ({
    cash: totals.cashKesMinor,
    in_kind: totals.inKindKesMinor,
    human_resources: totals.humanResourcesKesMinor,
  });
  return {
    totalKes: overall.plannedKesMinor,
    countyKes: overall.countyKesMinor,
    partnerKes: overall.partnerKesMinor,
    disbursedKes: overall.disbursedKesMinor,
    byContributor: share.byOrganisation
      .filter((org) => org.plannedKesMinor > 0)
      .map((org) => ({ key: org.organisationId, label: org.name, kes: org.plannedKesMinor, county: org.side === 'county', byType: byType(org) }))
      .sort(descending),
    bySector: share.bySector
      .filter((sector) => sector.plannedKesMinor > 0)
      .map((sector) => ({ key: sector.sector ?? NO_ACTIVITY, label: sector.sector === null ? NO_ACTIVITY_LABEL : sector.label, kes: sector.plannedKesMinor }))
      .sort(descending),
    byType: contributionTypes.keys.map((key) => ({ key, label: contributionTypes.label(key), kes: byType(overall)[key] ?? 0 })),
    periods: share.periods.map((period) => ({
      key: period.key,
      label: period.label,
      plannedKes: overall.plannedByPeriod[period.key] ?? 0,
      disbursedKes: overall.disbursedByPeriod[period.key] ?? 0,
    })),
  };
}

/** Lines of cancelled activities, which every total leaves out: counted over every line and activity, so only once all are read. */
export function cancelledLineCount(activities: readonly CostShareActivity[], contributions: readonly CostShareContribution[]): number {
  const cancelled = new Set(activities.filter((activity) => activity.status === 'cancelled').map((activity) => activity.id));
  return contributions.filter((line) => line.activityId !== null && cancelled.has(line.activityId)).length;
}

/** A part of a whole as a rounded percentage, 0 when the whole is 0. */
export const percentOf = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 100));
