import type { FileChild } from 'docx';
import { WARD_MAP_SIZE } from '../../../shared/geo/ward-map-svg';
import type { DocumentWardMaps } from '../../services/maps';
import { allDrawn, drawPicture, figureParagraphs, type Picture } from '../graphics/index';
import { emptyNote } from './blocks';
import { textWidth, type Orientation } from './theme';

/**
 * The ward maps of the Word documents (issue 20): planned KES, and sectors present, by ward. The
 * plan's coverage annex and the M&E report print them; the pictures are drawn on resvg's threads
 * while the pages are built, and the document is packed once `drawn` settles.
 */
export interface WardMapPictures {
  kes: Picture;
  sectors: Picture;
  source: string;
  schematic: boolean;
  drawn: Promise<void>;
}

const TWIPS_PER_MM = 1440 / 25.4;
/** What a map may take of a page's height beside its heading and caption. */
const MAX_HEIGHT_MM = { portrait: 150, landscape: 128 } as const;

/** The printed size of a map in a section of this orientation: as wide as fits, keeping its proportions. */
export function wardMapSize(orientation: Orientation): { widthMm: number; heightMm: number } {
  const aspect = WARD_MAP_SIZE.width / WARD_MAP_SIZE.height;
  const widthMm = Math.min(textWidth(orientation) / TWIPS_PER_MM, MAX_HEIGHT_MM[orientation] * aspect);
  return { widthMm: Math.floor(widthMm), heightMm: Math.floor(widthMm / aspect) };
}

/** The two maps as pictures for a section of this orientation, being drawn; null when the county has no boundaries. */
export function wardMapPictures(maps: DocumentWardMaps | null, orientation: Orientation): WardMapPictures | null {
  if (maps === null) return null;
  const size = wardMapSize(orientation);
  const kes = drawPicture(maps.kes, { ...size, title: 'Planned budget by ward', description: `Map of planned KES by ward. Boundaries: ${maps.source}.` });
  const sectors = drawPicture(maps.sectors, {
    ...size,
    title: 'Sectors present by ward',
    description: `Map of the number of sectors with activities in each ward. Boundaries: ${maps.source}.`,
  });
  return { kes, sectors, source: maps.source, schematic: maps.schematic, drawn: allDrawn([kes, sectors]) };
}

/** The sentence a document prints instead of its maps when the county has no ward boundaries loaded. */
export const noMapLine = (countyName: string) =>
  `No ward map: ${countyName} County's ward boundaries are not loaded in Pamoja JWP (load them on the Ward map screen, or with pamoja wards import, from the county GIS unit or IEBC).`;

/**
 * The maps with numbered captions ("Figure 9.1"), each naming where its boundaries come from; or the
 * one line saying why there is no map.
 */
export function wardMapFigures(pictures: WardMapPictures | null, countyName: string, figurePrefix: string): FileChild[] {
  if (pictures === null) return [emptyNote(noMapLine(countyName))];
  const source = pictures.schematic ? 'schematic demo layer (invented shapes, not real ward boundaries)' : pictures.source;
  return [
    ...figureParagraphs(pictures.kes, `Figure ${figurePrefix}1: Planned budget by ward, KES (county and partners). Boundaries: ${source}.`),
    ...figureParagraphs(pictures.sectors, `Figure ${figurePrefix}2: Sectors present by ward (sectors with at least one activity). Boundaries: ${source}.`),
  ];
}
