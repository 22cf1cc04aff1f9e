import { z } from 'zod';
import { isRegisterName, registerNames, type RegisterName } from '../registers';
import { entityId } from './fields';

/** A form's values checked without saving: for a new row of the cycle, or as changes to the row `id`. */
export const registerCheckInput = z.strictObject({
  register: z.custom<RegisterName>((value) => typeof value === 'string' && isRegisterName(value), `choose one of: ${registerNames.join(', ')}.`),
  cycleId: entityId,
  id: entityId.optional(),
  values: z.record(z.string(), z.unknown()),
});
export type RegisterCheckInput = z.infer<typeof registerCheckInput>;

export const fieldProblemDto = z.strictObject({ field: z.string(), message: z.string() });
