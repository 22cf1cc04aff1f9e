/** What every API call returns: errors cross process boundaries as data, never as thrown stacks. */
export type ApiErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'in_use'
  | 'unknown_method'
  /** The disk, the file or another program stopped the write: nothing was saved. */
  | 'storage'
  | 'internal';

export interface FieldProblem {
  /** The input path, e.g. `startDate` or `periods.2.target`. */
  field: string;
  /** A plain-language sentence that names the field as the user knows it. */
  message: string;
}

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** The first field at fault, so a form can focus it. */
  field?: string;
  /** Every field at fault, for forms that show all messages at once. */
  problems?: FieldProblem[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: ApiError): Result<never> => ({ ok: false, error });

/** Thrown inside services, turned into a `Result` by the dispatcher. */
export class ServiceError extends Error {
  constructor(readonly apiError: ApiError) {
    super(apiError.message);
    this.name = 'ServiceError';
  }
}

export function invalidField(field: string, message: string): ServiceError {
  return new ServiceError({ code: 'invalid_input', message, field, problems: [{ field, message }] });
}

/** One refusal naming every problem found; its message is the first, as the schema's refusals are. */
export function refusal(problems: readonly FieldProblem[]): ServiceError {
  const [first] = problems;
  return new ServiceError({ code: 'invalid_input', message: first?.message ?? 'The input is not valid.', field: first?.field, problems: [...problems] });
}

/** The field problems a refusal carries; null for any other error, which is not about the input. */
export function problemsOf(error: unknown): FieldProblem[] | null {
  if (!(error instanceof ServiceError) || error.apiError.code !== 'invalid_input') return null;
  const { problems, field = '', message } = error.apiError;
  return problems?.length ? problems : [{ field, message }];
}

export function notFound(what: string, id: string): ServiceError {
  return new ServiceError({ code: 'not_found', message: `No ${what} with id ${id} exists.` });
}
