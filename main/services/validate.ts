import type { z } from 'zod';
import { explainIssues } from '../../shared/api/explain';
import { ServiceError } from '../../shared/result';

/** Parses input with an operation's schema; a refusal names every field at fault. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ServiceError(explainIssues(parsed.error.issues));
  return parsed.data;
}
