import type { ResolutionChoice, ResolutionDto, SenderRole } from '../../shared/api/schemas/bundles';
import type { Row } from '../db/row-store';
import type { LocalTombstone, RowBase, RowsByRegister } from './cycle-rows';
import type { AreaUnitPlan } from './area-units';
import type { WardBoundaryPlan } from './ward-boundaries';
import type { BundleTombstone } from './format';
import type { FieldMerge } from './field-merge';
import type { Decision } from './merge';
import type { ParsedBundle } from './read';
import { type ExchangeName } from './exchange-tables';

/** What applying a bundle does to one row (or to the cycle's own row). */
export type Outcome =
  /** Nothing changes. */
  | 'none'
  /** Their row is written: inserted, updated, or restored over our tombstone. */
  | 'write-theirs'
  /** Our row is deleted and their tombstone kept. */
  | 'delete'
  /** Their tombstone is recorded (or its clock updated): no row of ours changes. */
  | 'tombstone'
  /** A conflict resolved field by field: our row with some of their fields, newly stamped. */
  | 'merge'
  /** A conflict resolved "keep mine": our row or tombstone stays, stamped anew when theirs was later. */
  | 'keep-mine'
  /** Same content both sides: only the clock marks are brought up to date. */
  | 'meta';

export interface PlanItem {
  key: string;
  register: ExchangeName;
  id: string;
  theirs: Row | null;
  theirsTombstone: BundleTombstone | null;
  theirsHlc: string;
  theirsOrigin: string;
  mine: Row | null;
  mineTombstone: LocalTombstone | null;
  decision: Decision;
  outcome: Outcome;
  /** The row written for `merge`. */
  merged: Row | null;
  /** Written with a fresh local stamp (a resolution that is newer than both sides). */
  restamp: boolean;
  /** Why the row was refused; null when it was not. */
  refused: string | null;
  conflict: {
    recommended: ResolutionChoice;
    choice: ResolutionDto | null;
    /** A field-by-field choice that breaks a rule. */
    invalid: string | null;
  } | null;
  /** A row both sides changed: each differing field and who changed it since they last had it in common. */
  fieldMerges: FieldMerge[] | null;
}

export interface SenderAuthority {
  role: SenderRole;
  /** The partner organisation the key speaks for; null for the Secretariat. */
  orgId: string | null;
  label: string;
}

export interface LocalState {
  cycle: Row | undefined;
  rows: RowsByRegister;
  tombstones: Map<ExchangeName, Map<string, LocalTombstone>>;
  bases: Map<string, RowBase>;
  peerRows: Map<string, string>;
  adminUnitIds: Set<string>;
  /** The content of a revision of a row that crossed an exchange; null when not kept. */
  revisionAt(tableName: string, rowId: string, hlc: string): Row | null;
}

export interface CycleItem {
  theirs: Row;
  mine: Row | undefined;
  decision: Decision;
  outcome: 'none' | 'write-theirs' | 'keep-mine' | 'merge' | 'meta';
  merged: Row | null;
  restamp: boolean;
  refused: string | null;
  conflict: PlanItem['conflict'];
}

export interface ImportPlan {
  parsed: ParsedBundle;
  authority: SenderAuthority;
  createsCycle: boolean;
  local: LocalState;
  areaUnits: AreaUnitPlan;
  wardBoundaries: WardBoundaryPlan;
  items: PlanItem[];
  cycleItem: CycleItem | null;
  /** The cycle's rows after the import, as the checks saw them. */
  final: RowsByRegister;
  /** Owner of every row written, derived as the register services derive it. */
  owners: Map<string, string | null>;
  unresolved: number;
  warnings: string[];
}

/** The row an item writes: the merged row for a field-by-field resolution, else theirs. */
export function rowToWrite(item: { outcome: string; merged: Row | null; theirs: Row | null }): Row {
  const row = item.outcome === 'merge' ? item.merged : item.theirs;
  if (!row) throw new Error(`A plan item whose outcome is ${item.outcome} has no row to write.`);
  return row;
}
