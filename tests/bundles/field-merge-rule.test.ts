import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ancestorOf, fieldMerges, mergeRows, sameField, sideOf, type Side } from '../../main/bundles/field-merge';
import type { Row } from '../../main/db/row-store';

/**
 * The field-by-field rule on its own, over random rows: an ancestor and two copies each changing
 * some of its fields. Each run costs microseconds, so every `npm test` runs thousands of them.
 */

const FIELDS = ['title', 'description', 'amount', 'status', 'wardIds'] as const;
const value = (field: string): fc.Arbitrary<unknown> =>
  field === 'wardIds'
    ? fc.uniqueArray(fc.constantFrom('w1', 'w2', 'w3'), { maxLength: 3 })
    : field === 'amount'
      ? fc.integer({ min: 0, max: 3 })
      : fc.constantFrom('a', 'b', 'c', '');
const row = fc.record(Object.fromEntries(FIELDS.map((f) => [f, value(f)])));
/** A copy of the ancestor with some fields changed (possibly to the value it had, or the other side's). */
const edits = fc.record(Object.fromEntries(FIELDS.map((f) => [f, fc.option(value(f), { nil: undefined })])), { requiredKeys: [] });
const apply = (base: Row, changes: Row): Row => {
  const out: Row = { ...base };
  for (const [field, v] of Object.entries(changes)) if (v !== undefined) out[field] = v;
  return out;
};
const side = fc.constantFrom<Side>('mine', 'theirs');
const flip = (s: Side): Side => (s === 'mine' ? 'theirs' : 'mine');

function merged(base: Row | null, mine: Row, theirs: Row, choice: Side, byField: Record<string, Side> | null = null): Row {
  const merges = fieldMerges(FIELDS, base, mine, theirs);
  const result = mergeRows(mine, theirs, merges, (m) => sideOf(m, choice, byField));
  return result.kind === 'merged' ? result.row : result.kind === 'mine' ? mine : theirs;
}

const RUNS = 5_000;

describe('the field-by-field rule (fast-check)', () => {
  it('no field edit is lost unless the person chose the other side of a field both changed', () => {
    fc.assert(
      fc.property(row, edits, edits, side, (base, mineEdits, theirEdits, choice) => {
        const mine = apply(base, mineEdits);
        const theirs = apply(base, theirEdits);
        const result = merged(base, mine, theirs, choice);
        for (const field of FIELDS) {
          const mineChanged = !sameField(base[field], mine[field]);
          const theirsChanged = !sameField(base[field], theirs[field]);
          const expected = !theirsChanged
            ? mine[field]
            : !mineChanged
              ? theirs[field]
              : sameField(mine[field], theirs[field])
                ? mine[field]
                : choice === 'mine'
                  ? mine[field]
                  : theirs[field];
          expect(sameField(result[field], expected), field).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('merging does not depend on which copy imports: the same choice, named from the other side, gives the same row', () => {
    fc.assert(
      fc.property(row, edits, edits, side, (base, aEdits, bEdits, choice) => {
        const a = apply(base, aEdits);
        const b = apply(base, bEdits);
        const atA = merged(base, a, b, choice);
        const atB = merged(base, b, a, flip(choice));
        for (const field of FIELDS) expect(sameField(atA[field], atB[field]), field).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('a choice for one field overrides the side that changed it; a choice for the whole row decides only the fields both changed', () => {
    fc.assert(
      fc.property(row, edits, edits, side, fc.constantFrom(...FIELDS), side, (base, mineEdits, theirEdits, choice, field, fieldChoice) => {
        const mine = apply(base, mineEdits);
        const theirs = apply(base, theirEdits);
        const result = merged(base, mine, theirs, choice, { [field]: fieldChoice });
        expect(sameField(result[field], fieldChoice === 'mine' ? mine[field] : theirs[field])).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('without a known ancestor every differing field is a question, as before field-by-field merging', () => {
    fc.assert(
      fc.property(row, row, (mine, theirs) => {
        for (const merge of fieldMerges(FIELDS, null, mine, theirs)) expect(merge.changedBy).toBe('both');
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('the ancestor', () => {
  const kept = new Map<string, Row>([
    ['005', { title: 'five' }],
    ['007', { title: 'seven' }],
  ]);
  const at = (hlc: string) => kept.get(hlc) ?? null;

  it('is the later of the sender’s base and what it showed, among the revisions this copy kept', () => {
    expect(ancestorOf(['005', '007'], '009', '010', at)).toEqual({ title: 'seven' });
    expect(ancestorOf(['007', null], '009', '010', at)).toEqual({ title: 'seven' });
    expect(ancestorOf(['006', '005'], '009', '010', at)).toEqual({ title: 'five' });
  });

  it('is never a revision as late as either side’s, nor one this copy did not keep', () => {
    expect(ancestorOf(['007'], '007', '010', at)).toBeNull();
    expect(ancestorOf(['007', '005'], '009', '006', at)).toEqual({ title: 'five' });
    expect(ancestorOf(['006', null], '009', '010', at)).toBeNull();
  });
});
