import { ServiceError } from '../../shared/result';

/** A failure the user can act on: printed as one sentence, no stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Service errors already speak plain language; pass them through as such. */
export function asCliError(error: unknown): unknown {
  return error instanceof ServiceError ? new CliError(error.message) : error;
}
