import { eq } from 'drizzle-orm';
import type { RoundItemCounts } from '../../shared/rounds/missing';
import type { ReportingPeriod } from '../../shared/reporting-periods';
import { activities, activitySupporters, contributions, disbursements, indicatorPeriods, indicators, learningEntries, risks } from '../db/schema';
import type { AppContext } from '../services/context';

/**
 * What a round asks each organisation for (issue 19, item 1): for the period, the status and % done
 * of the activities it leads, a disbursement figure for each budget line it contributes, and the
 * period's actual of each indicator it is responsible for, whether it answers by bundle or by the
 * Excel partner template (its Disbursements sheet). "Missing" is what is still not in the
 * plan: an actual still empty, a budget line with no disbursement for the period, an activity not
 * updated since the round opened (unless the organisation has sent a return, which confirms them).
 */

export interface OrgItems {
  asked: RoundItemCounts;
  missing: RoundItemCounts;
}

const zero = (): RoundItemCounts => ({ activities: 0, disbursements: 0, indicatorActuals: 0, risks: 0, learningEntries: 0 });
/** Finished or dropped work has nothing left to report. */
const CLOSED_STATUSES = new Set(['completed', 'cancelled']);

/** The organisations with something to report in the period: leads, supporters, contributors, indicator owners. */
export function organisationsToAsk(ctx: AppContext, cycleId: string, period: ReportingPeriod): Set<string> {
  const ids = new Set<string>();
  const inPeriod = activitiesInPeriod(ctx, cycleId, period);
  for (const a of inPeriod) ids.add(a.leadOrgId);
  const inPeriodIds = new Set(inPeriod.map((a) => a.id));
  for (const s of ctx.db
    .select()
    .from(activitySupporters)
    .innerJoin(activities, eq(activities.id, activitySupporters.activityId))
    .where(eq(activities.cycleId, cycleId))
    .all())
    if (inPeriodIds.has(s.activity_supporters.activityId)) ids.add(s.activity_supporters.organisationId);
  for (const c of contributionsOf(ctx, cycleId, period)) ids.add(c.contributorOrgId);
  for (const i of ctx.db.select({ org: indicators.responsibleOrgId }).from(indicators).where(eq(indicators.cycleId, cycleId)).all()) ids.add(i.org);
  return ids;
}

function activitiesInPeriod(ctx: AppContext, cycleId: string, period: ReportingPeriod) {
  return ctx.db
    .select({
      id: activities.id,
      leadOrgId: activities.leadOrgId,
      status: activities.status,
      start: activities.startDate,
      end: activities.endDate,
      updatedAt: activities.updatedAt,
    })
    .from(activities)
    .where(eq(activities.cycleId, cycleId))
    .all()
    .filter((a) => a.start <= period.end && a.end >= period.start && !CLOSED_STATUSES.has(a.status));
}

/** Budget lines whose activity (if any) runs in the period; lines of a dropped activity ask nothing. */
function contributionsOf(ctx: AppContext, cycleId: string, period: ReportingPeriod) {
  const running = new Set(activitiesInPeriod(ctx, cycleId, period).map((a) => a.id));
  return ctx.db
    .select({ id: contributions.id, contributorOrgId: contributions.contributorOrgId, activityId: contributions.activityId })
    .from(contributions)
    .where(eq(contributions.cycleId, cycleId))
    .all()
    .filter((c) => c.activityId === null || running.has(c.activityId));
}

/** Asked and missing items per organisation, for the given members. */
export function itemsByOrganisation(
  ctx: AppContext,
  cycleId: string,
  period: ReportingPeriod,
  round: { openedOn: string; asksLearningAndRisks: boolean },
  returned: ReadonlySet<string>,
  members: readonly string[],
): Map<string, OrgItems> {
  const byOrg = new Map<string, OrgItems>();
  const of = (orgId: string) => {
    let items = byOrg.get(orgId);
    if (!items) byOrg.set(orgId, (items = { asked: zero(), missing: zero() }));
    return items;
  };
  for (const a of activitiesInPeriod(ctx, cycleId, period)) {
    const items = of(a.leadOrgId);
    items.asked.activities++;
    if (!returned.has(a.leadOrgId) && a.updatedAt < round.openedOn) items.missing.activities++;
  }
  const disbursed = new Set(
    ctx.db
      .select({ contributionId: disbursements.contributionId, periodKey: disbursements.periodKey })
      .from(disbursements)
      .where(eq(disbursements.cycleId, cycleId))
      .all()
      .filter((d) => d.periodKey === period.key)
      .map((d) => d.contributionId),
  );
  for (const c of contributionsOf(ctx, cycleId, period)) {
    const items = of(c.contributorOrgId);
    items.asked.disbursements++;
    if (!disbursed.has(c.id)) items.missing.disbursements++;
  }
  const periods = ctx.db
    .select({ org: indicators.responsibleOrgId, periodKey: indicatorPeriods.periodKey, actual: indicatorPeriods.actual })
    .from(indicatorPeriods)
    .innerJoin(indicators, eq(indicators.id, indicatorPeriods.indicatorId))
    .where(eq(indicatorPeriods.cycleId, cycleId))
    .all();
  for (const p of periods) {
    if (p.periodKey !== period.key) continue;
    const items = of(p.org);
    items.asked.indicatorActuals++;
    if (p.actual === null) items.missing.indicatorActuals++;
  }
  if (round.asksLearningAndRisks) countLearningAndRisks(ctx, cycleId, round.openedOn, returned, members, of);
  return byOrg;
}

/**
 * When the round asks for them: each open risk an organisation is responsible for wants a status
 * and mitigation update (missing while not updated since the round opened, unless it sent a
 * return), and each organisation its learning entries (missing while none was recorded since).
 */
function countLearningAndRisks(
  ctx: AppContext,
  cycleId: string,
  openedOn: string,
  returned: ReadonlySet<string>,
  members: readonly string[],
  of: (orgId: string) => OrgItems,
): void {
  for (const r of ctx.db
    .select({ org: risks.responsibleOrgId, status: risks.status, updatedAt: risks.updatedAt })
    .from(risks)
    .where(eq(risks.cycleId, cycleId))
    .all()) {
    if (r.status === 'closed') continue;
    const items = of(r.org);
    items.asked.risks++;
    if (!returned.has(r.org) && r.updatedAt < openedOn) items.missing.risks++;
  }
  const learned = new Set(
    ctx.db
      .select({ org: learningEntries.responsibleOrgId, createdAt: learningEntries.createdAt })
      .from(learningEntries)
      .where(eq(learningEntries.cycleId, cycleId))
      .all()
      .filter((l) => l.createdAt >= openedOn)
      .map((l) => l.org),
  );
  for (const orgId of members) {
    const items = of(orgId);
    items.asked.learningEntries = 1;
    if (!learned.has(orgId)) items.missing.learningEntries = 1;
  }
}

export const noItems = (): OrgItems => ({ asked: zero(), missing: zero() });
