import { changesAnnex, type ChangesAnnex } from '../../shared/lifecycle/annex';
import { readableDiff, type ReadableDiff, type SideRef } from '../../shared/lifecycle/describe';
import type { PlanSnapshot } from '../../shared/lifecycle/diff';
import { getAdminUnit, listAdminUnits } from '../services/admin-units';
import type { AppContext } from '../services/context';
import { getCycle } from '../services/cycles';
import { versionByNumber, versionLabel, versionSnapshot, workingContent } from './versions';

export type Side = number | 'working';

function resolveSide(ctx: AppContext, cycleId: string, side: Side, field: string): { ref: SideRef; snapshot: PlanSnapshot } {
  if (side === 'working') {
    const working = workingContent(ctx, cycleId);
    return { ref: { version: null, label: 'the working plan', fingerprint: working.fingerprint }, snapshot: working.snapshot };
  }
  const row = versionByNumber(ctx, cycleId, side, field);
  return { ref: { version: row.number, label: versionLabel(row), fingerprint: row.fingerprint }, snapshot: versionSnapshot(row) };
}

/** Ward and sub-county names of the cycle's county, so a diff names places rather than codes. */
function unitNamesOf(ctx: AppContext, countyId: string): Map<string, string> {
  const names = new Map(listAdminUnits(ctx, { withinId: countyId }).map((unit) => [unit.id, unit.name]));
  names.set(countyId, getAdminUnit(ctx, countyId).name);
  return names;
}

/** What changed from one version to another, or to the working plan: register by register, row by row, field by field. */
export function compareVersions(ctx: AppContext, input: { cycleId: string; from: number; to: Side }): ReadableDiff {
  const cycle = getCycle(ctx, input.cycleId);
  const from = resolveSide(ctx, cycle.id, input.from, 'from');
  const to = resolveSide(ctx, cycle.id, input.to, 'to');
  return readableDiff(from, to, unitNamesOf(ctx, cycle.countyId));
}

/**
 * The Word annex "Changes since version N" as plain data (shared/lifecycle/annex.ts): what a
 * document builder renders as one table per register. `to` is the working plan unless a later
 * version is named.
 */
export function changesSinceVersion(ctx: AppContext, cycleId: string, since: number, to: Side = 'working'): ChangesAnnex {
  return changesAnnex(compareVersions(ctx, { cycleId, from: since, to }));
}
