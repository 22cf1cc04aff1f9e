import { and, desc, eq, isNull } from 'drizzle-orm';
import { wardTopology, type BoundaryLayerDto, type WardTopology } from '../../shared/api/schemas/geo';
import { ServiceError } from '../../shared/result';
import { wardBoundaryLayers } from '../db/schema';
import { getAdminUnit } from '../services/admin-units';
import { recordAudit } from '../services/audit';
import { inWriteTransaction, stamp, type AppContext, type WriteContext } from '../services/context';

export type LayerRow = typeof wardBoundaryLayers.$inferSelect;

/** What the audit log keeps of a layer: everything but the shapes themselves. */
const audited = ({ topology: _topology, hlc: _hlc, origin: _origin, ...rest }: LayerRow) => rest;

/** The county's current layer, if it has one. */
export function currentLayerRow(ctx: AppContext, countyId: string): LayerRow | undefined {
  return ctx.db
    .select()
    .from(wardBoundaryLayers)
    .where(and(eq(wardBoundaryLayers.countyId, countyId), isNull(wardBoundaryLayers.replacedAt)))
    .get();
}

/** The layer an undo would bring back: the newest one before the current that was not itself undone. */
function previousLayerRow(ctx: AppContext, current: LayerRow): LayerRow | undefined {
  return ctx.db
    .select()
    .from(wardBoundaryLayers)
    .where(and(eq(wardBoundaryLayers.countyId, current.countyId), isNull(wardBoundaryLayers.undoneAt)))
    .orderBy(desc(wardBoundaryLayers.importedAt), desc(wardBoundaryLayers.hlc))
    .all()
    .find((row) => row.id !== current.id && row.importedAt <= current.importedAt);
}

export function layerDto(ctx: AppContext, row: LayerRow): BoundaryLayerDto {
  return {
    id: row.id,
    countyId: row.countyId,
    countyName: getAdminUnit(ctx, row.countyId).name,
    source: row.source,
    fileName: row.fileName,
    schematic: row.schematic,
    importedAt: row.importedAt,
    importedBy: row.importedBy,
    wardCount: row.wardCount,
    canUndo: row.replacedAt === null,
  };
}

export function layerTopology(row: LayerRow): WardTopology {
  return wardTopology.parse(JSON.parse(row.topology));
}

export interface NewLayer {
  countyId: string;
  source: string;
  fileName: string;
  schematic: boolean;
  topology: WardTopology;
}

/** Makes a new layer the county's current one, retiring the one before; one transaction, audited. */
export function storeLayer(ctx: AppContext, layer: NewLayer): BoundaryLayerDto {
  return inWriteTransaction(ctx, (tx) => {
    const { at, hlc } = stamp(tx);
    const previous = currentLayerRow(tx, layer.countyId);
    if (previous) retire(tx, previous, at, { replacedAt: at });
    const row: LayerRow = {
      id: tx.newId(),
      countyId: layer.countyId,
      source: layer.source,
      fileName: layer.fileName,
      schematic: layer.schematic,
      topology: JSON.stringify(layer.topology),
      wardCount: layer.topology.objects.wards.geometries.length,
      importedAt: at,
      importedBy: tx.userName || 'unknown user',
      replacedAt: null,
      undoneAt: null,
      updatedAt: at,
      hlc,
      origin: tx.installationId,
    };
    tx.db.insert(wardBoundaryLayers).values(row).run();
    recordAudit(tx, at, { action: 'create', tableName: 'ward_boundary_layers', rowId: row.id, cycleId: null, after: audited(row) });
    return layerDto(tx, row);
  });
}

function retire(tx: WriteContext, row: LayerRow, at: string, change: Partial<LayerRow>): void {
  const after = { ...row, ...change, updatedAt: at };
  tx.db
    .update(wardBoundaryLayers)
    .set({ ...change, updatedAt: at })
    .where(eq(wardBoundaryLayers.id, row.id))
    .run();
  recordAudit(tx, at, { action: 'update', tableName: 'ward_boundary_layers', rowId: row.id, cycleId: null, before: audited(row), after: audited(after) });
}

/**
 * Undoes the county's last boundary import: the current layer is set aside (kept in the history)
 * and the one it replaced comes back, stamped anew so that it also wins in the copies this one
 * sends full bundles to. With no earlier layer, the county has no boundaries again.
 */
export function undoLastLayer(ctx: AppContext, countyId: string): { undone: BoundaryLayerDto; restored: BoundaryLayerDto | null } {
  return inWriteTransaction(ctx, (tx) => {
    const current = currentLayerRow(tx, countyId);
    if (!current)
      throw new ServiceError({ code: 'not_found', message: `${getAdminUnit(tx, countyId).name} has no ward boundaries loaded, so there is nothing to undo.` });
    const { at, hlc } = stamp(tx);
    const previous = previousLayerRow(tx, current);
    retire(tx, current, at, { replacedAt: at, undoneAt: at });
    let restored: LayerRow | null = null;
    if (previous) {
      retire(tx, previous, at, { replacedAt: null, hlc, origin: tx.installationId });
      restored = { ...previous, replacedAt: null, hlc, origin: tx.installationId, updatedAt: at };
    }
    return { undone: layerDto(tx, { ...current, replacedAt: at, undoneAt: at }), restored: restored ? layerDto(tx, restored) : null };
  });
}
