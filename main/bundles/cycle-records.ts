import { createHash } from 'node:crypto';
import { z } from 'zod';
import { entityId, isoDate, optionalText, requiredText } from '../../shared/api/schemas/fields';
import { statutoryDateFields } from '../../shared/api/schemas/analysis/calendar';
import { cyclePhases, signatoryRoles } from '../../shared/domain/vocabulary';
import { checklistStep, type CyclePhase } from '../../shared/lifecycle/checklists';
import { invalidField } from '../../shared/result';
import type { Row } from '../db/row-store';
import type { CycleRecordName } from '../db/tables';
import { asSnapshot } from '../lifecycle/versions';
import { BUNDLE_LIMITS } from './limits';
import { numberOf, textOf } from '../db/row-values';

/**
 * How a bundle checks the Secretariat's cycle records (main/db/tables.ts `cycleRecordTables`):
 * the fields each row must have, what makes two rows the same thing (one setting per cycle, one
 * version per number…), and any check a single row must pass. Their owner is always the county.
 */
export interface CycleRecordSpec {
  fields: z.ZodObject<z.ZodRawShape>;
  /** Fields that identify the record within its cycle; [] for one record per cycle. */
  naturalKey: string[];
  /** What a person recognises the record by. */
  label(row: Row): string;
  /** Throws a field error when the row does not hold together. */
  check?(row: Row): void;
}

