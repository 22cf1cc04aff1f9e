import type { BoundaryLayerDto, WardMapDto, WardTopology } from '../api/schemas/geo';
import { formatDisplayDate } from '../dates';
import { kesShort } from '../money';
import { text } from '../svg';
import { EMPTY_COLOUR } from './classes';
import { wardMapModel, type MapModel } from './map-model';

/**
 * A ward map as one self-contained SVG document, for paper and slides: the CLI writes it as it is
 * (or rasterised), and the Word documents place it as a print-resolution picture. Title, the map,
 * a legend with its class breaks, gaps hatched, likely duplicates marked, a north arrow, a scale
 * bar and the source of the boundaries. Pure: the same input gives the same bytes.
 */

export interface WardMapPrint {
  topology: WardTopology;
  layer: Pick<BoundaryLayerDto, 'source' | 'fileName' | 'importedAt' | 'schematic'>;
  figures: WardMapDto;
  countyName: string;
  cycleTitle: string;
  /** ISO date the map was drawn. */
  generatedOn: string;
}

export const WARD_MAP_SIZE = { width: 1600, height: 1100 } as const;

const FONT = "'Liberation Sans', Arial, Helvetica, sans-serif";
const INK = '#1f2933';
const MUTED = '#55606b';
const BORDER = '#ffffff';
const OUTLINE = '#33414d';
const OVERLAP = '#b03060';

/** Hatching for gaps: dark diagonal lines that stay visible on any fill and in grey print. */
const DEFS =
  '<defs><pattern id="gap" patternUnits="userSpaceOnUse" width="12" height="12" patternTransform="rotate(45)">' +
  `<line x1="0" y1="0" x2="0" y2="12" stroke="${INK}" stroke-width="2.2" stroke-opacity="0.55"/></pattern></defs>`;

export function wardMapSvg(print: WardMapPrint): string {
  const { width, height } = WARD_MAP_SIZE;
  const { figures } = print;
  const model = wardMapModel(print.topology, { x: 40, y: 150, width: 1010, height: 830 });
  const byWard = new Map(figures.wards.map((w) => [w.wardId, w]));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" fill="${INK}">`,
    DEFS,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    text(40, 62, `${print.countyName} County — ${figures.title.toLowerCase()}`, { 'font-size': 38, 'font-weight': 'bold' }),
    text(40, 100, figures.subtitle, { 'font-size': 22, fill: MUTED }),
    text(40, 130, print.cycleTitle, { 'font-size': 20, fill: MUTED }),
  ];
  for (const shape of model.wards) {
    const ward = byWard.get(shape.wardId);
    const colour = ward ? (figures.legend.classes[ward.classIndex]?.colour ?? EMPTY_COLOUR) : EMPTY_COLOUR;
    parts.push(`<path d="${shape.d}" fill="${colour}" fill-rule="evenodd"/>`);
    if (ward?.gap) parts.push(`<path d="${shape.d}" fill="url(#gap)" fill-rule="evenodd"/>`);
  }
  parts.push(`<path d="${model.innerBorders}" fill="none" stroke="${BORDER}" stroke-width="2.5" stroke-linejoin="round"/>`);
  parts.push(`<path d="${model.outerBorder}" fill="none" stroke="${OUTLINE}" stroke-width="2.5" stroke-linejoin="round"/>`);
  parts.push(...wardLabels(model, byWard));
  parts.push(...overlapMarkers(model, byWard));
  if (print.layer.schematic) parts.push(schematicWatermark(model));
  parts.push(northArrow(1010, 170));
  parts.push(scaleBar(model, 50, 996));
  parts.push(...legend(figures, 1090, 170));
  parts.push(...footer(print, height));
  parts.push('</svg>');
  return parts.join('\n');
}

function wardLabels(model: MapModel, byWard: Map<string, WardMapDto['wards'][number]>): string[] {
  return model.wards.flatMap((shape) => {
    const ward = byWard.get(shape.wardId);
    if (!ward) return [];
    const size = 17;
    // Only where the name fits inside the ward; the table beside the map names every ward.
    if (shape.width < ward.name.length * size * 0.55 || shape.height < size * 1.6) return [];
    const [x, y] = shape.centroid;
    return [
      text(x, y + size * 0.35, ward.name, {
        'font-size': size,
        'text-anchor': 'middle',
        stroke: '#ffffff',
        'stroke-width': 4,
        'paint-order': 'stroke',
        'stroke-linejoin': 'round',
      }),
    ];
  });
}

function overlapMarkers(model: MapModel, byWard: Map<string, WardMapDto['wards'][number]>): string[] {
  return model.wards.flatMap((shape) => {
    const pairs = byWard.get(shape.wardId)?.overlapPairs ?? 0;
    if (pairs === 0) return [];
    const [x, y] = shape.centroid;
    const cy = y + 26;
    return [
      `<circle cx="${x}" cy="${cy}" r="15" fill="${OVERLAP}" stroke="#ffffff" stroke-width="3"/>`,
      text(x, cy + 6, String(pairs), { 'font-size': 17, 'font-weight': 'bold', 'text-anchor': 'middle', fill: '#ffffff' }),
    ];
  });
}

