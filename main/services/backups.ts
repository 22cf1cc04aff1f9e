import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ServiceError } from '../../shared/result';
import type { BackupListDto, DatabaseExportDto } from '../../shared/api/schemas/backup';
import { migrationsFolderIn } from '../app-context';
import { backupsDirFor, createBackup, listBackups, replaceDatabaseFile, type BackupInfo } from '../db/backup';
import { closeDb, openDb } from '../db/open-db';
import { seedAdminUnits } from './admin-units';
import { recordAudit } from './audit';
import { audited } from './audited-write';
import { fileIdentityOf, type AppContext } from './context';

/** The file the context's connection has open; backups live beside it. */
function databaseFile(ctx: AppContext): string {
  const file = ctx.db.$client.name;
  if (file === ':memory:' || file === '') throw new ServiceError({ code: 'invalid_input', message: 'This database lives in memory only; it has no backups.' });
  return file;
}

const toDto = (backup: BackupInfo) => ({ fileName: path.basename(backup.file), takenAt: backup.takenAt, reason: backup.reason, sizeBytes: backup.sizeBytes });

export function listDatabaseBackups(ctx: AppContext): BackupListDto {
  const dir = backupsDirFor(databaseFile(ctx));
  return { folder: dir, backups: listBackups(dir).map(toDto) };
}

export function backUpNow(ctx: AppContext): BackupListDto['backups'][number] {
  const file = databaseFile(ctx);
  return toDto(
    createBackup(ctx.db.$client, { dir: backupsDirFor(file), at: ctx.now(), reason: 'manual', migrationsFolder: migrationsFolderIn(ctx.resourcesDir) }),
  );
}

/** A verified backup before an import changes the database; nothing to do for one in memory. */
export function backUpBeforeImport(ctx: AppContext): void {
  backUpBefore(ctx, 'before-import');
}

/** A verified backup before a large change (an import, deleting a cycle); the file's name, or null in memory. */
export function backUpBefore(ctx: AppContext, reason: 'before-import' | 'before-delete'): string | null {
  const file = ctx.db.$client.name;
  if (file === ':memory:' || file === '') return null;
  return path.basename(
    createBackup(ctx.db.$client, { dir: backupsDirFor(file), at: ctx.now(), reason, migrationsFolder: migrationsFolderIn(ctx.resourcesDir) }).file,
  );
}

/**
 * Restores one of the listed backups in place of the open database. The current state is backed
 * up first, so a restore can itself be undone by restoring that backup.
 */
export function restoreDatabaseBackup(ctx: AppContext, input: { fileName: string }): BackupListDto {
  const file = databaseFile(ctx);
  const dir = backupsDirFor(file);
  // Only a backup from the list can be named: the input is a file name, never a path.
  const chosen = listBackups(dir).find((backup) => path.basename(backup.file) === input.fileName);
  if (!chosen) throw new ServiceError({ code: 'not_found', message: `There is no backup called ${input.fileName}.`, field: 'fileName' });
  const migrationsFolder = migrationsFolderIn(ctx.resourcesDir);
  const at = ctx.now();
  createBackup(ctx.db.$client, { dir, at, reason: 'before-restore', migrationsFolder });
  closeDb(ctx.db);
  try {
    replaceDatabaseFile(file, chosen.file, migrationsFolder);
  } finally {
    ctx.db = openDb({ file, migrationsFolder });
    ctx.fileIdentity = fileIdentityOf(ctx.db);
  }
  seedAdminUnits(ctx);
  audited(ctx, { cycleId: null }, (tx) =>
    recordAudit(tx, at.toISOString(), {
      action: 'restore',
      tableName: 'database',
      rowId: input.fileName,
      cycleId: null,
      after: { restoredFrom: input.fileName },
    }),
  );
  return listDatabaseBackups(ctx);
}

/** The whole database as one file a user can put on a USB stick (a consistent copy, checked). */
export function exportDatabase(ctx: AppContext): DatabaseExportDto {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-export-'));
  try {
    const at = ctx.now();
    const copy = createBackup(ctx.db.$client, { dir, at, reason: 'manual', migrationsFolder: migrationsFolderIn(ctx.resourcesDir) });
    return {
      fileName: `pamoja-jwp-${at.toISOString().slice(0, 10)}.db`,
      mimeType: 'application/vnd.sqlite3',
      base64: fs.readFileSync(copy.file).toString('base64'),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
