import type Database from 'better-sqlite3';
import { z } from 'zod';
import { explainIssues } from '../../shared/api/explain';
import { requiredName, text, unitId } from '../../shared/api/schemas/fields';
import type { Row } from '../db/row-store';
import { rowOf, rowOrNone, textOf } from '../db/row-values';
import { recordAudit } from '../services/audit';
import type { WriteContext } from '../services/context';
import { hlcText, rowMetaSchema } from './format';
import type { SenderAuthority } from './plan-types';
import { textNotAsStored } from './stored-text';
import type { Problems } from './validate-rows';

/**
 * Wards and sub-counties people added or renamed (a ward gazetted after the IEBC list the app
 * ships with) travel with the cycle, so a partner's activity in a new ward is not refused for
 * naming a ward the other copy lacks. Units are not a cycle's rows: they are shared by every cycle
 * of the county, merged by their clock stamp (the later name wins). Anyone may add a unit the
 * rows need; only the Secretariat may rename one.
 */

export const AREA_UNITS_ENTRY = 'area-units.json';
export const AREA_UNIT_NOUN = { one: 'ward or sub-county', many: 'wards or sub-counties' };

const COLUMNS = 'id, level, name, code, parent_id AS parentId, updated_at AS updatedAt, hlc, origin';

const areaUnitSchema = z.strictObject({
  id: unitId,
  level: z.enum(['sub_county', 'ward']),
  name: requiredName(100),
  code: text({ name: true }).max(20),
  parentId: unitId,
  updatedAt: rowMetaSchema.updatedAt,
  hlc: hlcText,
  origin: rowMetaSchema.origin,
});

/** The county's units that people added or renamed here: the seeded ones every copy already has. */
export function readAreaUnits(client: Database.Database, countyId: string): Row[] {
  return client
    .prepare(
      `WITH RECURSIVE inside(id) AS (SELECT id FROM admin_units WHERE parent_id = ? UNION ALL SELECT a.id FROM admin_units a JOIN inside ON a.parent_id = inside.id)
       SELECT ${COLUMNS} FROM admin_units WHERE id IN (SELECT id FROM inside) AND origin <> 'seed' ORDER BY CASE level WHEN 'sub_county' THEN 0 ELSE 1 END, rowid`,
    )
    .all(countyId)
    .map(rowOf);
}

/** Every ward of the county, seeded or added: the wards a boundary layer may draw. */
export function knownCountyWardIds(client: Database.Database, countyId: string): string[] {
  return client
    .prepare("SELECT w.id FROM admin_units w JOIN admin_units s ON s.id = w.parent_id WHERE w.level = 'ward' AND s.parent_id = ?")
    .pluck()
    .all(countyId) as string[];
}

export function validateAreaUnits(data: unknown, problems: Problems): Row[] {
  if (!Array.isArray(data)) {
    problems.add(`${AREA_UNITS_ENTRY} is not a list of wards.`);
    return [];
  }
  const seen = new Set<string>();
  const units: Row[] = [];
  data.forEach((item: unknown, index) => {
    const parsed = areaUnitSchema.safeParse(item);
    if (!parsed.success) return problems.add(`Ward or sub-county ${index + 1}: ${explainIssues(parsed.error.issues).message}`);
    // The schema has just accepted `item` as a record of these keys.
    const altered = textNotAsStored(item as Row, parsed.data, ['name', 'code']);
    if (altered) return problems.add(`Ward or sub-county ${index + 1} (“${parsed.data.name}”): ${altered}`);
    if (seen.has(parsed.data.id)) return problems.add(`Ward or sub-county ${index + 1}: the id ${parsed.data.id} appears twice.`);
    seen.add(parsed.data.id);
    units.push(parsed.data);
  });
  return units;
}

export interface AreaUnitPlan {
  adds: Row[];
  renames: { mine: Row; theirs: Row }[];
  refused: { unit: Row; reason: string }[];
  /** Wards of the cycle's county this import adds: the rows' ward checks accept them. */
  addedWardIds: Set<string>;
}

/** What the import does with the bundle's units; nothing is written here. */
export function planAreaUnits(client: Database.Database, units: Row[], countyId: string, authority: SenderAuthority): AreaUnitPlan {
  const plan: AreaUnitPlan = { adds: [], renames: [], refused: [], addedWardIds: new Set() };
  const lookup = client.prepare(`SELECT ${COLUMNS} FROM admin_units WHERE id = ?`);
  const sameName = client.prepare('SELECT name FROM admin_units WHERE parent_id = ? AND lower(name) = lower(?) AND id <> ?').pluck();
  const added = new Map<string, Row>();
  const unitOf = (id: string) => added.get(id) ?? rowOrNone(lookup.get(id));
  // Sub-counties come first in a bundle, so a new ward's new sub-county is known when it is checked.
  for (const unit of units) {
    const refuse = (reason: string) => plan.refused.push({ unit, reason });
    const mine = rowOrNone(lookup.get(unit.id));
    if (mine) {
      if (textOf(unit, 'hlc') <= textOf(mine, 'hlc') || unit.name === mine.name) continue;
      if (authority.role !== 'secretariat') refuse(`Only the Secretariat can rename ${String(mine.name)}; ${authority.label} cannot.`);
      else plan.renames.push({ mine, theirs: unit });
      continue;
    }
    const parent = unitOf(textOf(unit, 'parentId'));
    const expected = unit.level === 'ward' ? 'sub_county' : 'county';
    const county = parent?.level === 'county' ? parent : parent ? unitOf(textOf(parent, 'parentId')) : undefined;
    if (!parent || parent.level !== expected || county?.id !== countyId) {
      refuse(`${String(unit.name)} is not placed in a sub-county of this cycle’s county.`);
      continue;
    }
    const clash: unknown = sameName.get(parent.id, unit.name, unit.id);
    if (typeof clash === 'string') {
      refuse(`This copy already has ${clash} in ${String(parent.name)}; the two were added separately. Rename one of them, then import again.`);
      continue;
    }
    const id = textOf(unit, 'id');
    added.set(id, unit);
    plan.adds.push(unit);
    if (unit.level === 'ward') plan.addedWardIds.add(id);
  }
  return plan;
}

export function writeAreaUnits(tx: WriteContext, plan: AreaUnitPlan, at: string): void {
  const client = tx.db.$client;
  const insert = client.prepare(
    'INSERT INTO admin_units (id, level, name, code, parent_id, updated_at, hlc, origin) VALUES (@id, @level, @name, @code, @parentId, @updatedAt, @hlc, @origin)',
  );
  const rename = client.prepare('UPDATE admin_units SET name = @name, updated_at = @updatedAt, hlc = @hlc, origin = @origin WHERE id = @id');
  const shown = ({ hlc: _hlc, origin: _origin, ...unit }: Row) => unit;
  for (const unit of plan.adds) {
    insert.run(unit);
    recordAudit(tx, at, { action: 'create', tableName: 'admin_units', rowId: textOf(unit, 'id'), cycleId: null, after: shown(unit) });
  }
  for (const { mine, theirs } of plan.renames) {
    rename.run(theirs);
    recordAudit(tx, at, { action: 'update', tableName: 'admin_units', rowId: textOf(mine, 'id'), cycleId: null, before: shown(mine), after: shown(theirs) });
  }
}
