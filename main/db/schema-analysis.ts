import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './sync-columns';

/**
 * The joint-planning intelligence's own rows (issue 5): decisions people take on what the analysis
 * shows, and per-cycle settings. They are the Secretariat's (owner null) and travel in bundles with
 * the cycle, so they carry the sync columns of docs/sync-metadata.md.
 *
 * Activity, trigger and indicator ids are plain text, not foreign keys, on purpose: a foreign key
 * would make the register services refuse to delete an activity that someone once marked
 * complementary (references.ts derives "still named in …" from the schema), and an incoming bundle
 * could not hold a decision about an activity deleted here. A decision naming a row that no longer
 * exists simply never matches anything.
 */

/** One row per cycle: the thresholds of indicator status (default ≥ 90 % on track, ≥ 60 % at risk). */
export const analysisSettings = sqliteTable(
  'analysis_settings',
  {
    ...syncColumns(),
    onTrackPct: integer('on_track_pct').notNull(),
    atRiskPct: integer('at_risk_pct').notNull(),
  },
  (t) => [uniqueIndex('analysis_settings_cycle').on(t.cycleId)],
);

/** A pair of activities the user judged "complementary, not duplicate": never flagged again. */
export const overlapDecisions = sqliteTable(
  'overlap_decisions',
  {
    ...syncColumns(),
    /** The pair in id order (a < b), so one pair has one key however it was marked. */
    activityAId: text('activity_a_id').notNull(),
    activityBId: text('activity_b_id').notNull(),
    decision: text('decision', { enum: ['complementary'] }).notNull(),
    note: text('note').notNull().default(''),
    decidedBy: text('decided_by').notNull().default(''),
  },
  (t) => [uniqueIndex('overlap_decisions_pair').on(t.cycleId, t.activityAId, t.activityBId)],
);

/** What the user did with a proposed adaptive trigger, so a proposal is never offered twice. */
export const triggerProposalDecisions = sqliteTable(
  'trigger_proposal_decisions',
  {
    ...syncColumns(),
    /** `indicator:<indicatorId>:<periodKey>` or `overspend:<contributionId>` (shared/analysis/trigger-proposals.ts). */
    proposalKey: text('proposal_key').notNull(),
    decision: text('decision', { enum: ['accepted', 'dismissed'] }).notNull(),
    /** The adaptive trigger created on acceptance. */
    triggerId: text('trigger_id'),
    note: text('note').notNull().default(''),
    decidedBy: text('decided_by').notNull().default(''),
  },
  (t) => [uniqueIndex('trigger_proposal_decisions_key').on(t.cycleId, t.proposalKey)],
);

/**
 * The county's statutory budget dates as this cycle uses them (month and day; the year follows from
 * the fiscal year). No rows means the PFM Act defaults of shared/analysis/statutory-dates.ts.
 */
export const statutoryDates = sqliteTable(
  'statutory_dates',
  {
    ...syncColumns(),
    key: text('key').notNull(),
    title: text('title').notNull(),
    month: integer('month').notNull(),
    day: integer('day').notNull(),
    description: text('description').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('statutory_dates_key').on(t.cycleId, t.key)],
);
