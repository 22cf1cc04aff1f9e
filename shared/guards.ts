/**
 * Narrowing for values whose shape nobody has promised yet (a parsed file, a library's loose
 * object): checks at run time what the caller then relies on, instead of asserting a type.
 */

/** An object with named members: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
