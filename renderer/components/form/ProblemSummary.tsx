import type { RefObject } from 'react';

interface ProblemSummaryProps {
  /** Messages by API field name, in the form's order; each already names its field. */
  byField: Readonly<Record<string, string>>;
  form: RefObject<HTMLFormElement | null>;
}

/** The control of a field (`Field name=…`): its text box, list, or first tick box. */
export const controlOf = (form: HTMLFormElement | null, field: string): HTMLElement | null =>
  form?.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"] :is(input, select, textarea)`) ?? null;

/**
 * The list of a refused save's problems at the top of its form, one link per field: following a
 * link puts the keyboard in that field (the address does not change; screens live in the hash).
 */
export function ProblemSummary({ byField, form }: ProblemSummaryProps) {
  const entries = Object.entries(byField);
  if (entries.length === 0) return null;
  return (
    <>
      <p>{entries.length === 1 ? 'One field needs' : `${entries.length} fields need`} correcting, then save again:</p>
      <ul className="form__problems">
        {entries.map(([field, message]) => (
          <li key={field}>
            <a
              href={`#${field}`}
              onClick={(event) => {
                event.preventDefault();
                const control = controlOf(form.current, field);
                control?.scrollIntoView({ block: 'center' });
                control?.focus();
              }}
            >
              {message}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
