import { z } from 'zod';
import { backupDto, backupListDto, backupRestoreInput, fileDto, integrityReportDto } from '../schemas/backup';
import { method } from './define';

/** Backups and the whole-database export (the reliability issue). */
export const backupMethods = {
  'backup:list': method(z.strictObject({}), backupListDto, 'Lists the verified backups kept beside the database, newest first.'),
  'backup:create': method(z.strictObject({}), backupDto, 'Takes a verified backup now.'),
  'backup:restore': method(backupRestoreInput, backupListDto, 'Restores a listed backup in place (the current state is backed up first).'),
  'database:export': method(z.strictObject({}), fileDto, 'The whole database as one file, for a USB stick.'),
  'database:check': method(z.strictObject({}), integrityReportDto, "SQLite's full integrity and foreign-key checks, on demand."),
};
