import { progressPct, roundTo, varianceBetter } from '../analysis/indicator-progress';
import type { ContributionDto, DisbursementDto } from '../api/schemas/budget';
import type { CloseOutReportDto } from '../api/schemas/lifecycle';
import type { IndicatorDto, IndicatorPeriodDto, RiskDto } from '../api/schemas/monitoring';
import type { OrganisationDto } from '../api/schemas/organisation';
import type { ActivityDto, ObjectiveDto } from '../api/schemas/plan';
import type { AdaptiveTriggerDto, LearningEntryDto } from '../api/schemas/review';
import { activityStatuses } from '../domain/vocabulary';
import { toKesMinor } from '../money';
import { reportingPeriods, type ReportingFrequency } from '../reporting-periods';
import { naturalCompare } from '../natural-order';

export interface CloseOutInput {
  cycle: { id: string; title: string; fiscalYear: string; startDate: string; endDate: string; reportingPeriod: ReportingFrequency; kesPerUsdScaled: number };
  organisations: readonly OrganisationDto[];
  objectives: readonly ObjectiveDto[];
  activities: readonly ActivityDto[];
  indicators: readonly IndicatorDto[];
  indicatorPeriods: readonly IndicatorPeriodDto[];
  contributions: readonly ContributionDto[];
  disbursements: readonly DisbursementDto[];
  risks: readonly RiskDto[];
  learningEntries: readonly LearningEntryDto[];
  adaptiveTriggers: readonly AdaptiveTriggerDto[];
  notes: { summary: string; recommendations: string[] };
}

/** An activity is finished when it is completed or cancelled; anything else may carry over. */
export const isUnfinished = (activity: Pick<ActivityDto, 'status'>) => activity.status !== 'completed' && activity.status !== 'cancelled';

/** A risk still to manage: open, or occurred and not yet closed. */
export const isOpenRisk = (risk: Pick<RiskDto, 'status'>) => risk.status === 'open' || risk.status === 'occurred';

const byCode = (a: { code: string }, b: { code: string }) => naturalCompare(a.code, b.code);
const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
const pct = (part: number, whole: number) => (whole === 0 ? null : round1((part / whole) * 100));

/** The last actual reported, in the order of the cycle's reporting periods. */
export function lastActual(
  periods: readonly Pick<IndicatorPeriodDto, 'periodKey' | 'actual'>[],
  periodOrder: readonly string[],
): { value: number; periodKey: string } | null {
  const rank = new Map(periodOrder.map((key, index) => [key, index]));
  const reported = periods.filter((p): p is typeof p & { actual: number } => p.actual !== null);
  reported.sort((a, b) => (rank.get(a.periodKey) ?? -1) - (rank.get(b.periodKey) ?? -1));
  const last = reported[reported.length - 1];
  return last ? { value: last.actual, periodKey: last.periodKey } : null;
}

const activityBrief = (a: ActivityDto) => ({ id: a.id, code: a.code, title: a.title, status: a.status, completionPct: a.completionPct });

/**
 * The end-of-cycle report's data (manual 4.5): achievements per objective, each indicator's final
 * value against its target, budget utilisation (disbursed ÷ planned, in KES at the cycle's rate),
 * lessons from the learning log, and recommendations — those agreed at the close-out meeting and
 * those the registers suggest.
 */
