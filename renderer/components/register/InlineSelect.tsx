import { useId, useState, type KeyboardEvent } from 'react';
import type { RegisterField, RegisterName, RegisterValues } from '../../../shared/api/registers';
import { updateRow } from '../../api/register-api';
import { noticeWithUndo } from '../undo';
import type { Option } from './field-spec';

interface InlineSelectProps<R extends RegisterName> {
  register: R;
  rowId: string;
  field: RegisterField<R>;
  /** e.g. "Status of A1.1": the list's accessible name and the notice's subject. */
  label: string;
  value: string;
  options: readonly Option[];
  onSaved: () => void;
}

/** Keys that move a closed list's choice without opening it: browsing, not choosing. */
const BROWSING_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

/**
 * A choice changed right in the table (a status, a level), saved without opening a form — but
 * only on an explicit choice: a click in the open list, or Enter. Arrow keys (or typing a letter)
 * on the closed list only browse: the row is marked "Enter saves · Esc keeps", and leaving the
 * list keeps the saved value. Every save's notice carries its Undo.
 */
export function InlineSelect<R extends RegisterName>({ register, rowId, field, label, value, options, onSaved }: InlineSelectProps<R>) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [browsing, setBrowsing] = useState(false);
  const hintId = useId();

  const commit = async (next: string) => {
    setPending(null);
    if (next === value) return;
    setBusy(true);
    const changes: RegisterValues<R> = {};
    changes[field] = next;
    const result = await updateRow(register, rowId, changes);
    setBusy(false);
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    setProblem(null);
    void noticeWithUndo(`Saved: ${label} is now ${options.find((option) => option.value === next)?.label ?? next}.`, rowId);
    onSaved();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLSelectElement>) => {
    if (event.key === 'Enter' && pending !== null) {
      event.preventDefault();
      void commit(pending);
    } else if (event.key === 'Escape' && pending !== null) {
      // This Esc puts the list back; it closes no panel and no notice.
      event.preventDefault();
      event.stopPropagation();
      setPending(null);
    }
    setBrowsing(
      (BROWSING_KEYS.has(event.key) && !event.altKey) || (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && event.key !== ' '),
    );
  };

  const onChange = (next: string) => {
    if (browsing) setPending(next === value ? null : next);
    else void commit(next);
  };

  return (
    <span className={pending === null ? 'inline-select' : 'inline-select inline-select--pending'}>
      <select
        aria-label={label}
        value={pending ?? value}
        disabled={busy}
        aria-invalid={problem ? true : undefined}
        aria-describedby={pending === null ? undefined : hintId}
        onKeyDown={onKeyDown}
        onMouseDown={() => setBrowsing(false)}
        onChange={(event) => onChange(event.target.value)}
        onBlur={() => setPending(null)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {pending !== null ? (
        <span className="inline-select__hint" id={hintId}>
          Enter saves · Esc keeps
        </span>
      ) : null}
      {problem ? (
        <span className="field__error" role="alert">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
