import type Database from 'better-sqlite3';
import { getTableName } from 'drizzle-orm';
import { compareActivities } from '../../shared/analysis/activity-filter';
import type { RegisterDto } from '../../shared/api/registers';
import type { Page } from '../../shared/api/schemas/paging';
import { linkStore, rowStore, type ListedRow } from '../db/row-store';
import { registerLinks, registerTables, type RegisterName, type RegisterTable } from '../db/tables';
import type { AppContext } from './context';
import { loadCycle } from './rules';

/**
 * One page of a register in the order its screen shows it, so a screen paints its first rows
 * from a hundred rows instead of waiting for 20,000 (issue 18). The rows are exactly those of
 * `<register>:list` (the same reader, the same link lists); only the order and the slice differ.
 *
 * Activities are shown by code (the action plan, shared/analysis/activity-filter.ts) and budget
 * lines grouped under their activity in that order, unlinked lines last (the Budget grid); the
 * other registers in the order they were entered, as their lists give them.
 */
export function registerPage<R extends RegisterName>(
  ctx: AppContext,
  register: R,
  input: PageRequest,
  asDto: (row: ListedRow<RegisterTable<R>>) => RegisterDto<R>,
): Page<RegisterDto<R>> {
  const { cycleId, offset, limit } = input;
  loadCycle(ctx, cycleId);
  const client = ctx.db.$client;
  const { ids, total } = pagerOf(register)(client, cycleId, offset, limit);
  const links = (registerLinks[register] ?? []).map((link) => ({ field: link.field, byParent: linkStore(client, link).byParents(ids) }));
  const rows = ids.length === 0 ? [] : rowStore(client, registerTables[register]).listByIds(cycleId, ids, links);
  const end = offset + ids.length;
  return { rows: rows.map(asDto), offset, total, nextOffset: end < total ? end : null };
}

/** A page as the contract's `<register>:page` parses it: defaults filled in. */
export interface PageRequest {
  cycleId: string;
  offset: number;
  limit: number;
}

type OrderReader = (client: Database.Database, cycleId: string) => string[];

const idsByRowid =
  (register: RegisterName): OrderReader =>
  (client, cycleId) =>
    client
      .prepare(`SELECT "id" FROM "${getTableName(registerTables[register])}" WHERE "cycle_id" = ? ORDER BY rowid`)
      .pluck()
      .all(cycleId)
      .filter(isText);

const isText = (value: unknown): value is string => typeof value === 'string';

/** The action plan's order: code, then title, ties in the order entered (a stable sort of the rows read by rowid). */
const activityOrder: OrderReader = (client, cycleId) => {
  const rows = client.prepare('SELECT "id", "code", "title" FROM "activities" WHERE "cycle_id" = ? ORDER BY rowid').raw().all(cycleId);
  const keys = rows.flatMap((row) => {
    if (!Array.isArray(row)) return [];
    const [id, code, title]: unknown[] = row;
    return isText(id) && isText(code) && isText(title) ? [{ id, code, title }] : [];
  });
  return keys.sort(compareActivities).map((key) => key.id);
};

/** The ids of one page in display order, and how many rows the register holds in the cycle. */
type Pager = (client: Database.Database, cycleId: string, offset: number, limit: number) => { ids: string[]; total: number };

/** A page cut from the register's whole display order, kept between pages (cachedOrder). */
const fromOrder =
  (register: OrderedRegister): Pager =>
  (client, cycleId, offset, limit) => {
    const order = cachedOrder(client, register, cycleId);
    return { ids: order.slice(offset, offset + limit), total: order.length };
  };

/**
 * The Budget grid's order: lines under their activity in the action plan's order, each activity's
 * in the order entered, unlinked lines last. 20,000 lines are not read to find a page: the
 * activities are walked in order, each one's lines counted on the budget lines' activity index
 * (no row read) until the page is reached, and only the page's lines are read. A line's activity
 * is always of its own cycle (the register's rule), so counting by activity counts the cycle's.
 */
const budgetLinePage: Pager = (client, cycleId, offset, limit) => {
  const total = Number(client.prepare('SELECT count(*) FROM "contributions" WHERE "cycle_id" = ?').pluck().get(cycleId));
  const countOf = client.prepare('SELECT count(*) FROM "contributions" WHERE "activity_id" = ?').pluck();
  const linesOf = client.prepare('SELECT "id" FROM "contributions" WHERE "activity_id" = ? ORDER BY rowid').pluck();
  const end = Math.min(offset + limit, total);
  const ids: string[] = [];
  let position = 0;
  for (const activityId of cachedOrder(client, 'activity', cycleId)) {
    if (position >= end) break;
    const count = Number(countOf.get(activityId));
    if (position + count > offset)
      ids.push(
        ...linesOf
          .all(activityId)
          .filter(isText)
          .slice(Math.max(0, offset - position), end - position),
      );
    position += count;
  }
  if (position < end) {
    // Unlinked lines: `+"cycle_id"` keeps SQLite on the activity index (the few nulls), not the cycle's 20,000 lines.
    const unlinked = client.prepare('SELECT "id" FROM "contributions" WHERE "activity_id" IS NULL AND +"cycle_id" = ? ORDER BY rowid').pluck();
    ids.push(
      ...unlinked
        .all(cycleId)
        .filter(isText)
        .slice(Math.max(0, offset - position), end - position),
    );
  }
  return { ids, total };
};

type OrderedRegister = Exclude<RegisterName, 'contribution'>;

const orderReaders: Record<OrderedRegister, OrderReader> = {
  organisation: idsByRowid('organisation'),
  contact: idsByRowid('contact'),
  objective: idsByRowid('objective'),
  activity: activityOrder,
  disbursement: idsByRowid('disbursement'),
  indicator: idsByRowid('indicator'),
  indicatorPeriod: idsByRowid('indicatorPeriod'),
  risk: idsByRowid('risk'),
  milestone: idsByRowid('milestone'),
  learningEntry: idsByRowid('learningEntry'),
  adaptiveTrigger: idsByRowid('adaptiveTrigger'),
  signatory: idsByRowid('signatory'),
};

/**
 * Every id of the register's cycle in display order. A screen reads its pages one after another,
 * so the order (5,000 codes compared in natural order take ~15 ms) is kept until the database
 * changes: `total_changes()` counts every row this connection wrote, `PRAGMA data_version` moves
 * when another connection (the CLI, a second window) committed. Either moving reads it again.
 */
interface CachedOrder {
  stamp: string;
  ids: string[];
}
const orders = new WeakMap<Database.Database, Map<string, CachedOrder>>();

function cachedOrder(client: Database.Database, register: OrderedRegister, cycleId: string): string[] {
  const stamp = `${String(client.prepare('SELECT total_changes()').pluck().get())} ${String(client.pragma('data_version', { simple: true }))}`;
  let perClient = orders.get(client);
  if (!perClient) orders.set(client, (perClient = new Map()));
  const key = `${register} ${cycleId}`;
  const cached = perClient.get(key);
  if (cached?.stamp === stamp) return cached.ids;
  const ids = orderReaders[register](client, cycleId);
  perClient.set(key, { stamp, ids });
  return ids;
}

/** Budget lines walk the activities; every other register is cut from its whole order. */
const pagerOf = (register: RegisterName): Pager => (register === 'contribution' ? budgetLinePage : fromOrder(register));
