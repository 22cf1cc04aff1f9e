import { describe, expect, it } from 'vitest';
import { receivedRowsList } from '../../main/bundles/row-revisions';

/** What the list must equal: the rows' texts joined by commas between brackets, in UTF-8. */
const joined = (texts: string[]) => Buffer.from(`[${texts.join(',')}]`, 'utf8');

describe('the JSON list of the rows an import keeps', () => {
  it('is the bytes of the joined texts, past its first 64 KiB and with text that is not ASCII', () => {
    const texts = Array.from({ length: 3_000 }, (_, i) => JSON.stringify({ id: `row-${i}`, name: `Kaunti ya Turkana — ${'é'.repeat(i % 7)} 💧`, n: i }));
    const list = receivedRowsList();
    for (const text of texts) list.add(text.slice(0, 10), text.slice(10));
    const bytes = list.finish();
    expect(bytes && Buffer.from(bytes).equals(joined(texts))).toBe(true);
    expect(joined(texts).length).toBeGreaterThan(64 * 1024);
  });

  it('is one row, or nothing when no row was kept', () => {
    const one = receivedRowsList();
    one.add('{"hlc":"h",', '"id":"a"}');
    expect(Buffer.from(one.finish() ?? []).toString('utf8')).toBe('[{"hlc":"h","id":"a"}]');
    expect(receivedRowsList().finish()).toBeNull();
  });
});
