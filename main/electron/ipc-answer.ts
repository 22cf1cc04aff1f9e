import { fail, type Result } from '../../shared/result';
import type { Dispatch } from '../transport/dispatcher';

/**
 * The answer to one call on the IPC channel. Arguments arrive from another process, so nothing is
 * assumed about them; a caller that is not the app's own page gets a refusal as data, never a throw.
 */
export function answerIpcCall(dispatch: Dispatch, trustedSender: boolean, method: unknown, input: unknown): Result<unknown> {
  if (!trustedSender) {
    return fail({ code: 'internal', message: 'This request did not come from the Pamoja JWP window and was refused.' });
  }
  if (typeof method !== 'string') {
    return fail({ code: 'unknown_method', message: 'The request did not name an operation.' });
  }
  return dispatch(method, input);
}
