import { labelForPath } from '../../shared/api/field-labels';
import type { Row } from '../db/row-store';

/**
 * A sound copy stores text only as the text rule leaves it (shared/text.ts: composed, trimmed, codes
 * and names without invisible characters), so every text in a bundle it made is already in that
 * form. Text that is not — "A1.1" with a zero-width space, a ward name with one, letters in another
 * Unicode form — was put there by hand or by another program. It is refused, not quietly changed:
 * changed, the row would be stored here differently from the sender's copy under the same clock
 * stamp, and the two copies would never agree on it.
 */
export function textNotAsStored(given: Row, checked: Row, keys: readonly string[]): string | null {
  for (const key of keys) {
    const sent = given[key];
    const stored = checked[key];
    if (typeof sent === 'string' && typeof stored === 'string' && sent !== stored) {
      return (
        `${labelForPath([key])}: it holds text Pamoja JWP never stores that way (invisible characters, spaces at an end, or letters in another ` +
        'Unicode form); the file was altered or made by another program.'
      );
    }
  }
  return null;
}
