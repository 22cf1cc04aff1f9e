import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './sync-columns';

/**
 * The life of a cycle (issue 6): approved plan versions with their frozen snapshot, signatures
 * recorded against a version, the phase checklists, close-out notes and the roll-over record.
 * All are the Secretariat's rows (owner null) and carry the sync columns of docs/sync-metadata.md,
 * so a bundle can carry them with the cycle.
 *
 * No foreign key points at a register row (a signatory, an activity): references.ts derives
 * "still named in …" from foreign keys, and a signature or a frozen version must never stop the
 * working plan's rows from being edited or deleted. A version holds its own copy of what it names.
 */

/**
 * An approved, numbered plan version. `snapshot_json` is the canonical JSON of the cycle's content
 * at approval (main/exports/fingerprint.ts `cycleContent`); it is written once and never updated.
 */
export const planVersions = sqliteTable(
  'plan_versions',
  {
    ...syncColumns(),
    /** 1, 2, 3 … per cycle. */
    number: integer('number').notNull(),
    /** First 8 hex digits of `content_hash`, as printed on the approval pack. */
    fingerprint: text('fingerprint').notNull(),
    /** SHA-256 (hex) of `snapshot_json`. */
    contentHash: text('content_hash').notNull(),
    snapshotJson: text('snapshot_json').notNull(),
    approvedBy: text('approved_by').notNull(),
    /** The date of the CEC approval (ISO date). */
    approvedOn: text('approved_on').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [uniqueIndex('plan_versions_number').on(t.cycleId, t.number)],
);

/** Who signed a version, and when. Name, title and organisation are copied: they must not move. */
export const versionSignatures = sqliteTable(
  'version_signatures',
  {
    ...syncColumns(),
    versionId: text('version_id')
      .notNull()
      .references(() => planVersions.id, { onDelete: 'cascade' }),
    /** The signatory row of the version's snapshot, when the signature is one of them (plain text, no key). */
    signatoryId: text('signatory_id'),
    name: text('name').notNull(),
    title: text('title').notNull().default(''),
    organisationName: text('organisation_name').notNull().default(''),
    role: text('role').notNull().default('other'),
    signedOn: text('signed_on').notNull(),
  },
  (t) => [index('version_signatures_version').on(t.versionId)],
);

/** A ticked step of a phase checklist (shared/lifecycle/checklists.ts); unticking clears `done_on`. */
export const phaseChecklistItems = sqliteTable(
  'phase_checklist_items',
  {
    ...syncColumns(),
    phase: text('phase').notNull(),
    itemKey: text('item_key').notNull(),
    doneOn: text('done_on'),
    doneBy: text('done_by').notNull().default(''),
    note: text('note').notNull().default(''),
  },
  (t) => [uniqueIndex('phase_checklist_items_key').on(t.cycleId, t.phase, t.itemKey)],
);

/** What the close-out meeting concluded, beside what the registers already say. One row per cycle. */
export const closeOutNotes = sqliteTable(
  'close_out_notes',
  {
    ...syncColumns(),
    summary: text('summary').notNull().default(''),
    /** One recommendation per line. */
    recommendations: text('recommendations').notNull().default(''),
  },
  (t) => [uniqueIndex('close_out_notes_cycle').on(t.cycleId)],
);

/**
 * The cycle was rolled over into the next fiscal year's: it is read-only while that cycle exists.
 * `cycle_id` is the old cycle; the new one is a plain id, so deleting the new cycle (a roll-over made
 * by mistake) leaves this row behind and reopens the old cycle rather than failing.
 */
export const cycleRollovers = sqliteTable(
  'cycle_rollovers',
  {
    ...syncColumns(),
    toCycleId: text('to_cycle_id').notNull(),
    toFiscalYear: text('to_fiscal_year').notNull(),
    rolledBy: text('rolled_by').notNull(),
    /** JSON: what was carried and what was left behind (the roll-over report). */
    reportJson: text('report_json').notNull(),
  },
  (t) => [uniqueIndex('cycle_rollovers_cycle').on(t.cycleId)],
);
