/**
 * The name a person most likely meant when what they typed names nothing: "Garbatula" for
 * "Garbatulla". Used in import messages, so a wrong name comes back with the right one.
 */

/** Letters and digits only, lower case: "Kinna Ward" and "kinna-ward" are the same key. */
function key(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** Edits (insert, delete, replace one character) from a to b, stopping once past `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/**
 * The one name within a few typing slips of `typed` (about one slip per four letters), or the one
 * name `typed` begins; null when none is close, or when two are equally close (a guess would mislead).
 */
export function closestName(typed: string, names: Iterable<string>): string | null {
  const wanted = key(typed);
  if (wanted.length < 3) return null;
  const limit = Math.max(1, Math.floor(wanted.length / 4));
  let best: { name: string; distance: number } | null = null;
  let tied = false;
  const starting: string[] = [];
  for (const name of names) {
    const candidate = key(name);
    if (candidate.startsWith(wanted)) starting.push(name);
    const distance = editDistance(wanted, candidate, limit);
    if (distance > limit) continue;
    if (!best || distance < best.distance) [best, tied] = [{ name, distance }, false];
    else if (distance === best.distance && key(best.name) !== candidate) tied = true;
  }
  if (best && !tied) return best.name;
  return !best && new Set(starting.map(key)).size === 1 ? (starting[0] ?? null) : null;
}
