import type { ResolutionDto } from '../../shared/api/schemas/bundles';
import type { Row } from '../db/row-store';
import { numberOf, textOf, textOrNullOf } from '../db/row-values';
import { z } from 'zod';
import { cyclePhases, reportingFrequencies } from '../../shared/domain/vocabulary';
import type { CycleRow } from '../services/rules';
import { baseKey } from './cycle-rows';
import { decide, recommended } from './merge';
import { sameField } from './field-merge';
import { rowToWrite, type CycleItem, type LocalState, type SenderAuthority } from './plan-types';

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
  const key = baseKey('cycles', textOf(theirs, 'id'));
  const theirsRevision = { hlc: textOf(theirs, 'hlc'), origin: textOf(theirs, 'origin'), deleted: false };
  const mineRevision = mine ? { hlc: textOf(mine, 'hlc'), origin: textOf(mine, 'origin'), deleted: false } : null;
  const decision = decide({
    theirs: { ...theirsRevision, baseHlc: textOrNullOf(theirs, 'baseHlc') },
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
  const mineHlc = textOf(item.mine, 'hlc');
  const theirsHlc = textOf(item.theirs, 'hlc');
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
  const row = item && !item.refused && (item.outcome === 'write-theirs' || item.outcome === 'merge') ? rowToWrite(item) : local.cycle;
  if (!row) throw new Error('The import has no cycle row to check against.');
  return cycleRowOf(row);
}

/** The cycle's columns of a cycle row (bundle rows were checked by validate-rows; each read checks its type). */
export function cycleRowOf(row: Row): CycleRow {
  return {
    id: textOf(row, 'id'),
    title: textOf(row, 'title'),
    countyId: textOf(row, 'countyId'),
    leadOrgId: textOrNullOf(row, 'leadOrgId'),
    fiscalYear: textOf(row, 'fiscalYear'),
    startDate: textOf(row, 'startDate'),
    endDate: textOf(row, 'endDate'),
    reportingPeriod: z.enum(reportingFrequencies.keys).parse(row.reportingPeriod),
    phase: z.enum(cyclePhases.keys).parse(row.phase),
    kesPerUsdScaled: numberOf(row, 'kesPerUsdScaled'),
    exchangeRateDate: textOf(row, 'exchangeRateDate'),
    notes: textOf(row, 'notes'),
    createdAt: textOf(row, 'createdAt'),
    updatedAt: textOf(row, 'updatedAt'),
    hlc: textOf(row, 'hlc'),
    origin: textOf(row, 'origin'),
  };
}
