import type { ApiError } from '../../../shared/result';

/** A refused save, laid out for a form: messages beside their fields, the rest above the form. */
export interface FormErrors {
  byField: Readonly<Record<string, string>>;
  general: readonly string[];
}

export const noErrors: FormErrors = { byField: {}, general: [] };

export const hasErrors = (errors: FormErrors): boolean => errors.general.length > 0 || Object.keys(errors.byField).length > 0;

/**
 * Matches each problem to a field of the form by the first part of its path (`wardIds.2` belongs to
 * `wardIds`). A problem the form has no field for must still be seen, so it goes to `general`.
 */
export function formErrors(error: ApiError, fields: readonly string[]): FormErrors {
  const problems = error.problems?.length ? error.problems : [{ field: error.field ?? '', message: error.message }];
  const found: Record<string, string> = {};
  const general: string[] = [];
  for (const problem of problems) {
    const field = problem.field.split('.')[0] ?? '';
    if (fields.includes(field)) found[field] ??= problem.message;
    else if (!general.includes(problem.message)) general.push(problem.message);
  }
  // In the form's order, so the summary reads top to bottom as the fields do.
  const byField = Object.fromEntries(fields.flatMap((field) => (found[field] === undefined ? [] : [[field, found[field]]])));
  return { byField, general };
}
