import { and, eq, gt, gte, isNull, lt, or } from 'drizzle-orm';
import { fieldLabel } from '../../shared/api/field-labels';
import { registerNames, registerSchemas, type RegisterName } from '../../shared/api/registers';
import type { UndoResultDto } from '../../shared/api/schemas/admin';
import { cycleUpdateInput } from '../../shared/api/schemas/cycle';
import { isRecord } from '../../shared/guards';
import { ServiceError, notFound } from '../../shared/result';
import type { Row } from '../db/row-store';
import { auditLog } from '../db/schema';
import { readAuditEntries, type StoredAuditEntry } from './audit';
import { registerNouns, registerOfTable } from '../db/tables';
import { audited } from './audited-write';
import type { AppContext, WriteContext } from './context';
import { archiveCycle, updateCycle } from './cycles';
import { registerServices } from './index';
import { createdRecordOf, createdRecordRank, createdRecordSubject, removeCreatedRecord } from './undo-records';

/**
 * Undo and restore, built on what the audit log already keeps: each entry of a change holds the
 * row's image before and after it. Undoing a change replays its entries backwards through the
 * register engine — a created row is deleted, an updated one gets its `before` back, a deleted
 * one is reinstated — so the rules of a save apply, and the undo is itself one audited change
 * (which can be undone in turn). Nothing is undone over a later change of the same row: the undo
 * says which change stands in the way instead.
 */

type Entry = StoredAuditEntry;

function entriesOfChange(ctx: AppContext, changeId: number): Entry[] {
  // Entries made before changes were numbered are each a change of their own.
  return readAuditEntries(ctx, or(eq(auditLog.changeId, changeId), and(isNull(auditLog.changeId), eq(auditLog.id, changeId))), 'oldest first');
}

function entryById(ctx: AppContext, id: number): Entry {
  const [entry] = readAuditEntries(ctx, eq(auditLog.id, id), 'oldest first');
  if (!entry) throw notFound('audit log entry', String(id));
  return entry;
}

/** The newest entry about this row written after `afterId`: a later change the undo would overwrite. */
function laterEntry(ctx: AppContext, entry: Entry, afterId: number): Entry | undefined {
  const where = and(eq(auditLog.tableName, entry.tableName), eq(auditLog.rowId, entry.rowId), gt(auditLog.id, afterId));
  return readAuditEntries(ctx, where, 'newest first', 1)[0];
}

const imageOf = (value: unknown): Row => (isRecord(value) ? value : {});

/** "the risk “R3 Drought delays works”": how a message names the row of an entry. */
function named(register: RegisterName, image: Row): string {
  const label = ['code', 'title', 'name', 'statement', 'component', 'trigger', 'periodKey', 'description']
    .map((key) => image[key])
    .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
    .slice(0, 2)
    .join(' ');
  return label ? `the ${registerNouns[register].one} “${label.length > 80 ? `${label.slice(0, 77)}…` : label}”` : `a ${registerNouns[register].one}`;
}

const when = (at: string) => `${at.slice(0, 10)} ${at.slice(11, 16)} UTC`;

const isCycleEntry = (entry: Entry) => entry.action === 'update' && (entry.tableName === 'cycles' || entry.tableName === 'cycle_marks');

/** How a message names the row of an entry, a cycle's settings included. */
function subjectOf(entry: Entry): string {
  const record = createdRecordOf(entry);
  if (record) return createdRecordSubject(record);
  if (isCycleEntry(entry)) {
    const title = imageOf(entry.after).title ?? imageOf(entry.before).title;
    return entry.tableName === 'cycle_marks' ? 'the archiving of the cycle' : `the settings of “${typeof title === 'string' ? title : 'the cycle'}”`;
  }
  return named(registerOf(entry), imageOf(entry.before ?? entry.after));
}

function registerOf(entry: Entry): RegisterName {
  const register = registerOfTable(entry.tableName);
  if (!register) {
    throw new ServiceError({
      code: 'invalid_input',
      message: `This change also wrote ${entry.tableName.replace(/_/g, ' ')}, which undo does not take back; restore a backup from the Backups screen instead.`,
    });
  }
  return register;
}

/** The fields an update may set, from the row's image: the update schema's keys, no more. */
function changesFrom(register: RegisterName, image: Row): Row {
  const keys = Object.keys(registerSchemas[register].update.shape.changes.shape);
  return Object.fromEntries(keys.filter((key) => key in image).map((key) => [key, image[key]]));
}

