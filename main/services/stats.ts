import type { CycleStatsDto } from '../../shared/api/schemas/cycle';
import { registerNames, registerPlurals, registerTables } from '../db/tables';
import { getTableName } from 'drizzle-orm';
import type { AppContext } from './context';
import { listCycles } from './cycles';

/** The row count of every register of every cycle (what `pamoja stats` prints). */
export function cycleStats(ctx: AppContext): CycleStatsDto[] {
  const countsByRegister = registerNames.map((register) => {
    const rows = ctx.db.$client
      .prepare(`SELECT cycle_id AS cycleId, count(*) AS n FROM "${getTableName(registerTables[register])}" GROUP BY cycle_id`)
      .all() as { cycleId: string; n: number }[];
    return { register, byCycle: new Map(rows.map((r) => [r.cycleId, r.n])) };
  });
  return listCycles(ctx).map((cycle) => ({
    id: cycle.id,
    title: cycle.title,
    fiscalYear: cycle.fiscalYear,
    counts: Object.fromEntries(countsByRegister.map(({ register, byCycle }) => [registerPlurals[register], byCycle.get(cycle.id) ?? 0])),
  }));
}
