import type Database from 'better-sqlite3';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditEntryDto, auditListInput } from '../../shared/api/schemas/admin';
import { auditLog } from '../db/schema';
import type { AppContext } from './context';

export interface AuditRecord {
  action: 'create' | 'update' | 'delete' | 'restore';
  tableName: string;
  rowId: string;
  cycleId: string | null;
  before?: unknown;
  after?: unknown;
}

const insertStatements = new WeakMap<Database.Database, Database.Statement>();

/**
 * Appends one entry; called inside the write's transaction so the two commit together. A prepared
 * statement, because a bulk load writes one entry per row.
 */
export function recordAudit(ctx: AppContext, at: string, record: AuditRecord): void {
  const client = ctx.db.$client;
  let insert = insertStatements.get(client);
  if (!insert) {
    insert = client.prepare(
      'INSERT INTO audit_log (at, user_name, action, table_name, row_id, cycle_id, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    insertStatements.set(client, insert);
  }
  insert.run(
    at,
    ctx.userName || 'unknown user',
    record.action,
    record.tableName,
    record.rowId,
    record.cycleId,
    record.before === undefined ? null : JSON.stringify(record.before),
    record.after === undefined ? null : JSON.stringify(record.after),
  );
}

export function listAudit(ctx: AppContext, input: z.output<typeof auditListInput>): AuditEntryDto[] {
  const filters: SQL[] = [];
  if (input.cycleId) filters.push(eq(auditLog.cycleId, input.cycleId));
  if (input.rowId) filters.push(eq(auditLog.rowId, input.rowId));
  const rows = ctx.db
    .select()
    .from(auditLog)
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(input.limit)
    .all();
  return rows.map(({ beforeJson, afterJson, ...rest }) => ({
    ...rest,
    before: beforeJson === null ? null : (JSON.parse(beforeJson) as unknown),
    after: afterJson === null ? null : (JSON.parse(afterJson) as unknown),
  }));
}
