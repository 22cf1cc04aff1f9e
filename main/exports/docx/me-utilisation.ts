import { toKesMinor } from '../../../shared/money';
import type { ReportingPeriod } from '../../../shared/reporting-periods';
import type { PlanData } from '../plan-data';

export interface Utilisation {
  organisationId: string;
  plannedKesMinor: number;
  periodKesMinor: number;
  toDateKesMinor: number;
}

/**
 * Planned against disbursed, by contributor, in KES minor units. A disbursement is in its
 * contribution's currency and is converted line by line at the cycle's rate, as planned lines are.
 * "To date" is every period up to and including the one reported on.
 */
export function utilisation(data: PlanData, period: ReportingPeriod): { byContributor: Utilisation[]; total: Omit<Utilisation, 'organisationId'> } {
  const order = new Map(data.periods.map((p, index) => [p.key, index]));
  const reportIndex = order.get(period.key) ?? -1;
  const contributionById = new Map(data.contributions.map((c) => [c.id, c]));
  const rows = new Map<string, Utilisation>(
    data.totals.byContributor.map((c) => [
      c.organisationId,
      { organisationId: c.organisationId, plannedKesMinor: c.kesMinor, periodKesMinor: 0, toDateKesMinor: 0 },
    ]),
  );
  for (const d of data.disbursements) {
    const line = contributionById.get(d.contributionId);
    const row = line ? rows.get(line.contributorOrgId) : undefined;
    const index = order.get(d.periodKey);
    if (!line || !row || index === undefined || index > reportIndex) continue;
    const kesMinor = toKesMinor({ amountMinor: d.amountMinor, currency: line.currency }, data.cycle.kesPerUsdScaled);
    row.toDateKesMinor += kesMinor;
    if (d.periodKey === period.key) row.periodKesMinor += kesMinor;
  }
  const byContributor = [...rows.values()];
  const total = { plannedKesMinor: 0, periodKesMinor: 0, toDateKesMinor: 0 };
  for (const row of byContributor) {
    total.plannedKesMinor += row.plannedKesMinor;
    total.periodKesMinor += row.periodKesMinor;
    total.toDateKesMinor += row.toDateKesMinor;
  }
  return { byContributor, total };
}
