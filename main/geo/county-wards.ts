import { and, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { WardRefDto } from '../../shared/api/schemas/geo';
import { adminUnits } from '../db/schema';
import type { AppContext } from '../services/context';
import type { KnownWard } from './match-wards';
import type { SchematicWard } from './schematic';

const ward = alias(adminUnits, 'w');
const subCounty = alias(adminUnits, 's');
const county = alias(adminUnits, 'c');

/** Every ward of the county (not only a cycle's scope: a layer serves all the county's cycles), by id. */
export function countyWards(ctx: AppContext, countyId: string): Map<string, WardRefDto> {
  const rows = ctx.db
    .select({ id: ward.id, name: ward.name, subCountyName: subCounty.name })
    .from(ward)
    .innerJoin(subCounty, eq(subCounty.id, ward.parentId))
    .where(and(eq(ward.level, 'ward'), eq(subCounty.parentId, countyId)))
    .orderBy(subCounty.name, ward.name)
    .all();
  return new Map(rows.map((row) => [row.id, row]));
}

/** Every ward of Kenya with its county, to tell a ward of another county from a name nobody has. */
export function knownWards(ctx: AppContext): KnownWard[] {
  return ctx.db
    .select({ id: ward.id, name: ward.name, code: ward.code, countyId: county.id, countyName: county.name })
    .from(ward)
    .innerJoin(subCounty, eq(subCounty.id, ward.parentId))
    .innerJoin(county, eq(county.id, subCounty.parentId))
    .where(and(eq(ward.level, 'ward'), eq(county.level, 'county')))
    .all();
}

/** Wards with their codes, sub-county and county, as the schematic layer names them (one county, or all). */
export function wardsForSchematic(ctx: AppContext, countyId: string | null): SchematicWard[] {
  return ctx.db
    .select({ code: ward.code, name: ward.name, subCountyName: subCounty.name, countyCode: county.code, countyName: county.name })
    .from(ward)
    .innerJoin(subCounty, eq(subCounty.id, ward.parentId))
    .innerJoin(county, eq(county.id, subCounty.parentId))
    .where(and(eq(ward.level, 'ward'), eq(county.level, 'county'), countyId === null ? undefined : eq(county.id, countyId)))
    .orderBy(county.code, subCounty.name, ward.name)
    .all();
}
