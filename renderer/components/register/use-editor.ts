import { useState } from 'react';
import { confirmDiscard } from '../unsaved-changes';
import type { RowValues } from './draft';

export type EditorTarget = { mode: 'new'; defaults: RowValues } | { mode: 'edit'; id: string } | null;

export interface Editor {
  target: EditorTarget;
  /** The record saved last, marked in its table for a moment. */
  savedId: string | null;
  openRow(id: string): void;
  /** Opens an empty form; `defaults` pre-fill it (e.g. the activity a budget line is for). */
  openNew(defaults?: RowValues): void;
  close(): void;
  saved(id: string): void;
}

/**
 * Which record of a register is open in its editor. Opening another one while the form holds
 * unsaved changes asks first. A screen holds this so its charts can open records too.
 */
export function useEditor(): Editor {
  const [target, setTarget] = useState<EditorTarget>(null);
  const [savedId, setSavedId] = useState<string | null>(null);
  return {
    target,
    savedId,
    openRow(id) {
      if (target?.mode === 'edit' && target.id === id) return;
      if (confirmDiscard()) setTarget({ mode: 'edit', id });
    },
    openNew(defaults = {}) {
      if (confirmDiscard()) setTarget({ mode: 'new', defaults });
    },
    close: () => setTarget(null),
    saved(id) {
      setSavedId(id);
      setTarget(null);
    },
  };
}
