import type { ResolutionDto } from '../../shared/api/schemas/bundles';
import type { Row } from '../db/row-store';
import type { CycleRow } from '../services/rules';
import { baseKey } from './cycle-rows';
import { decide, recommended } from './merge';
import { sameField } from './plan-items';
import type { CycleItem, LocalState, SenderAuthority } from './plan-types';

/** The cycle's own row (title, dates, phase, exchange rate, scope): only the Secretariat changes it. */

export const CYCLE_FIELDS = [
  'title',
  'countyId',
  'leadOrgId',
  'fiscalYear',
  'startDate',
  'endDate',
  'reportingPeriod',
  'phase',
  'kesPerUsdScaled',
  'exchangeRateDate',
  'notes',
  'scopeUnitIds',
] as const;

export const cycleDifferences = (mine: Row, theirs: Row) => CYCLE_FIELDS.filter((key) => !sameField(mine[key], theirs[key]));

export function buildCycleItem(theirs: Row, local: LocalState, me: string, peer: string, authority: SenderAuthority): CycleItem {
  const mine = local.cycle;
  const key = baseKey('cycles', theirs.id as string);
  const theirsRevision = { hlc: theirs.hlc as string, origin: theirs.origin as string, deleted: false };
  const mineRevision = mine ? { hlc: mine.hlc as string, origin: mine.origin as string, deleted: false } : null;
  const decision = decide({
    theirs: { ...theirsRevision, baseHlc: theirs.baseHlc as string | null },
    mine: mineRevision,
    myBase: local.bases.get(key)?.hlc ?? null,
    peerLast: local.peerRows.get(key) ?? null,
    me,
    peer,
    sameContent: mine !== undefined && cycleDifferences(mine, theirs).length === 0,
  });
  const item: CycleItem = { theirs, mine, decision, outcome: 'none', merged: null, restamp: false, refused: null, conflict: null };
  const changes = decision === 'add' || decision === 'take' || decision === 'conflict';
  if (changes && authority.role !== 'secretariat') {
    item.refused = `Only the Secretariat can change the cycle itself (its title, dates, phase or exchange rate); ${authority.label} cannot.`;
    return item;
  }
  if (decision === 'add' || decision === 'take') item.outcome = 'write-theirs';
  else if (decision === 'converged') item.outcome = 'meta';
  else if (decision === 'conflict' && mineRevision) item.conflict = { recommended: recommended(mineRevision, theirsRevision), choice: null, invalid: null };
  return item;
}

export function resolveCycleConflict(item: CycleItem, choice: ResolutionDto | null): void {
  if (!item.conflict || !item.mine) return;
  item.conflict.choice = choice;
  const effective = choice ?? item.conflict.recommended;
  const mineHlc = item.mine.hlc as string;
  const theirsHlc = item.theirs.hlc as string;
  if (effective === 'theirs') {
    item.outcome = 'write-theirs';
    item.restamp = theirsHlc < mineHlc;
  } else if (effective === 'mine') {
    item.outcome = 'keep-mine';
    item.restamp = mineHlc < theirsHlc;
  } else {
    const merged: Row = { ...item.mine };
    for (const field of CYCLE_FIELDS)
      if ((Object.hasOwn(effective.fields, field) ? effective.fields[field] : item.conflict.recommended) === 'theirs') merged[field] = item.theirs[field];
    item.outcome = 'merge';
    item.merged = merged;
    item.restamp = true;
  }
}

/** The cycle as the rules should see it after the import. */
export function finalCycle(item: CycleItem | null, local: LocalState): CycleRow {
  const row =
    item && !item.refused && (item.outcome === 'write-theirs' || item.outcome === 'merge')
      ? ((item.outcome === 'merge' ? item.merged : item.theirs) as Row)
      : (local.cycle as Row);
  return cycleRowOf(row);
}

export function cycleRowOf(row: Row): CycleRow {
  return {
    id: row.id,
    title: row.title,
    countyId: row.countyId,
    leadOrgId: row.leadOrgId,
    fiscalYear: row.fiscalYear,
    startDate: row.startDate,
    endDate: row.endDate,
    reportingPeriod: row.reportingPeriod,
    phase: row.phase,
    kesPerUsdScaled: row.kesPerUsdScaled,
    exchangeRateDate: row.exchangeRateDate,
    notes: row.notes,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    hlc: row.hlc,
    origin: row.origin,
  } as CycleRow;
}
