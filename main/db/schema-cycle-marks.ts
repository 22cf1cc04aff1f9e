import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { cycleSources } from '../../shared/api/schemas/cycle';
import { cycles } from './schema';

/**
 * What this copy knows about a cycle and does not exchange: where it came from (the sample, a
 * workbook, a bundle, a roll-over) and whether it is archived (kept, read-only in spirit, out of
 * the list of current cycles). A partner's copy of the same cycle keeps its own marks.
 */
export const cycleMarks = sqliteTable('cycle_marks', {
  cycleId: text('cycle_id')
    .primaryKey()
    .references(() => cycles.id, { onDelete: 'cascade' }),
  source: text('source', { enum: cycleSources }),
  archivedAt: text('archived_at'),
});
