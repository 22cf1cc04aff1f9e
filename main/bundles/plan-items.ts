import type { ResolutionChoice, ResolutionDto } from '../../shared/api/schemas/bundles';
import type { Row } from '../db/row-store';
import { textOf } from '../db/row-values';
import { baseKey } from './cycle-rows';
import { exchangeTable, exchangeTables, type ExchangeTable, type ExchangeName } from './exchange-tables';
import { ancestorOf, fieldMerges, hasConflict, mergeRows, sameField, sideOf, type FieldMerge } from './field-merge';
import { decide, recommended, type Revision } from './merge';
import type { ParsedBundle } from './read';
import type { LocalState, Outcome, PlanItem } from './plan-types';

/** Their rows and deletions against ours: one item per row, with the merge rule's decision. */

/** A row's own fields, compared and merged (the cycle is the bundle's own). */
const ownFields = (t: { fieldKeys: string[] }) => t.fieldKeys.filter((key) => key !== 'cycleId');

/** The fields (cycle aside) whose values differ between two versions of a row. */
export function differingFields(t: { fieldKeys: string[] }, mine: Row, theirs: Row): string[] {
  return ownFields(t).filter((key) => !sameField(mine[key], theirs[key]));
}

export interface ItemContext {
  parsed: ParsedBundle;
  local: LocalState;
  me: string;
}

function revisionOfMine(item: Pick<PlanItem, 'mine' | 'mineTombstone'>): Revision | null {
  if (item.mine) return { hlc: item.mine.hlc as string, origin: item.mine.origin as string, deleted: false };
  if (item.mineTombstone) return { hlc: item.mineTombstone.hlc, origin: item.mineTombstone.origin, deleted: true };
  return null;
}

function newItem(t: ExchangeTable, id: string, theirs: Row | null, theirsTombstone: PlanItem['theirsTombstone'], c: ItemContext): PlanItem {
  const mine = c.local.rows.get(t.register)?.get(id) ?? null;
  const mineTombstone = mine ? null : (c.local.tombstones.get(t.register)?.get(id) ?? null);
  const theirsHlc = theirs ? (theirs.hlc as string) : (theirsTombstone?.hlc as string);
  const theirsOrigin = theirs ? (theirs.origin as string) : (theirsTombstone?.origin as string);
  const baseHlc = theirs ? (theirs.baseHlc as string | null) : (theirsTombstone?.baseHlc ?? null);
  const item: PlanItem = {
    key: `${t.register}:${id}`,
    register: t.register,
    id,
    theirs,
    theirsTombstone,
    theirsHlc,
    theirsOrigin,
    mine,
    mineTombstone,
    decision: 'same',
    outcome: 'none',
    merged: null,
    restamp: false,
    refused: null,
    conflict: null,
    fieldMerges: null,
  };
  const mineRevision = revisionOfMine(item);
  const key = baseKey(t.tableName, id);
  const peerLast = c.local.peerRows.get(key) ?? null;
  const sameContent = mineRevision !== null && (theirs === null ? mineRevision.deleted : mine !== null && differingFields(t, mine, theirs).length === 0);
  item.decision = decide({
    theirs: { hlc: theirsHlc, origin: theirsOrigin, deleted: theirs === null, baseHlc },
    mine: mineRevision,
    myBase: c.local.bases.get(key)?.hlc ?? null,
    peerLast,
    me: c.me,
    peer: c.parsed.manifest.sender.installationId,
    sameContent,
  });
  // Only this copy makes revisions in its own name; one it never had was made elsewhere.
  if (mineRevision === null && theirsOrigin === c.me)
    item.refused = 'It claims to have been made by this copy of Pamoja JWP, which never had it: it was made elsewhere.';
  if (item.decision === 'conflict' && mine && theirs) {
    const ancestor = ancestorOf([baseHlc, peerLast], textOf(mine, 'hlc'), theirsHlc, (hlc) => c.local.revisionAt(t.tableName, id, hlc));
    item.fieldMerges = fieldMerges(ownFields(t), ancestor, mine, theirs);
  }
  // Only a field both sides changed asks a person; a deletion against an edit is one question.
  if (item.decision === 'conflict' && (item.fieldMerges === null || hasConflict(item.fieldMerges))) openConflict(item);
  item.outcome = plainOutcome(item);
  return item;
}

