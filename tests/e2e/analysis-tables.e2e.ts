import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CycleDto } from '../../shared/api/schemas/cycle';
import { chromiumAvailable } from './support/chromium';
import { screenshot } from './support/page-helpers';
import { openSampleSession, type SampleSession } from './support/sample-session';
import type { TestShell } from './support/web-shell';

/**
 * Analysis tables at 1366 × 768 (issue 17, item 9): the indicator-status and who-pays tables fit
 * the screen; the wards × sectors matrix, wider by nature, scrolls in a box no taller than the
 * window with its ward column frozen; names in normal text, figures with thousands separators.
 */
describe.skipIf(!chromiumAvailable())('analysis tables on a 1366-pixel screen', () => {
  let session: SampleSession;
  let shell: TestShell;
  let page: Page;
  let pageErrors: string[];
  let cycle: CycleDto;

  beforeAll(async () => {
    session = await openSampleSession();
    ({ shell, page, pageErrors, cycle } = session);
  }, 120_000);

  afterAll(() => session?.close());

  const open = async (section: string, heading: string) => {
    await page.goto(`${shell.url}#/cycles/${cycle.id}/analysis/${section}`);
    await page.getByRole('heading', { name: heading }).first().waitFor();
    const box = page.locator('.analysis-scroll').first();
    await box.locator('tbody tr').first().waitFor();
    await box.scrollIntoViewIfNeeded();
    return box;
  };
  const widths = (box: Awaited<ReturnType<typeof open>>) => box.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));

  it('fits the indicator status to the screen, names in normal text and figures with separators', async () => {
    const box = await open('indicators', 'Indicator status');
    const { scroll, client } = await widths(box);
    expect(scroll).toBeLessThanOrEqual(client);
    const name = box.getByRole('rowheader', { name: /I3\.1 Small stock and camels/ });
    expect(await name.evaluate((element) => getComputedStyle(element).textTransform)).toBe('none');
    expect(await name.evaluate((element) => getComputedStyle(element).fontWeight)).toBe('400');
    expect(await box.textContent()).toContain('214,500 / 200,000 animals vaccinated');
    await screenshot(page, 'analysis-tables-01-indicators');
  });

  it('fits who pays to the screen, each period planned over disbursed', async () => {
    const box = await open('costs', 'Who pays for what');
    const { scroll, client } = await widths(box);
    expect(scroll).toBeLessThanOrEqual(client);
    await screenshot(page, 'analysis-tables-02-costs');
  });

  it('scrolls the wards × sectors matrix in a box no taller than the window, the ward column frozen', async () => {
    const box = await open('coverage', 'Coverage');
    const { scroll, client } = await widths(box);
    expect(scroll).toBeGreaterThan(client);
    const height = await box.evaluate((element) => element.getBoundingClientRect().height);
    expect(height).toBeLessThanOrEqual(768);
    const ward = box.getByRole('rowheader').first();
    const before = await ward.boundingBox();
    await box.evaluate((element) => element.scrollBy({ left: 400 }));
    await expect.poll(async () => (await ward.boundingBox())?.x).toBe(before?.x);
    await screenshot(page, 'analysis-tables-03-coverage-scrolled');
    expect(pageErrors.join('\n')).toBe('');
  });
});
