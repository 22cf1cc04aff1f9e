import type Database from 'better-sqlite3';
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { AuditEntryDto, auditListInput } from '../../shared/api/schemas/admin';
import { auditLog } from '../db/schema';
import type { AppContext, WriteContext } from './context';
import { registerOfTable } from '../db/tables';

export interface AuditRecord {
  action: 'create' | 'update' | 'delete' | 'restore';
  tableName: string;
  rowId: string;
  cycleId: string | null;
  before?: unknown;
  after?: unknown;
  /** The after image already as JSON, written instead of `after` (an import keeps the same text as the revision it took). */
  afterJson?: string;
}

const statements = new WeakMap<Database.Database, { insert: Database.Statement; nextId: Database.Statement }>();

/**
 * Appends one entry, inside the write's transaction so the two commit together. Prepared
 * statements, because a bulk load writes one entry per row. The entries of one change carry the
 * id of its first entry (`change_id`): AUTOINCREMENT gives the next entry the sequence's next
 * number, and this transaction holds the write lock, so the number is known before the insert.
 */
export function recordAudit(tx: WriteContext, at: string, record: AuditRecord): void {
  const client = tx.db.$client;
  let prepared = statements.get(client);
  if (!prepared) {
    prepared = {
      insert: client.prepare(
        'INSERT INTO audit_log (at, user_name, action, table_name, row_id, cycle_id, before_json, after_json, change_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      nextId: client.prepare("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'), 0) + 1").pluck(),
    };
    statements.set(client, prepared);
  }
  const { insert, nextId } = prepared;
  tx.change.auditId ??= z.int().parse(nextId.get());
  insert.run(
    at,
    tx.userName || 'unknown user',
    record.action,
    record.tableName,
    record.rowId,
    record.cycleId,
    record.before === undefined ? null : JSON.stringify(record.before),
    record.afterJson ?? (record.after === undefined ? null : JSON.stringify(record.after)),
    tx.change.auditId,
  );
}

const parsedJson = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/** A stored entry with its row images read back, as undo (services/undo.ts) and the log use it. */
export type StoredAuditEntry = Omit<AuditEntryDto, 'restorable'>;

export function readAuditEntries(ctx: AppContext, where: SQL | undefined, order: 'newest first' | 'oldest first', limit = -1): StoredAuditEntry[] {
  return ctx.db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(order === 'newest first' ? desc(auditLog.id) : asc(auditLog.id))
    .limit(limit)
    .all()
    .map(({ beforeJson, afterJson, ...rest }) => ({ ...rest, before: parsedJson(beforeJson), after: parsedJson(afterJson) }));
}

export function listAudit(ctx: AppContext, input: z.output<typeof auditListInput>): AuditEntryDto[] {
  const filters: SQL[] = [];
  if (input.cycleId) filters.push(eq(auditLog.cycleId, input.cycleId));
  if (input.rowId) filters.push(eq(auditLog.rowId, input.rowId));
  return readAuditEntries(ctx, filters.length ? and(...filters) : undefined, 'newest first', input.limit).map((entry) => ({
    ...entry,
    restorable: isRestorable(ctx, entry),
  }));
}

/**
 * Whether a deletion can be offered for restoring: a register's row that is not back, deleted last
 * by this entry (an older deletion of a row restored and deleted again is history, not an offer).
 */
function isRestorable(ctx: AppContext, entry: { id: number; action: string; tableName: string; rowId: string }): boolean {
  if (entry.action !== 'delete' || !registerOfTable(entry.tableName)) return false;
  const client = ctx.db.$client;
  const later = client.prepare('SELECT 1 FROM audit_log WHERE table_name = ? AND row_id = ? AND id > ? LIMIT 1').get(entry.tableName, entry.rowId, entry.id);
  // The table name is a register's, read from the schema (registerOfTable), never free text.
  return later === undefined && client.prepare(`SELECT 1 FROM "${entry.tableName}" WHERE id = ?`).get(entry.rowId) === undefined;
}
