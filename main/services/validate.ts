import type { z } from 'zod';
import { explainIssues } from '../../shared/api/explain';
import type { RegisterName } from '../../shared/api/registers';
import { ServiceError } from '../../shared/result';

/** Parses input with an operation's schema; a refusal names every field at fault (in the register's words). */
export function validate<S extends z.ZodType>(schema: S, input: unknown, register?: RegisterName): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ServiceError(explainIssues(parsed.error.issues, register));
  return parsed.data;
}
