import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listAdminUnits } from '../../main/services/admin-units';
import { loadCycleFile } from '../../main/services/sample';
import { generateLargePlan } from '../../scripts/bench/large-plan';
import { measureActionPlan } from '../../scripts/bench/render';
import { chromiumAvailable, launchChromium } from './support/chromium';
import { collectPageErrors, screenshot } from './support/page-helpers';
import { ensureRendererBuilt } from './support/renderer-build';
import { startTestShell, type TestShell } from './support/web-shell';

/**
 * The benchmark's large plan (5,000 activities, 20,000 contributions) in the browser: the action
 * plan's first render is timed and printed (a figure, not a pass mark; `npm run bench` prints it
 * too), and the list is checked to draw only what is in view and still reach every row.
 */
describe.skipIf(!chromiumAvailable())('the action plan of a 5,000-activity plan', () => {
  let shell: TestShell;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let cycleId = '';

  beforeAll(async () => {
    await ensureRendererBuilt();
    shell = await startTestShell();
    const turkana = listAdminUnits(shell.ctx, { level: 'county' }).find((unit) => unit.name === 'Turkana');
    if (!turkana) throw new Error('Turkana County is missing from the administrative units.');
    const wards = listAdminUnits(shell.ctx, { level: 'ward', withinId: turkana.id }).map((unit) => unit.id);
    cycleId = loadCycleFile(shell.ctx, generateLargePlan(turkana.id, wards)).id;
    const named = await shell.api('app:setUserName', { userName: 'Benchmark' });
    if (!named.ok) throw new Error(named.error.message);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    pageErrors = collectPageErrors(page);
  }, 300_000);

  afterEach(() => {
    expect(pageErrors.join('\n')).toBe('');
  });

  afterAll(async () => {
    await browser?.close();
    await shell?.close();
  });

  it('times the first render and draws only the rows in view', async () => {
    const { first, median } = await measureActionPlan(page, shell.url, cycleId, 3);
    console.log(
      `Action plan, 5,000 activities, 1366×768: open → painted ${Math.round(first.totalMs)} ms first (${Math.round(median.totalMs)} ms median of 3); ` +
        `render + paint after the data ${Math.round(first.renderMs)} ms first (${Math.round(median.renderMs)} ms median).`,
    );
    expect(first.totalMs).toBeGreaterThan(0);
    expect(first.rowsDrawn).toBeGreaterThan(10);
    expect(first.rowsDrawn).toBeLessThan(80);
    await page.getByText('5,000 activities').waitFor();
    expect(await page.getByRole('table', { name: 'Action plan' }).getAttribute('aria-rowcount')).toBe('5001');
    await screenshot(page, '40-large-plan-table');
  });

  it('scrolls to the last activity and filters by sector', async () => {
    const frame = page.locator('.table-frame--scroll');
    await frame.evaluate((box) => box.scrollTo(0, box.scrollHeight));
    await page.locator('[data-activity-row="A5000"]').waitFor();
    expect(await page.locator('[data-activity-row]').count()).toBeLessThan(80);

    await page.getByRole('search', { name: 'Filter the action plan' }).getByLabel('Sector').selectOption({ label: 'Education' });
    await page.getByText(/^[\d,]+ of 5,000 activities/).waitFor();
    const shown = await page.locator('[data-activity-row]').first().textContent();
    expect(shown).toContain('Education');
  });

  it('draws the timeline of thousands of activities the same way', async () => {
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await page.locator('.timeline__row').first().waitFor();
    expect(await page.locator('.timeline__row').count()).toBeLessThan(80);
    await page.locator('.timeline__today').waitFor({ state: 'attached' });
    await screenshot(page, '41-large-plan-timeline');
  });
});
