import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditEntryDto, auditListInput } from '../../shared/api/schemas/admin';
import { auditLog } from '../db/schema';
import type { AppContext } from './context';

export interface AuditRecord {
  action: 'create' | 'update' | 'delete';
  tableName: string;
  rowId: string;
  cycleId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends one entry; called inside the write's transaction so the two commit together. */
export function recordAudit(ctx: AppContext, at: string, record: AuditRecord): void {
  ctx.db
    .insert(auditLog)
    .values({
      at,
      userName: ctx.userName || 'unknown user',
      action: record.action,
      tableName: record.tableName,
      rowId: record.rowId,
      cycleId: record.cycleId,
      beforeJson: record.before === undefined ? null : JSON.stringify(record.before),
      afterJson: record.after === undefined ? null : JSON.stringify(record.after),
    })
    .run();
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
