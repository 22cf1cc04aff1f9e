import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx, wardMapsFor } from '../../../main/exports/docx/index';
import { noMapLine, wardMapSize } from '../../../main/exports/docx/ward-maps';
import { PRINT_DPI } from '../../../main/exports/graphics/index';
import { currentLayerRow, layerTopology, storeLayer } from '../../../main/geo/boundary-store';
import { loadSchematicDemo } from '../../../main/geo/demo-layer';
import { getCycle } from '../../../main/services/cycles';
import { loadPlanData } from '../../../main/exports/plan-data';
import { wardMap } from '../../../main/services/maps';
import { loadSampleCycle } from '../../../main/services/sample';
import { mapFilter } from '../../../shared/api/schemas/geo';
import { WARD_MAP_SIZE } from '../../../shared/geo/ward-map-svg';
import { classPixels, decodeRgbaPng } from '../../support/png';
import { testApp } from '../../support/test-app';
import { documentXml, paragraphs } from './docx-reader';

/** The ward maps in the Word plan's coverage annex and the M&E report (issue 20), re-opened from the files. */
const SOURCE = 'Isiolo County GIS Unit, ward boundaries 2022';
let app: ReturnType<typeof testApp>;
let cycleId: string;
const files = new Map<string, Buffer>();

/** The pictures of the ward maps (the documents' charts are pictures too): SVGs titled "… by ward", PNGs of the map's proportions. */
const media = (buffer: Buffer) => {
  const parts = unzipSync(buffer);
  return Object.entries(parts).filter(([name, data]) => {
    if (!name.startsWith('word/media/')) return false;
    if (name.endsWith('.svg')) return strFromU8(data).includes(' by ward</text>');
    const png = Buffer.from(data);
    return Math.abs(png.readUInt32BE(20) / png.readUInt32BE(16) - WARD_MAP_SIZE.height / WARD_MAP_SIZE.width) < 0.002;
  });
};

beforeAll(async () => {
  app = testApp();
  cycleId = loadSampleCycle(app).id;
  const exportBoth = async (label: string) => {
    files.set(`plan ${label}`, (await exportDocx(app, cycleId, { doc: 'plan' })).buffer);
    files.set(`me-report ${label}`, (await exportDocx(app, cycleId, { doc: 'me-report', period: 'Q2' })).buffer);
  };
  await exportBoth('without');
  // The county's own layer: the schematic shapes stored again as if loaded from the county GIS unit.
  loadSchematicDemo(app, cycleId);
  const countyId = getCycle(app, cycleId).countyId;
  const demo = currentLayerRow(app, countyId);
  if (!demo) throw new Error('the demo layer was not stored');
  storeLayer(app, { countyId, source: SOURCE, fileName: 'isiolo-wards.zip', schematic: false, topology: layerTopology(demo) });
  await exportBoth('with');
}, 120_000);

const file = (name: string) => files.get(name) ?? Buffer.alloc(0);

