import { z } from 'zod';
import { cyclePhases, reportingFrequencies } from '../../domain/vocabulary';
import { entityId, fiscalYear, isoDate, optionalText, requiredName, text, unitId } from './fields';

export const cycleCreateShape = {
  title: requiredName(200),
  /** The county, an administrative unit of level `county`. */
  countyId: unitId,
  /** Sub-counties and wards the cycle covers; empty means the whole county. */
  scopeUnitIds: z.array(unitId).max(2000).default([]),
  fiscalYear,
  startDate: isoDate,
  endDate: isoDate,
  reportingPeriod: z.enum(reportingFrequencies.keys).default('quarterly'),
  phase: z.enum(cyclePhases.keys).default('planning'),
  /** KES per USD × RATE_SCALE (see shared/money.ts). */
  kesPerUsdScaled: z.int().min(1).max(1e11),
  exchangeRateDate: isoDate,
  notes: optionalText(4000),
};

export const cycleCreateInput = z.strictObject(cycleCreateShape);

export const cycleUpdateInput = z.strictObject({
  id: entityId,
  changes: z
    .strictObject({
      ...cycleCreateShape,
      scopeUnitIds: z.array(unitId).max(2000),
      reportingPeriod: z.enum(reportingFrequencies.keys),
      phase: z.enum(cyclePhases.keys),
      notes: text().max(4000),
      /** Set once organisations exist: the organisation that leads the cycle (the Secretariat's). */
      leadOrgId: entityId.nullable(),
    })
    .partial(),
});

/** Where a cycle came from: made here with the create form, or the sample, a workbook, a bundle, a roll-over. */
export const cycleSources = ['sample', 'workbook', 'bundle', 'rollover'] as const;
export type CycleSource = (typeof cycleSources)[number];

export const cycleDto = z.object({
  id: entityId,
  title: z.string(),
  countyId: z.string(),
  countyName: z.string(),
  scopeUnitIds: z.array(z.string()),
  leadOrgId: entityId.nullable(),
  fiscalYear: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  reportingPeriod: z.enum(reportingFrequencies.keys),
  phase: z.enum(cyclePhases.keys),
  kesPerUsdScaled: z.int(),
  exchangeRateDate: z.string(),
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Where this copy got the cycle from (this copy's own knowledge; not exchanged). */
  source: z.enum(['created', ...cycleSources]),
  /** When it was archived here: kept whole, listed apart from the current cycles. */
  archivedAt: z.string().nullable(),
});

export type CycleDto = z.infer<typeof cycleDto>;
export type CycleCreateInput = z.input<typeof cycleCreateInput>;

export const cycleDeleteInput = z.strictObject({
  id: entityId,
  /** Deleting a cycle deletes every register in it: the user types its title to confirm. */
  confirmTitle: text({ name: true }),
});

export const cycleArchiveInput = z.strictObject({ id: entityId, archived: z.boolean() });
/** A deleted cycle and the backup taken just before (null for a database held in memory). */
export const cycleDeletedDto = z.object({ id: entityId, deleted: z.literal(true), backupFile: z.string().nullable() });

export const registerCounts = z.record(z.string(), z.int());
export const cycleStatsDto = z.object({
  id: entityId,
  title: z.string(),
  fiscalYear: z.string(),
  counts: registerCounts,
});
export type CycleStatsDto = z.infer<typeof cycleStatsDto>;

export const appInfoDto = z.object({
  installationId: z.string(),
  userName: z.string(),
  lastCycleId: entityId.nullable(),
  appVersion: z.string(),
});
export type AppInfoDto = z.infer<typeof appInfoDto>;
export const setUserNameInput = z.strictObject({ userName: requiredName(100) });
export const setLastCycleInput = z.strictObject({ cycleId: entityId.nullable() });