const cycleId = entityId;
const recordedBy = z.string().trim().max(200).default('');
const isoInstant = z.iso.datetime();

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export const cycleRecordSpecs: Record<CycleRecordName, CycleRecordSpec> = {
  analysisSetting: {
    fields: z.strictObject({ cycleId, onTrackPct: z.int().min(1).max(100), atRiskPct: z.int().min(0).max(99) }),
    naturalKey: [],
    label: (row) => `on track from ${String(row.onTrackPct)} %, at risk from ${String(row.atRiskPct)} %`,
    check(row) {
      if (numberOf(row, 'atRiskPct') >= numberOf(row, 'onTrackPct'))
        throw invalidField('atRiskPct', 'At-risk threshold: it must be below the on-track threshold.');
    },
  },
  overlapDecision: {
    fields: z.strictObject({
      cycleId,
      activityAId: entityId,
      activityBId: entityId,
      decision: z.enum(['complementary']),
      note: optionalText(2000),
      decidedBy: recordedBy,
    }),
    naturalKey: ['activityAId', 'activityBId'],
    label: (row) => `activities ${String(row.activityAId).slice(0, 8)} and ${String(row.activityBId).slice(0, 8)} are complementary`,
    check(row) {
      if (textOf(row, 'activityAId') >= textOf(row, 'activityBId')) throw invalidField('activityBId', 'The pair of activities is not in id order.');
    },
  },
  triggerProposalDecision: {
    fields: z.strictObject({
      cycleId,
      proposalKey: requiredText(200),
      decision: z.enum(['accepted', 'dismissed']),
      triggerId: entityId.nullable(),
      note: optionalText(2000),
      decidedBy: recordedBy,
    }),
    naturalKey: ['proposalKey'],
    label: (row) => `${String(row.decision)}: ${String(row.proposalKey)}`,
  },
  statutoryDate: {
    fields: z.strictObject({ cycleId, ...statutoryDateFields, sortOrder: z.int().min(0).max(1000) }),
    naturalKey: ['key'],
    label: (row) => String(row.title),
  },
  planVersion: {
    fields: z.strictObject({
      cycleId,
      number: z.int().min(1).max(100_000),
      fingerprint: z.string().regex(/^[0-9a-f]{8}$/),
      contentHash: z.string().regex(/^[0-9a-f]{64}$/),
      // The frozen plan: as large as the plan itself, so bounded by the bundle's entry limit only.
      snapshotJson: z.string().min(2).max(BUNDLE_LIMITS.maxEntryBytes),
      approvedBy: requiredText(200),
      approvedOn: isoDate,
      note: optionalText(2000),
    }),
    naturalKey: ['number'],
    label: (row) => `version ${String(row.number)} (fingerprint ${String(row.fingerprint)})`,
    check(row) {
      // The fingerprint is what the signed approval pack prints: a version must be the plan it says.
      const snapshotJson = textOf(row, 'snapshotJson');
      const hash = sha256Hex(snapshotJson);
      if (hash !== row.contentHash || hash.slice(0, 8) !== row.fingerprint) {
        throw invalidField('snapshotJson', 'Approved plan: its content does not match its fingerprint.');
      }
      try {
        asSnapshot(JSON.parse(snapshotJson));
      } catch {
        throw invalidField('snapshotJson', 'Approved plan: it is not a plan snapshot.');
      }
    },
  },
  versionSignature: {
    fields: z.strictObject({
      cycleId,
      versionId: entityId,
      signatoryId: entityId.nullable(),
      name: requiredText(200),
      title: z.string().trim().max(200).default(''),
      organisationName: z.string().trim().max(200).default(''),
      role: z.enum(signatoryRoles.keys),
      signedOn: isoDate,
    }),
    naturalKey: ['versionId', 'name'],
    label: (row) => `${String(row.name)}, signed ${String(row.signedOn)}`,
  },
  phaseChecklistItem: {
    fields: z.strictObject({
      cycleId,
      phase: z.enum(cyclePhases.keys),
      itemKey: z.string().min(1).max(60),
      doneOn: isoDate.nullable(),
      doneBy: recordedBy,
      note: optionalText(500),
    }),
    naturalKey: ['phase', 'itemKey'],
    label: (row) => checklistStep(row.phase as CyclePhase, String(row.itemKey))?.label ?? `${String(row.phase)}: ${String(row.itemKey)}`,
  },
  closeOutNote: {
    fields: z.strictObject({ cycleId, summary: optionalText(20_000), recommendations: optionalText(20_000) }),
    naturalKey: [],
    label: (row) => String(row.summary).slice(0, 60) || 'close-out notes',
  },
  reportingRound: {
    fields: z.strictObject({
      cycleId,
      periodKey: z.string().regex(/^(Q[1-4]|H[12]|M(0[1-9]|1[0-2]))$/),
      dueDate: isoDate.nullable(),
      status: z.enum(['open', 'closed']),
      openedOn: isoInstant,
      openedBy: recordedBy,
      closedOn: isoInstant.nullable(),
      closedBy: recordedBy,
      message: optionalText(2000),
      // Format 7; a round of an older bundle asked for neither.
      asksLearningAndRisks: z.boolean().default(false),
    }),
    naturalKey: ['periodKey'],
    label: (row) => `${String(row.periodKey)} reporting round (${String(row.status)})`,
  },
  roundMember: {
    fields: z.strictObject({
      cycleId,
      roundId: entityId,
      organisationId: entityId,
      channel: z.enum(['bundle', 'template']),
      askedAt: isoInstant.nullable(),
      askedFile: z.string().max(255).nullable(),
      remindedAt: isoInstant.nullable(),
    }),
    naturalKey: ['roundId', 'organisationId'],
    label: (row) => `asked in round ${String(row.roundId).slice(0, 8)}`,
  },
  roundReturn: {
    fields: z.strictObject({
      cycleId,
      roundId: entityId,
      organisationId: entityId,
      kind: z.enum(['bundle', 'template']),
      fileName: requiredText(255),
      fileSha256: z.string().regex(/^[0-9a-f]{64}$/),
      receivedAt: isoInstant,
      applied: z.boolean(),
      added: z.int().min(0),
      changed: z.int().min(0),
      problemsJson: z.string().max(1_000_000),
      bundleImportId: z.string().max(100).nullable(),
      changeId: z.int().nullable(),
    }),
    // Each return is its own record (a file taken in once); its id is a plain UUID.
    naturalKey: ['roundId', 'fileSha256'],
    label: (row) => `return ${String(row.fileName)}`,
  },
};
