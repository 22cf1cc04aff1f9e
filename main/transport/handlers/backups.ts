import type { backupMethods } from '../../../shared/api/methods/backups';
import { backUpNow, exportDatabase, listDatabaseBackups, restoreDatabaseBackup } from '../../services/backups';
import { checkIntegrity } from '../../db/check';
import type { HandlersFor } from './handler-types';

export const backupHandlers: HandlersFor<typeof backupMethods> = {
  'backup:list': (ctx) => listDatabaseBackups(ctx),
  'backup:create': (ctx) => backUpNow(ctx),
  'backup:restore': restoreDatabaseBackup,
  'database:export': (ctx) => exportDatabase(ctx),
  'database:check': (ctx) => checkIntegrity(ctx.db),
};