export function computeCloseOut(input: CloseOutInput): CloseOutReportDto {
  const { cycle } = input;
  const periodOrder = reportingPeriods(cycle).map((p) => p.key);
  const periodsByIndicator = new Map<string, IndicatorPeriodDto[]>();
  for (const p of input.indicatorPeriods) periodsByIndicator.set(p.indicatorId, [...(periodsByIndicator.get(p.indicatorId) ?? []), p]);
  const activityObjective = new Map(input.activities.map((a) => [a.id, a.objectiveId]));

  const indicators = [...input.indicators].sort(byCode).map((indicator) => {
    const final = lastActual(periodsByIndicator.get(indicator.id) ?? [], periodOrder);
    const { direction } = indicator;
    // The end-of-cycle figure is the same rule as a period's, against the annual target.
    const achieved = final === null ? null : progressPct(indicator, indicator.targetValue, final.value);
    const met = final === null ? null : varianceBetter(indicator, indicator.targetValue, final.value) >= 0;
    return {
      indicatorId: indicator.id,
      code: indicator.code,
      name: indicator.name,
      unit: indicator.unit,
      objectiveId: indicator.objectiveId ?? (indicator.activityId === null ? null : (activityObjective.get(indicator.activityId) ?? null)),
      baselineValue: indicator.baselineValue,
      targetValue: indicator.targetValue,
      finalValue: final?.value ?? null,
      finalPeriodKey: final?.periodKey ?? null,
      direction,
      pctAchieved: achieved === null ? null : roundTo(achieved, 0),
      met,
    };
  });

  const objectives = [...input.objectives].sort(byCode).map((objective) => {
    const own = input.activities.filter((a) => a.objectiveId === objective.id).sort(byCode);
    const activityCounts = Object.fromEntries(activityStatuses.keys.map((status) => [status, own.filter((a) => a.status === status).length]));
    const counted = own.filter((a) => a.status !== 'cancelled');
    return {
      objectiveId: objective.id,
      code: objective.code,
      statement: objective.statement,
      activityCounts,
      activityTotal: own.length,
      averageCompletionPct: counted.length === 0 ? null : round1(counted.reduce((sum, a) => sum + a.completionPct, 0) / counted.length),
      completedActivities: own.filter((a) => a.status === 'completed').map(activityBrief),
      indicators: indicators.filter((i) => i.objectiveId === objective.id),
    };
  });

  // Budget: each line and its disbursements converted at the cycle's rate, as the Word budget does.
  const orgName = new Map(input.organisations.map((o) => [o.id, o.name]));
  const spentByLine = new Map<string, number>();
  for (const d of input.disbursements) spentByLine.set(d.contributionId, (spentByLine.get(d.contributionId) ?? 0) + d.amountMinor);
  const byContributor = new Map<string, { plannedKesMinor: number; spentKesMinor: number }>();
  for (const line of input.contributions) {
    const planned = toKesMinor({ amountMinor: line.amountMinor, currency: line.currency }, cycle.kesPerUsdScaled);
    const spent = toKesMinor({ amountMinor: spentByLine.get(line.id) ?? 0, currency: line.currency }, cycle.kesPerUsdScaled);
    const total = byContributor.get(line.contributorOrgId) ?? { plannedKesMinor: 0, spentKesMinor: 0 };
    total.plannedKesMinor += planned;
    total.spentKesMinor += spent;
    byContributor.set(line.contributorOrgId, total);
  }
  const contributors = [...byContributor.entries()]
    .map(([organisationId, t]) => ({
      organisationId,
      name: orgName.get(organisationId) ?? organisationId,
      ...t,
      utilisationPct: pct(t.spentKesMinor, t.plannedKesMinor),
    }))
    .sort((a, b) => b.plannedKesMinor - a.plannedKesMinor || naturalCompare(a.name, b.name));
  const plannedKesMinor = contributors.reduce((sum, c) => sum + c.plannedKesMinor, 0);
  const spentKesMinor = contributors.reduce((sum, c) => sum + c.spentKesMinor, 0);

  const lessons = [...input.learningEntries]
    .sort((a, b) => a.entryDate.localeCompare(b.entryDate))
    .map((l) => ({
      id: l.id,
      entryDate: l.entryDate,
      session: l.session,
      whatWorked: l.whatWorked,
      whatDidNot: l.whatDidNot,
      improvements: l.improvements,
      followUpAction: l.followUpAction,
    }));

  const unfinished = input.activities.filter(isUnfinished).sort(byCode);
  const openRisks = input.risks.filter(isOpenRisk).sort(byCode);
  const missed = indicators.filter((i) => i.met === false);
  const unreported = indicators.filter((i) => i.finalValue === null);
  const suggested = [
    ...lessons.filter((l) => l.improvements.trim() !== '').map((l) => l.improvements.trim()),
    ...input.adaptiveTriggers.filter((t) => t.status === 'accepted').map((t) => `Follow through on: ${t.proposedAction}`),
    ...(unfinished.length > 0 ? [`Decide which of the ${unfinished.length} unfinished activities carry over into the next cycle.`] : []),
    ...(missed.length > 0
      ? [`Review the ${missed.length} indicators that missed their target (${missed.map((i) => i.code || i.name).join(', ')}) and set realistic targets.`]
      : []),
    ...(unreported.length > 0
      ? [`Agree data collection for the ${unreported.length} indicators with no reported actual (${unreported.map((i) => i.code || i.name).join(', ')}).`]
      : []),
    ...(openRisks.length > 0 ? [`Carry the ${openRisks.length} open risks into the next risk register.`] : []),
  ];

  return {
    cycleId: cycle.id,
    title: cycle.title,
    fiscalYear: cycle.fiscalYear,
    objectives,
    indicators,
    indicatorsMet: indicators.filter((i) => i.met === true).length,
    indicatorsReported: indicators.filter((i) => i.finalValue !== null).length,
    budget: { plannedKesMinor, spentKesMinor, utilisationPct: pct(spentKesMinor, plannedKesMinor), byContributor: contributors },
    lessons,
    summary: input.notes.summary,
    recommendations: input.notes.recommendations,
    suggestedRecommendations: [...new Set(suggested)],
    unfinishedActivities: unfinished.map(activityBrief),
    openRisks: openRisks.map((r) => ({ id: r.id, code: r.code, description: r.description, status: r.status })),
  };
}
