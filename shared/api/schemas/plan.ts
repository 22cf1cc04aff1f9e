import { z } from 'zod';
import { activityStatuses, activityTypes, sectors } from '../../domain/vocabulary';
import { code, entityId, isoDate, optionalText, percent, requiredName, requiredText, rowMeta, unitId, updateOf } from './fields';

/** Objectives and priority areas (template section 2). */
export const objectiveCreateShape = {
  cycleId: entityId,
  code: code(20),
  statement: requiredText(1000),
  priorityArea: optionalText(300),
  cidpLink: optionalText(300),
  sector: z.enum(sectors.keys),
};

export const objectiveCreateInput = z.strictObject(objectiveCreateShape);
export const objectiveUpdateInput = updateOf(objectiveCreateShape);
export const objectiveDto = z.object({
  ...rowMeta,
  code: z.string(),
  statement: z.string(),
  priorityArea: z.string(),
  cidpLink: z.string(),
  sector: z.enum(sectors.keys),
});
export type ObjectiveDto = z.infer<typeof objectiveDto>;

/** Joint activities: the action plan (template section 3). */
export const activityCreateShape = {
  cycleId: entityId,
  objectiveId: entityId,
  code: code(20),
  title: requiredName(300),
  description: optionalText(4000),
  sector: z.enum(sectors.keys),
  leadOrgId: entityId,
  supportingOrgIds: z.array(entityId).max(100).default([]),
  wardIds: z.array(unitId).max(2000).default([]),
  startDate: isoDate,
  endDate: isoDate,
  expectedOutput: optionalText(2000),
  activityType: z.enum(activityTypes.keys).nullable().default(null),
  status: z.enum(activityStatuses.keys).default('planned'),
  completionPct: percent.default(0),
  challenges: optionalText(4000),
  actionsTaken: optionalText(4000),
};

export const activityCreateInput = z.strictObject(activityCreateShape);
export const activityUpdateInput = updateOf(activityCreateShape);
export const activityDto = z.object({
  ...rowMeta,
  objectiveId: entityId,
  code: z.string(),
  title: z.string(),
  description: z.string(),
  sector: z.enum(sectors.keys),
  leadOrgId: entityId,
  supportingOrgIds: z.array(entityId),
  wardIds: z.array(z.string()),
  startDate: z.string(),
  endDate: z.string(),
  expectedOutput: z.string(),
  activityType: z.enum(activityTypes.keys).nullable(),
  status: z.enum(activityStatuses.keys),
  completionPct: z.int(),
  challenges: z.string(),
  actionsTaken: z.string(),
});
export type ActivityDto = z.infer<typeof activityDto>;
