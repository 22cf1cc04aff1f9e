import fs from 'node:fs';
import path from 'node:path';
import { mapMeasures, type MapMeasure } from '../../../shared/api/schemas/geo';
import { sectors } from '../../../shared/domain/vocabulary';
import { closeDb } from '../../db/open-db';
import { rasterise } from '../../exports/graphics/index';
import { wardMapDocument } from '../../services/maps';
import { asCliError, CliError } from '../cli-error';
import { chooseCycle, findOrganisation, openExisting, requireDbFlag } from '../options';

export interface MapFlags {
  db?: string;
  cycle?: string;
  format?: string;
  doc?: string;
  sector?: string;
  org?: string;
  measure?: string;
  out?: string;
}

/** --sector takes a sector's key (water_wash) or its name as the screens show it ("Water & WASH"). */
function sectorKey(wanted: string): (typeof sectors.keys)[number] {
  const lower = wanted.trim().toLowerCase();
  const found = sectors.keys.find((key) => key === lower || sectors.label(key).toLowerCase() === lower);
  if (!found) throw new CliError(`there is no sector "${wanted}"; choose one of ${sectors.keys.map((key) => `${key} (${sectors.label(key)})`).join(', ')}.`);
  return found;
}

const isMeasure = (value: string): value is MapMeasure => mapMeasures.some((measure) => measure === value);

/**
 * How wide the PNG map prints at 300 dpi (2,953 pixels): the width of an A4 landscape page inside
 * its margins, so it fills a slide or a letter's page and still prints sharp.
 */
export const WARD_MAP_PNG_WIDTH_MM = 250;

/**
 * `pamoja export --format svg|png --doc ward-map`: the ward map alone, for slides and letters. SVG
 * is the map as drawn; PNG is the same map rasterised at print resolution.
 */
export async function runMapExport(values: MapFlags & { format: 'svg' | 'png' }): Promise<number> {
  const format = values.format;
  if (values.doc !== 'ward-map') throw new CliError(`--format ${format} makes the ward map: say --doc ward-map.`);
  const measure = values.measure ?? 'kes';
  if (!isMeasure(measure)) throw new CliError(`there is no map of "${measure}"; choose --measure ${mapMeasures.join('|')}.`);
  const out = values.out;
  if (typeof out !== 'string' || out === '') throw new CliError(`say where to write the map with --out FILE.${format}.`);
  if (path.extname(out).toLowerCase() !== `.${format}`) throw new CliError(`--out must name a .${format} file, such as ward-map.${format}; ${out} does not.`);
  if (!fs.existsSync(path.dirname(path.resolve(out))))
    throw new CliError(`the folder ${path.dirname(path.resolve(out))} does not exist; create it first or choose another --out.`);
  const ctx = openExisting(requireDbFlag(values.db));
  try {
    const cycle = chooseCycle(ctx, values.cycle);
    const filter = {
      sector: values.sector === undefined ? ('' as const) : sectorKey(values.sector),
      orgId: values.org === undefined ? '' : findOrganisation(ctx, cycle.id, values.org),
      status: '' as const,
      quarter: '',
    };
    const svg = wardMapDocument(ctx, cycle.id, measure, filter);
    if (svg === null)
      throw new CliError(
        `${cycle.countyName} has no ward boundaries loaded, so there is no map to draw. Load the county's ward layer first: pamoja wards import --db ${values.db} FILE.zip`,
      );
    const bytes = format === 'png' ? await rasterise(svg, WARD_MAP_PNG_WIDTH_MM) : Buffer.from(svg, 'utf8');
    fs.writeFileSync(out, bytes);
    process.stdout.write(`Wrote the ward map of "${cycle.title}" to ${out} (${Math.max(1, Math.round(bytes.length / 1024))} KB).\n`);
    return 0;
  } catch (error) {
    throw asCliError(error);
  } finally {
    closeDb(ctx.db);
  }
}
