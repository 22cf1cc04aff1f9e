import type { WardRefDto } from '../../shared/api/schemas/geo';
import type { AppContext } from '../services/context';
import type { KnownWard } from './match-wards';
import type { SchematicWard } from './schematic';

/** Every ward of the county (not only a cycle's scope: a layer serves all the county's cycles), by id. */
export function countyWards(ctx: AppContext, countyId: string): Map<string, WardRefDto> {
  const rows = ctx.db.$client
    .prepare(
      `SELECT w.id AS id, w.name AS name, s.name AS subCountyName FROM admin_units w JOIN admin_units s ON s.id = w.parent_id
       WHERE w.level = 'ward' AND s.parent_id = ? ORDER BY s.name, w.name`,
    )
    .all(countyId) as WardRefDto[];
  return new Map(rows.map((row) => [row.id, row]));
}

/** Every ward of Kenya with its county, to tell a ward of another county from a name nobody has. */
export function knownWards(ctx: AppContext): KnownWard[] {
  return ctx.db.$client
    .prepare(
      `SELECT w.id AS id, w.name AS name, w.code AS code, c.id AS countyId, c.name AS countyName
       FROM admin_units w JOIN admin_units s ON s.id = w.parent_id JOIN admin_units c ON c.id = s.parent_id
       WHERE w.level = 'ward' AND c.level = 'county'`,
    )
    .all() as KnownWard[];
}

/** Wards with their codes, sub-county and county, as the schematic layer names them (one county, or all). */
export function wardsForSchematic(ctx: AppContext, countyId: string | null): SchematicWard[] {
  return ctx.db.$client
    .prepare(
      `SELECT w.code AS code, w.name AS name, s.name AS subCountyName, c.code AS countyCode, c.name AS countyName
       FROM admin_units w JOIN admin_units s ON s.id = w.parent_id JOIN admin_units c ON c.id = s.parent_id
       WHERE w.level = 'ward' AND c.level = 'county' AND (? IS NULL OR c.id = ?) ORDER BY c.code, s.name, w.name`,
    )
    .all(countyId, countyId) as SchematicWard[];
}
