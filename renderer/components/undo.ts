import { api } from '../api/api';
import { dataChanged } from '../api/data-version';
import { showNotice, type NoticeAction } from './notices';

/**
 * The notice's "Undo": takes the change back through the core (with the changes the same action
 * made, `togetherWith`, as one), then offers to undo the undo.
 */
export function undoAction(changeId: number, togetherWith: readonly number[] = []): NoticeAction {
  return {
    label: 'Undo',
    run: async () => {
      const result = await api('audit:undo', { changeId, togetherWith: [...togetherWith] });
      if (!result.ok) {
        showNotice(result.error.message, { tone: 'problem' });
        return;
      }
      dataChanged();
      const { changeId: undoneBy, summary } = result.value;
      showNotice(summary, undoneBy === null ? {} : { action: undoAction(undoneBy) });
    },
  };
}

/**
 * Announces a save or a delete with an Undo for exactly that change: the newest audit entry of the
 * record names it (the app writes one change at a time, and the entry is read right after the save).
 */
export async function noticeWithUndo(text: string, rowId: string): Promise<void> {
  await noticeWithUndoOfRows(text, [rowId]);
}

/** The same for one action that saved several records one call each (a grid of periods): one Undo takes all back. */
export async function noticeWithUndoOfRows(text: string, rowIds: readonly string[]): Promise<void> {
  const latest = await Promise.all(rowIds.map((rowId) => api('audit:list', { rowId, limit: 1 })));
  const changeIds = latest.flatMap((entries) => (entries.ok && entries.value[0]?.changeId ? [entries.value[0].changeId] : []));
  const [first, ...rest] = changeIds;
  showNotice(text, first !== undefined && changeIds.length === rowIds.length ? { action: undoAction(first, rest) } : {});
}

/** Brings back a deleted record from its deletion in the audit log, saying what came back. */
export async function restoreDeletion(auditId: number): Promise<boolean> {
  const result = await api('audit:restore', { auditId });
  if (!result.ok) {
    showNotice(result.error.message, { tone: 'problem' });
    return false;
  }
  dataChanged();
  const { changeId, summary } = result.value;
  showNotice(summary, changeId === null ? {} : { action: undoAction(changeId) });
  return true;
}

/**
 * The notice's "Undo" after an import (a bundle, a workbook, pasted rows): the import history's
 * undo, which restores the backup taken just before it while nothing has changed since.
 */
export function undoImportAction(undoneText: string): NoticeAction {
  return {
    label: 'Undo',
    run: async () => {
      const result = await api('bundle:undo', {});
      if (!result.ok) return showNotice(result.error.message, { tone: 'problem' });
      dataChanged();
      showNotice(undoneText);
    },
  };
}

/** One side of a change that has an opposite action of its own: the call, and what its notice says. */
export interface OppositeStep {
  run: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>;
  done: string;
}

/**
 * The notice's "Undo" for a change whose opposite is an action of the app (a round closed is
 * reopened, a signature recorded is removed, the thresholds get their earlier values back): that
 * action, audited like any, whose own notice offers to make the change again where it can.
 */
export function undoBy(undo: OppositeStep, redo?: OppositeStep): NoticeAction {
  return {
    label: 'Undo',
    run: async () => {
      const result = await undo.run();
      if (!result.ok) return showNotice(result.error.message, { tone: 'problem' });
      dataChanged();
      // Without a way back (a signature's removal cannot give it its old id), the notice just says it.
      showNotice(undo.done, redo ? { action: undoBy(redo, undo) } : {});
    },
  };
}
