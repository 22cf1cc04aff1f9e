import { useId, type ReactNode } from 'react';

/** What a control needs so its label, hint and error are announced with it. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  label: string;
  /** The API field it edits: the form's summary of problems links here by it. */
  name?: string;
  hint?: string;
  error?: string | undefined;
  /** Spans both columns of a two-column form. */
  wide?: boolean;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled control with its hint and, after a refused save, its message right beneath it. */
export function Field({ label, name, hint, error, wide = false, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const className = ['field', wide ? 'field--wide' : '', error ? 'field--invalid' : ''].filter(Boolean).join(' ');
  return (
    <div className={className} data-field={name}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
