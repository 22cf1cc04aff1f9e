/**
 * The merge rule for one row, as a pure function (docs/bundle-format.md, "Merging"). It compares
 * revisions by their hybrid-logical-clock stamps and decides from what each side is known to
 * have seen, never from wall-clock times:
 *
 * - a revision this copy has already had (it is our base, the sender showed it before, or we made
 *   it) is stale and changes nothing — so an older or re-sent bundle never rolls a row back;
 * - a revision made on top of ours (the sender had our revision: it is their base, they showed it
 *   to us before, or they made it) replaces ours;
 * - anything else was changed on both sides apart: a conflict for a person to resolve, unless both
 *   sides ended up with the same content.
 */

export interface Revision {
  hlc: string;
  /** The installation that made the revision. */
  origin: string;
  deleted: boolean;
}

export interface MergeFacts {
  theirs: Revision & { baseHlc: string | null };
  /** Our row or tombstone; null when this copy never had the row. */
  mine: Revision | null;
  /** The revision we last took from a bundle for this row. */
  myBase: string | null;
  /** The last revision of this row the sender showed us. */
  peerLast: string | null;
  me: string;
  peer: string;
  /** Both sides hold the same content (or both deleted the row). */
  sameContent: boolean;
}

export type Decision =
  /** New to this copy: add the row, or record the deletion so an older bundle cannot bring it back. */
  | 'add'
  /** Same revision, or one we already had: nothing to do. */
  | 'same'
  | 'stale'
  /** Their revision descends from ours: take it (an update, a deletion, or a deliberate restore). */
  | 'take'
  /** Changed apart but identical: keep ours, remember theirs. */
  | 'converged'
  | 'conflict';

export function decide(facts: MergeFacts): Decision {
  const { theirs, mine } = facts;
  // A row this copy never had is new, unless the sender already showed a later revision of it
  // (its deletion, which was not recorded here): an older bundle must not bring it back.
  if (mine === null) return facts.peerLast !== null && theirs.hlc <= facts.peerLast ? 'stale' : 'add';
  if (theirs.hlc === mine.hlc) return 'same';
  const seen = theirs.hlc === facts.myBase || (facts.peerLast !== null && theirs.hlc <= facts.peerLast) || theirs.origin === facts.me;
  if (seen) return 'stale';
  // A row's revisions at one installation only ever go up, so the maker of theirs had ours when
  // it made theirs if it made ours too, or if the sender had ours.
  const knownToThem = mine.hlc === theirs.baseHlc || mine.hlc === facts.peerLast || mine.origin === facts.peer || mine.origin === theirs.origin;
  if (knownToThem) return theirs.hlc > mine.hlc ? 'take' : 'stale';
  return facts.sameContent ? 'converged' : 'conflict';
}

/** The default a conflict shows: keep the row if one side deleted it, else the later edit. */
export function recommended(mine: Revision, theirs: Revision): 'mine' | 'theirs' {
  if (mine.deleted !== theirs.deleted) return mine.deleted ? 'theirs' : 'mine';
  return theirs.hlc > mine.hlc ? 'theirs' : 'mine';
}
