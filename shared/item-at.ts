/**
 * The item at `index` of a list the caller made in step with another (ids created for rows, in
 * their order): a missing item is a bug, so it throws with what was looked for instead of casting.
 */
export function itemAt<T>(list: readonly T[], index: number, what: string): T {
  const item = list[index];
  if (item === undefined) throw new Error(`No ${what} at position ${index} of ${list.length}.`);
  return item;
}

/** The value a map holds for `key`, which the caller put there: a missing one is a bug. */
export function valueAt<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`No ${what} for ${String(key)}.`);
  return value;
}
