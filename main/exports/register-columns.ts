import type { RegisterField, RegisterName } from '../../shared/api/registers';

/**
 * The fields of a register that a document leaves out, each with the reason. With the fields its
 * columns show, they must make up every field of the register's schema: a field added to the
 * schema and neither printed nor left out on purpose does not compile, so no document misses it
 * silently.
 */
export type LeftOut<R extends RegisterName, Shown extends RegisterField<R>> = { readonly [F in Exclude<RegisterField<R>, Shown>]: string };
