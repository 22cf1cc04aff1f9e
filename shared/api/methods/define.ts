import { z } from 'zod';
import { byCycle, byId, deleted } from '../schemas/fields';
import { pageInput, pageOf } from '../schemas/paging';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** One line on what the method does. */
  doc: string;
}

export const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, doc: string): MethodSpec<I, O> => ({ input, output, doc });

type CrudMethods<N extends string, C extends z.ZodType, U extends z.ZodType, D extends z.ZodType> = {
  [K in `${N}:list`]: MethodSpec<typeof byCycle, z.ZodArray<D>>;
} & { [K in `${N}:page`]: MethodSpec<typeof pageInput, ReturnType<typeof pageOf<D>>> } & { [K in `${N}:get`]: MethodSpec<typeof byId, D> } & {
  [K in `${N}:create`]: MethodSpec<C, D>;
} & {
  [K in `${N}:update`]: MethodSpec<U, D>;
} & { [K in `${N}:delete`]: MethodSpec<typeof byId, typeof deleted> };

/** The six methods every register has, named `<register>:<verb>`. */
export function crud<N extends string, C extends z.ZodType, U extends z.ZodType, D extends z.ZodType>(
  name: N,
  noun: string,
  schemas: { create: C; update: U; dto: D },
): CrudMethods<N, C, U, D> {
  return {
    [`${name}:list`]: method(byCycle, z.array(schemas.dto), `Lists the cycle's ${noun}, every row (exports, pickers, the CLI).`),
    [`${name}:page`]: method(pageInput, pageOf(schemas.dto), `One page of the cycle's ${noun} in the order their screen shows them, with the total.`),
    [`${name}:get`]: method(byId, schemas.dto, `Reads one of the ${noun}.`),
    [`${name}:create`]: method(schemas.create, schemas.dto, `Adds to the ${noun}.`),
    [`${name}:update`]: method(schemas.update, schemas.dto, `Changes fields of one of the ${noun}.`),
    [`${name}:delete`]: method(byId, deleted, `Deletes one of the ${noun}, refused while other rows name it.`),
  } as CrudMethods<N, C, U, D>;
}