function schematicWatermark(model: MapModel): string {
  const { x, y, width, height } = model.frame;
  const cx = x + width / 2;
  const cy = y + height / 2;
  return text(cx, cy, 'SCHEMATIC DEMO — NOT REAL WARD BOUNDARIES', {
    'font-size': 40,
    'font-weight': 'bold',
    'text-anchor': 'middle',
    fill: '#8a1c1c',
    'fill-opacity': 0.35,
    transform: `rotate(-28 ${cx} ${cy})`,
  });
}

function northArrow(x: number, y: number): string {
  return (
    `<g transform="translate(${x} ${y})"><path d="M0 -28 L14 16 L0 6 L-14 16 Z" fill="${INK}"/>` +
    `${text(0, 44, 'N', { 'font-size': 22, 'font-weight': 'bold', 'text-anchor': 'middle' })}</g>`
  );
}

function scaleBar(model: MapModel, x: number, y: number): string {
  const { lengthPx, km, label } = model.scaleBar;
  const half = lengthPx / 2;
  return [
    `<g transform="translate(${x} ${y})">`,
    `<rect x="0" y="0" width="${half}" height="10" fill="${INK}"/>`,
    `<rect x="${half}" y="0" width="${half}" height="10" fill="#ffffff" stroke="${INK}" stroke-width="1.5"/>`,
    `<rect x="0" y="0" width="${lengthPx}" height="10" fill="none" stroke="${INK}" stroke-width="1.5"/>`,
    text(0, 30, '0', { 'font-size': 17, 'text-anchor': 'middle' }),
    text(half, 30, `${(km / 2).toLocaleString('en-GB')}`, { 'font-size': 17, 'text-anchor': 'middle' }),
    text(lengthPx, 30, label, { 'font-size': 17, 'text-anchor': 'middle' }),
    '</g>',
  ].join('');
}

function legend(figures: WardMapDto, x: number, y: number): string[] {
  const out = [text(x, y, figures.legend.title, { 'font-size': 21, 'font-weight': 'bold' })];
  let row = y + 24;
  // A long legend title is wrapped by the caller's words: keep it short (shared/geo/ward-figures.ts).
  for (const entry of figures.legend.classes) {
    out.push(`<rect x="${x}" y="${row}" width="40" height="26" fill="${entry.colour}" stroke="${OUTLINE}" stroke-width="1"/>`);
    out.push(text(x + 54, row + 20, entry.label, { 'font-size': 19 }));
    out.push(text(x + 470, row + 20, `${entry.wards} ${entry.wards === 1 ? 'ward' : 'wards'}`, { 'font-size': 17, 'text-anchor': 'end', fill: MUTED }));
    row += 38;
  }
  row += 10;
  out.push(`<rect x="${x}" y="${row}" width="40" height="26" fill="${EMPTY_COLOUR}" stroke="${OUTLINE}" stroke-width="1"/>`);
  out.push(`<rect x="${x}" y="${row}" width="40" height="26" fill="url(#gap)"/>`);
  out.push(text(x + 54, row + 20, figures.legend.gapLabel, { 'font-size': 19 }));
  row += 44;
  out.push(`<circle cx="${x + 20}" cy="${row + 13}" r="14" fill="${OVERLAP}" stroke="#ffffff" stroke-width="2"/>`);
  out.push(text(x + 20, row + 19, 'n', { 'font-size': 16, 'font-weight': 'bold', 'text-anchor': 'middle', fill: '#ffffff' }));
  out.push(text(x + 54, row + 20, 'Likely duplicates: n pairs of activities', { 'font-size': 19 }));
  row += 56;
  const totals = [
    `${figures.activityCount.toLocaleString('en-GB')} activities, ${kesShort(figures.plannedKesMinor)} planned`,
    figures.overlapPairs > 0 ? `${figures.overlapPairs} likely duplicate ${figures.overlapPairs === 1 ? 'pair' : 'pairs'} to check` : 'No likely duplicates',
  ];
  if (figures.unplaced.activityCount > 0)
    totals.push(
      `Not on the map: ${figures.unplaced.activityCount} ${figures.unplaced.activityCount === 1 ? 'activity' : 'activities'} with no ward (${kesShort(figures.unplaced.plannedKesMinor)})`,
    );
  const unshaped = figures.wards.filter((w) => !w.hasShape).map((w) => w.name);
  if (unshaped.length > 0) totals.push(`No shape loaded for ${unshaped.join(', ')}`);
  for (const line of totals) {
    out.push(text(x, row, line, { 'font-size': 17, fill: MUTED }));
    row += 26;
  }
  return out;
}

function footer(print: WardMapPrint, height: number): string[] {
  const { layer } = print;
  const source = layer.schematic
    ? 'Boundaries: schematic demo layer (invented shapes, not real ward boundaries). Load the county’s own boundaries before sharing this map.'
    : `Ward boundaries: ${layer.source} (file ${layer.fileName}, loaded ${formatDisplayDate(layer.importedAt.slice(0, 10))}).`;
  return [
    `<line x1="40" y1="${height - 62}" x2="1560" y2="${height - 62}" stroke="#c5cbd3" stroke-width="1.5"/>`,
    text(40, height - 34, source, { 'font-size': 17, fill: MUTED }),
    text(1560, height - 34, `Pamoja JWP · drawn ${formatDisplayDate(print.generatedOn)}`, { 'font-size': 17, fill: MUTED, 'text-anchor': 'end' }),
  ];
}