/**
 * A cycle's settings and its archiving are taken back through their own services (not the
 * register engine): the settings get the values before the change, the archive mark its opposite.
 */
function revertCycle(tx: WriteContext, entry: Entry): boolean {
  if (entry.action !== 'update' || (entry.tableName !== 'cycles' && entry.tableName !== 'cycle_marks')) return false;
  const before = imageOf(entry.before);
  if (entry.tableName === 'cycle_marks') {
    archiveCycle(tx, { id: entry.rowId, archived: before.archivedAt !== null && before.archivedAt !== undefined });
    return true;
  }
  const after = imageOf(entry.after);
  const settable = Object.keys(cycleUpdateInput.shape.changes.shape);
  const changed = Object.keys(after).filter((key) => key !== 'updatedAt' && JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  if (changed.some((key) => !settable.includes(key))) return false;
  updateCycle(tx, { id: entry.rowId, changes: Object.fromEntries(changed.map((key) => [key, before[key]])) });
  return true;
}

/** Takes one entry back inside the undo's change; the engine writes the audit entry for it. */
function revert(tx: WriteContext, entry: Entry): void {
  if (revertCycle(tx, entry) || removeCreatedRecord(tx, entry)) return;
  const register = registerOf(entry);
  const service = registerServices[register];
  switch (entry.action) {
    case 'create':
    case 'restore':
      service.remove(tx, { id: entry.rowId });
      return;
    case 'update':
      service.untyped.update(tx, { id: entry.rowId, changes: changesFrom(register, imageOf(entry.before)) });
      return;
    case 'delete':
      service.reinstate(tx, imageOf(entry.before));
      return;
  }
}

/** A refusal from the engine names the row it is about, since one undo can touch many rows. */
function aboutRow(error: unknown, entry: Entry): unknown {
  if (!(error instanceof ServiceError)) return error;
  const register = registerOfTable(entry.tableName);
  if (!register) return error;
  const image = imageOf(entry.before ?? entry.after);
  const field = error.apiError.field;
  const message = field && !error.apiError.message.includes(':') ? `${fieldLabel(field, register)}: ${error.apiError.message}` : error.apiError.message;
  return new ServiceError({ code: error.apiError.code, message: `Cannot take back the change to ${named(register, image)}: ${message}` });
}

// A cycle's own settings come before its registers, the other records of the cycle after them.
function registerRank(entry: Entry): number {
  const record = createdRecordOf(entry);
  if (record) return registerNames.length + createdRecordRank(record);
  return isCycleEntry(entry) ? -1 : registerNames.indexOf(registerOf(entry));
}

/**
 * Deleted rows come back parents first (an organisation before its activities, an activity before
 * its budget lines), then updates are taken back newest first, then created rows go children first.
 */
function revertOrder(entries: Entry[]): Entry[] {
  const reinstated = entries.filter((entry) => entry.action === 'delete').sort((a, b) => registerRank(a) - registerRank(b));
  const updated = entries.filter((entry) => entry.action === 'update').reverse();
  const removed = entries
    .filter((entry) => entry.action === 'create' || entry.action === 'restore')
    .sort((a, b) => registerRank(b) - registerRank(a) || b.id - a.id);
  return [...reinstated, ...updated, ...removed];
}

function replay(ctx: AppContext, entries: Entry[], done: string): UndoResultDto {
  const [first] = entries;
  if (!first) throw new ServiceError({ code: 'not_found', message: 'There is nothing to undo in this change.' });
  const lastId = Math.max(...entries.map((entry) => entry.id));
  for (const entry of entries) {
    const subject = subjectOf(entry);
    const later = laterEntry(ctx, entry, lastId);
    if (later) {
      throw new ServiceError({
        code: 'invalid_input',
        message: `${capitalise(subject)} ${entry.tableName === 'cycles' ? 'were' : 'was'} changed again afterwards (${when(later.at)} by ${later.userName}); undo that change first, or edit the record by hand.`,
      });
    }
  }
  const cycleIds = new Set(entries.map((entry) => entry.cycleId));
  const [cycleId = null] = cycleIds;
  return audited(ctx, { cycleId: cycleIds.size === 1 ? cycleId : null }, (tx) => {
    for (const entry of revertOrder(entries)) {
      try {
        revert(tx, entry);
      } catch (error) {
        throw aboutRow(error, entry);
      }
    }
    const subject = entries.length === 1 ? subjectOf(first) : `${entries.length} records`;
    // A record of the cycle that undo deleted is not made again by undoing the undo: that is done by redoing the action itself.
    const undoable = !entries.some((entry) => createdRecordOf(entry));
    return { changeId: undoable ? tx.change.auditId : null, rows: entries.length, summary: `${done}: ${subject}.` };
  });
}

/**
 * Takes a whole change back (a save, a delete, an import's rows), with the changes made by the same
 * action of the officer (`togetherWith`): everything or nothing.
 */
export function undoChange(ctx: AppContext, input: { changeId: number; togetherWith?: readonly number[] }): UndoResultDto {
  const changeIds = [...new Set([input.changeId, ...(input.togetherWith ?? [])])];
  return replay(
    ctx,
    changeIds.flatMap((changeId) => entriesOfChange(ctx, changeId)),
    'Undone',
  );
}

/**
 * Deletions that cleared the way for this one: a record named by others cannot be deleted, so an
 * officer deletes an activity's budget lines one by one and then the activity. These are the
 * deletions of the cycle made in the hour before its deletion and after the record's own last
 * change, of rows still deleted (nothing recorded about them since); restoreDeleted keeps those
 * that depend on it. A line deleted on purpose long before its activity stays deleted.
 */
const CLEARING_THE_WAY_MS = 60 * 60 * 1000;

function clearedTheWay(ctx: AppContext, deletion: Entry): Entry[] {
  const lastOwnChange = readAuditEntries(
    ctx,
    and(eq(auditLog.tableName, deletion.tableName), eq(auditLog.rowId, deletion.rowId), lt(auditLog.id, deletion.id)),
    'newest first',
    1,
  )[0];
  const since = and(
    eq(auditLog.action, 'delete'),
    deletion.cycleId === null ? isNull(auditLog.cycleId) : eq(auditLog.cycleId, deletion.cycleId),
    gt(auditLog.id, lastOwnChange?.id ?? 0),
    lt(auditLog.id, deletion.id),
    gte(auditLog.at, new Date(Date.parse(deletion.at) - CLEARING_THE_WAY_MS).toISOString()),
  );
  return readAuditEntries(ctx, since, 'oldest first').filter((other) => other.changeId !== deletion.changeId && !laterEntry(ctx, other, other.id));
}

/**
 * Brings back a deleted record from its deletion in the audit log, with what depends on it and was
 * deleted with it in the same change (a partner's bundle that deleted an activity and its budget
 * lines) or just before it to make way for it; its link lists (wards, supporting organisations)
 * come back with the row itself.
 */
export function restoreDeleted(ctx: AppContext, input: { auditId: number }): UndoResultDto {
  const entry = entryById(ctx, input.auditId);
  if (entry.action !== 'delete')
    throw new ServiceError({ code: 'invalid_input', message: 'Only a deletion can be restored; this entry records a change that is not one.' });
  const register = registerOf(entry);
  const sameChange = entry.changeId === null ? [entry] : entriesOfChange(ctx, entry.changeId).filter((other) => other.action === 'delete');
  const candidates = [...clearedTheWay(ctx, entry), ...sameChange];
  const chosen = new Set([entry.rowId]);
  // Children first found, then their own children: a row belongs if it names a row already chosen.
  for (let grew = true; grew;) {
    grew = false;
    for (const other of candidates) {
      if (chosen.has(other.rowId)) continue;
      if (Object.values(imageOf(other.before)).some((value) => (Array.isArray(value) ? value.some((v) => chosen.has(String(v))) : chosen.has(String(value))))) {
        chosen.add(other.rowId);
        grew = true;
      }
    }
  }
  const restoring = candidates.filter((other) => chosen.has(other.rowId));
  const result = replay(ctx, restoring, 'Restored');
  const children = restoring.length - 1;
  const before = restoring.some((other) => other.id !== entry.id && (other.changeId !== entry.changeId || entry.changeId === null)) ? ' or just before it' : '';
  return children > 0
    ? { ...result, summary: `Restored: ${named(register, imageOf(entry.before))} and ${children} record${children === 1 ? '' : 's'} deleted with it${before}.` }
    : result;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
