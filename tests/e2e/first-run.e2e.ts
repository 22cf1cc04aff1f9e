import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fiscalYearOf, fiscalYearRange } from '../../shared/fiscal-year';
import { addMonths } from '../../shared/dates';
import { localIsoDate } from '../../renderer/features/cycles/cycle-form';
import { chromiumAvailable } from './support/chromium';
import { connectChromium } from './support/shared-chromium';
import { collectPageErrors, describedErrorOf, screenshot } from './support/page-helpers';
import { ensureRendererBuilt } from './support/renderer-build';
import { startTestShell, type TestShell } from './support/web-shell';

const NAME_LABEL = 'Your name (recorded with every change you make)';
const SAMPLE_BUTTON = 'Load the sample cycle (Isiolo County, FY 2026/27)';
const NEW_TITLE = 'Marsabit County Joint Work Plan';

/**
 * One Secretariat officer's first session, in order: each step starts where the last one left the
 * app, as it would for a real user. The database is checked through the API, not through the page.
 */
describe.skipIf(!chromiumAvailable())('first run in the browser', () => {
  let shell: TestShell;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  const cycles = async () => {
    const result = await shell.api('cycle:list', {});
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  const appInfo = async () => {
    const result = await shell.api('app:info', {});
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  const form = () => page.getByRole('form', { name: 'Create a new cycle' });
  const statValue = (register: string) => page.locator(`[data-register="${register}"] .stat__value`);

  beforeAll(async () => {
    await ensureRendererBuilt();
    shell = await startTestShell();
    browser = await connectChromium();
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    pageErrors = collectPageErrors(page);
  });

  afterEach(() => {
    expect(pageErrors.join('\n')).toBe('');
  });

  afterAll(async () => {
    await browser?.close();
    await shell?.close();
  });

  it('asks for the user name on first start and refuses a blank one', async () => {
    await page.goto(shell.url);
    await page.getByRole('heading', { name: 'Welcome to Pamoja JWP' }).waitFor();
    const name = page.getByLabel(NAME_LABEL);
    await screenshot(page, '01-first-start');

    await name.press('Enter');
    await page.getByRole('alert').getByText('Nothing was saved.').waitFor();
    expect(await describedErrorOf(name)).toContain('Your name: enter the name');
    expect((await appInfo()).userName).toBe('');

    await name.fill('Amina Galgalo');
    await name.press('Enter');
    await page.getByText('Changes recorded as').waitFor();
    expect(await page.locator('.topbar__user').textContent()).toBe('Changes recorded as Amina Galgalo');
    expect((await appInfo()).userName).toBe('Amina Galgalo');
    await page.getByText('No cycles yet.').waitFor();
    await screenshot(page, '02-start-empty');
  });

  it('shows each refused field’s message beside it and saves nothing', async () => {
    const title = form().getByLabel('Title', { exact: true });
    const rate = form().getByLabel('Exchange rate (KES per USD)');

    // Two problems at once, both checked before anything is sent.
    await rate.fill('129,35');
    await form().getByRole('button', { name: 'Create cycle' }).click();
    await form().getByRole('alert').getByText('Nothing was saved.').waitFor();
    expect(await describedErrorOf(title)).toBe('Title: this is required.');
    expect(await describedErrorOf(rate)).toContain('Exchange rate (KES per USD): enter shillings per US dollar');
    // The keyboard is taken to the first field at fault.
    await expect.poll(() => title.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await cycles()).toEqual([]);

    // Esc clears the form and its messages.
    await title.press('Escape');
    await expect.poll(() => rate.inputValue()).toBe('');
    expect(await form().getByRole('alert').count()).toBe(0);

    // The server's own rule: a cycle cannot end before it starts.
    const { start } = fiscalYearRange(fiscalYearOf(localIsoDate(new Date())));
    const endDate = form().getByLabel('End date');
    await title.fill(NEW_TITLE);
    await rate.fill('129.35');
    await endDate.fill(addMonths(start, -1));
    await rate.press('Enter');
    await form().getByRole('alert').waitFor();
    expect(await describedErrorOf(endDate)).toMatch(/^End date: .* is before the start date/);
    expect(await cycles()).toEqual([]);
    await screenshot(page, '03-create-refused');
  });

  it('creates a cycle and lands on its overview', async () => {
    const { end } = fiscalYearRange(fiscalYearOf(localIsoDate(new Date())));
    await form().getByLabel('County').selectOption({ label: 'Marsabit' });
    await form().getByLabel('End date').fill(end);
    await form().getByLabel('Exchange rate (KES per USD)').press('Enter');

    await page.getByRole('heading', { level: 1, name: NEW_TITLE }).waitFor();
    const notice = page.getByRole('status').getByText(`Saved: the cycle “${NEW_TITLE}” was created.`);
    await notice.waitFor();
    // The notice sits in the top bar and covers nothing a person could click.
    const covered = await page.evaluate(() => {
      const box = document.querySelector('.notice')?.getBoundingClientRect();
      if (!box) return ['no notice'];
      const clickable = [...document.querySelectorAll('a, button, input, select, textarea, summary, tr, [role="tab"]')].filter(
        (element) => !element.closest('.notice'),
      );
      return clickable
        .filter((element) => {
          const other = element.getBoundingClientRect();
          return other.width > 0 && other.left < box.right && other.right > box.left && other.top < box.bottom && other.bottom > box.top;
        })
        .map((element) => element.outerHTML.slice(0, 80));
    });
    expect(covered).toEqual([]);
    await screenshot(page, '04a-notice-in-top-bar');
    // Esc dismisses it.
    await page.keyboard.press('Escape');
    await notice.waitFor({ state: 'detached' });
    const [created, ...others] = await cycles();
    expect(others).toEqual([]);
    expect(created).toMatchObject({ title: NEW_TITLE, countyName: 'Marsabit', kesPerUsdScaled: 1_293_500, endDate: end });
    expect(page.url()).toContain(`#/cycles/${created?.id}`);
    expect(await page.locator('.details').textContent()).toContain('KES 129.35 per USD');
    expect(await statValue('organisations').textContent()).toBe('0');
    await page.getByText('No organisations yet.').waitFor();
    await expect.poll(async () => (await appInfo()).lastCycleId).toBe(created?.id);
    expect(await page.title()).toBe(`${NEW_TITLE} — Pamoja JWP`);
    await screenshot(page, '04-new-cycle-overview');
  });

  it('loads the sample cycle with a busy state and shows its 13 organisations and counts', async () => {
    await page.getByRole('link', { name: '← All cycles' }).click();
    await page.getByRole('link', { name: NEW_TITLE }).waitFor();
    await screenshot(page, '05-start-with-cycles');

    // Hold the request a moment so the busy state can be seen; the server does the real work.
    await page.route('**/api/cycle%3AloadSample', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      await route.continue();
    });
    await page.getByRole('button', { name: SAMPLE_BUTTON }).click();
    const busy = page.getByRole('button', { name: 'Loading the sample cycle…' });
    await busy.waitFor();
    expect(await busy.isDisabled()).toBe(true);
    await screenshot(page, '06-sample-loading');

    await page.getByRole('heading', { level: 1, name: 'Isiolo County Joint Work Plan FY 2026/27' }).waitFor();
    const sample = (await cycles()).find((cycle) => cycle.countyName === 'Isiolo');
    expect(sample).toBeDefined();
    const stats = await shell.api('cycle:stats', {});
    const counts = stats.ok ? stats.value.find((entry) => entry.id === sample?.id)?.counts : undefined;
    expect(counts?.organisations).toBe(13);
    for (const [register, count] of Object.entries(counts ?? {})) {
      expect(await statValue(register).textContent(), register).toBe(count.toLocaleString('en-KE'));
    }
    const matrixRows = () => page.getByRole('table', { name: 'Stakeholder matrix' }).locator('tbody tr').count();
    await screenshot(page, '07-sample-overview');

    await page.getByRole('navigation', { name: 'Registers of this cycle' }).getByRole('link', { name: 'Stakeholders' }).click();
    await page.getByRole('heading', { level: 2, name: /^Stakeholder matrix/ }).waitFor();
    await expect.poll(matrixRows).toBe(13);
    expect(await page.getByRole('link', { name: 'Stakeholders', exact: true }).getAttribute('aria-current')).toBe('page');
    await screenshot(page, '08-stakeholders');
  });

  it('reopens the last cycle on reload and at the next start', async () => {
    const sample = (await cycles()).find((cycle) => cycle.countyName === 'Isiolo');
    await expect.poll(async () => (await appInfo()).lastCycleId).toBe(sample?.id);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Isiolo County Joint Work Plan FY 2026/27' }).waitFor();

    // A new window has no screen in its address: the app lands on the cycle used last.
    const next = await page.context().newPage();
    const nextErrors = collectPageErrors(next);
    await next.goto(shell.url);
    await next.getByRole('heading', { level: 1, name: 'Isiolo County Joint Work Plan FY 2026/27' }).waitFor();
    expect(next.url()).toContain(`#/cycles/${sample?.id}`);
    await screenshot(next, '09-reopened');

    // Opening another cycle makes it the one to land on.
    await next.getByRole('link', { name: '← All cycles' }).click();
    await next.getByRole('link', { name: NEW_TITLE }).click();
    await next.getByRole('heading', { level: 1, name: NEW_TITLE }).waitFor();
    const created = (await cycles()).find((cycle) => cycle.title === NEW_TITLE);
    await expect.poll(async () => (await appInfo()).lastCycleId).toBe(created?.id);
    await next.goto(shell.url);
    await next.getByRole('heading', { level: 1, name: NEW_TITLE }).waitFor();
    await next.close();
    expect(nextErrors).toEqual([]);
  });
});
