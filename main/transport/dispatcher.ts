import { apiContract, isApiMethod, type ApiMethod } from '../../shared/api/contract';
import { explainIssues } from '../../shared/api/explain';
import { registerOfMethod } from '../../shared/api/registers';
import { ServiceError, fail, ok, type ApiError, type Result } from '../../shared/result';
import type { AppContext } from '../services/context';
import { handlers } from './handlers/index';
import { errorCode } from '../db/row-values';

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
    if (!parsed.success) return fail(explainIssues(parsed.error.issues, registerOfMethod(method)));
    try {
      const handler = handlers[method] as (ctx: AppContext, input: unknown) => unknown;
      return ok(handler(ctx, parsed.data));
    } catch (error) {
      return fail(toApiError(method, error, log));
    }
  };
}

function toApiError(method: ApiMethod, error: unknown, log: (message: string) => void): ApiError {
  if (error instanceof ServiceError) return error.apiError;
  log(`Unexpected failure in ${method}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  const sqliteCode = errorCode(error);
  const storage = typeof sqliteCode === 'string' ? storageProblem(sqliteCode) : undefined;
  if (storage) return { code: 'storage', message: `${storage} Nothing was saved.` };
  if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'invalid_input', message: 'The change conflicts with other records and was not saved. Nothing was changed.' };
  }
  return { code: 'internal', message: 'Something went wrong and nothing was saved. The details are in the log.' };
}

/** What SQLite's storage errors mean to someone at a county laptop. */
function storageProblem(code: string): string | undefined {
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_WRITE' || code === 'SQLITE_IOERR_FSYNC') {
    return 'The disk is full or cannot be written to. Free some space (or save to another drive) and try again.';
  }
  if (code.startsWith('SQLITE_READONLY')) return 'The database file or its folder is read-only. Move it to a folder you can write to.';
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_LOCKED'))
    return 'The database is in use by another Pamoja JWP window or program. Close it and try again.';
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN') return 'The database file could not be read or written (was the drive removed?).';
  return undefined;
}
