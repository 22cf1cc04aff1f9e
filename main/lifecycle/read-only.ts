import type Database from 'better-sqlite3';
import { ServiceError } from '../../shared/result';
import type { AppContext } from '../services/context';
import { rowOrNone, textOf } from '../db/row-values';

export interface RolledOver {
  toCycleId: string;
  toFiscalYear: string;
  toTitle: string;
  message: string;
}

const statements = new WeakMap<Database.Database, Database.Statement>();

/**
 * The cycle this one was rolled over into, while that cycle exists; null if it is still open.
 * One indexed lookup, prepared once per connection, because every register write may ask.
 */
export function rolledOverTo(ctx: AppContext, cycleId: string): RolledOver | null {
  const client = ctx.db.$client;
  let query = statements.get(client);
  if (!query) {
    query = client.prepare(
      'SELECT r.to_cycle_id AS toCycleId, r.to_fiscal_year AS toFiscalYear, c.title AS toTitle FROM cycle_rollovers r JOIN cycles c ON c.id = r.to_cycle_id WHERE r.cycle_id = ?',
    );
    statements.set(client, query);
  }
  const row = rowOrNone(query.get(cycleId));
  if (!row) return null;
  const [toCycleId, toFiscalYear, toTitle] = [textOf(row, 'toCycleId'), textOf(row, 'toFiscalYear'), textOf(row, 'toTitle')];
  return {
    toCycleId,
    toFiscalYear,
    toTitle,
    message: `This cycle was rolled over into FY ${toFiscalYear} ("${toTitle}") and is now read-only. Make changes in the FY ${toFiscalYear} cycle.`,
  };
}

/**
 * The guard every write to a cycle's data calls first: a rolled-over cycle is the record of a
 * closed fiscal year, so nothing in it changes (deleting the whole cycle is still allowed).
 */
export function assertCycleWritable(ctx: AppContext, cycleId: string): void {
  const rolled = rolledOverTo(ctx, cycleId);
  if (rolled) throw new ServiceError({ code: 'invalid_input', message: rolled.message });
}
