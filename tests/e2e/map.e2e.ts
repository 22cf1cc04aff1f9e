import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CycleDto } from '../../shared/api/schemas/cycle';
import { formatKes } from '../../shared/money';
import { jsonBytes, schematicFor } from '../../scripts/geo/layers';
import { chromiumAvailable } from './support/chromium';
import { connectChromium } from './support/shared-chromium';
import { collectPageErrors, screenshot } from './support/page-helpers';
import { read } from './support/register-helpers';
import { ensureRendererBuilt } from './support/renderer-build';
import { startTestShell, type TestShell } from './support/web-shell';

/**
 * The ward map of the Isiolo sample at 1366×768: what it says without boundaries, the schematic
 * demo, a boundary file loaded through its preview, the legend and table against the API's
 * figures, a ward's panel reached with the keyboard, and undo.
 */
describe.skipIf(!chromiumAvailable())('the ward map screen', () => {
  let shell: TestShell;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let cycle: CycleDto;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-map-'));

  beforeAll(async () => {
    await ensureRendererBuilt();
    shell = await startTestShell();
    await read(shell.api, 'app:setUserName', { userName: 'Grace Mwenda' });
    cycle = await read(shell.api, 'cycle:loadSample', {});
    browser = await connectChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    pageErrors = collectPageErrors(page);
  });
  afterEach(() => expect(pageErrors.join('\n')).toBe(''));
  afterAll(async () => {
    await browser?.close();
    await shell?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('without boundaries says what to load and where counties get it', async () => {
    await page.goto(`${shell.url}#/cycles/${cycle.id}/map`);
    await page.getByRole('heading', { name: 'No ward boundaries for Isiolo yet' }).waitFor();
    await page.getByText('the IEBC ward boundaries').waitFor();
    await screenshot(page, '60-map-no-boundaries');
  });

  it('the schematic demo draws every ward, labelled as schematic, with the legend’s counts from the figures', async () => {
    await page.getByRole('button', { name: 'Try the map with a schematic demo layer' }).click();
    await page.getByRole('heading', { name: 'Ward map' }).waitFor();
    await page.getByText('Schematic demo: invented shapes, not real boundaries.').waitFor();
    const figures = await read(shell.api, 'wardMap:figures', { cycleId: cycle.id });
    expect(await page.locator('.ward-map__ward').count()).toBe(figures.wards.filter((w) => w.hasShape).length);
    for (const entry of figures.legend.classes) {
      const item = page.locator('.map-legend__item').filter({ hasText: entry.label });
      expect(await item.locator('.map-legend__count').textContent()).toBe(`${entry.wards} ${entry.wards === 1 ? 'ward' : 'wards'}`);
    }
    await screenshot(page, '61-map-schematic-kes');
  });

  it('draws and names the wards before their figures arrive, then shades them', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const figuresRequest = (url: URL) => url.pathname.endsWith(`/api/${encodeURIComponent('wardMap:figures')}`);
    await page.route(figuresRequest, async (route) => {
      await held;
      await route.continue();
    });
    try {
      await page.reload();
      await page.getByRole('status').filter({ hasText: 'Working out the figures by ward…' }).waitFor();
      const boundaries = await read(shell.api, 'wards:boundaries', { cycleId: cycle.id });
      expect(await page.locator('.ward-map__ward').count()).toBe(boundaries.topology?.objects.wards.geometries.length);
      await page.locator('.ward-map__label text').filter({ hasText: 'Wabera' }).waitFor();
      expect(await page.locator('.map-legend').count()).toBe(0);
      await screenshot(page, '61a-map-before-figures');
    } finally {
      release();
    }
    await page.locator('.map-legend').waitFor();
    // Only once the held requests went on: unrouting first would answer them twice.
    await page.unroute(figuresRequest);
    expect(await page.getByText('Working out the figures by ward…').count()).toBe(0);
  });

  it('a ward is reached with the keyboard and its panel lists its activities and money', async () => {
    const wabera = page.locator('.ward-map__ward[data-ward="Wabera"]');
    await wabera.focus();
    await page.getByRole('tooltip').waitFor();
    await page.keyboard.press('Enter');
    const detail = await read(shell.api, 'wardMap:ward', { cycleId: cycle.id, wardId: 'ke-ward-0241' });
    const panel = page.getByRole('complementary', { name: 'Ward details' });
    await panel.getByText(`${formatKes(detail.plannedKesMinor)}`, { exact: true }).waitFor();
    for (const a of detail.activities) await panel.getByText(a.title, { exact: false }).first().waitFor();
    await screenshot(page, '62-map-ward-panel');
  });

  it('a sector marks its gaps; the table shows the same numbers', async () => {
    const filters = page.getByRole('search', { name: 'What the map shows' });
    await filters.getByLabel('Shade wards by').selectOption('activities');
    await filters.getByRole('combobox', { name: 'Sector', exact: true }).selectOption('health_nutrition');
    const figures = await read(shell.api, 'wardMap:figures', { cycleId: cycle.id, measure: 'activities', filter: { sector: 'health_nutrition' } });
    await page.getByText('Gap: no Health & nutrition activity').waitFor();
    await screenshot(page, '63-map-health-activities');
    await page.getByRole('tab', { name: 'Table' }).click();
    for (const ward of figures.wards) {
      const row = page.locator('.map-table tbody tr').filter({ has: page.getByRole('button', { name: ward.name, exact: true }) });
      expect(await row.locator('td').nth(2).textContent()).toBe(String(ward.activityCount));
      expect(await row.locator('td').last().textContent()).toBe(ward.gap ? 'Gap' : '');
    }
    await screenshot(page, '64-map-table');
    await page.getByRole('tab', { name: 'Map' }).click();
  });

  it('a boundary file is previewed, confirmed, drawn, and undone back to the demo', async () => {
    const file = path.join(folder, 'isiolo-wards.geojson');
    fs.writeFileSync(file, jsonBytes(schematicFor(shell.ctx, cycle.countyId, 5)));
    await page.getByRole('button', { name: 'Replace boundaries…' }).click();
    await page.getByLabel('Boundary file').setInputFiles(file);
    await page
      .getByRole('cell', { name: 'Wabera' })
      .or(page.getByRole('rowheader', { name: /Wabera/ }))
      .first()
      .waitFor();
    await page.getByText('Every ward of Isiolo gets a shape.').waitFor();
    await screenshot(page, '65-map-load-preview');
    expect((await read(shell.api, 'wards:boundaries', { cycleId: cycle.id })).layer?.schematic).toBe(true);
    await page.getByLabel('Where the boundaries come from (printed under every map)').fill('Isiolo County GIS Unit, 2024');
    await page.getByRole('button', { name: 'Load these boundaries (10 wards)' }).click();
    await page.getByText(/Boundaries: Isiolo County GIS Unit, 2024 \(10 wards/).waitFor();
    expect((await read(shell.api, 'wards:boundaries', { cycleId: cycle.id })).layer?.source).toBe('Isiolo County GIS Unit, 2024');
    await page.getByRole('button', { name: 'Undo last load' }).click();
    await page.getByText('Schematic demo: invented shapes, not real boundaries.').waitFor();
  });
});
