import { useState } from 'react';
import type { Result } from '../../../shared/result';
import { formErrors, noErrors, type FormErrors } from './form-errors';

export interface Submitter {
  busy: boolean;
  errors: FormErrors;
  /** Runs one save; resolves to its value, or to null when it was refused (errors are then set). */
  submit<T>(action: () => Promise<Result<T>>): Promise<T | null>;
  showErrors(errors: FormErrors): void;
  clearErrors(): void;
}

/** The busy flag and error layout every form needs; `fields` are the API field names the form shows. */
export function useSubmit(fields: readonly string[]): Submitter {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  return {
    busy,
    errors,
    async submit(action) {
      // A second Enter while the first save is in flight must not save twice.
      if (busy) return null;
      setBusy(true);
      const result = await action();
      setBusy(false);
      setErrors(result.ok ? noErrors : formErrors(result.error, fields));
      return result.ok ? result.value : null;
    },
    showErrors: setErrors,
    clearErrors: () => setErrors(noErrors),
  };
}
