import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { checkIntegrity } from './check';
import { closeDb, openDb } from './open-db';

export type BackupReason = 'daily' | 'before-migration' | 'before-import' | 'before-restore' | 'before-delete' | 'manual';

export interface BackupInfo {
  file: string;
  /** ISO timestamp the backup was taken (from its name). */
  takenAt: string;
  reason: BackupReason | 'unknown';
  sizeBytes: number;
}

export const DEFAULT_BACKUPS_KEPT = 14;
const NAME = /^pamoja-(\d{8})-(\d{6})-(\d{3})-([a-z-]+)\.db$/;

/** Backups live beside the database, in a `backups` folder. */
export function backupsDirFor(dbFile: string): string {
  return path.join(path.dirname(path.resolve(dbFile)), 'backups');
}

function backupName(at: Date, reason: BackupReason): string {
  const iso = at.toISOString();
  return `pamoja-${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}-${iso.slice(20, 23)}-${reason}.db`;
}

/**
 * A consistent copy of a live database, taken by SQLite itself (`VACUUM INTO`), never a file copy
 * that could catch a half-written page. Each copy is opened and fully checked before it counts.
 */
export function createBackup(
  client: Database.Database,
  options: { dir: string; at: Date; reason: BackupReason; keep?: number; migrationsFolder: string },
): BackupInfo {
  fs.mkdirSync(options.dir, { recursive: true });
  const file = path.join(options.dir, backupName(options.at, options.reason));
  client.prepare('VACUUM INTO ?').run(file);
  const problems = verifyDatabaseFile(file, options.migrationsFolder);
  if (problems.length > 0) {
    fs.rmSync(file, { force: true });
    throw new Error(`The backup failed its integrity check (${problems[0]}); the database was not changed.`);
  }
  pruneBackups(options.dir, options.keep ?? DEFAULT_BACKUPS_KEPT);
  const info = describe(file);
  if (!info) throw new Error(`The backup ${file} was written under a name the backup list does not read.`);
  return info;
}

/** Integrity and foreign-key problems of a database file, opened read-only; empty when it is sound. */
export function verifyDatabaseFile(file: string, migrationsFolder: string): string[] {
  let db;
  try {
    db = openDb({ file, migrationsFolder, readonly: true });
    return checkIntegrity(db).problems;
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  } finally {
    if (db) closeDb(db);
  }
}

function describe(file: string): BackupInfo | null {
  const match = NAME.exec(path.basename(file));
  if (!match) return null;
  const [, date = '', time = '', millis = '', reason = ''] = match;
  const takenAt = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}.${millis}Z`;
  const known: BackupReason[] = ['daily', 'before-migration', 'before-import', 'before-restore', 'before-delete', 'manual'];
  return { file, takenAt, reason: known.find((r) => r === reason) ?? 'unknown', sizeBytes: fs.statSync(file).size };
}

/** Newest first. */
export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((name) => describe(path.join(dir, name)))
    .filter((info): info is BackupInfo => info !== null)
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

function pruneBackups(dir: string, keep: number): void {
  for (const old of listBackups(dir).slice(keep)) fs.rmSync(old.file, { force: true });
}

/** Is there a backup from today (UTC date of `at`)? Decides the daily backup on first open. */
export function hasBackupOn(dir: string, at: Date): boolean {
  const day = at.toISOString().slice(0, 10);
  return listBackups(dir).some((backup) => backup.takenAt.startsWith(day));
}

/**
 * Sets a damaged database aside under a new name (never deletes it, never replaces it silently),
 * with its -wal and -shm files, so the newest good backup can be restored in its place.
 */
export function quarantineDatabase(file: string, at: Date): string {
  const aside = `${file}.damaged-${at.toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, aside + suffix);
  }
  return aside;
}

/**
 * Puts a verified backup in place of a database that is closed. The current file is not deleted:
 * the caller backs it up first. Written to a temporary name, then renamed, so a power cut leaves
 * either the old file or the new one.
 */
export function replaceDatabaseFile(dbFile: string, backupFile: string, migrationsFolder: string): void {
  const problems = verifyDatabaseFile(backupFile, migrationsFolder);
  if (problems.length > 0) throw new Error(`${path.basename(backupFile)} is not a sound database (${problems[0]}); nothing was restored.`);
  const temporary = `${dbFile}.restoring`;
  fs.copyFileSync(backupFile, temporary);
  const fd = fs.openSync(temporary, 'r+');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
  fs.renameSync(temporary, dbFile);
}
