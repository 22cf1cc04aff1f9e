import { describe, expect, it } from 'vitest';
import { decide, recommended, type MergeFacts } from '../../main/bundles/merge';

/** The merge rule for one row, case by case (docs/bundle-format.md, "Merging"). */

const h = (ms: number, node = 'n0') => `${String(ms).padStart(15, '0')}:00000:${node}`;
const facts = (over: Partial<MergeFacts> & { theirs: MergeFacts['theirs'] }): MergeFacts => ({
  mine: null,
  myBase: null,
  peerLast: null,
  me: 'me',
  peer: 'peer',
  sameContent: false,
  ...over,
});
const theirs = (ms: number, origin = 'peer', baseHlc: string | null = null, deleted = false) => ({ hlc: h(ms, origin), origin, deleted, baseHlc });
const mine = (ms: number, origin = 'me', deleted = false) => ({ hlc: h(ms, origin), origin, deleted });

describe('decide', () => {
  it('adds a row this copy never had', () => expect(decide(facts({ theirs: theirs(5) }))).toBe('add'));

  it('does not add a row this copy never had when the sender showed a later revision of it (its deletion)', () => {
    expect(decide(facts({ theirs: theirs(5), peerLast: h(9, 'peer') }))).toBe('stale');
    expect(decide(facts({ theirs: theirs(9), peerLast: h(5, 'peer') }))).toBe('add');
  });

  it('does nothing for the same revision', () =>
    expect(decide(facts({ theirs: theirs(5), mine: { hlc: h(5, 'peer'), origin: 'peer', deleted: false } }))).toBe('same'));

  it('takes a revision made on top of ours (their base is our revision)', () => {
    expect(decide(facts({ theirs: theirs(9, 'peer', h(5, 'me')), mine: mine(5) }))).toBe('take');
  });

  it('takes a later revision from the installation that made ours', () => {
    expect(decide(facts({ theirs: theirs(9, 'peer'), mine: mine(5, 'peer') }))).toBe('take');
    // …even when a third copy forwards it.
    expect(decide(facts({ theirs: theirs(9, 'third'), mine: mine(5, 'third') }))).toBe('take');
  });

  it('takes a revision when the sender showed us ours before', () => {
    expect(decide(facts({ theirs: theirs(9, 'peer'), mine: mine(5, 'other'), peerLast: h(5, 'other') }))).toBe('take');
  });

  it('ignores a revision we already had: our base, one the sender showed before, or our own', () => {
    expect(decide(facts({ theirs: theirs(5, 'x'), mine: mine(9), myBase: h(5, 'x') }))).toBe('stale');
    expect(decide(facts({ theirs: theirs(5, 'peer'), mine: mine(9), peerLast: h(7, 'peer') }))).toBe('stale');
    expect(decide(facts({ theirs: theirs(5, 'me'), mine: mine(9) }))).toBe('stale');
  });

  it('never rolls back: an older revision from the maker of ours is stale', () => {
    expect(decide(facts({ theirs: theirs(3, 'peer'), mine: mine(5, 'peer') }))).toBe('stale');
  });

  it('changes made apart are a conflict, whichever clock is later', () => {
    expect(decide(facts({ theirs: theirs(9, 'peer', h(1, 'c')), mine: mine(5) }))).toBe('conflict');
    expect(decide(facts({ theirs: theirs(3, 'peer', h(1, 'c')), mine: mine(5) }))).toBe('conflict');
  });

  it('changes made apart that ended the same are no conflict', () => {
    expect(decide(facts({ theirs: theirs(9, 'peer', h(1, 'c')), mine: mine(5), sameContent: true }))).toBe('converged');
  });

  it('a deletion is a revision like any other', () => {
    expect(decide(facts({ theirs: theirs(9, 'peer', h(5, 'me'), true), mine: mine(5) }))).toBe('take');
    expect(decide(facts({ theirs: theirs(9, 'peer', h(1, 'c')), mine: mine(5, 'me', true) }))).toBe('conflict');
    expect(decide(facts({ theirs: theirs(3, 'me'), mine: mine(5, 'me', true) }))).toBe('stale');
  });
});

describe('recommended', () => {
  it('keeps the row when one side deleted it, otherwise the later edit', () => {
    expect(recommended(mine(9, 'me', true), theirs(5))).toBe('theirs');
    expect(recommended(mine(5), theirs(9, 'peer', null, true))).toBe('mine');
    expect(recommended(mine(5), theirs(9))).toBe('theirs');
    expect(recommended(mine(9), theirs(5))).toBe('mine');
  });
});
