import type { ResolutionChoice, ResolutionDto } from '../../shared/api/schemas/bundles';
import type { Row } from '../db/row-store';
import { baseKey } from './cycle-rows';
import { exchangeTable, exchangeTables, type ExchangeTable, type ExchangeName } from './exchange-tables';
import { decide, recommended, type Revision } from './merge';
import type { ParsedBundle } from './read';
import type { LocalState, Outcome, PlanItem } from './plan-types';

/** Their rows and deletions against ours: one item per row, with the merge rule's decision. */

const sortedIfList = (value: unknown) => (Array.isArray(value) ? [...(value as string[])].sort() : value);

export function sameField(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(sortedIfList(a)) === JSON.stringify(sortedIfList(b));
  return a === b || (a === undefined && b === null) || (a === null && b === undefined);
}

/** The fields (cycle aside) whose values differ between two versions of a row. */
export function differingFields(t: { fieldKeys: string[] }, mine: Row, theirs: Row): string[] {
  return t.fieldKeys.filter((key) => key !== 'cycleId' && !sameField(mine[key], theirs[key]));
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
  };
  const mineRevision = revisionOfMine(item);
  const key = baseKey(t.tableName, id);
  const sameContent = mineRevision !== null && (theirs === null ? mineRevision.deleted : mine !== null && differingFields(t, mine, theirs).length === 0);
  item.decision = decide({
    theirs: { hlc: theirsHlc, origin: theirsOrigin, deleted: theirs === null, baseHlc },
    mine: mineRevision,
    myBase: c.local.bases.get(key)?.hlc ?? null,
    peerLast: c.local.peerRows.get(key) ?? null,
    me: c.me,
    peer: c.parsed.manifest.sender.installationId,
    sameContent,
  });
  // Only this copy makes revisions in its own name; one it never had was made elsewhere.
  if (mineRevision === null && theirsOrigin === c.me)
    item.refused = 'It claims to have been made by this copy of Pamoja JWP, which never had it: it was made elsewhere.';
  if (item.decision === 'conflict' && mineRevision) {
    item.conflict = { recommended: recommended(mineRevision, { hlc: theirsHlc, origin: theirsOrigin, deleted: theirs === null }), choice: null, invalid: null };
  }
  item.outcome = plainOutcome(item);
  return item;
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

/** Applies a person's choice (or the --resolve default) to a conflict. */
export function resolveConflict(item: PlanItem, choice: ResolutionDto | null): void {
  if (!item.conflict) return;
  item.conflict.choice = choice;
  item.conflict.invalid = null;
  const mineHlc = item.mine ? (item.mine.hlc as string) : (item.mineTombstone?.hlc ?? '');
  const effective: ResolutionChoice | { fields: Record<string, ResolutionChoice> } = choice ?? item.conflict.recommended;
  if (effective === 'theirs') {
    item.outcome = item.theirs ? 'write-theirs' : 'delete';
    item.restamp = item.theirsHlc < mineHlc;
  } else if (effective === 'mine') {
    item.outcome = 'keep-mine';
    item.restamp = mineHlc < item.theirsHlc;
  } else if (!item.mine || !item.theirs) {
    item.outcome = 'keep-mine';
    item.conflict.invalid = 'One side deleted this row: keep it (mine) or take the deletion (theirs) as a whole.';
  } else {
    const t = exchangeTable[item.register];
    const merged: Row = { ...item.mine };
    for (const field of t.fieldKeys) {
      const side = Object.hasOwn(effective.fields, field) ? effective.fields[field] : item.conflict.recommended;
      if (side === 'theirs') merged[field] = item.theirs[field];
    }
    item.outcome = 'merge';
    item.merged = merged;
    item.restamp = true;
  }
}

export type RegisterRows = Map<ExchangeName, Map<string, Row>>;
