import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { organisations } from './schema';
import { syncColumns } from './sync-columns';

/**
 * The quarterly reporting round (issue 19): the Secretariat asks every partner for its figures of
 * one period, sees who has answered, reminds the late ones and closes the round. All three tables
 * are the Secretariat's cycle records (owner null, sync columns), so the round's record can travel
 * in the full bundle with the cycle.
 */

/** One round per cycle and period (the id is keyed on the period, record-meta.ts `recordIdFor`). */
export const reportingRounds = sqliteTable(
  'reporting_rounds',
  {
    ...syncColumns(),
    /** Q1..Q4, H1..H2 or M01..M12 (shared/reporting-periods.ts). */
    periodKey: text('period_key').notNull(),
    /** The date returns are due (ISO date); null: no due date, nobody is late. */
    dueDate: text('due_date'),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
    openedOn: text('opened_on').notNull(),
    openedBy: text('opened_by').notNull().default(''),
    closedOn: text('closed_on'),
    closedBy: text('closed_by').notNull().default(''),
    /** The Secretariat's words at the top of every request e-mail. */
    message: text('message').notNull().default(''),
    /** The cycle asks for learning entries and risk updates too (issue 19 item 1), chosen when the round opens. */
    asksLearningAndRisks: integer('asks_learning_and_risks', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('reporting_rounds_period').on(t.cycleId, t.periodKey)],
);

/** An organisation asked in a round, how it is asked, and when it was asked and reminded. */
export const roundMembers = sqliteTable(
  'round_members',
  {
    ...syncColumns(),
    roundId: text('round_id')
      .notNull()
      .references(() => reportingRounds.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** bundle: the partner runs Pamoja JWP; template: the Excel partner template. */
    channel: text('channel', { enum: ['bundle', 'template'] }).notNull(),
    /** When its request was last prepared (ISO timestamp), and the file attached. */
    askedAt: text('asked_at'),
    askedFile: text('asked_file'),
    remindedAt: text('reminded_at'),
  },
  (t) => [uniqueIndex('round_members_org').on(t.roundId, t.organisationId), index('round_members_cycle').on(t.cycleId)],
);

/** A file an organisation sent back for a round, and what its import did. */
export const roundReturns = sqliteTable(
  'round_returns',
  {
    ...syncColumns(),
    roundId: text('round_id')
      .notNull()
      .references(() => reportingRounds.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', { enum: ['bundle', 'template'] }).notNull(),
    fileName: text('file_name').notNull(),
    /** SHA-256 (hex) of the file: the same file is never taken twice. */
    fileSha256: text('file_sha256').notNull(),
    receivedAt: text('received_at').notNull(),
    /** Whether its rows were written (false: it had errors, nothing was written but this record). */
    applied: integer('applied', { mode: 'boolean' }).notNull(),
    added: integer('added').notNull().default(0),
    changed: integer('changed').notNull().default(0),
    /** The problems the import found, as the import worded them (JSON array of text). */
    problemsJson: text('problems_json').notNull().default('[]'),
    /** The import that answered: the bundle import's id (bundle_imports), or null for a template. */
    bundleImportId: text('bundle_import_id'),
    /** The audit change the import wrote (audit_log.change_id); null when nothing was written. */
    changeId: integer('change_id'),
  },
  (t) => [index('round_returns_round').on(t.roundId, t.organisationId), index('round_returns_cycle').on(t.cycleId)],
);
