import { FIRST_PAGE_ROWS } from '../../shared/api/schemas/paging';
import { registerNames } from '../../shared/api/registers';
import type { AppContext } from '../../main/services/context';
import { registerServices } from '../../main/services/index';
import { createDispatcher } from '../../main/transport/dispatcher';
import { medianOfRuns, type Measured } from './measure';

type Line = (label: string, value: string) => void;
type Fmt = (n: number, digits?: number) => string;

/** Median wall and CPU milliseconds of five runs; CPU time is what a loaded machine inflates least. */
const timed = (run: () => unknown, before?: () => void): Measured => medianOfRuns(5, run, before);

/**
 * What a register screen's first paint waits for: `<register>:page`, its first hundred rows in
 * display order through the dispatcher, as the renderer calls it (target < 30 ms), right after a
 * change ("after a write": the display order is read again) and again (the order kept). The whole
 * lists, which exports, pickers and the CLI read, follow for reference, with their peer.
 */
export function listBench(ctx: AppContext, cycleId: string, line: Line, fmt: Fmt): void {
  const dispatch = createDispatcher(ctx);
  const client = ctx.db.$client;
  // A row written to a scratch table counts as a change (total_changes()), as an officer's save would.
  client.exec('CREATE TEMP TABLE IF NOT EXISTS bench_touch (n INTEGER)');
  const touch = client.prepare('INSERT INTO bench_touch VALUES (1)');
  const show = (timing: Measured) => `${fmt(timing.ms, 1)} ms (CPU ${fmt(timing.cpuMs, 1)})`;

  console.log(`\nA screen's first page, <register>:page of ${FIRST_PAGE_ROWS} rows (median of 5, ms; target < 30 ms each):`);
  let slowest = 0;
  for (const register of registerNames) {
    let total = 0;
    const firstPage = () => {
      const result = dispatch(`${register}:page`, { cycleId });
      if (!result.ok) throw new Error(result.error.message);
      total =
        typeof result.value === 'object' && result.value !== null && 'total' in result.value && typeof result.value.total === 'number' ? result.value.total : 0;
    };
    const afterWrite = timed(firstPage, () => touch.run());
    const again = timed(firstPage);
    slowest = Math.max(slowest, afterWrite.ms);
    line(`  ${register}:page`, `${show(afterWrite)} after a write, ${show(again)} again  (of ${fmt(total)} rows)`);
  }
  line('slowest first page (after a write)', `${fmt(slowest, 1)} ms   (target < 30 ms)`);

  console.log('\nWhole lists, every row, for exports, pickers and the CLI (median of 5, ms; for reference):');
  for (const register of registerNames) {
    let count = 0;
    const whole = timed(() => (count = registerServices[register].list(ctx, { cycleId }).length));
    line(`  ${register}:list`, `${show(whole)}  (${fmt(count)} rows)`);
  }
  // The peer in the same process: better-sqlite3 reading the same budget lines, every column, as arrays.
  const peer = client.prepare('SELECT * FROM contributions WHERE cycle_id = ? ORDER BY rowid').raw();
  line('  (peer: raw SELECT of the budget lines)', show(timed(() => peer.all(cycleId))));
}
