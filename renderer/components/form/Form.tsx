import { InlineNotice } from '../ui/InlineNotice';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { hasErrors, type FormErrors } from './form-errors';
import { ProblemSummary } from './ProblemSummary';

interface FormProps {
  /** The form's accessible name, e.g. "Create a new cycle". */
  label: string;
  errors: FormErrors;
  busy: boolean;
  /** Enter in a field submits, as in any HTML form. */
  onSubmit: () => void;
  /** Esc cancels. */
  onCancel?: () => void;
  className?: string;
  children: ReactNode;
}

/**
 * Every problem of a refused save shows at once: each beneath its field (which is marked invalid
 * and described by its message), and all of them in a summary at the top whose links take the
 * keyboard to the field. The keyboard goes to the first field at fault.
 * The browser's own validation bubbles are off (`noValidate`): every message comes from the same
 * rules the app enforces, shown beside the field, and says that nothing was saved.
 */
export function Form({ label, errors, busy, onSubmit, onCancel, className, children }: FormProps) {
  const ref = useRef<HTMLFormElement>(null);

  useEffect(() => {
    // After a refused save, take the keyboard to the first field at fault.
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
    // Text fields submit on Enter by themselves; lists and tick boxes should too (not text areas,
    // where Enter starts a new line: Ctrl+Enter saves there).
    const target = event.target;
    const isChoice = target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === 'checkbox');
    const isTextArea = target instanceof HTMLTextAreaElement;
    if (event.key === 'Enter' && (isChoice || (isTextArea && event.ctrlKey))) {
      event.preventDefault();
      ref.current?.requestSubmit();
    }
  };

  return (
    <form
      ref={ref}
      aria-label={label}
      aria-busy={busy}
      noValidate
      className={['form', className].filter(Boolean).join(' ')}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {hasErrors(errors) ? (
        <InlineNotice title="Nothing was saved.">
          {errors.general.map((message) => (
            <p key={message}>{message}</p>
          ))}
          <ProblemSummary byField={errors.byField} form={ref} />
        </InlineNotice>
      ) : null}
      {children}
    </form>
  );
}
