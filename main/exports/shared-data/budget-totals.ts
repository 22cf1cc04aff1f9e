import { toKesMinor, type Currency } from '../../../shared/money';
import type { ContributionDto } from '../../../shared/api/schemas/budget';
import type { OrganisationDto } from '../../../shared/api/schemas/organisation';
import { isCountyGovernment } from '../../../shared/domain/organisations';

/**
 * The cost-share arithmetic every deliverable prints. Each contribution line is converted to KES at
 * the cycle's rate (rounded to the cent, line by line) and only then summed, so a total always equals
 * the sum of the converted lines a reader can add up. All amounts are integer minor units.
 */

/** The county's own money: organisations of category Government (county departments). */

export interface ContributorTotal {
  organisationId: string;
  /** Sum of the lines in each currency as entered (minor units of that currency). */
  byCurrency: Record<Currency, number>;
  kesMinor: number;
  lines: number;
  isCounty: boolean;
}

export interface CostShare {
  countyKesMinor: number;
  partnersKesMinor: number;
  totalKesMinor: number;
}

export interface BudgetTotals extends CostShare {
  onBudgetKesMinor: number;
  offBudgetKesMinor: number;
  /** Largest contributor first. */
  byContributor: ContributorTotal[];
  /** Keyed by activity id; components outside the action plan under `null`. */
  byActivity: Map<string | null, CostShare>;
  /** Each contribution line's KES equivalent, by contribution id. */
  lineKesMinor: Map<string, number>;
}

const emptyShare = (): CostShare => ({ countyKesMinor: 0, partnersKesMinor: 0, totalKesMinor: 0 });

export function addToShare(share: CostShare, kesMinor: number, isCounty: boolean): void {
  if (isCounty) share.countyKesMinor += kesMinor;
  else share.partnersKesMinor += kesMinor;
  share.totalKesMinor += kesMinor;
}

export function computeBudgetTotals(
  contributions: readonly ContributionDto[],
  orgById: ReadonlyMap<string, OrganisationDto>,
  kesPerUsdScaled: number,
): BudgetTotals {
  const totals: BudgetTotals = {
    ...emptyShare(),
    onBudgetKesMinor: 0,
    offBudgetKesMinor: 0,
    byContributor: [],
    byActivity: new Map(),
    lineKesMinor: new Map(),
  };
  const byContributor = new Map<string, ContributorTotal>();
  for (const line of contributions) {
    const org = orgById.get(line.contributorOrgId);
    const county = org ? isCountyGovernment(org) : false;
    const kes = toKesMinor(line, kesPerUsdScaled);
    totals.lineKesMinor.set(line.id, kes);
    addToShare(totals, kes, county);
    if (line.onBudget) totals.onBudgetKesMinor += kes;
    else totals.offBudgetKesMinor += kes;
    let activityShare = totals.byActivity.get(line.activityId);
    if (!activityShare) totals.byActivity.set(line.activityId, (activityShare = emptyShare()));
    addToShare(activityShare, kes, county);
    let contributor = byContributor.get(line.contributorOrgId);
    if (!contributor) {
      contributor = { organisationId: line.contributorOrgId, byCurrency: { KES: 0, USD: 0 }, kesMinor: 0, lines: 0, isCounty: county };
      byContributor.set(line.contributorOrgId, contributor);
    }
    contributor.byCurrency[line.currency] += line.amountMinor;
    contributor.kesMinor += kes;
    contributor.lines += 1;
  }
  totals.byContributor = [...byContributor.values()].sort((a, b) => b.kesMinor - a.kesMinor || a.organisationId.localeCompare(b.organisationId));
  return totals;
}

/** Share of a whole as a whole-number percentage for print ("42 %"); 0 when the whole is 0. */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}
