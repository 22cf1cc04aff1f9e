import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  acceptProposalInput,
  dismissProposalInput,
  ProposalDecisionDto,
  TriggerProposalDto,
  TriggerProposalReportDto,
} from '../../../shared/api/schemas/analysis/trigger-proposals';
import type { AdaptiveTriggerDto } from '../../../shared/api/schemas/review';
import { proposeTriggers } from '../../../shared/analysis/trigger-proposals';
import { invalidField } from '../../../shared/result';
import { triggerProposalDecisions } from '../../db/schema';
import { recordAudit } from '../audit';
import { audited } from '../audited-write';
import type { AppContext, WriteContext } from '../context';
import { registerServices } from '../index';
import { newKeyedRowMeta, todayOf } from '../record-meta';
import { costShareReport, indicatorStatusReport } from './reports';

type DecisionRow = typeof triggerProposalDecisions.$inferSelect;

const toDto = (row: DecisionRow): ProposalDecisionDto => ({
  id: row.id,
  proposalKey: row.proposalKey,
  decision: row.decision,
  triggerId: row.triggerId,
  note: row.note,
  decidedBy: row.decidedBy,
  createdAt: row.createdAt,
});

function decisionsOf(ctx: AppContext, cycleId: string): ProposalDecisionDto[] {
  return ctx.db
    .select()
    .from(triggerProposalDecisions)
    .where(eq(triggerProposalDecisions.cycleId, cycleId))
    .orderBy(triggerProposalDecisions.createdAt)
    .all()
    .map(toDto);
}

/** Adaptive triggers the cycle's indicators and budget suggest, not yet accepted or dismissed. */
export function triggerProposals(ctx: AppContext, cycleId: string): TriggerProposalReportDto {
  const decided = decisionsOf(ctx, cycleId);
  const proposals = proposeTriggers({
    status: indicatorStatusReport(ctx, cycleId),
    overspent: costShareReport(ctx, cycleId).overspent,
    existing: registerServices.adaptiveTrigger.list(ctx, { cycleId }),
    decided: decided.map((d) => ({ proposalKey: d.proposalKey })),
  });
  return { cycleId, today: todayOf(ctx), proposals, decided };
}

function findProposal(ctx: AppContext, cycleId: string, key: string): TriggerProposalDto {
  const proposal = triggerProposals(ctx, cycleId).proposals.find((p) => p.key === key);
  if (!proposal) throw invalidField('key', 'Proposal: it was already accepted or dismissed, or no longer applies. Refresh the list.');
  return proposal;
}

function recordDecision(tx: WriteContext, cycleId: string, fields: Pick<DecisionRow, 'proposalKey' | 'decision' | 'triggerId' | 'note'>): ProposalDecisionDto {
  const { at, meta } = newKeyedRowMeta(tx, 'trigger_proposal_decisions', cycleId, [fields.proposalKey]);
  const row: DecisionRow = { ...meta, ...fields, decidedBy: tx.userName };
  tx.db.insert(triggerProposalDecisions).values(row).run();
  const created = toDto(row);
  recordAudit(tx, at, { action: 'create', tableName: 'trigger_proposal_decisions', rowId: row.id, cycleId, after: created });
  return created;
}

/**
 * Accepting a proposal adds it to the adaptive triggers register (status accepted), with whatever
 * the user changed in it, and remembers the decision; both or neither are saved.
 */
export function acceptProposal(ctx: AppContext, input: z.output<typeof acceptProposalInput>): { trigger: AdaptiveTriggerDto; decision: ProposalDecisionDto } {
  return audited(ctx, { cycleId: input.cycleId }, (tx) => {
    const proposal = findProposal(tx, input.cycleId, input.key);
    const trigger = registerServices.adaptiveTrigger.create(tx, {
      cycleId: input.cycleId,
      kind: proposal.kind,
      trigger: input.changes.trigger ?? proposal.trigger,
      proposedAction: input.changes.proposedAction ?? proposal.proposedAction,
      timeline: input.changes.timeline ?? proposal.timeline,
      responsibleOrgId: input.changes.responsibleOrgId ?? proposal.responsibleOrgId,
      expectedOutcome: input.changes.expectedOutcome ?? proposal.expectedOutcome,
      status: 'accepted',
      indicatorId: proposal.indicatorId,
    });
    const decision = recordDecision(tx, input.cycleId, { proposalKey: proposal.key, decision: 'accepted', triggerId: trigger.id, note: '' });
    return { trigger, decision };
  });
}

/** Dismissing is remembered, so the same proposal is not offered again. */
export function dismissProposal(ctx: AppContext, input: z.output<typeof dismissProposalInput>): ProposalDecisionDto {
  return audited(ctx, { cycleId: input.cycleId }, (tx) => {
    const proposal = findProposal(tx, input.cycleId, input.key);
    return recordDecision(tx, input.cycleId, { proposalKey: proposal.key, decision: 'dismissed', triggerId: null, note: input.note });
  });
}
