import { z } from 'zod';
import { triggerKinds } from '../../../domain/vocabulary';
import { adaptiveTriggerDto } from '../review';
import { entityId, optionalText, requiredText, text } from '../fields';

/** Adaptive triggers the analyses propose (an off-track indicator, an overspent line) and what was decided on them. */

export const triggerProposalDto = z.object({
  /** `indicator:<indicatorId>:<periodKey>` or `overspend:<contributionId>`. */
  key: z.string(),
  kind: z.enum(triggerKinds.keys),
  trigger: z.string(),
  proposedAction: z.string(),
  timeline: z.string(),
  responsibleOrgId: entityId,
  expectedOutcome: z.string(),
  indicatorId: entityId.nullable(),
  contributionId: entityId.nullable(),
});
export type TriggerProposalDto = z.infer<typeof triggerProposalDto>;

export const proposalDecisionDto = z.object({
  id: entityId,
  proposalKey: z.string(),
  decision: z.enum(['accepted', 'dismissed']),
  triggerId: z.string().nullable(),
  note: z.string(),
  decidedBy: z.string(),
  createdAt: z.string(),
});
export type ProposalDecisionDto = z.infer<typeof proposalDecisionDto>;

export const triggerProposalReportDto = z.object({
  cycleId: entityId,
  today: z.string(),
  proposals: z.array(triggerProposalDto),
  decided: z.array(proposalDecisionDto),
});
export type TriggerProposalReportDto = z.infer<typeof triggerProposalReportDto>;

export const acceptProposalInput = z.strictObject({
  cycleId: entityId,
  key: requiredText(200),
  /** What the user changed in the proposal before accepting it. */
  changes: z
    .strictObject({
      trigger: requiredText(1000),
      proposedAction: requiredText(2000),
      timeline: text().max(200),
      responsibleOrgId: entityId,
      expectedOutcome: text().max(2000),
    })
    .partial()
    .default({}),
});
export const acceptProposalOutput = z.object({ trigger: adaptiveTriggerDto, decision: proposalDecisionDto });

export const dismissProposalInput = z.strictObject({ cycleId: entityId, key: requiredText(200), note: optionalText(2000) });