describe('ward maps in the Word documents', () => {
  it('the plan’s coverage annex and the M&E report carry the maps of planned KES and of sectors present, as drawn from the database', () => {
    const maps = wardMapsFor(app, loadPlanData(app, cycleId), 'plan');
    expect(maps).not.toBeNull();
    for (const doc of ['plan', 'me-report']) {
      const svgs = media(file(`${doc} with`))
        .filter(([name]) => name.endsWith('.svg'))
        .map(([, data]) => strFromU8(data));
      expect(svgs.sort()).toEqual([maps?.kes, maps?.sectors].sort());
    }
    const [kesSvg = '', sectorsSvg = ''] = [maps?.kes, maps?.sectors];
    const all = mapFilter.parse({});
    for (const [svg, measure] of [
      [kesSvg, 'kes'],
      [sectorsSvg, 'sectors'],
    ] as const) {
      const figures = wardMap(app, { cycleId, measure, filter: all });
      expect(svg).toContain(`>${figures.legend.title}</text>`);
      for (const entry of figures.legend.classes) expect(svg).toContain(`>${entry.wards} ${entry.wards === 1 ? 'ward' : 'wards'}</text>`);
      // North arrow, scale bar and the source of the boundaries.
      expect(svg).toContain('>N</text>');
      expect(svg).toMatch(/>\d+ km<\/text>/);
      expect(svg).toContain(`Ward boundaries: ${SOURCE} (file isiolo-wards.zip`);
      expect(svg).not.toContain('SCHEMATIC');
    }
  });

  it('captions name the map and the source of its boundaries, in the annex and in section 5 of the M&E report', () => {
    const plan = paragraphs(documentXml(file('plan with')));
    const annex = plan.indexOf('9.3 Coverage: wards × sectors');
    expect(annex).toBeGreaterThan(0);
    expect(plan.slice(annex)).toContain(`Figure 9.1: Planned budget by ward, KES (county and partners). Boundaries: ${SOURCE}.`);
    expect(plan.slice(annex)).toContain(`Figure 9.2: Sectors present by ward (sectors with at least one activity). Boundaries: ${SOURCE}.`);
    const report = paragraphs(documentXml(file('me-report with')));
    const progress = report.indexOf('5 Implementation progress');
    expect(report.indexOf('Figure 5.1: Planned budget by ward, KES (county and partners). Boundaries: ' + SOURCE + '.')).toBeGreaterThan(progress);
    expect(report.indexOf(`Figure 5.2: Sectors present by ward (sectors with at least one activity). Boundaries: ${SOURCE}.`)).toBeLessThan(
      report.indexOf('6 Monitoring and evaluation'),
    );
    expect(documentXml(file('plan with'))).toContain(`descr="Map of planned KES by ward. Boundaries: ${SOURCE}."`);
  });

  it('prints sharp: the PNG that LibreOffice prints is 300 dpi at the printed width, each class shading its wards', () => {
    const { widthMm } = wardMapSize('landscape');
    const figures = wardMap(app, { cycleId, measure: 'kes', filter: mapFilter.parse({}) });
    const pngs = media(file('plan with')).filter(([name]) => name.endsWith('.png'));
    expect(pngs).toHaveLength(2);
    const images = pngs.map(([, data]) => decodeRgbaPng(Buffer.from(data)));
    for (const image of images) expect(image.width).toBe(Math.round((widthMm / 25.4) * PRINT_DPI));
    // The planned-KES map is the one whose classes are the planned-KES legend's.
    const kesImage = images.find((image) => classPixels(image, figures.legend.classes, WARD_MAP_SIZE.width).every((c) => c.wards === 0 || c.pixels > 0));
    if (!kesImage) throw new Error('no picture is shaded with the planned-KES classes');
    expect(figures.legend.classes.some((c) => c.wards > 0)).toBe(true);
    for (const entry of classPixels(kesImage, figures.legend.classes, WARD_MAP_SIZE.width)) {
      if (entry.wards > 0) expect(entry.pixels, entry.label).toBeGreaterThan(entry.wards * 10 * entry.swatch);
      else expect(entry.pixels, entry.label).toBeLessThan(3 * entry.swatch);
    }
  });

  it('without boundaries, both documents leave the maps out with one line saying why, and nothing else changes', () => {
    const line = noMapLine('Isiolo');
    for (const doc of ['plan', 'me-report']) {
      expect(media(file(`${doc} without`))).toEqual([]);
      const without = paragraphs(documentXml(file(`${doc} without`)));
      expect(without.filter((p) => p === line)).toHaveLength(1);
      const withMaps = paragraphs(documentXml(file(`${doc} with`)));
      expect(withMaps).not.toContain(line);
      // The same document but for the figures (their pictures, captions and the report's sentence introducing them).
      const figureText = (p: string) => p === '' || /^Figure (9|5)\.[12]: /.test(p) || p.startsWith('The plan by ward: ');
      // A contents entry's page number moves with the pages the maps take.
      const unnumbered = (p: string) => p.replace(/^(\d+(?:\.\d+)? \S.*?) \d+$/, '$1');
      expect(without.filter((p) => p !== line && !figureText(p)).map(unnumbered)).toEqual(withMaps.filter((p) => !figureText(p)).map(unnumbered));
    }
  });
});
