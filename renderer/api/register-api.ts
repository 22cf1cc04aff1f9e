import type { ApiInput, ApiMethod } from '../../shared/api/contract';
import type { Result } from '../../shared/result';
import { api } from './api';

/** Every register of a cycle, by the name its API methods carry (`risk:create`, …). */
export type RegisterName =
  | 'organisation'
  | 'contact'
  | 'objective'
  | 'activity'
  | 'contribution'
  | 'disbursement'
  | 'indicator'
  | 'indicatorPeriod'
  | 'risk'
  | 'milestone'
  | 'learningEntry'
  | 'adaptiveTrigger'
  | 'signatory';

export type RegisterFields = Record<string, unknown>;

type Verb = 'create' | 'update' | 'delete';

/**
 * The one place the generic register screens reach the typed client. Their inputs are built from
 * field specs at run time, so the compiler cannot match them to one method's input type; the
 * dispatcher parses every input with the contract's schema and answers a mismatch with the field's
 * plain message, which the form shows.
 */
function call(register: RegisterName, verb: Verb, input: RegisterFields): Promise<Result<unknown>> {
  const method: ApiMethod = `${register}:${verb}`;
  return api(method, input as ApiInput<typeof method>);
}

export function createRow(register: RegisterName, cycleId: string, fields: RegisterFields): Promise<Result<unknown>> {
  return call(register, 'create', { ...fields, cycleId });
}

/** Sends only the fields that changed, as the contract asks. */
export function updateRow(register: RegisterName, id: string, changes: RegisterFields): Promise<Result<unknown>> {
  return call(register, 'update', { id, changes });
}

export function deleteRow(register: RegisterName, id: string): Promise<Result<unknown>> {
  return call(register, 'delete', { id });
}
