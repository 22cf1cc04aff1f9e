import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CycleDto } from '../../shared/api/schemas/cycle';
import { chromiumAvailable } from './support/chromium';
import { connectChromium } from './support/shared-chromium';
import { collectPageErrors, screenshot } from './support/page-helpers';
import { read } from './support/register-helpers';
import { ensureRendererBuilt } from './support/renderer-build';
import { startTestShell, type TestShell } from './support/web-shell';

/**
 * Every in-app link of every screen, clicked as a person would: none may lead to "This screen does
 * not exist" (the Analysis screen's section links once did, with only Back to recover).
 */
describe.skipIf(!chromiumAvailable())('every link of every screen', () => {
  let shell: TestShell;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let cycle: CycleDto;

  beforeAll(async () => {
    await ensureRendererBuilt();
    shell = await startTestShell();
    await read(shell.api, 'app:setUserName', { userName: 'Grace Mwenda' });
    cycle = await read(shell.api, 'cycle:loadSample', {});
    browser = await connectChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    pageErrors = collectPageErrors(page);
  }, 120_000);

  afterEach(() => {
    expect(pageErrors.join('\n')).toBe('');
  });

  afterAll(async () => {
    await browser?.close();
    await shell?.close();
  });

  /** The hash links on the page now, in order, once each. */
  const hashLinks = async () =>
    [...new Set(await page.locator('a[href^="#"]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? '')))].filter(Boolean);

  const settled = async () => {
    await page.locator('main h1, main h2, h1').first().waitFor();
    await page.waitForLoadState('networkidle');
  };

  it('lead to screens that exist, from the cycle list, every cycle screen and every Analysis section', async () => {
    await page.goto(`${shell.url}#/`);
    await settled();
    const screens = [`#/`, `#/cycles/${cycle.id}`];
    const seen = new Set<string>();
    const clicked: string[] = [];
    for (let index = 0; index < screens.length; index++) {
      const screen = screens[index] ?? '#/';
      await page.goto(`${shell.url}${screen}`);
      await settled();
      for (const href of await hashLinks()) {
        if (seen.has(href)) continue;
        seen.add(href);
        // Click it where it is, from this screen, as a person would.
        await page.goto(`${shell.url}${screen}`);
        await settled();
        await page.locator(`a[href="${href}"]`).first().click();
        await settled();
        clicked.push(`${screen} → ${href}`);
        expect(await page.getByText('This screen does not exist').count(), `${screen} → ${href}`).toBe(0);
        // Screens reached by a link are searched for links in turn.
        const reached = new URL(page.url()).hash || '#/';
        if (!screens.includes(reached)) screens.push(reached);
      }
    }
    // The cycle's screens and the six Analysis sections were all reached and clicked.
    expect(clicked.length).toBeGreaterThan(20);
    for (const section of ['calendar', 'overlaps', 'coverage', 'costs', 'indicators', 'triggers'])
      expect(screens, section).toContain(`#/cycles/${cycle.id}/analysis/${section}`);
    await page.goto(`${shell.url}#/cycles/${cycle.id}/analysis/costs`);
    await page.getByRole('heading', { level: 2, name: 'Who pays for what' }).waitFor();
    expect(await page.getByRole('link', { name: 'Who pays for what' }).getAttribute('aria-current')).toBe('page');
    await screenshot(page, '48-analysis-sections');
  }, 600_000);
});