/** Marks an item as a question for a person, with the default it shows. */
export function openConflict(item: PlanItem): NonNullable<PlanItem['conflict']> {
  const mine = revisionOfMine(item);
  if (!mine) throw new Error('A conflict over a row this copy does not have.');
  item.conflict ??= {
    recommended: recommended(mine, { hlc: item.theirsHlc, origin: item.theirsOrigin, deleted: item.theirs === null }),
    choice: null,
    invalid: null,
  };
  return item.conflict;
}

/** The outcome of every decision but a conflict. */
function plainOutcome(item: PlanItem): Outcome {
  switch (item.decision) {
    case 'add':
    case 'take':
      if (item.theirs) return 'write-theirs';
      return item.mine ? 'delete' : 'tombstone';
    case 'converged':
      return 'meta';
    default:
      return 'none';
  }
}

/**
 * A partner's deletion of a row this copy never had deletes nothing, and is not kept: kept, it
 * would travel on in every bundle from here, and nothing proves whose row it was. The sender's
 * showing it is remembered (the import's bookkeeping), so an older bundle of theirs cannot bring
 * the row back. The Secretariat's deletions are kept, as everything it sends is.
 */
export function settleUnknownDeletions(items: PlanItem[], senderIsPartner: boolean): void {
  if (!senderIsPartner) return;
  for (const item of items) {
    if (item.theirs !== null || item.mine !== null || item.mineTombstone !== null || item.refused) continue;
    item.decision = 'stale';
    item.outcome = 'none';
  }
}

export function buildItems(c: ItemContext): PlanItem[] {
  const items: PlanItem[] = [];
  for (const t of exchangeTables) {
    for (const row of c.parsed.rows.get(t.register) ?? []) items.push(newItem(t, row.id as string, row, null, c));
  }
  for (const tombstone of c.parsed.tombstones) items.push(newItem(exchangeTable[tombstone.register], tombstone.rowId, null, tombstone, c));
  return items;
}

/**
 * Applies a person's choice (or the --resolve default, or none) to a row both sides changed. A
 * choice for the whole row decides the fields both sides changed; a field one side changed is
 * taken from that side unless the person chose that field itself.
 */
function resolveFields(item: PlanItem, mine: Row, theirs: Row, merges: FieldMerge[], choice: ResolutionDto | null): void {
  const byField = choice !== null && typeof choice === 'object' ? choice.fields : null;
  const mineHlc = textOf(mine, 'hlc');
  const recommendation: ResolutionChoice = item.theirsHlc > mineHlc ? 'theirs' : 'mine';
  if (hasConflict(merges) || byField) {
    const conflict = openConflict(item);
    conflict.choice = choice;
    conflict.invalid = null;
  }
  const whole = typeof choice === 'string' ? choice : recommendation;
  const result = mergeRows(mine, theirs, merges, (merge) => sideOf(merge, whole, byField));
  item.merged = result.kind === 'merged' ? result.row : null;
  if (result.kind === 'theirs') {
    item.outcome = 'write-theirs';
    item.restamp = item.theirsHlc < mineHlc;
  } else if (result.kind === 'mine') {
    item.outcome = 'keep-mine';
    item.restamp = mineHlc < item.theirsHlc;
  } else {
    // Newer than both sides, with theirs as its base: it travels back as a plain change.
    item.outcome = 'merge';
    item.restamp = true;
  }
}

/** Applies a person's choice (or the --resolve default) to a row changed on both sides. */
export function resolveConflict(item: PlanItem, choice: ResolutionDto | null): void {
  const { mine, theirs } = item;
  if (item.fieldMerges && mine && theirs) return resolveFields(item, mine, theirs, item.fieldMerges, choice);
  if (!item.conflict) return;
  item.conflict.choice = choice;
  item.conflict.invalid = null;
  const mineHlc = item.mine ? (item.mine.hlc as string) : (item.mineTombstone?.hlc ?? '');
  const effective = choice ?? item.conflict.recommended;
  if (effective === 'theirs') {
    item.outcome = item.theirs ? 'write-theirs' : 'delete';
    item.restamp = item.theirsHlc < mineHlc;
  } else {
    item.outcome = 'keep-mine';
    item.restamp = mineHlc < item.theirsHlc;
    if (effective !== 'mine') item.conflict.invalid = 'One side deleted this row: keep it (mine) or take the deletion (theirs) as a whole.';
  }
}

export type RegisterRows = Map<ExchangeName, Map<string, Row>>;
