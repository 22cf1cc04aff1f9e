import type Database from 'better-sqlite3';
import { getTableName, is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../db/schema';
import { expectNumber } from '../db/row-values';

/** What a table's rows are called when they stop a deletion: "still named in 3 activities". */
const tableNouns: Record<string, [one: string, many: string]> = {
  contacts: ['contact', 'contacts'],
  objectives: ['objective', 'objectives'],
  activities: ['activity', 'activities'],
  activity_supporters: ['activity (as a supporting organisation)', 'activities (as a supporting organisation)'],
  contributions: ['budget contribution', 'budget contributions'],
  disbursements: ['disbursement', 'disbursements'],
  indicators: ['indicator', 'indicators'],
  indicator_periods: ['indicator period', 'indicator periods'],
  risks: ['risk', 'risks'],
  milestones: ['milestone', 'milestones'],
  milestone_parties: ['milestone (as a responsible party)', 'milestones (as a responsible party)'],
  learning_entries: ['learning log entry', 'learning log entries'],
  adaptive_triggers: ['adaptive trigger', 'adaptive triggers'],
  signatories: ['signatory', 'signatories'],
  organisations: ['organisation', 'organisations'],
};

interface Referrer {
  noun: [one: string, many: string];
  count: Database.Statement;
}

const allTables: SQLiteTable[] = Object.values(schema).filter((value) => is(value, SQLiteTable));

const referrerCache = new WeakMap<Database.Database, Map<string, Referrer[]>>();

/**
 * The rows that would lose their meaning if `target` row went: every foreign key that points at the
 * target table and is not part of the row itself (cascading link lists are). Derived from the schema,
 * so a new reference can never be forgotten here.
 */
function referrersOf(client: Database.Database, target: SQLiteTable): Referrer[] {
  let perClient = referrerCache.get(client);
  if (!perClient) referrerCache.set(client, (perClient = new Map()));
  const targetName = getTableName(target);
  const cached = perClient.get(targetName);
  if (cached) return cached;
  const referrers: Referrer[] = [];
  for (const table of allTables) {
    const config = getTableConfig(table);
    const columns = config.foreignKeys
      .filter((fk) => fk.onDelete !== 'cascade' && fk.onDelete !== 'set null')
      .map((fk) => fk.reference())
      .filter((ref) => getTableName(ref.foreignTable) === targetName)
      .map((ref) => ref.columns[0]?.name)
      .filter((name): name is string => name !== undefined);
    if (columns.length === 0) continue;
    const where = columns.map((c) => `"${c}" = @id`).join(' OR ');
    referrers.push({
      noun: tableNouns[config.name] ?? [config.name, config.name],
      count: client.prepare(`SELECT count(*) FROM "${config.name}" WHERE ${where}`).pluck(),
    });
  }
  perClient.set(targetName, referrers);
  return referrers;
}

/** "3 activities, 1 budget contribution": empty when nothing refers to the row. */
export function describeReferences(client: Database.Database, target: SQLiteTable, id: string): string[] {
  const found: string[] = [];
  for (const referrer of referrersOf(client, target)) {
    const count = expectNumber(referrer.count.get({ id }), 'count(*)');
    if (count > 0) found.push(`${count} ${count === 1 ? referrer.noun[0] : referrer.noun[1]}`);
  }
  return found;
}
