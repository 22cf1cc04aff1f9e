import type { AppContext } from '../../main/services/context';

/**
 * Makes the k-th row write (insert, update or delete on any table) fail inside SQLite, with TEMP
 * triggers that exist only on this connection. Lets a test break an import at every step.
 */
export function injectFaultAtWrite(ctx: AppContext, k: number): () => void {
  const client = ctx.db.$client;
  const tables = client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  client.exec('CREATE TEMP TABLE IF NOT EXISTS fault_counter (n INTEGER NOT NULL); DELETE FROM fault_counter; INSERT INTO fault_counter VALUES (0);');
  const triggers: string[] = [];
  for (const table of tables) {
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      const name = `fault_${table}_${event}`.toLowerCase();
      client.exec(
        `CREATE TEMP TRIGGER "${name}" BEFORE ${event} ON main."${table}" BEGIN UPDATE fault_counter SET n = n + 1; SELECT RAISE(ABORT, 'injected fault') WHERE (SELECT n FROM fault_counter) = ${k}; END;`,
      );
      triggers.push(name);
    }
  }
  return () => {
    for (const name of triggers) client.exec(`DROP TRIGGER IF EXISTS temp."${name}"`);
  };
}

/** Counts the row writes a piece of work makes, with the same triggers and no fault. */
export function countWrites(ctx: AppContext, work: () => void): number {
  const remove = injectFaultAtWrite(ctx, -1);
  try {
    work();
    return ctx.db.$client.prepare('SELECT n FROM fault_counter').pluck().get() as number;
  } finally {
    remove();
  }
}

/** Every row of every table, in order: equal dumps mean the database did not change. */
export function dumpDatabase(ctx: AppContext): string {
  const client = ctx.db.$client;
  const tables = client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return JSON.stringify(tables.map((table) => [table, client.prepare(`SELECT * FROM main."${table}" ORDER BY rowid`).all()]));
}
