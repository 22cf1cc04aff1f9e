import type { ServiceError } from '../../shared/result';

/** A service's refusal as field problems: its own list, or its one message on its one field. */
export function problemsOf(error: ServiceError): { field: string; message: string }[] {
  return error.apiError.problems?.length ? error.apiError.problems : [{ field: error.apiError.field ?? '', message: error.apiError.message }];
}

/** Which row a bulk load refused: its error names the row as "3.endDate" or "Row 4: …". */
export function failingIndex(error: ServiceError, size: number): number {
  const fromField = /^(\d+)\./.exec(error.apiError.field ?? '')?.[1];
  const fromMessage = /^Row (\d+):/.exec(error.apiError.message)?.[1];
  const index = fromField !== undefined ? Number(fromField) : fromMessage !== undefined ? Number(fromMessage) - 1 : 0;
  return Math.min(Math.max(index, 0), size - 1);
}
