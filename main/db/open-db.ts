import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { z } from 'zod';
import { errorCode, expectNumber, expectText, listOf, rowOf, textOf } from './row-values';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * The connection as code outside a write transaction sees it: it can read, not write. Writes take
 * a WriteContext (main/services/context.ts), so an insert outside a transaction does not compile.
 */
export type ReadDb = Omit<Db, 'insert' | 'update' | 'delete' | 'run' | 'transaction' | 'batch'>;

/** Every connection openDb() makes can write (a read-only open refuses at SQLite): this only restores the type. */
export function isWritableDb(db: ReadDb): db is Db {
  return 'insert' in db && 'transaction' in db;
}

export interface OpenDbOptions {
  /** A file path, or ':memory:' for tests. */
  file: string;
  /** The folder of drizzle-kit migrations (resources/migrations in a checkout). */
  migrationsFolder: string;
  /** Read-only opens an existing file as it is: no migration, nothing written (used by checks). */
  readonly?: boolean;
  /** Called before migrations change a database that already holds data (to back it up first). */
  beforeMigrate?: (client: Database.Database) => void;
  /** With file ':memory:': a serialized database (`serialize()`) to open in memory, so tests can start many runs from one state. */
  image?: Buffer;
}

/** The file is damaged: it must not be written to. The message says what SQLite found. */
export class DatabaseDamagedError extends Error {
  constructor(
    readonly file: string,
    readonly findings: string[],
  ) {
    super(`The database ${file} is damaged (${findings.slice(0, 3).join('; ')}).`);
    this.name = 'DatabaseDamagedError';
  }
}

/** What every connection must run with; read back after setting, never assumed. */
export const REQUIRED_PRAGMAS = { journal_mode: 'wal', synchronous: 2, foreign_keys: 1, busy_timeout: 5000 } as const;

/**
 * The only place a database connection is made. Sets the pragmas every connection relies on,
 * refuses a damaged file, and brings the schema up to date before anyone reads or writes.
 */
export function openDb({ file, migrationsFolder, readonly = false, beforeMigrate, image }: OpenDbOptions): Db {
  if (readonly) {
    const client = new Database(file, { readonly: true, fileMustExist: true });
    client.pragma('foreign_keys = ON');
    client.pragma('busy_timeout = 5000');
    return drizzle({ client, schema });
  }
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const client = image && file === ':memory:' ? new Database(image) : new Database(file);
  try {
    client.pragma('journal_mode = WAL');
    // better-sqlite3 builds SQLite with WAL at synchronous=NORMAL, under which a committed
    // transaction can vanish on power loss; county laptops lose power.
    client.pragma('synchronous = FULL');
    if (process.platform === 'darwin') client.pragma('fullfsync = ON');
    client.pragma('foreign_keys = ON');
    client.pragma('busy_timeout = 5000');
    // 32 MiB of page cache (the default is 2 MiB): list screens re-read whole registers.
    client.pragma('cache_size = -32768');
    verifyPragmas(client, file);
    const findings = quickCheck(client);
    if (findings.length > 0) throw new DatabaseDamagedError(file, findings);
    const db = drizzle({ client, schema });
    if (beforeMigrate && hasPendingMigrations(client, migrationsFolder) && holdsData(client)) beforeMigrate(client);
    migrate(db, { migrationsFolder });
    return db;
  } catch (error) {
    client.close();
    throw isCorruption(error) ? new DatabaseDamagedError(file, [error instanceof Error ? error.message : String(error)]) : error;
  }
}

/** SQLite's words for a file that is not (or no longer) a database. */
function isCorruption(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB';
}

function verifyPragmas(client: Database.Database, file: string): void {
  for (const [name, expected] of Object.entries(REQUIRED_PRAGMAS)) {
    const actual: unknown = client.pragma(name, { simple: true });
    // An in-memory database has no WAL; everything else must be exactly as required.
    if (name === 'journal_mode' && file === ':memory:' && actual === 'memory') continue;
    if (actual !== expected) throw new Error(`SQLite refused ${name} = ${String(expected)} on ${file} (it is ${String(actual)}).`);
  }
}

/** `PRAGMA quick_check`: the cheap structural check run on every open. */
function quickCheck(client: Database.Database): string[] {
  const rows = client.pragma('quick_check');
  // SQLite prefixes its findings with a "*** in database main ***" line; users need the findings.
  return listOf(rows)
    .flatMap((row) => textOf(rowOf(row), 'quick_check').split('\n'))
    .filter((line) => line !== 'ok' && !line.startsWith('***'));
}

/** drizzle-kit's list of migrations: only its length is read. */
const journalSchema = z.object({ entries: z.array(z.unknown()) });

function hasPendingMigrations(client: Database.Database, migrationsFolder: string): boolean {
  const journal = journalSchema.parse(JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')));
  const tracked = client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  const applied = tracked ? expectNumber(client.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get(), 'applied migrations') : 0;
  return applied < journal.entries.length;
}

function holdsData(client: Database.Database): boolean {
  return client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cycles'").get() !== undefined;
}

/** The SQLite library's version, for the log: WAL fixes land in specific releases. */
export function sqliteVersion(db: ReadDb): string {
  return expectText(db.$client.prepare('SELECT sqlite_version()').pluck().get(), 'sqlite_version()');
}

export function closeDb(db: ReadDb): void {
  if (!db.$client.open) return;
  if (!db.$client.readonly) db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();
}
