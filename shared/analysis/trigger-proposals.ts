import { formatMeasure } from '../figures';
import { formatMoney } from '../money';
import { formatProgress } from './indicator-progress';
import type { AdaptiveTriggerDto } from '../api/schemas/review';
import type { OverspendDto } from '../api/schemas/analysis/cost-share';
import type { IndicatorStatusReportDto } from '../api/schemas/analysis/indicator-status';
import type { ProposalDecisionDto, TriggerProposalDto } from '../api/schemas/analysis/trigger-proposals';

export const indicatorProposalKey = (indicatorId: string, periodKey: string) => `indicator:${indicatorId}:${periodKey}`;
export const overspendProposalKey = (contributionId: string) => `overspend:${contributionId}`;

export type ExistingTrigger = Pick<AdaptiveTriggerDto, 'kind' | 'status' | 'indicatorId'>;

const kes = (amountMinor: number) => formatMoney({ amountMinor, currency: 'KES' }, { cents: 'never' });

/**
 * Adaptive triggers the analysis proposes, in the learning template's shape (trigger → proposed
 * action → responsible → timeline): one for each indicator whose latest due period is off track, and
 * one for each budget line where more was disbursed than planned. A proposal is left out once the
 * user accepted or dismissed it (`decided` holds its key), and an indicator proposal is left out
 * while the register already holds an open (proposed or accepted) target-missed trigger for that
 * indicator: someone is already acting on it. A later period going off track is a new proposal.
 */
export function proposeTriggers(input: {
  status: IndicatorStatusReportDto;
  overspent: readonly OverspendDto[];
  existing: readonly ExistingTrigger[];
  decided: readonly Pick<ProposalDecisionDto, 'proposalKey'>[];
}): TriggerProposalDto[] {
  const decided = new Set(input.decided.map((d) => d.proposalKey));
  const beingHandled = new Set(
    input.existing.filter((t) => t.kind === 'indicator_target_missed' && (t.status === 'proposed' || t.status === 'accepted')).map((t) => t.indicatorId),
  );
  const proposals: TriggerProposalDto[] = [];

  for (const indicator of input.status.indicators) {
    if (indicator.status !== 'off_track' || beingHandled.has(indicator.indicatorId)) continue;
    const period = indicator.periods.find((p) => p.periodKey === indicator.latestPeriodKey);
    if (!period || period.actual === null) continue;
    const key = indicatorProposalKey(indicator.indicatorId, period.periodKey);
    if (decided.has(key)) continue;
    const name = `${indicator.code ? `${indicator.code} ` : ''}${indicator.name}`;
    const achieved = period.pctAchieved === null ? '' : ` (${period.varianceText}; progress ${formatProgress(period.pctAchieved)})`;
    const provisional = period.provisional ? `, provisional: ${period.label} has not ended` : '';
    proposals.push({
      key,
      kind: 'indicator_target_missed',
      trigger: `${name}: ${formatMeasure(period.actual)} against a ${period.label} target of ${formatMeasure(period.target)} ${indicator.unit}${achieved} — off track${provisional}.`,
      proposedAction:
        'Find the cause with the responsible entity at the next review meeting and agree a corrective action (re-sequence, redirect resources or revise the target).',
      timeline: 'Before the next reporting period ends',
      responsibleOrgId: indicator.responsibleOrgId,
      expectedOutcome: `${name} back to at least ${input.status.thresholds.onTrackPct}% of the way to its period target.`,
      indicatorId: indicator.indicatorId,
      contributionId: null,
    });
  }

  for (const line of input.overspent) {
    const key = overspendProposalKey(line.contributionId);
    if (decided.has(key)) continue;
    const pct = line.plannedKesMinor > 0 ? Math.round((line.overKesMinor / line.plannedKesMinor) * 100) : 100;
    proposals.push({
      key,
      kind: 'budget_overrun',
      trigger: `${line.organisationName} disbursed ${kes(line.disbursedKesMinor)} against ${kes(line.plannedKesMinor)} planned for ${line.activityTitle} (${line.component}): ${kes(line.overKesMinor)} (${pct} %) over.`,
      proposedAction:
        'Confirm the figures; then revise the budget line or find savings elsewhere in the activity, and record the change in the cost-share budget.',
      timeline: 'Before the next financial report',
      // The contributor answers for its own budget line.
      responsibleOrgId: line.organisationId,
      expectedOutcome: 'Budget line and disbursements reconciled; no further overrun.',
      indicatorId: null,
      contributionId: line.contributionId,
    });
  }
  return proposals;
}
