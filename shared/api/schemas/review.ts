import { z } from 'zod';
import { learningSessions, levels, milestoneStatuses, reportTypes, signatoryRoles, triggerKinds, triggerStatuses } from '../../domain/vocabulary';
import { entityId, isoDate, optionalText, requiredName, requiredText, rowMeta, updateOf } from './fields';

/** Review and reporting milestones (template section 7). */
export const milestoneCreateShape = {
  cycleId: entityId,
  title: requiredName(300),
  kind: z.enum(reportTypes.keys).default('milestone'),
  dueDate: isoDate,
  responsibleOrgIds: z.array(entityId).max(100).default([]),
  status: z.enum(milestoneStatuses.keys).default('on_track'),
  progressNotes: optionalText(4000),
  format: optionalText(200),
  audience: optionalText(300),
};

export const milestoneCreateInput = z.strictObject(milestoneCreateShape);
export const milestoneUpdateInput = updateOf(milestoneCreateShape);
export const milestoneDto = z.object({
  ...rowMeta,
  title: z.string(),
  kind: z.enum(reportTypes.keys),
  dueDate: z.string(),
  responsibleOrgIds: z.array(entityId),
  status: z.enum(milestoneStatuses.keys),
  progressNotes: z.string(),
  format: z.string(),
  audience: z.string(),
});
export type MilestoneDto = z.infer<typeof milestoneDto>;

/** The learning log (learning template §3, manual 9.4). */
export const learningEntryCreateShape = {
  cycleId: entityId,
  entryDate: isoDate,
  session: z.enum(learningSessions.keys),
  whatWorked: optionalText(4000),
  whatDidNot: optionalText(4000),
  improvements: optionalText(4000),
  evidence: optionalText(2000),
  followUpAction: optionalText(2000),
  captureMethods: optionalText(500),
  timing: optionalText(200),
  expectedUse: optionalText(1000),
  responsibleOrgId: entityId,
  dueDate: isoDate.nullable().default(null),
};

export const learningEntryCreateInput = z.strictObject(learningEntryCreateShape);
export const learningEntryUpdateInput = updateOf(learningEntryCreateShape);
export const learningEntryDto = z.object({
  ...rowMeta,
  entryDate: z.string(),
  session: z.enum(learningSessions.keys),
  whatWorked: z.string(),
  whatDidNot: z.string(),
  improvements: z.string(),
  evidence: z.string(),
  followUpAction: z.string(),
  captureMethods: z.string(),
  timing: z.string(),
  expectedUse: z.string(),
  responsibleOrgId: entityId,
  dueDate: z.string().nullable(),
});
export type LearningEntryDto = z.infer<typeof learningEntryDto>;

/** Adaptive triggers (learning template §5): trigger → proposed action → timeline → responsible. */
export const adaptiveTriggerCreateShape = {
  cycleId: entityId,
  kind: z.enum(triggerKinds.keys),
  trigger: requiredText(1000),
  proposedAction: requiredText(2000),
  timeline: optionalText(200),
  responsibleOrgId: entityId,
  expectedOutcome: optionalText(2000),
  status: z.enum(triggerStatuses.keys).default('proposed'),
  priority: z.enum(levels.keys).nullable().default(null),
  indicatorId: entityId.nullable().default(null),
};

export const adaptiveTriggerCreateInput = z.strictObject(adaptiveTriggerCreateShape);
export const adaptiveTriggerUpdateInput = updateOf(adaptiveTriggerCreateShape);
export const adaptiveTriggerDto = z.object({
  ...rowMeta,
  kind: z.enum(triggerKinds.keys),
  trigger: z.string(),
  proposedAction: z.string(),
  timeline: z.string(),
  responsibleOrgId: entityId,
  expectedOutcome: z.string(),
  status: z.enum(triggerStatuses.keys),
  priority: z.enum(levels.keys).nullable(),
  indicatorId: entityId.nullable(),
});
export type AdaptiveTriggerDto = z.infer<typeof adaptiveTriggerDto>;

/** Who signs the consolidated plan (template section 8); the signature itself is wet ink. */
export const signatoryCreateShape = {
  cycleId: entityId,
  name: requiredName(150),
  title: requiredName(200),
  organisationId: entityId,
  role: z.enum(signatoryRoles.keys),
  sortOrder: z.int().min(0).max(1000).default(0),
  signedOn: isoDate.nullable().default(null),
};

export const signatoryCreateInput = z.strictObject(signatoryCreateShape);
export const signatoryUpdateInput = updateOf(signatoryCreateShape);
export const signatoryDto = z.object({
  ...rowMeta,
  name: z.string(),
  title: z.string(),
  organisationId: entityId,
  role: z.enum(signatoryRoles.keys),
  sortOrder: z.int(),
  signedOn: z.string().nullable(),
});
export type SignatoryDto = z.infer<typeof signatoryDto>;
