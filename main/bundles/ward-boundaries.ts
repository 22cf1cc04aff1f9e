import type Database from 'better-sqlite3';
import { z } from 'zod';
import { explainIssues } from '../../shared/api/explain';
import { requiredText, unitId } from '../../shared/api/schemas/fields';
import { wardTopology } from '../../shared/api/schemas/geo';
import type { Row } from '../db/row-store';
import { rowOrNone, textOf } from '../db/row-values';
import { recordAudit } from '../services/audit';
import type { WriteContext } from '../services/context';
import { hlcText, rowMetaSchema } from './format';
import type { SenderAuthority } from './plan-types';
import type { Problems } from './validate-rows';

/**
 * The county's ward boundaries (issue 20) travel in full bundles: the layer the sender draws its
 * maps from, with the clock stamp of its load. Like the county's added wards they belong to every
 * cycle of the county, not to one; the later layer wins, and only the Secretariat's is taken.
 */

export const WARD_BOUNDARIES_ENTRY = 'ward-boundaries.json';
export const WARD_BOUNDARIES_NOUN = { one: 'ward boundary layer', many: 'ward boundary layers' };

const layerSchema = z.strictObject({
  id: z.uuid(),
  countyId: unitId,
  source: requiredText(200),
  fileName: requiredText(255),
  schematic: z.boolean(),
  topology: wardTopology,
  wardCount: z.int().min(1).max(3000),
  importedAt: rowMetaSchema.updatedAt,
  importedBy: z.string().max(200),
  updatedAt: rowMetaSchema.updatedAt,
  hlc: hlcText,
  origin: rowMetaSchema.origin,
});

const COLUMNS =
  'id, county_id AS countyId, source, file_name AS fileName, schematic, topology, ward_count AS wardCount, imported_at AS importedAt, imported_by AS importedBy, updated_at AS updatedAt, hlc, origin';

/** The county's current layer as a bundle carries it; null when it has none. */
export function readWardBoundaries(client: Database.Database, countyId: string): Row | null {
  const row = rowOrNone(client.prepare(`SELECT ${COLUMNS} FROM ward_boundary_layers WHERE county_id = ? AND replaced_at IS NULL`).get(countyId));
  if (!row) return null;
  const topology: unknown = JSON.parse(textOf(row, 'topology'));
  return { ...row, schematic: row.schematic === 1, topology };
}

export function validateWardBoundaries(data: unknown, countyId: string, problems: Problems): Row | null {
  const parsed = layerSchema.safeParse(data);
  if (!parsed.success) {
    problems.add(`The ward boundaries: ${explainIssues(parsed.error.issues).message}`);
    return null;
  }
  const layer = parsed.data;
  if (layer.countyId !== countyId) problems.add('The ward boundaries are of another county than the cycle’s.');
  if (layer.wardCount !== layer.topology.objects.wards.geometries.length) problems.add('The ward boundaries count their wards wrongly.');
  const arcs = layer.topology.arcs.length;
  const badArc = JSON.stringify(layer.topology.objects.wards.geometries.map((g) => g.arcs))
    .match(/-?\d+/g)
    ?.some((n) => {
      const index = Number(n) < 0 ? ~Number(n) : Number(n);
      return index >= arcs;
    });
  if (badArc) problems.add('The ward boundaries name lines that are not in them; the file is damaged.');
  return layer;
}

export interface WardBoundaryPlan {
  /** The layer to make current here; null when ours stays. */
  take: Row | null;
  refused: string | null;
}

/** Whether to take the bundle's layer: the Secretariat's, of wards of the county, later than ours. */
export function planWardBoundaries(
  client: Database.Database,
  theirs: Row | null,
  authority: SenderAuthority,
  countyWardIds: ReadonlySet<string>,
  problems: Problems,
  warnings: string[],
): WardBoundaryPlan {
  const none = { take: null, refused: null };
  if (theirs === null) return none;
  const strangers = (theirs.topology as z.infer<typeof wardTopology>).objects.wards.geometries.filter((g) => !countyWardIds.has(g.id));
  if (strangers.length > 0) {
    problems.add(`The ward boundaries draw ${strangers[0]?.id}, which is not a ward of this cycle’s county.`);
    return none;
  }
  const mine = rowOrNone(client.prepare('SELECT id, hlc FROM ward_boundary_layers WHERE county_id = ? AND replaced_at IS NULL').get(theirs.countyId));
  if (mine && mine.id === theirs.id && mine.hlc === theirs.hlc) return none;
  if (authority.role !== 'secretariat') return { take: null, refused: `Ward boundaries are the Secretariat’s to load; ${authority.label} cannot change them.` };
  if (mine && textOf(mine, 'hlc') >= textOf(theirs, 'hlc')) {
    warnings.push('The bundle’s ward boundaries are older than the ones loaded here; this copy keeps its own.');
    return none;
  }
  return { take: theirs, refused: null };
}

/** Makes the bundle's layer the county's current one; the layer it replaces stays in the history. */
export function writeWardBoundaries(tx: WriteContext, plan: WardBoundaryPlan, at: string): void {
  const layer = plan.take;
  if (!layer) return;
  const client = tx.db.$client;
  const shown = ({ topology: _t, hlc: _h, origin: _o, ...rest }: Row) => rest;
  const current = rowOrNone(client.prepare(`SELECT ${COLUMNS} FROM ward_boundary_layers WHERE county_id = ? AND replaced_at IS NULL`).get(layer.countyId));
  if (current) {
    client.prepare('UPDATE ward_boundary_layers SET replaced_at = ?, updated_at = ? WHERE id = ?').run(at, at, current.id);
    recordAudit(tx, at, {
      action: 'update',
      tableName: 'ward_boundary_layers',
      rowId: textOf(current, 'id'),
      cycleId: null,
      before: shown(current),
      after: { ...shown(current), replacedAt: at },
    });
  }
  const row = { ...layer, schematic: layer.schematic ? 1 : 0, topology: JSON.stringify(layer.topology) };
  const known = client.prepare('SELECT id FROM ward_boundary_layers WHERE id = ?').get(layer.id);
  if (known) {
    client
      .prepare(
        'UPDATE ward_boundary_layers SET replaced_at = NULL, undone_at = NULL, source = @source, updated_at = @updatedAt, hlc = @hlc, origin = @origin WHERE id = @id',
      )
      .run(row);
  } else {
    client
      .prepare(
        `INSERT INTO ward_boundary_layers (id, county_id, source, file_name, schematic, topology, ward_count, imported_at, imported_by, replaced_at, undone_at, updated_at, hlc, origin)
         VALUES (@id, @countyId, @source, @fileName, @schematic, @topology, @wardCount, @importedAt, @importedBy, NULL, NULL, @updatedAt, @hlc, @origin)`,
      )
      .run(row);
  }
  recordAudit(tx, at, {
    action: known ? 'update' : 'create',
    tableName: 'ward_boundary_layers',
    rowId: textOf(layer, 'id'),
    cycleId: null,
    after: shown(layer),
  });
}
