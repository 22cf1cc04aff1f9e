import path from 'node:path';
import { desc, eq, isNull } from 'drizzle-orm';
import type { BundleImportDto } from '../../shared/api/schemas/bundles';
import { formatHlc } from '../../shared/hlc';
import { ServiceError } from '../../shared/result';
import { migrationsFolderIn } from '../app-context';
import { backupsDirFor, createBackup, listBackups } from '../db/backup';
import { bundleImports, bundleKeys, bundleTrustedKeys, installation } from '../db/schema';
import { restoreDatabaseBackup } from '../services/backups';
import { inWriteTransaction, type AppContext } from '../services/context';
import { expectNumber } from '../db/row-values';

/** The import history, the backup taken before each import, and undoing the last one. */

type ImportRow = typeof bundleImports.$inferSelect;

const inMemory = (ctx: AppContext) => ctx.db.$client.name === ':memory:' || ctx.db.$client.name === '';

/** The newest audit entry other than restores (restoring a backup is how an import is undone). */
export function maxAuditId(ctx: AppContext): number {
  return expectNumber(ctx.db.$client.prepare("SELECT coalesce(max(id), 0) FROM audit_log WHERE action != 'restore'").pluck().get(), 'max(id)');
}

/** A verified copy of the database just before an import; null for an in-memory database (tests). */
export function backupBeforeImport(ctx: AppContext): string | null {
  if (inMemory(ctx)) return null;
  const file = ctx.db.$client.name;
  const backup = createBackup(ctx.db.$client, {
    dir: backupsDirFor(file),
    at: ctx.now(),
    reason: 'before-import',
    migrationsFolder: migrationsFolderIn(ctx.resourcesDir),
  });
  return path.basename(backup.file);
}

function newestUndoable(ctx: AppContext): ImportRow | undefined {
  return ctx.db.select().from(bundleImports).where(isNull(bundleImports.undoneAt)).orderBy(desc(bundleImports.importedAt), desc(bundleImports.auditTo)).get();
}

/** Why the newest import cannot be undone now; null when it can. */
function undoBlocker(ctx: AppContext, row: ImportRow): string | null {
  if (row.backupFile === null) return 'This import was made in a database held only in memory, so no backup was taken: it cannot be undone.';
  if (maxAuditId(ctx) > row.auditTo) {
    return 'Changes were made after this import; undoing it would remove them too. If that is what you want, restore the backup taken before the import from the Backups screen.';
  }
  const file = ctx.db.$client.name;
  if (!listBackups(backupsDirFor(file)).some((backup) => path.basename(backup.file) === row.backupFile)) {
    return `The backup taken before this import (${row.backupFile}) is no longer kept, so it cannot be undone.`;
  }
  return null;
}

export function importDto(ctx: AppContext, row: ImportRow): BundleImportDto {
  const summary = JSON.parse(row.summaryJson) as { counts?: Record<string, number>; decisions?: unknown[] };
  const counts = summary.counts ?? {};
  const newest = newestUndoable(ctx);
  return {
    id: row.id,
    cycleId: row.cycleId,
    bundleId: row.bundleId,
    kind: row.kind,
    senderName: row.senderName,
    senderFingerprint: row.senderFingerprint,
    bundleCreatedAt: row.bundleCreatedAt,
    importedAt: row.importedAt,
    userName: row.userName,
    backupFile: row.backupFile,
    counts: {
      adds: counts.adds ?? 0,
      changes: counts.changes ?? 0,
      deletions: counts.deletions ?? 0,
      conflictsResolved: summary.decisions?.length ?? 0,
      refused: counts.refused ?? 0,
    },
    undoneAt: row.undoneAt,
    canUndo: newest?.id === row.id && !inMemory(ctx) && undoBlocker(ctx, row) === null,
  };
}

export function listImports(ctx: AppContext, cycleId: string | null): BundleImportDto[] {
  return ctx.db
    .select()
    .from(bundleImports)
    .where(cycleId === null ? undefined : eq(bundleImports.cycleId, cycleId))
    .orderBy(desc(bundleImports.importedAt), desc(bundleImports.auditTo))
    .all()
    .map((row) => importDto(ctx, row));
}

/**
 * Restores the verified backup taken just before the newest import, so the plan is exactly as it
 * was. This copy's key, the keys it trusts and the import history are kept (the history marks the
 * import undone), and the clock keeps its latest reading: it never goes backwards.
 */
export function undoLastImport(ctx: AppContext): BundleImportDto {
  const last = newestUndoable(ctx);
  if (!last) throw new ServiceError({ code: 'not_found', message: 'There is no import to undo.' });
  const blocker = undoBlocker(ctx, last);
  if (blocker) throw new ServiceError({ code: 'invalid_input', message: blocker });
  const kept = {
    keys: ctx.db.select().from(bundleKeys).all(),
    trusted: ctx.db.select().from(bundleTrustedKeys).all(),
    imports: ctx.db.select().from(bundleImports).all(),
    clock: ctx.clock.last,
  };
  restoreDatabaseBackup(ctx, { fileName: last.backupFile as string });
  const undoneAt = ctx.now().toISOString();
  inWriteTransaction(ctx, (tx) => {
    tx.db.delete(bundleKeys).run();
    tx.db.delete(bundleTrustedKeys).run();
    tx.db.delete(bundleImports).run();
    if (kept.keys.length > 0) tx.db.insert(bundleKeys).values(kept.keys).run();
    if (kept.trusted.length > 0) tx.db.insert(bundleTrustedKeys).values(kept.trusted).run();
    for (const row of kept.imports)
      tx.db
        .insert(bundleImports)
        .values(row.id === last.id ? { ...row, undoneAt } : row)
        .run();
    tx.clock.last = kept.clock;
    if (kept.clock)
      tx.db
        .update(installation)
        .set({ lastHlc: formatHlc(kept.clock) })
        .where(eq(installation.id, tx.installationId))
        .run();
  });
  const undone = ctx.db.select().from(bundleImports).where(eq(bundleImports.id, last.id)).get();
  if (!undone) throw new Error('The undone import is no longer in the history.');
  return importDto(ctx, undone);
}
