import { eq, getTableName } from 'drizzle-orm';
import { cycleRecordNames, cycleRecordNouns, cycleRecordTables, type CycleRecordName } from '../db/tables';
import type { StoredAuditEntry } from './audit';
import { recordAudit } from './audit';
import type { WriteContext } from './context';
import { writeTombstone } from './record-meta';

/**
 * The cycle's records that are not registers but whose creation undo takes back: a reporting
 * round just opened (with the organisations it asks) and a decision on a proposed trigger. The
 * row is deleted as any cycle record is (a tombstone, so the deletion travels in a full bundle);
 * made again later (the same period, the same proposal), it gets the same id and the tombstone goes.
 * Their later changes (a round closed, members asked) are not undone here: the screens offer the
 * opposite action for those, and a later change stops this undo with a sentence naming it.
 */
const UNDOABLE_CREATIONS: readonly CycleRecordName[] = ['reportingRound', 'roundMember', 'triggerProposalDecision'];

/** The record whose creation this entry made, if undo can take that creation back. */
export function createdRecordOf(entry: StoredAuditEntry): CycleRecordName | undefined {
  if (entry.action !== 'create') return undefined;
  return UNDOABLE_CREATIONS.find((name) => getTableName(cycleRecordTables[name]) === entry.tableName);
}

/** After the registers, in the order of cycleRecordNames (a round before its members): parents first. */
export const createdRecordRank = (record: CycleRecordName) => cycleRecordNames.indexOf(record);

export const createdRecordSubject = (record: CycleRecordName) => `the ${cycleRecordNouns[record].one}`;

/** Deletes the row the entry created, inside the undo's change; false when the entry is not such a creation. */
export function removeCreatedRecord(tx: WriteContext, entry: StoredAuditEntry): boolean {
  const record = createdRecordOf(entry);
  if (!record || entry.cycleId === null) return false;
  const table = cycleRecordTables[record];
  tx.db.delete(table).where(eq(table.id, entry.rowId)).run();
  const at = writeTombstone(tx, entry.tableName, entry.rowId, entry.cycleId);
  recordAudit(tx, at, { action: 'delete', tableName: entry.tableName, rowId: entry.rowId, cycleId: entry.cycleId, before: entry.after });
  return true;
}
