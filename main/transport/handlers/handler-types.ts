import type { z } from 'zod';
import type { MethodSpec } from '../../../shared/api/contract';
import type { AppContext } from '../../services/context';

/** One handler per method of a contract module, typed by the method's schemas. */
export type HandlersFor<C extends Record<string, MethodSpec>> = {
  [M in keyof C]: (ctx: AppContext, input: z.output<C[M]['input']>) => z.output<C[M]['output']>;
};
