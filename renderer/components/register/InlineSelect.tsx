import { useState } from 'react';
import type { RegisterField, RegisterName, RegisterValues } from '../../../shared/api/registers';
import { updateRow } from '../../api/register-api';
import { showNotice } from '../notices';
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

/** A choice changed right in the table (a status, a level), saved at once, no form to open. */
export function InlineSelect<R extends RegisterName>({ register, rowId, field, label, value, options, onSaved }: InlineSelectProps<R>) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const change = async (next: string) => {
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
    showNotice(`Saved: ${label} is now ${options.find((option) => option.value === next)?.label ?? next}.`);
    onSaved();
  };

  return (
    <span className="inline-select">
      <select aria-label={label} value={value} disabled={busy} aria-invalid={problem ? true : undefined} onChange={(event) => void change(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {problem ? (
        <span className="field__error" role="alert">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
