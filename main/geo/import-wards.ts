import { createHash } from 'node:crypto';
import type { BoundaryLayerDto, WardImportPreviewDto, WardRefDto, WardTopology } from '../../shared/api/schemas/geo';
import { ServiceError } from '../../shared/result';
import { backUpBeforeImport } from '../services/backups';
import type { AppContext } from '../services/context';
import { getCycle } from '../services/cycles';
import { currentLayerRow, storeLayer } from './boundary-store';
import { coordinateSystemOf } from './crs';
import { countyWards, knownWards } from './county-wards';
import { matchWards } from './match-wards';
import { geoFileProblem } from './problems';
import { readGeoFile, type RawLayer } from './read-geo-file';
import { featureArea, type PolygonRings } from './shapes';
import { buildWardTopology } from './simplify';

export interface WardFile {
  bytes: Uint8Array;
  fileName: string;
  /** The cycle whose county the boundaries are for. */
  cycleId: string;
}

export interface PlannedLayer {
  preview: WardImportPreviewDto;
  topology: WardTopology;
  countyId: string;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/**
 * What loading a boundary layer would do for the cycle's county: which feature is which ward,
 * which features are left out and why, and which wards get no shape. Writes nothing. Refuses (with
 * the reason, naming the feature) a file none of whose features is a ward of the county, and any
 * kept feature whose shape is empty, crosses itself or lies outside Kenya.
 */
export function planWardLayer(ctx: AppContext, cycleId: string, raw: RawLayer, fileName: string, digestOf: Uint8Array | string): PlannedLayer {
  const cycle = getCycle(ctx, cycleId);
  const wards = countyWards(ctx, cycle.countyId);
  const match = matchWards(raw.features, { id: cycle.countyId, name: cycle.countyName }, knownWards(ctx));
  const others = [...match.otherCounties].sort((a, b) => b[1] - a[1]);
  if (match.matches.length === 0) {
    const examples = match.unmatched.slice(0, 3).map((u) => `“${u.label}”`);
    if (others.length > 0 && others.reduce((sum, [, n]) => sum + n, 0) === raw.features.length) {
      const where = others.slice(0, 3).map(([county, n]) => `${county} (${plural(n, 'ward', 'wards')})`);
      throw geoFileProblem(
        `"${fileName}" holds wards of ${where.join(', ')}${others.length > 3 ? ' and more' : ''}, not of ${cycle.countyName}. Nothing was loaded.`,
      );
    }
    const attributes = [...new Set(raw.features.slice(0, 50).flatMap((f) => Object.keys(f.properties)))].slice(0, 12);
    throw geoFileProblem(
      raw.features.length === 0
        ? `"${fileName}" holds no features at all. Nothing was loaded.`
        : `None of the ${plural(raw.features.length, 'feature', 'features')} of "${fileName}" is a ward of ${cycle.countyName}${examples.length ? ` (they are called ${examples.join(', ')}…)` : ''}. ` +
            `Pamoja JWP looks for IEBC ward codes or ward names in the attributes${attributes.length ? ` (this file has ${attributes.join(', ')})` : ''}. Nothing was loaded.`,
    );
  }
  const system = coordinateSystemOf(raw, fileName);
  const areas = new Map<string, PolygonRings[]>();
  const notes: string[] = [];
  for (const m of match.matches) {
    const polygons = featureArea(raw.features[m.feature]?.geometry ?? null, m.feature, m.label, system);
    const before = areas.get(m.wardId);
    if (before) notes.push(`${wards.get(m.wardId)?.name ?? m.wardId} is drawn from several features of the file, put together.`);
    areas.set(m.wardId, [...(before ?? []), ...polygons]);
  }
  if (others.length > 0) {
    const count = others.reduce((sum, [, n]) => sum + n, 0);
    notes.push(
      `${plural(count, 'feature', 'features')} of ${plural(others.length, 'other county', 'other counties')} left out: only ${cycle.countyName}’s wards are kept.`,
    );
  }
  const topology = buildWardTopology(areas);
  const ref = (id: string): WardRefDto => wards.get(id) ?? { id, name: id, subCountyName: '' };
  const replaced = currentLayerRow(ctx, cycle.countyId);
  const matches = match.matches.map((m) => ({ ...m, wardName: ref(m.wardId).name, subCountyName: ref(m.wardId).subCountyName }));
  const digest = createHash('sha256')
    .update(typeof digestOf === 'string' ? digestOf : Buffer.from(digestOf))
    .update(JSON.stringify([cycle.countyId, matches, [...wards.keys()]]))
    .digest('hex')
    .slice(0, 32);
  return {
    countyId: cycle.countyId,
    topology,
    preview: {
      fileName,
      format: raw.format,
      coordinates: system.label,
      featureCount: raw.features.length,
      countyName: cycle.countyName,
      matchedOn: match.matchedOn,
      matches,
      unmatched: match.unmatched.filter((u) => !/^a ward of /.test(u.reason)),
      otherCounties: others.map(([countyName, features]) => ({ countyName, features })),
      wardsWithoutShape: [...wards.values()].filter((w) => !areas.has(w.id)),
      notes,
      replaces: replaced ? { source: replaced.source, importedAt: replaced.importedAt } : null,
      digest,
    },
  };
}

export async function previewWardImport(ctx: AppContext, file: WardFile): Promise<WardImportPreviewDto> {
  const raw = await readGeoFile(file.bytes, file.fileName);
  return planWardLayer(ctx, file.cycleId, raw, file.fileName, file.bytes).preview;
}

/**
 * Loads the boundaries: after a verified backup (like every import), the new layer becomes the
 * county's current one in one transaction; the one it replaces stays in the history for undo.
 */
export async function applyWardImport(
  ctx: AppContext,
  file: WardFile,
  options: { source: string; expectedDigest?: string },
): Promise<{ layer: BoundaryLayerDto; preview: WardImportPreviewDto }> {
  const raw = await readGeoFile(file.bytes, file.fileName);
  const planned = planWardLayer(ctx, file.cycleId, raw, file.fileName, file.bytes);
  if (options.expectedDigest !== undefined && options.expectedDigest !== planned.preview.digest) {
    throw new ServiceError({
      code: 'invalid_input',
      message: 'The file or the county’s wards changed since the preview, so nothing was loaded. Preview the file again.',
    });
  }
  backUpBeforeImport(ctx);
  const layer = storeLayer(ctx, {
    countyId: planned.countyId,
    source: options.source.trim() || file.fileName,
    fileName: file.fileName,
    schematic: false,
    topology: planned.topology,
  });
  return { layer, preview: planned.preview };
}
