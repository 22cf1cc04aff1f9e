import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenDbOptions {
  /** A file path, or ':memory:' for tests. */
  file: string;
  /** The folder of drizzle-kit migrations (resources/migrations in a checkout). */
  migrationsFolder: string;
  /** Read-only opens an existing file as it is: no migration, nothing written (used by checks). */
  readonly?: boolean;
}

/**
 * The only place a database connection is made. Sets the pragmas every connection relies on and
 * brings the schema up to date before anyone reads or writes.
 */
export function openDb({ file, migrationsFolder, readonly = false }: OpenDbOptions): Db {
  if (readonly) {
    const client = new Database(file, { readonly: true, fileMustExist: true });
    client.pragma('foreign_keys = ON');
    client.pragma('busy_timeout = 5000');
    return drizzle({ client, schema });
  }
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const client = new Database(file);
  try {
    client.pragma('journal_mode = WAL');
    // better-sqlite3 builds SQLite with WAL at synchronous=NORMAL, under which a committed
    // transaction can vanish on power loss; county laptops lose power.
    client.pragma('synchronous = FULL');
    client.pragma('foreign_keys = ON');
    client.pragma('busy_timeout = 5000');
    const db = drizzle({ client, schema });
    migrate(db, { migrationsFolder });
    return db;
  } catch (error) {
    client.close();
    throw error;
  }
}

export function closeDb(db: Db): void {
  if (!db.$client.open) return;
  if (!db.$client.readonly) db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();
}
