import { and, eq, inArray, or } from 'drizzle-orm';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import type { CoverageWard } from '../../../shared/analysis/coverage';
import type { OverlapNames } from '../../../shared/analysis/overlaps';
import { adminUnits } from '../../db/schema';
import type { AppContext } from '../context';
import { registerServices } from '../index';
import { naturalCompare } from '../../../shared/natural-order';

/** Organisations by short name (as people say them in meetings) and wards by name, for messages. */
export function namesOf(ctx: AppContext, cycle: CycleDto): OverlapNames {
  const orgs = new Map(registerServices.organisation.list(ctx, { cycleId: cycle.id }).map((o) => [o.id, o.shortName || o.name]));
  const wards = new Map(unitsOfCounty(ctx, cycle.countyId, 'ward').map((w) => [w.id, w.name]));
  return { orgName: (id) => orgs.get(id) ?? id, wardName: (id) => wards.get(id) ?? id };
}

/**
 * The wards the cycle covers, with their sub-county: the geographical scope's wards and the wards
 * of its sub-counties, or every ward of the county when the scope is the whole county.
 */
export function wardsOfCycle(ctx: AppContext, cycle: CycleDto): CoverageWard[] {
  const units = unitsOfCounty(ctx, cycle.countyId);
  const subCounties = new Map(units.filter((u) => u.level === 'sub_county').map((u) => [u.id, u.name]));
  const scope = new Set(cycle.scopeUnitIds);
  return units
    .filter((u) => u.level === 'ward')
    .filter((u) => scope.size === 0 || scope.has(u.id) || (u.parentId !== null && scope.has(u.parentId)))
    .map((u) => ({ id: u.id, name: u.name, subCountyName: u.parentId === null ? '' : (subCounties.get(u.parentId) ?? '') }))
    .sort((a, b) => naturalCompare(a.subCountyName, b.subCountyName) || naturalCompare(a.name, b.name));
}

/**
 * The county's units two levels down (its sub-counties and their wards, and any ward added straight
 * under the county), by name: what `listAdminUnits` gives `withinId` a county, in one query that
 * reads only the county's rows and the fields used here, not all 1,785 units of Kenya in full.
 */
function unitsOfCounty(ctx: AppContext, countyId: string, level?: 'ward') {
  const children = ctx.db.select({ id: adminUnits.id }).from(adminUnits).where(eq(adminUnits.parentId, countyId));
  return ctx.db
    .select({ id: adminUnits.id, level: adminUnits.level, name: adminUnits.name, parentId: adminUnits.parentId })
    .from(adminUnits)
    .where(and(level ? eq(adminUnits.level, level) : undefined, or(eq(adminUnits.parentId, countyId), inArray(adminUnits.parentId, children))))
    .orderBy(adminUnits.name)
    .all();
}
