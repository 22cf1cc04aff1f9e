import { text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { cycles, organisations } from './schema';

/**
 * The columns every row that partners exchange carries (docs/sync-metadata.md): a UUID, the cycle,
 * the owning organisation, timestamps, the hybrid-logical-clock stamp of its last change and the
 * installation that made it. The references are thunks, so this module may be imported by the
 * schema files that define `cycles` and `organisations`.
 */
export const syncColumns = () => ({
  id: text('id').primaryKey(),
  cycleId: text('cycle_id')
    .notNull()
    .references(() => cycles.id, { onDelete: 'cascade' }),
  /** Null means the Secretariat of the cycle owns the row. */
  ownerOrgId: text('owner_org_id').references((): AnySQLiteColumn => organisations.id),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  hlc: text('hlc').notNull(),
  origin: text('origin').notNull(),
});
