import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { adminUnits } from './schema';

/**
 * Ward boundaries a county loaded (issue 20). A layer belongs to a county, not to a cycle: every
 * cycle of the county draws the same wards. Each import adds a layer and retires the one before it
 * (`replacedAt`), so undoing an import brings the previous layer back; the history stays.
 *
 * The shapes are one TopoJSON topology (shared/geo/topology.ts) in longitude/latitude (WGS 84),
 * simplified for screens and print with shared borders kept shared; each geometry's id is the ward's
 * admin unit id. The layer travels in full bundles with the clock stamp of its import.
 */
export const wardBoundaryLayers = sqliteTable(
  'ward_boundary_layers',
  {
    id: text('id').primaryKey(),
    countyId: text('county_id')
      .notNull()
      .references(() => adminUnits.id),
    /** Where the shapes come from, printed under every map: "Isiolo County GIS Unit, 2023". */
    source: text('source').notNull(),
    fileName: text('file_name').notNull(),
    /** The invented demo layer (Voronoi cells): every map drawn from it says so. */
    schematic: integer('schematic', { mode: 'boolean' }).notNull().default(false),
    topology: text('topology').notNull(),
    wardCount: integer('ward_count').notNull(),
    importedAt: text('imported_at').notNull(),
    importedBy: text('imported_by').notNull(),
    /** Set when a later import (or an undo) retired this layer; null for the county's current one. */
    replacedAt: text('replaced_at'),
    /** Set when this layer's import was undone. */
    undoneAt: text('undone_at'),
    updatedAt: text('updated_at').notNull(),
    hlc: text('hlc').notNull(),
    origin: text('origin').notNull(),
  },
  (t) => [index('ward_boundary_layers_county').on(t.countyId)],
);
