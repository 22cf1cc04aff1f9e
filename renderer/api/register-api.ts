import type { ApiInput, ApiMethod } from '../../shared/api/contract';
import type { RegisterName, RegisterValues } from '../../shared/api/registers';
import type { FieldProblem, Result } from '../../shared/result';
import { api } from './api';

type Verb = 'create' | 'update' | 'delete';

/**
 * The one place the generic register screens reach the typed client. Their fields are named by
 * the register's schema, but their values are typed text turned into values at run time, so the
 * compiler cannot match them to one method's input type; the dispatcher parses every input with
 * the contract's schema and answers a mismatch with the field's plain message, which the form shows.
 */
function call(register: RegisterName, verb: Verb, input: Record<string, unknown>): Promise<Result<unknown>> {
  const method: ApiMethod = `${register}:${verb}`;
  return api(method, input as ApiInput<typeof method>);
}

export function createRow<R extends RegisterName>(register: R, cycleId: string, fields: RegisterValues<R>): Promise<Result<unknown>> {
  return call(register, 'create', { ...fields, cycleId });
}

/** Sends only the fields that changed, as the contract asks. */
export function updateRow<R extends RegisterName>(register: R, id: string, changes: RegisterValues<R>): Promise<Result<unknown>> {
  return call(register, 'update', { id, changes });
}

/** The id of the record a create or update answered with (their answers are the record). */
export const idOfSaved = (value: unknown): string =>
  typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string' ? value.id : '';

export function deleteRow(register: RegisterName, id: string): Promise<Result<unknown>> {
  return call(register, 'delete', { id });
}

/**
 * The problems the server's rules would add to those the form found itself (an end before its
 * start, a code used twice), asked without saving, so the officer sees them all in one round.
 * An unanswered check adds nothing: the save that follows is checked again in full.
 */
export async function serverProblems<R extends RegisterName>(
  register: R,
  target: { cycleId: string; id?: string },
  values: RegisterValues<R>,
): Promise<FieldProblem[]> {
  const result = await api('register:check', { register, ...target, values });
  return result.ok ? result.value : [];
}
