import { z } from 'zod';
import type { ApiError, ApiErrorCode, Result } from '../../shared/result';

/** Every code, so the type checker notices when one is added to shared/result.ts. */
const knownCodes: Record<ApiErrorCode, true> = { invalid_input: true, not_found: true, in_use: true, unknown_method: true, storage: true, internal: true };
const isKnownCode = (code: string): code is ApiErrorCode => Object.hasOwn(knownCodes, code);

const apiErrorSchema = z.object({
  // A code from a newer app version still carries its plain-language message: keep it, as 'internal'.
  code: z.string().transform((code) => (isKnownCode(code) ? code : 'internal')),
  message: z.string(),
  field: z.string().optional(),
  problems: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

const envelopeSchema = z.union([z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: apiErrorSchema })]);

export const transportFailure = (message: string): Result<never> => ({ ok: false, error: { code: 'internal', message } satisfies ApiError });

/**
 * Whatever a shell hands back is checked to be a Result before a screen trusts it; the typed client
 * then checks the value against the contract.
 */
export function readEnvelope(raw: unknown): Result<unknown> {
  const parsed = envelopeSchema.safeParse(raw);
  return parsed.success ? parsed.data : transportFailure('Pamoja JWP sent an answer this screen could not read. Reload the window and try again.');
}
