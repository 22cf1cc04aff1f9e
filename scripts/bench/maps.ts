import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { WARD_MAP_PNG_WIDTH_MM } from '../../main/cli/commands/export-map';
import { buildDocx, docxMeta, printedVersion, wardMapsFor } from '../../main/exports/docx/index';
import { localIsoDate } from '../../main/exports/docx/format';
import { rasterise } from '../../main/exports/graphics/index';
import { loadPlanData } from '../../main/exports/plan-data';
import { storeLayer } from '../../main/geo/boundary-store';
import { planWardLayer } from '../../main/geo/import-wards';
import { readGeoFile } from '../../main/geo/read-geo-file';
import { rendererBuildDir } from '../../main/resource-paths';
import { getCycle } from '../../main/services/cycles';
import { wardMapDocument } from '../../main/services/maps';
import { createDispatcher } from '../../main/transport/dispatcher';
import { startWebShell } from '../../main/transport/http-server';
import { mapFilter } from '../../shared/api/schemas/geo';
import { chromiumPath, launchChromium } from '../../tests/e2e/support/chromium';
import { ensureRendererBuilt } from '../../tests/e2e/support/renderer-build';
import { jsonBytes, schematicFor, toArc1960Utm37N } from '../geo/layers';
import { ARC1960_UTM37N_PRJ, zippedShapefile } from '../geo/shapefile-writer';
import type { BenchSection } from './sections';

/** The mark the map screen leaves once its wards are painted (renderer/features/map/MapScreen.tsx). */
const MAP_PAINTED = 'pamoja:map:painted';

/** Opens the map from the objectives screen and times it to its painted wards. */
async function timeMap(page: Page, url: string, cycleId: string): Promise<number> {
  await page.goto(`${url}#/cycles/${cycleId}/objectives`);
  await page.getByRole('heading', { level: 2, name: /^Objectives/ }).waitFor({ timeout: 60_000 });
  await page.evaluate((hash) => {
    performance.clearMarks();
    performance.mark('bench:open');
    window.location.hash = hash;
  }, `#/cycles/${cycleId}/map`);
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, MAP_PAINTED, { timeout: 60_000 });
  return page.evaluate(
    (name) => (performance.getEntriesByName(name)[0]?.startTime ?? 0) - (performance.getEntriesByName('bench:open')[0]?.startTime ?? 0),
    MAP_PAINTED,
  );
}

/** Wall time and CPU time (all threads): on a shared machine the wall clock also counts other processes' turns. */
async function timedAsync<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * `npm run bench`: loading the whole country's 1,448 ward polygons (schematic, each edge with 40
 * extra corners, as a surveyed layer has) for the large plan's county, as GeoJSON and as an Arc 1960
 * shapefile; the printed ward map; and the map screen's first paint with the county's 30 wards.
 */
export const mapsBench: BenchSection = {
  title: 'Ward maps',
  async run({ ctx, cycleId, line, fmt }) {
    const cycle = getCycle(ctx, cycleId);
    const national = schematicFor(ctx, null, 40);
    const corners = national.features.reduce((sum, f) => sum + (f.geometry.coordinates[0]?.length ?? 0), 0);
    const geojson = jsonBytes(national);
    const shapefile = zippedShapefile(toArc1960Utm37N(national), { prj: ARC1960_UTM37N_PRJ });
    for (const [label, bytes, name] of [
      ['GeoJSON', geojson, 'kenya-wards.geojson'],
      ['zipped shapefile, Arc 1960 / UTM 37N', shapefile, 'kenya-wards.zip'],
    ] as const) {
      const start = performance.now();
      const raw = await readGeoFile(bytes, name);
      const planned = planWardLayer(ctx, cycleId, raw, name, bytes);
      storeLayer(ctx, { countyId: cycle.countyId, source: 'bench', fileName: name, schematic: true, topology: planned.topology });
      line(
        `load ${fmt(national.features.length)} ward polygons, ${label}`,
        `${fmt(performance.now() - start)} ms (${fmt(bytes.length / 1024 / 1024, 1)} MB, ${fmt(corners)} corners; ${planned.preview.matches.length} kept; target < 2,000 ms)`,
      );
    }
    const all = mapFilter.parse({});
    const start = performance.now();
    const svg = wardMapDocument(ctx, cycleId, 'kes', all) ?? '';
    line(`printed ward map (SVG, ${cycle.countyName}, 5,000 activities)`, `${fmt(performance.now() - start)} ms, ${fmt(svg.length / 1024)} KB`);
    const png = await timedAsync(() => rasterise(svg, WARD_MAP_PNG_WIDTH_MM));
    line('  the same map as a 300 dpi PNG (pamoja export --format png)', `${fmt(png.ms)} ms, ${fmt(png.value.length / 1024)} KB`);
    const plan = await timedAsync(async () => {
      const data = loadPlanData(ctx, cycleId);
      return buildDocx(data, docxMeta(data, 'plan', printedVersion(ctx, data), localIsoDate(ctx.now())), { doc: 'plan' }, wardMapsFor(ctx, cycleId, 'plan'));
    });
    line(
      'Joint Work Plan with its two ward maps (coverage annex)',
      `${fmt(plan.ms)} ms end to end (CPU ${fmt(plan.cpuMs)} ms), ${fmt(plan.value.length / 1024 / 1024, 1)} MiB   (target < 5,000 ms)`,
    );

    if (!fs.existsSync(chromiumPath)) {
      line('map screen first paint', `skipped: ${chromiumPath} is missing (apt-get install chromium)`);
      return;
    }
    ensureRendererBuilt();
    const shell = await startWebShell({ dispatch: createDispatcher(ctx), staticDir: rendererBuildDir });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      const timings: number[] = [];
      for (let run = 0; run < 5; run++) timings.push(await timeMap(page, shell.url, cycleId));
      line(
        `map screen (${planWardCount(ctx, cycle.countyId)} wards): open → painted`,
        `${fmt(timings[0] ?? 0)} ms first, ${fmt(median(timings))} ms median of 5 (target < 300 ms)`,
      );
    } finally {
      await browser.close();
      await shell.close();
    }
  },
};

function planWardCount(ctx: Parameters<BenchSection['run']>[0]['ctx'], countyId: string): number {
  return (
    (ctx.db.$client.prepare('SELECT ward_count FROM ward_boundary_layers WHERE county_id = ? AND replaced_at IS NULL').pluck().get(countyId) as number) ?? 0
  );
}
