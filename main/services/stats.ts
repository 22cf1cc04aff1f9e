import type { CycleStatsDto } from '../../shared/api/schemas/cycle';
import { registerNames, registerPlurals, registerTables } from '../db/tables';
import { getTableName } from 'drizzle-orm';
import type { AppContext } from './context';
import { listCycles } from './cycles';
import { numberOf, rowOf, textOf } from '../db/row-values';

/** The row count of every register of every cycle (what `pamoja stats` prints). */
export function cycleStats(ctx: AppContext): CycleStatsDto[] {
  const countsByRegister = registerNames.map((register) => {
    const rows = ctx.db.$client
      .prepare(`SELECT cycle_id AS cycleId, count(*) AS n FROM "${getTableName(registerTables[register])}" GROUP BY cycle_id`)
      .all()
      .map(rowOf);
    return { register, byCycle: new Map(rows.map((r) => [textOf(r, 'cycleId'), numberOf(r, 'n')])) };
  });
  return listCycles(ctx).map((cycle) => ({
    id: cycle.id,
    title: cycle.title,
    fiscalYear: cycle.fiscalYear,
    counts: Object.fromEntries(countsByRegister.map(({ register, byCycle }) => [registerPlurals[register], byCycle.get(cycle.id) ?? 0])),
  }));
}
