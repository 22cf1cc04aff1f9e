import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LARGE_PLAN } from '../../scripts/bench/large-plan';
import { chromiumAvailable } from './support/chromium';
import { openGeneratedPlanSession, type GeneratedPlanSession } from './support/generated-plan-session';
import { screenshot } from './support/page-helpers';
import { read } from './support/register-helpers';
import type { TestShell } from './support/web-shell';

/**
 * A plan with hundreds of flagged pairs: the Analysis screen reads them a page at a time (the
 * server describes only the pairs shown), counts them all, and "Show more" adds the next page in
 * the server's order without the list going blank.
 */
describe.skipIf(!chromiumAvailable())('the overlap pairs of a busy plan, a page at a time', () => {
  let session: GeneratedPlanSession;
  let shell: TestShell;
  let page: Page;
  let cycleId = '';

  beforeAll(async () => {
    session = await openGeneratedPlanSession('Grace Mwenda', { ...LARGE_PLAN, activities: 600, contributions: 600, indicators: 10, risks: 5 });
    ({ shell, page, cycleId } = session);
  }, 180_000);

  afterEach(() => {
    expect(session.pageErrors.join('\n')).toBe('');
  });

  afterAll(async () => {
    await session?.close();
  });

  const pairCards = () => page.getByRole('list', { name: 'Flagged pairs' }).locator(':scope > li');
  const codesShown = () => pairCards().evaluateAll((cards) => cards.map((card) => card.querySelector('strong')?.textContent ?? ''));
  const codesOf = (pairs: { activityA: { code: string; title: string } }[]) => pairs.map((pair) => `${pair.activityA.code} ${pair.activityA.title}`);

  it('shows the first 25 of every flagged pair, with their number, and adds 25 at a time', async () => {
    const all = await read(shell.api, 'overlap:list', { cycleId });
    expect(all.pairCount).toBeGreaterThan(60);
    await page.goto(`${shell.url}#/cycles/${cycleId}/analysis/overlaps`);
    await page.getByText(`${all.pairCount.toLocaleString('en-GB')} pairs of activities led by different organisations`).waitFor();
    await expect.poll(async () => (await codesShown()).length).toBe(25);
    expect(await codesShown()).toEqual(codesOf(all.pairs.slice(0, 25)));

    const more = page.getByRole('button', { name: `Show 25 more of ${(all.pairCount - 25).toLocaleString('en-GB')}` });
    await more.scrollIntoViewIfNeeded();
    await more.click();
    await expect.poll(async () => (await codesShown()).length).toBe(50);
    expect(await codesShown()).toEqual(codesOf(all.pairs.slice(0, 50)));
    await page.getByRole('button', { name: `Show 25 more of ${(all.pairCount - 50).toLocaleString('en-GB')}` }).scrollIntoViewIfNeeded();
    await screenshot(page, '48-overlap-pairs-second-page');
  });

  it('takes a pair marked complementary out of the count and keeps the page', async () => {
    const before = await read(shell.api, 'overlap:list', { cycleId, limit: 50 });
    const first = pairCards().first();
    await first.getByRole('button', { name: 'Complementary, not duplicate…' }).click();
    await first.getByLabel('Why they complement each other (kept with the decision)').fill('Different villages');
    await first.getByRole('button', { name: 'Mark complementary' }).click();
    await page.getByText(`${(before.pairCount - 1).toLocaleString('en-GB')} pairs of activities led by different organisations`).waitFor();
    const after = await read(shell.api, 'overlap:list', { cycleId, limit: 50 });
    await expect.poll(codesShown).toEqual(codesOf(after.pairs));
    expect(after.complementary.map((pair) => pair.key)).toEqual([before.pairs[0]?.key]);
  });
});
