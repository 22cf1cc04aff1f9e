import { apiContract, isApiMethod, type ApiMethod } from '../../shared/api/contract';
import { explainIssues } from '../../shared/api/explain';
import { ServiceError, fail, ok, type Result } from '../../shared/result';
import type { AppContext } from '../services/context';
import { handlers } from './handlers/index';

export type Dispatch = (method: string, input: unknown) => Result<unknown>;

/**
 * The single entry to the services for every shell: checks the method exists, validates the input
 * against the contract and turns every failure into data. Nothing thrown crosses this line.
 */
export function createDispatcher(ctx: AppContext, log: (message: string) => void = console.error): Dispatch {
  return (method, input) => {
    if (!isApiMethod(method)) {
      return fail({ code: 'unknown_method', message: `Pamoja JWP has no operation called "${method}".` });
    }
    const parsed = apiContract[method].input.safeParse(input ?? {});
    if (!parsed.success) return fail(explainIssues(parsed.error.issues));
    try {
      const handler = handlers[method] as (ctx: AppContext, input: unknown) => unknown;
      return ok(handler(ctx, parsed.data));
    } catch (error) {
      return fail(toApiError(method, error, log));
    }
  };
}

function toApiError(method: ApiMethod, error: unknown, log: (message: string) => void) {
  if (error instanceof ServiceError) return error.apiError;
  log(`Unexpected failure in ${method}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  const sqliteCode = (error as { code?: unknown }).code;
  if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'invalid_input' as const, message: 'The change conflicts with other records and was not saved. Nothing was changed.' };
  }
  return { code: 'internal' as const, message: 'Something went wrong and nothing was saved. The details are in the log.' };
}
