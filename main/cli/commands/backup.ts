import fs from 'node:fs';
import path from 'node:path';
import { openApp } from '../../app-context';
import { backupsDirFor, createBackup, quarantineDatabase, replaceDatabaseFile } from '../../db/backup';
import { closeDb, openDb } from '../../db/open-db';
import { migrationsFolder, resourcesDir } from '../../resource-paths';
import { recordAudit } from '../../services/audit';
import { audited } from '../../services/audited-write';
import { CliError } from '../cli-error';
import { parseFlags, requireDbFlag } from '../options';
import type { Command } from './command';

const out = (text: string) => process.stdout.write(text);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Backups a user can take to a USB stick, and restoring one. */
export const backupCommands = {
  backup: {
    async run(args) {
      const { values } = parseFlags(args, { db: { type: 'string' }, out: { type: 'string' } });
      const file = requireDbFlag(values.db);
      if (!values.out) throw new CliError('say where to put the backup with --out DIR.');
      if (!fs.existsSync(file)) throw new CliError(`there is no database at ${file}.`);
      const db = openDb({ file, migrationsFolder, readonly: true });
      try {
        const backup = createBackup(db.$client, { dir: values.out, at: new Date(), reason: 'manual', keep: Number.POSITIVE_INFINITY, migrationsFolder });
        out(`Backed up ${file} to ${backup.file} (${mib(backup.sizeBytes)}, integrity checked).\n`);
        return 0;
      } catch (error) {
        throw new CliError(error instanceof Error ? error.message : String(error));
      } finally {
        closeDb(db);
      }
    },
  },

  restore: {
    async run(args) {
      const { values, positionals } = parseFlags(args, { db: { type: 'string' } }, true);
      const file = requireDbFlag(values.db);
      const [backupFile] = positionals;
      if (!backupFile || positionals.length > 1) throw new CliError('name one backup file to restore: pamoja restore --db FILE BACKUP.');
      if (!fs.existsSync(backupFile)) throw new CliError(`there is no backup at ${backupFile}.`);
      const at = new Date();
      if (fs.existsSync(file)) {
        try {
          const current = openDb({ file, migrationsFolder, readonly: true });
          try {
            const saved = createBackup(current.$client, { dir: backupsDirFor(file), at, reason: 'before-restore', migrationsFolder });
            out(`The current database was backed up to ${saved.file}.\n`);
          } finally {
            closeDb(current);
          }
        } catch {
          // A file too damaged to copy is set aside whole instead: nothing is ever deleted.
          out(`The current database could not be copied; it was set aside as ${quarantineDatabase(file, at)}.\n`);
        }
      }
      try {
        replaceDatabaseFile(file, backupFile, migrationsFolder);
      } catch (error) {
        throw new CliError(error instanceof Error ? error.message : String(error));
      }
      const ctx = openApp({ file, resourcesDir });
      try {
        ctx.userName ||= 'pamoja restore';
        audited(ctx, { cycleId: null }, (tx) =>
          recordAudit(tx, at.toISOString(), {
            action: 'restore',
            tableName: 'database',
            rowId: path.basename(backupFile),
            cycleId: null,
            after: { restoredFrom: path.resolve(backupFile) },
          }),
        );
        out(`Restored ${file} from ${backupFile}.\n`);
        return 0;
      } finally {
        closeDb(ctx.db);
      }
    },
  },
} satisfies Record<string, Command>;
