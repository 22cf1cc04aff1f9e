import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { ServiceError } from '../../shared/result';
import { eq } from 'drizzle-orm';
import { formatHlc, parseHlc, tickHlc, type Hlc } from '../../shared/hlc';
import { DatabaseDamagedError, isWritableDb, type Db, type ReadDb } from '../db/open-db';
import { installation } from '../db/schema';

/** Everything a service needs, injected so tests can fix the clock and the ids. */
export interface AppContext {
  /** Read-only by type: writes go through `inWriteTransaction`, which hands out a WriteContext. */
  db: ReadDb;
  now: () => Date;
  newId: () => string;
  /** This installation: its id stamps `origin`, its node id stamps clock readings. */
  installationId: string;
  nodeId: string;
  userName: string;
  clock: { last: Hlc | null };
  /** The shipped resources folder (sample cycle, migrations): each shell knows where its copy is. */
  resourcesDir: string;
  /** The database file's inode when opened; a write checks it is still the same file. */
  fileIdentity: number | null;
}

const writing = Symbol('inside a write transaction');

/**
 * The context inside a write transaction, the only one that can write: `db` with its insert and
 * update, clock readings (`stamp`), audit entries (services/audit.ts) and row-store writes all
 * take it. Only `inWriteTransaction` makes one, so a write outside a transaction does not compile.
 */
export interface WriteContext extends AppContext {
  db: Db;
  readonly [writing]: true;
  /** The one change this transaction is (see audited-write.ts): its audit entries share its number. */
  readonly change: { auditId: number | null };
}

const isWriteContext = (ctx: AppContext): ctx is WriteContext => writing in ctx;

/** Which file on disk the connection has open (null in memory). */
export function fileIdentityOf(db: ReadDb): number | null {
  const file = db.$client.name;
  return file === ':memory:' || file === '' ? null : fs.statSync(file).ino;
}

/**
 * A database file deleted or moved while open keeps taking writes into a file nobody will see again:
 * refuse them instead, and say why.
 */
function assertSameFile(ctx: AppContext): void {
  if (ctx.fileIdentity === null) return;
  let identity: number | null = null;
  try {
    identity = fs.statSync(ctx.db.$client.name).ino;
  } catch {
    identity = null;
  }
  if (identity !== ctx.fileIdentity) {
    throw new ServiceError({
      code: 'storage',
      message: 'The database file was moved or deleted while Pamoja JWP was open. Nothing was saved; restart the app to open it where it now is.',
    });
  }
}

export interface ContextOptions {
  resourcesDir: string;
  now?: () => Date;
  newId?: () => string;
}

/** Reads (or on first start creates) this installation's identity and clock. */
export function createContext(db: Db, options: ContextOptions): AppContext {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  let row = db.select().from(installation).get();
  if (!row) {
    const id = newId();
    row = { id, nodeId: id.replace(/-/g, '').slice(0, 12), userName: '', lastHlc: null, lastCycleId: null, createdAt: now().toISOString() };
    db.insert(installation).values(row).run();
  }
  return {
    db,
    now,
    newId,
    installationId: row.id,
    nodeId: row.nodeId,
    userName: row.userName,
    clock: { last: storedClock(db, row.lastHlc) },
    resourcesDir: options.resourcesDir,
    fileIdentity: fileIdentityOf(db),
  };
}

/**
 * The clock's last reading as stored. One that cannot be read is never replaced by a guess: a
 * clock started again from the wall clock could date new edits before ones already made (and sent),
 * so the database is reported damaged and the user is offered a backup.
 */
function storedClock(db: Db, text: string | null): Hlc | null {
  if (text === null) return null;
  const clock = parseHlc(text);
  if (clock) return clock;
  throw new DatabaseDamagedError(db.$client.name, [unreadableClock(text)]);
}

export const unreadableClock = (text: string) =>
  `its clock reading (${JSON.stringify(text.slice(0, 80))}) cannot be read, so new changes could be dated before ones already made`;

export interface Stamp {
  at: string;
  hlc: string;
}

/** A fresh clock reading for one change; persisted by `inWriteTransaction` with the change. */
export function stamp(ctx: WriteContext): Stamp {
  const at = ctx.now();
  const next = tickHlc(ctx.clock.last, at.getTime(), ctx.nodeId);
  ctx.clock.last = next;
  return { at: at.toISOString(), hlc: formatHlc(next) };
}

/**
 * Runs a multi-step write in one transaction and stores the clock with it, so a clock reading
 * used by a committed row is never handed out again after a restart. Inside another write
 * transaction it is a savepoint of the same change.
 */
export function inWriteTransaction<T>(ctx: AppContext, work: (tx: WriteContext) => T): T {
  assertSameFile(ctx);
  const db = ctx.db;
  if (!isWritableDb(db)) throw new Error('This connection cannot write.');
  const tx: WriteContext = isWriteContext(ctx) ? ctx : { ...ctx, db, [writing]: true, change: { auditId: null } };
  const before = ctx.clock.last;
  try {
    return db.transaction(() => {
      const result = work(tx);
      if (ctx.clock.last && ctx.clock.last !== before) {
        db.update(installation)
          .set({ lastHlc: formatHlc(ctx.clock.last) })
          .where(eq(installation.id, ctx.installationId))
          .run();
      }
      return result;
    });
  } catch (error) {
    ctx.clock.last = before;
    throw error;
  }
}
