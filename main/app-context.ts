import path from 'node:path';
import { backupsDirFor, createBackup, hasBackupOn } from './db/backup';
import { closeDb, openDb } from './db/open-db';
import { seedAdminUnits } from './services/admin-units';
import { createContext, type AppContext, type ContextOptions } from './services/context';

export interface OpenAppOptions extends ContextOptions {
  file: string;
  /** The desktop app and the web shell back up daily on first open; one-off CLI reads do not. */
  dailyBackup?: boolean;
  /** With file ':memory:': a serialized database to start from (tests). */
  image?: Buffer;
}

export const migrationsFolderIn = (resourcesDir: string) => path.join(resourcesDir, 'migrations');

/**
 * Opens (creating on first start) a Pamoja database ready for the services. A database that
 * already holds data is backed up before a migration changes it. Throws DatabaseDamagedError for
 * a file that fails SQLite's quick check: the caller sets it aside and offers a backup.
 */
export function openApp({ file, dailyBackup = false, image, ...options }: OpenAppOptions): AppContext {
  const migrationsFolder = migrationsFolderIn(options.resourcesDir);
  const at = (options.now ?? (() => new Date()))();
  const onDisk = file !== ':memory:';
  const backups = { dir: backupsDirFor(file), at, migrationsFolder };
  const db = openDb({
    file,
    image,
    migrationsFolder,
    beforeMigrate: onDisk ? (client) => void createBackup(client, { ...backups, reason: 'before-migration' }) : undefined,
  });
  let ctx: AppContext;
  try {
    ctx = createContext(db, options);
  } catch (error) {
    // An unreadable clock (context.ts) is damage: the connection closes and the file stays as it was.
    closeDb(db);
    throw error;
  }
  seedAdminUnits(ctx);
  if (onDisk && dailyBackup && !hasBackupOn(backups.dir, at)) createBackup(db.$client, { ...backups, reason: 'daily' });
  return ctx;
}
