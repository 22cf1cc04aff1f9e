import type { Row } from '../db/row-store';

/**
 * Field-by-field merging of a row both sides changed (docs/bundle-format.md, "Merging"), as pure
 * functions. Which side changed a field is read against the content both sides last had in common
 * (the ancestor): a field only one side changed is taken from that side, whatever a person chooses
 * for the others; only a field both sides changed (to different values) is a conflict.
 *
 * Why a stored ancestor and not a clock stamp per field: stamps per field would have to be kept by
 * every register service on every write and carried in the bundle format, so older copies could no
 * longer read new bundles; the ancestor needs neither. Every revision that crosses an exchange is
 * kept by its stamp (`bundle_row_revisions`), and the sender already names the revisions it holds
 * (its row's base, and what its earlier bundles showed), so the receiver finds the ancestor in its
 * own database and never has to believe content a bundle claims. Without a known ancestor (a
 * revision exchanged before these were kept) every differing field is a conflict, as before.
 */

export type ChangedBy = 'mine' | 'theirs' | 'both';
export type Side = 'mine' | 'theirs';

export interface FieldMerge {
  field: string;
  /** Who changed the field since the ancestor; 'both' when unknown. */
  changedBy: ChangedBy;
}

const sortedIfList = (value: unknown) => (Array.isArray(value) ? [...(value as string[])].sort() : value);

/** Two values of one field are the same (lists in any order; a missing value is null). */
export function sameField(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(sortedIfList(a)) === JSON.stringify(sortedIfList(b));
  return a === b || (a === undefined && b === null) || (a === null && b === undefined);
}

/** Every field whose values differ, with who changed it since the ancestor (null: unknown). */
export function fieldMerges(fields: readonly string[], ancestor: Row | null, mine: Row, theirs: Row): FieldMerge[] {
  return fields
    .filter((field) => !sameField(mine[field], theirs[field]))
    .map((field) => {
      if (ancestor === null) return { field, changedBy: 'both' };
      if (sameField(ancestor[field], mine[field])) return { field, changedBy: 'theirs' };
      if (sameField(ancestor[field], theirs[field])) return { field, changedBy: 'mine' };
      return { field, changedBy: 'both' };
    });
}

export const hasConflict = (merges: readonly FieldMerge[]) => merges.some((m) => m.changedBy === 'both');

/**
 * Which side each differing field is taken from: a person's choice for that field if they made
 * one, else the side that changed it, else (changed on both sides) the choice for the whole row.
 */
export function sideOf(merge: FieldMerge, wholeRow: Side, byField: Readonly<Record<string, Side>> | null): Side {
  const chosen = byField && Object.hasOwn(byField, merge.field) ? byField[merge.field] : undefined;
  if (chosen !== undefined) return chosen;
  return merge.changedBy === 'both' ? wholeRow : merge.changedBy;
}

export type MergeResult = { kind: 'theirs' } | { kind: 'mine' } | { kind: 'merged'; row: Row };

/** The row the choices make: exactly theirs, exactly mine, or ours with some of their fields. */
export function mergeRows(mine: Row, theirs: Row, merges: readonly FieldMerge[], side: (merge: FieldMerge) => Side): MergeResult {
  const sides = merges.map(side);
  if (sides.every((s) => s === 'theirs')) return { kind: 'theirs' };
  if (sides.every((s) => s === 'mine')) return { kind: 'mine' };
  const row: Row = { ...mine };
  merges.forEach((merge, i) => {
    if (sides[i] === 'theirs') row[merge.field] = theirs[merge.field];
  });
  return { kind: 'merged', row };
}

/**
 * The content of the latest revision both copies are known to have held, among those the receiver
 * kept: the sender's base for the row (the revision its edits were made on) and the last revision
 * the sender showed the receiver. Both are on the sender's own history of the row, where stamps
 * only go up, so the later one is the nearer ancestor; one not older than both sides' current
 * revisions is no ancestor and is passed over.
 */
export function ancestorOf(candidates: readonly (string | null)[], mineHlc: string, theirsHlc: string, contentAt: (hlc: string) => Row | null): Row | null {
  const usable = candidates.filter((hlc): hlc is string => hlc !== null && hlc < mineHlc && hlc < theirsHlc);
  for (const hlc of usable.sort().reverse()) {
    const content = contentAt(hlc);
    if (content) return content;
  }
  return null;
}
