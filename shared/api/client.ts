import type { Result } from '../result';
import { apiContract, type ApiInput, type ApiMethod, type ApiOutput } from './contract';

/** A bundle file the desktop shell was asked to open (a .jwpb opened from Explorer), bytes as base64. */
export interface OpenedBundle {
  fileName: string;
  base64: string;
}

/** How a shell carries a call: Electron's preload over IPC, or fetch to the web shell. */
export type ApiTransport = (method: string, input: unknown) => Promise<Result<unknown>>;

export type ApiClient = <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<Result<ApiOutput<M>>>;

/**
 * The typed client the renderer uses. Answers are checked against the contract too, so a screen
 * never renders data of the wrong shape; a transport failure comes back as an error, not a throw.
 */
export function createApiClient(transport: ApiTransport): ApiClient {
  return async (method, input) => {
    let result: Result<unknown>;
    try {
      result = await transport(method, input);
    } catch {
      return { ok: false, error: { code: 'internal', message: 'Pamoja JWP could not reach its data. Is the app still running?' } };
    }
    if (!result.ok) return result;
    const parsed = apiContract[method].output.safeParse(result.value);
    if (!parsed.success) {
      return { ok: false, error: { code: 'internal', message: `The answer to ${method} was not in the expected form.` } };
    }
    return { ok: true, value: parsed.data as ApiOutput<typeof method> };
  };
}
