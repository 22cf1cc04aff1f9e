import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerServices } from '../../main/services/index';
import { createDispatcher } from '../../main/transport/dispatcher';
import { apiContract } from '../../shared/api/contract';
import { totalsFromShare } from '../../renderer/features/budget/budget-totals';
import { kes } from '../../renderer/components/charts/money-format';
import { measureActionPlan } from '../../scripts/bench/render';
import { chromiumAvailable } from './support/chromium';
import { openGeneratedPlanSession, type GeneratedPlanSession } from './support/generated-plan-session';
import { screenshot } from './support/page-helpers';
import type { TestShell } from './support/web-shell';

/**
 * The benchmark's large plan (5,000 activities, 20,000 contributions) in the browser: the action
 * plan's first render is timed and printed (a figure, not a pass mark; `npm run bench` prints it
 * too), and the list is checked to draw only what is in view and still reach every row.
 */
describe.skipIf(!chromiumAvailable())('the action plan of a 5,000-activity plan', () => {
  let session: GeneratedPlanSession;
  let shell: TestShell;
  let page: Page;
  let pageErrors: string[];
  let cycleId = '';

  beforeAll(async () => {
    session = await openGeneratedPlanSession('Benchmark');
    ({ shell, page, pageErrors, cycleId } = session);
  }, 300_000);

  afterEach(() => {
    expect(pageErrors.join('\n')).toBe('');
  });

  afterAll(async () => {
    await session?.close();
  });

  it('times the first render and draws only the rows in view', async () => {
    const { first, median } = await measureActionPlan(page, shell.url, cycleId, 3);
    console.log(
      `Action plan, 5,000 activities, 1366×768: open → first page painted ${Math.round(first.totalMs)} ms first (${Math.round(median.totalMs)} ms median of 3); ` +
        `render + paint after the data ${Math.round(first.renderMs)} ms first (${Math.round(median.renderMs)} ms median); ` +
        `every activity read ${Math.round(first.completeMs)} ms first (${Math.round(median.completeMs)} ms median).`,
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

  it('paints the first hundred activities while the rest are read, saying so, and counts right once all are in', async () => {
    // The pages after the first are held back until the screen has been looked at in that state.
    const held = await holdLaterPages(page, 'activity:page');
    await page.evaluate((hash) => (window.location.hash = hash), `#/cycles/${cycleId}/objectives`);
    await page.getByRole('heading', { level: 2, name: /^Objectives and priority areas/ }).waitFor({ timeout: 60_000 });
    await page.evaluate((hash) => (window.location.hash = hash), `#/cycles/${cycleId}/action-plan`);

    await page.getByText('100 of 5,000 activities read, reading the rest…').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-activity-row]').first().getAttribute('data-activity-row')).toBe('A1');
    expect(await page.getByRole('heading', { level: 2, name: /^Action plan/ }).textContent()).toContain('5,000');
    expect(await page.locator('section[aria-busy="true"]').count()).toBe(1);
    await screenshot(page, '42-large-plan-first-page');

    const sector = page.getByRole('search', { name: 'Filter the action plan' }).getByLabel('Sector');
    await sector.selectOption({ label: 'Education' });
    await page.getByText(/^[\d,]+ match so far \(100 of 5,000 activities read, reading the rest…\)/).waitFor();

    held.release();
    const education = registerServices.activity.list(shell.ctx, { cycleId }).filter((activity) => activity.sector === 'education').length;
    await page.getByText(`${education.toLocaleString('en-KE')} of 5,000 activities`).waitFor({ timeout: 60_000 });
    expect(await page.locator('section[aria-busy="true"]').count()).toBe(0);
    await sector.selectOption({ label: 'All sectors' });
    await page.getByText('5,000 activities', { exact: true }).waitFor();
    await screenshot(page, '43-large-plan-all-read');
    await held.stop();
  });

  it('saves a status from the 5,000-row list and its Undo puts it back, the list staying whole while it reads again', async () => {
    const statusOf = () => registerServices.activity.list(shell.ctx, { cycleId }).find((activity) => activity.code === 'A1')?.status;
    const before = statusOf();
    const status = page.getByRole('combobox', { name: 'Status of A1', exact: true });
    await status.focus();
    await status.press('ArrowDown');
    const chosen = await status.inputValue();
    expect(chosen).not.toBe(before);
    await status.press('Enter');
    const notice = page.getByRole('status').locator('.notice');
    await notice.filter({ hasText: 'Saved: Status of A1 is now' }).waitFor();
    expect(statusOf()).toBe(chosen);
    // A reload keeps the complete list on screen until the new one is complete: never a page of 100.
    expect(await page.getByText('5,000 activities', { exact: true }).count()).toBe(1);

    await notice.getByRole('button', { name: 'Undo' }).click();
    await notice.filter({ hasText: 'Undone: the activity “A1' }).waitFor();
    expect(statusOf()).toBe(before);
    await expect.poll(() => status.inputValue()).toBe(before);
    await page.getByText('5,000 activities', { exact: true }).waitFor();
  });

  it('the Budget screen paints the first activities’ lines and the server’s totals while 20,000 lines are read', async () => {
    const held = await holdLaterPages(page, 'contribution:page');
    await page.evaluate((hash) => (window.location.hash = hash), `#/cycles/${cycleId}/budget`);
    await page.getByText('100 of 20,000 budget lines read, reading the rest…').waitFor({ timeout: 60_000 });
    const grid = page.getByRole('table', { name: 'Cost-share budget per activity' });
    await grid.getByRole('rowheader', { name: /^A1 Joint activity 1(?!\d)/ }).waitFor();
    expect(await page.getByRole('button', { name: '+ Add contribution' }).isDisabled()).toBe(true);
    const share = createDispatcher(shell.ctx, () => undefined)('costShare:summary', { cycleId });
    if (!share.ok) throw new Error(share.error.message);
    const totals = totalsFromShare(apiContract['costShare:summary'].output.parse(share.value));
    const cards = page.getByRole('list', { name: 'Budget at a glance' });
    await cards.getByText(kes(totals.totalKes)).waitFor({ timeout: 60_000 });
    await screenshot(page, '44-large-plan-budget-first-page');

    held.release();
    await page.getByText('5,000 of 5,000 activities and components').waitFor({ timeout: 60_000 });
    expect(await page.getByRole('button', { name: '+ Add contribution' }).isDisabled()).toBe(false);
    await screenshot(page, '45-large-plan-budget-all-read');
    await held.stop();
  });

  it('the objectives show at once, their activity counts once every activity is read', async () => {
    const held = await holdLaterPages(page, 'activity:page');
    await page.evaluate((hash) => (window.location.hash = hash), `#/cycles/${cycleId}/objectives`);
    await page.getByRole('heading', { level: 2, name: /^Objectives and priority areas/ }).waitFor({ timeout: 60_000 });
    const table = page.getByRole('table', { name: 'Objectives and priority areas' });
    const rows = await table.locator('tbody tr').count();
    expect(rows).toBeGreaterThan(1);
    expect(await table.locator('[data-counting]').count()).toBe(rows);
    await screenshot(page, '46-large-plan-objectives-counting');
    held.release();
    await table.locator('[data-counting]').first().waitFor({ state: 'detached', timeout: 60_000 });
    const counts = await table.locator('tbody tr td:last-child').allTextContents();
    expect(counts.reduce((sum, text) => sum + Number(text.replace(/,/g, '')), 0)).toBe(5_000);
    await held.stop();
  });
});

/**
 * Holds back every call of a paged read but its first page, so a spec can look at a screen painted
 * from its first page; `release` lets them through and `stop` ends the holding once they have all answered. The web shell's path carries
 * the method URL-encoded (activity%3Apage).
 */
async function holdLaterPages(page: Page, method: string): Promise<{ release(): void; stop(): Promise<void> }> {
  const gate: { open?: () => void } = {};
  const held = new Promise<void>((resolve) => (gate.open = resolve));
  const calls = (url: URL) => decodeURIComponent(url.pathname).endsWith(`/api/${method}`);
  await page.route(calls, async (route) => {
    const body: unknown = route.request().postDataJSON();
    const offset = typeof body === 'object' && body !== null && 'offset' in body ? body.offset : 0;
    if (offset !== 0) await held;
    await route.continue();
  });
  return {
    release: () => gate.open?.(),
    // Once the screen has every row: no held call is left to continue.
    stop: () => page.unroute(calls),
  };
}
