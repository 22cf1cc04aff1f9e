import { z } from 'zod';
import { sectors } from '../../../domain/vocabulary';
import { entityId, optionalText } from '../fields';

/** Likely duplicate activities (same sector, shared wards, overlapping dates, similar words) and the pairs marked complementary. */

export const overlapActivityDto = z.object({
  id: entityId,
  code: z.string(),
  title: z.string(),
  leadOrgId: entityId,
  leadOrgName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  wardIds: z.array(z.string()),
});

export const overlapLevels = ['high', 'medium', 'low'] as const;

export const overlapPairDto = z.object({
  /** `<smaller activity id>:<larger activity id>`: the pair's identity whichever way it is named. */
  key: z.string(),
  activityA: overlapActivityDto,
  activityB: overlapActivityDto,
  sector: z.enum(sectors.keys),
  sharedWardIds: z.array(z.string()),
  sharedWardNames: z.array(z.string()),
  overlapStart: z.string(),
  overlapEnd: z.string(),
  overlapDays: z.int(),
  /** 0–1: token Jaccard of the titles or of title + description, whichever is higher. */
  textSimilarity: z.number(),
  /** 0–100; the formula is documented in shared/analysis/overlaps.ts. */
  score: z.int(),
  level: z.enum(overlapLevels),
  reason: z.string(),
});
export type OverlapPairDto = z.infer<typeof overlapPairDto>;

export const overlapDecisionDto = z.object({
  id: entityId,
  cycleId: entityId,
  activityAId: entityId,
  activityBId: entityId,
  decision: z.literal('complementary'),
  note: z.string(),
  decidedBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OverlapDecisionDto = z.infer<typeof overlapDecisionDto>;

export const overlapReportDto = z.object({
  cycleId: entityId,
  /** Active (not cancelled) activities examined. */
  activitiesChecked: z.int(),
  /** Likely duplicates still to look at: how many there are… */
  pairCount: z.int(),
  /** …and the first of them, highest score first: all of them, or as many as the request's `limit`. */
  pairs: z.array(overlapPairDto),
  /** Pairs that meet the rule but were marked complementary: shown apart, never flagged again. */
  complementary: z.array(overlapPairDto.extend({ decision: overlapDecisionDto })),
});
export type OverlapReportDto = z.infer<typeof overlapReportDto>;

/** `limit`: how many of the pairs still to look at to describe (a screen asks for a page at a time); without it, all. */
export const overlapListInput = z.strictObject({ cycleId: entityId, limit: z.int().min(1).max(1_000_000).optional() });

export const markComplementaryInput = z.strictObject({
  cycleId: entityId,
  activityAId: entityId,
  activityBId: entityId,
  note: optionalText(2000),
});
