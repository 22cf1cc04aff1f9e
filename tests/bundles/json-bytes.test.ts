import { describe, expect, it } from 'vitest';
import { jsonListBytes } from '../../main/bundles/json-bytes';

/** A bundle's rows are written a few at a time; the bytes must be those of one JSON.stringify. */

const rowsOf = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    id: `row-${index}`,
    // Text a partner may type: accents, a sign outside Latin-1, an emoji, quotes, a line break.
    title: ['Maji safi', 'Kakuma – Lodwar', 'Łódź', 'Mradi 🌍', 'say "hi"\nnow'][index % 5],
    amountMinor: index * 100,
    onBudget: index % 2 === 0,
    wardIds: index % 3 === 0 ? [] : [`ward-${index}`],
  }));

describe('jsonListBytes', () => {
  it.each([0, 1, 15, 16, 17, 32, 33, 100])('%i rows are the UTF-8 bytes of their list as one JSON text', (count) => {
    const rows = rowsOf(count);
    const shape = (row: (typeof rows)[number]) => ({ ...row, baseHlc: null });
    const bytes = jsonListBytes(rows, shape);
    expect(Buffer.compare(bytes, Buffer.from(JSON.stringify(rows.map(shape)), 'utf8'))).toBe(0);
  });
});
