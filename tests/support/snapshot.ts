import type { AppContext } from '../../main/services/context';

/** Row counts of every table: equal before and after means nothing was written. */
export function tableCounts(ctx: AppContext): Record<string, number> {
  const tables = ctx.db.$client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'")
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((name) => [name, ctx.db.$client.prepare(`SELECT count(*) FROM "${name}"`).pluck().get() as number]));
}
