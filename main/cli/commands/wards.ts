import fs from 'node:fs';
import path from 'node:path';
import type { WardImportPreviewDto } from '../../../shared/api/schemas/geo';
import { formatDisplayDate } from '../../../shared/dates';
import { ServiceError } from '../../../shared/result';
import { closeDb } from '../../db/open-db';
import { currentLayerRow, layerDto, layerTopology, undoLastLayer } from '../../geo/boundary-store';
import { countyWards } from '../../geo/county-wards';
import { loadSchematicDemo } from '../../geo/demo-layer';
import { applyWardImport, previewWardImport } from '../../geo/import-wards';
import { MAX_GEO_FILE_BYTES } from '../../geo/read-geo-file';
import { wardIdsIn } from '../../../shared/geo/topology';
import { CliError } from '../cli-error';
import { chooseCycle, openExisting, parseFlags, requireDbFlag } from '../options';
import type { Command } from './command';

/** Exit code when the file is refused: nothing was written. */
const EXIT_REFUSED = 2;

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** The preview as people read it in a terminal: which feature is which ward, what is left out. */
export function formatWardPreview(p: WardImportPreviewDto): string {
  const lines = [`Ward boundaries for ${p.countyName} County from ${p.fileName} (${p.format}; ${p.coordinates}).`, `Matched on ${p.matchedOn}.`, ''];
  lines.push(
    `${plural(p.matches.length, 'feature is a ward', 'features are wards')} of ${p.countyName} (of ${plural(p.featureCount, 'feature', 'features')} in the file):`,
  );
  const width = Math.max(...p.matches.map((m) => m.label.length), 4);
  for (const m of p.matches)
    lines.push(
      `  feature ${String(m.feature + 1).padStart(4)}  ${`“${m.label}”`.padEnd(width + 2)}  → ${m.wardName}${m.subCountyName ? ` (${m.subCountyName})` : ''}, by ${m.matchedBy}`,
    );
  if (p.unmatched.length > 0) {
    lines.push('', `Left out (${p.unmatched.length}):`);
    for (const u of p.unmatched.slice(0, 50)) lines.push(`  feature ${String(u.feature + 1).padStart(4)}  “${u.label}”: ${u.reason}`);
    if (p.unmatched.length > 50) lines.push(`  … and ${p.unmatched.length - 50} more`);
  }
  if (p.otherCounties.length > 0) {
    const total = p.otherCounties.reduce((sum, c) => sum + c.features, 0);
    const named = p.otherCounties.slice(0, 6).map((c) => `${c.countyName} ${c.features}`);
    lines.push('', `Other counties: ${plural(total, 'feature', 'features')} left out (${named.join(', ')}${p.otherCounties.length > 6 ? ', …' : ''}).`);
  }
  lines.push(
    '',
    p.wardsWithoutShape.length === 0
      ? `Every ward of ${p.countyName} gets a shape.`
      : `Wards left without a shape (${p.wardsWithoutShape.length}): ${p.wardsWithoutShape.map((w) => w.name).join(', ')}.`,
  );
  for (const note of p.notes) lines.push(`Note: ${note}`);
  if (p.replaces) lines.push(`This replaces the boundaries loaded ${formatDisplayDate(p.replaces.importedAt.slice(0, 10))} from ${p.replaces.source}.`);
  return `${lines.join('\n')}\n`;
}

function readBoundaryFile(file: string): Buffer {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new CliError(`there is no file at ${file}.`);
  // Refused before reading: a 200 MB file is not read into memory to be told it is too large.
  const size = fs.statSync(file).size;
  if (size > MAX_GEO_FILE_BYTES)
    throw new CliError(
      `"${path.basename(file)}" is ${Math.round(size / 1024 / 1024)} MB: far larger than ward boundaries (the whole country is about 50 MB; the limit is 100 MB). Nothing was loaded.`,
      EXIT_REFUSED,
    );
  return fs.readFileSync(file);
}

