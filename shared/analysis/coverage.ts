import { sectors } from '../domain/vocabulary';
import { toKesMinor } from '../money';
import type { ActivityDto } from '../api/schemas/plan';
import type { ContributionDto } from '../api/schemas/budget';
import type { CoverageMatrixDto } from '../api/schemas/analysis/coverage';
import { splitShillings } from './allocate';
import { itemAt } from '../item-at';

/** The fields of activities and budget lines the matrix reads (and the service reads of 20,000 lines). */
export const coverageActivityFields = ['id', 'sector', 'leadOrgId', 'supportingOrgIds', 'wardIds', 'status'] as const satisfies readonly (keyof ActivityDto)[];
export const coverageContributionFields = ['activityId', 'contributorOrgId', 'amountMinor', 'currency'] as const satisfies readonly (keyof ContributionDto)[];
export type CoverageActivity = Pick<ActivityDto, (typeof coverageActivityFields)[number]>;
export type CoverageContribution = Pick<ContributionDto, (typeof coverageContributionFields)[number]>;

export interface CoverageWard {
  id: string;
  name: string;
  subCountyName: string;
}

/**
 * Wards × sectors: in each cell the number of activities and their planned budget in KES. An empty
 * cell is a gap. Cancelled activities are left out. A multi-ward activity counts once in each of its
 * wards, and its budget is split evenly among them in whole shillings (largest remainder), so
 * the rows add up to the plan's total instead of counting the same shilling twice. Activities with
 * no ward get a row of their own, "No ward given".
 *
 * With `organisationId`, only the activities that organisation leads, supports or funds are shown,
 * and the budget is its own contributions: "where does this partner work, and with how much".
 */
export function coverageMatrix(input: {
  cycleId: string;
  kesPerUsdScaled: number;
  wards: readonly CoverageWard[];
  activities: readonly CoverageActivity[];
  contributions: readonly CoverageContribution[];
  organisationId?: string | null;
}): CoverageMatrixDto {
  const orgId = input.organisationId ?? null;
  const sectorKeys = sectors.keys;
  const sectorIndex = new Map<string, number>(sectorKeys.map((key, index) => [key, index]));

  const budget = new Map<string, number>();
  const funders = new Map<string, Set<string>>();
  for (const c of input.contributions) {
    if (c.activityId === null) continue;
    let set = funders.get(c.activityId);
    if (!set) funders.set(c.activityId, (set = new Set()));
    set.add(c.contributorOrgId);
    if (orgId !== null && c.contributorOrgId !== orgId) continue;
    budget.set(c.activityId, (budget.get(c.activityId) ?? 0) + toKesMinor(c, input.kesPerUsdScaled));
  }

  type Cell = { count: number; kes: number };
  const emptyRow = (): Cell[] => sectorKeys.map(() => ({ count: 0, kes: 0 }));
  const rows = new Map<string | null, Cell[]>(input.wards.map((ward) => [ward.id, emptyRow()]));
  const extraWards: CoverageWard[] = [];
  const totals = emptyRow();
  let activityCount = 0;
  let plannedKesMinor = 0;

  for (const activity of input.activities) {
    if (activity.status === 'cancelled') continue;
    if (orgId !== null && activity.leadOrgId !== orgId && !activity.supportingOrgIds.includes(orgId) && !funders.get(activity.id)?.has(orgId)) continue;
    const column = sectorIndex.get(activity.sector);
    if (column === undefined) continue;
    const kes = budget.get(activity.id) ?? 0;
    activityCount++;
    plannedKesMinor += kes;
    const total = itemAt(totals, column, 'sector total');
    total.count++;
    total.kes += kes;
    const wardIds = [...new Set(activity.wardIds)];
    const places: (string | null)[] = wardIds.length > 0 ? wardIds : [null];
    const shares = splitShillings(
      kes,
      places.map(() => 1),
    );
    places.forEach((wardId, index) => {
      let row = rows.get(wardId);
      if (!row) {
        rows.set(wardId, (row = emptyRow()));
        // A ward outside the cycle's list (renamed scope, older data) still shows rather than vanishing.
        if (wardId !== null) extraWards.push({ id: wardId, name: wardId, subCountyName: '' });
      }
      const cell = itemAt(row, column, 'sector cell');
      cell.count++;
      cell.kes += shares[index] ?? 0;
    });
  }

  const wardRows = [...input.wards, ...extraWards].map((ward) => toRow(ward.id, ward.name, ward.subCountyName, rows.get(ward.id) ?? emptyRow()));
  const unplaced = rows.get(null);
  const matrixRows = unplaced ? [...wardRows, toRow(null, 'No ward given', '', unplaced)] : wardRows;

  function toRow(wardId: string | null, wardName: string, subCountyName: string, cells: Cell[]) {
    return {
      wardId,
      wardName,
      subCountyName,
      cells: cells.map((cell, index) => ({ sector: itemAt(sectorKeys, index, 'sector'), activityCount: cell.count, plannedKesMinor: cell.kes })),
      // Distinct activities touching the ward: an activity is in one sector, so the cells add up.
      activityCount: cells.reduce((sum, cell) => sum + cell.count, 0),
      plannedKesMinor: cells.reduce((sum, cell) => sum + cell.kes, 0),
      gapCount: cells.filter((cell) => cell.count === 0).length,
    };
  }

  return {
    cycleId: input.cycleId,
    organisationId: orgId,
    sectors: sectorKeys.map((key) => ({ key, label: sectors.label(key) })),
    rows: matrixRows,
    sectorTotals: totals.map((cell, index) => ({ sector: itemAt(sectorKeys, index, 'sector'), activityCount: cell.count, plannedKesMinor: cell.kes })),
    activityCount,
    plannedKesMinor,
    gapCount: wardRows.reduce((sum, row) => sum + row.gapCount, 0),
    wardsWithoutActivity: wardRows.filter((row) => row.activityCount === 0).map((row) => row.wardName),
  };
}
