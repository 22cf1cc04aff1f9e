import { z } from 'zod';
import { adminUnitLevels } from '../../domain/vocabulary';
import { code, requiredName, text, unitId } from './fields';

/** County → sub-county/constituency → ward, seeded from IEBC codes; users may add or rename. */
export const adminUnitDto = z.object({
  id: z.string(),
  level: z.enum(adminUnitLevels.keys),
  name: z.string(),
  code: z.string(),
  parentId: z.string().nullable(),
});
export type AdminUnitDto = z.infer<typeof adminUnitDto>;

export const adminUnitListInput = z.strictObject({
  level: z.enum(adminUnitLevels.keys).optional(),
  /** Everything below this unit (a county's sub-counties and wards). */
  withinId: unitId.optional(),
});
export const adminUnitCreateInput = z.strictObject({
  level: z.enum(['sub_county', 'ward']),
  name: requiredName(100),
  parentId: unitId,
  code: code(20),
});
export const adminUnitRenameInput = z.strictObject({ id: unitId, name: requiredName(100) });

export const auditEntryDto = z.object({
  id: z.int(),
  at: z.string(),
  userName: z.string(),
  action: z.enum(['create', 'update', 'delete', 'restore']),
  tableName: z.string(),
  rowId: z.string(),
  cycleId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  /** The first entry of the change this one is part of (null before changes were numbered). */
  changeId: z.int().nullable(),
  /** A deleted register row that is still gone: the audit log and the record's history offer "Restore". */
  restorable: z.boolean(),
});
export type AuditEntryDto = z.infer<typeof auditEntryDto>;
export const auditListInput = z.strictObject({
  cycleId: z.uuid().optional(),
  rowId: text().max(200).optional(),
  limit: z.int().min(1).max(5000).default(200),
});

export const undoChangeInput = z.strictObject({
  changeId: z.int().positive(),
  /** Changes made by the same action of the officer (a grid saved period by period), taken back with it as one. */
  togetherWith: z.array(z.int().positive()).max(500).default([]),
});
export const restoreDeletedInput = z.strictObject({ auditId: z.int().positive() });
/** What an undo or a restore did: its own change (which can be undone in turn) and a sentence for the notice. */
export const undoResultDto = z.object({ changeId: z.int().nullable(), rows: z.int(), summary: z.string() });
export type UndoResultDto = z.infer<typeof undoResultDto>;