async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    { db: { type: 'string' }, cycle: { type: 'string' }, source: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    true,
  );
  const db = requireDbFlag(values.db);
  const [file, ...others] = positionals;
  if (file === undefined || others.length > 0)
    throw new CliError('name one boundary file: pamoja wards import --db FILE [--cycle ID] [--source TEXT] [--dry-run] FILE');
  const bytes = readBoundaryFile(file);
  const ctx = openExisting(db);
  try {
    const cycle = chooseCycle(ctx, values.cycle);
    const wardFile = { bytes, fileName: path.basename(file), cycleId: cycle.id };
    if (values['dry-run']) {
      process.stdout.write(`${formatWardPreview(await previewWardImport(ctx, wardFile))}\nDry run: nothing written.\n`);
      return 0;
    }
    const { layer, preview } = await applyWardImport(ctx, wardFile, { source: values.source ?? '' });
    process.stdout.write(formatWardPreview(preview));
    process.stdout.write(
      `\nLoaded the shapes of ${plural(layer.wardCount, 'ward', 'wards')} of ${layer.countyName} (source: ${layer.source}). A verified backup was taken first; undo with: pamoja wards undo --db ${db}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ServiceError) throw new CliError(`${error.message}${/Nothing was/.test(error.message) ? '' : ' Nothing was loaded.'}`, EXIT_REFUSED);
    throw error;
  } finally {
    closeDb(ctx.db);
  }
}

async function runOnCycle(args: string[], work: (ctx: ReturnType<typeof openExisting>, cycle: ReturnType<typeof chooseCycle>) => string): Promise<number> {
  const { values } = parseFlags(args, { db: { type: 'string' }, cycle: { type: 'string' } });
  const ctx = openExisting(requireDbFlag(values.db));
  try {
    process.stdout.write(work(ctx, chooseCycle(ctx, values.cycle)));
    return 0;
  } catch (error) {
    if (error instanceof ServiceError) throw new CliError(error.message);
    throw error;
  } finally {
    closeDb(ctx.db);
  }
}

/** `pamoja wards`: the county's ward boundaries (issue 20). */
export const wardsCommands = {
  wards: {
    async run(args) {
      const [sub, ...rest] = args;
      if (sub === 'import') return runImport(rest);
      if (sub === 'show')
        return runOnCycle(rest, (ctx, cycle) => {
          const row = currentLayerRow(ctx, cycle.countyId);
          if (!row)
            return `${cycle.countyName} has no ward boundaries loaded. Load the county's ward layer (from the county GIS unit or IEBC) with: pamoja wards import --db FILE FILE.zip\n`;
          const layer = layerDto(ctx, row);
          const shaped = wardIdsIn(layerTopology(row));
          const missing = [...countyWards(ctx, cycle.countyId).values()].filter((w) => !shaped.has(w.id)).map((w) => w.name);
          return (
            `${layer.countyName}: ${plural(layer.wardCount, 'ward', 'wards')} with a shape${layer.schematic ? ' (SCHEMATIC demo: invented shapes, not real boundaries)' : ''}.\n` +
            `Source: ${layer.source} (file ${layer.fileName}, loaded ${formatDisplayDate(layer.importedAt.slice(0, 10))} by ${layer.importedBy}).\n` +
            (missing.length ? `Without a shape: ${missing.join(', ')}.\n` : '')
          );
        });
      if (sub === 'undo')
        return runOnCycle(rest, (ctx, cycle) => {
          const { undone, restored } = undoLastLayer(ctx, cycle.countyId);
          return `Undid the boundaries loaded ${formatDisplayDate(undone.importedAt.slice(0, 10))} from ${undone.source}. ${
            restored ? `${undone.countyName} is drawn again from ${restored.source}.` : `${undone.countyName} has no ward boundaries now.`
          }\n`;
        });
      if (sub === 'demo')
        return runOnCycle(rest, (ctx, cycle) => {
          const layer = loadSchematicDemo(ctx, cycle.id);
          return `Loaded a SCHEMATIC demo layer for ${layer.countyName}: ${plural(layer.wardCount, 'invented ward shape', 'invented ward shapes')}, not real boundaries (every map says so). Replace it with the county's own: pamoja wards import.\n`;
        });
      throw new CliError('say what to do: pamoja wards import|show|undo|demo (see pamoja --help).');
    },
  },
} satisfies Record<string, Command>;
