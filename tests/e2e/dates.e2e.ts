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
 * One date field everywhere, whatever the machine's locale: under en-US (month first in the
 * browser's own date picker) 1/7/2026 still means 1 July 2026 in the cycle form, a checklist step,
 * a version's approval and the targets grid, and no screen has a browser date picker left.
 */
describe.skipIf(!chromiumAvailable())('dates typed day first under an en-US browser', () => {
  let shell: TestShell;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let sample: CycleDto;

  beforeAll(async () => {
    await ensureRendererBuilt();
    shell = await startTestShell();
    await read(shell.api, 'app:setUserName', { userName: 'Grace Mwenda' });
    sample = await read(shell.api, 'cycle:loadSample', {});
    browser = await connectChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
    pageErrors = collectPageErrors(page);
  }, 120_000);

  afterEach(() => {
    expect(pageErrors.join('\n')).toBe('');
  });

  afterAll(async () => {
    await browser?.close();
    await shell?.close();
  });

  const noDatePickers = async () => expect(await page.locator('input[type="date"]').count()).toBe(0);

  it('creates a cycle from dates typed 1/7/2026 and 30/6/2027, saying what it understood', async () => {
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await page.goto(`${shell.url}#/`);
    const form = page.getByRole('form', { name: 'Create a new cycle' });
    await form.getByLabel('Title').fill('Isiolo JWP FY 2026/27 (dates test)');
    await form.getByLabel('Fiscal year').selectOption('2026/27');
    const start = form.getByLabel('Start date');
    await start.fill('1/7/2026');
    await form.getByText('Understood as 1 Jul 2026').waitFor();
    await form.getByLabel('End date').fill('30/6/2027');
    await form.getByText('Understood as 30 Jun 2027').waitFor();
    await form.getByLabel('Exchange rate (KES per USD)').fill('129.35');
    await form.getByLabel('Rate date').fill('1/7/2026');
    await noDatePickers();
    await screenshot(page, 'dates-01-cycle-form-en-US');
    await form.getByRole('button', { name: 'Create cycle' }).click();
    await page.getByRole('heading', { level: 1, name: 'Isiolo JWP FY 2026/27 (dates test)' }).waitFor();
    const created = (await read(shell.api, 'cycle:list', {})).find((cycle) => cycle.title.includes('dates test'));
    expect([created?.startDate, created?.endDate, created?.exchangeRateDate]).toEqual(['2026-07-01', '2027-06-30', '2026-07-01']);
  });

  it('ticks a checklist step on a date typed day first, and refuses one that is not a date', async () => {
    await page.goto(`${shell.url}#/cycles/${sample.id}/lifecycle`);
    await page.getByRole('heading', { name: 'Phase and checklist' }).waitFor();
    await noDatePickers();
    const date = page.locator('input[aria-label^="Date: "]:not([disabled]):visible').first();
    const label = ((await date.getAttribute('aria-label')) ?? '').replace(/^Date: /, '');
    await date.fill('31/2/2027');
    // Refused: the box stays unticked.
    await page.getByRole('checkbox', { name: label, exact: true }).click();
    await page.getByRole('alert').filter({ hasText: '"31/2/2027" is not a date' }).waitFor();
    expect(await page.getByRole('checkbox', { name: label, exact: true }).isChecked()).toBe(false);
    await date.fill('3/8/2026');
    // The box is ticked once the step is saved, so a click, then the saved date.
    await page.getByRole('checkbox', { name: label, exact: true }).click();
    await page
      .getByText(/done 3 Aug 2026/)
      .first()
      .waitFor();
    await screenshot(page, 'dates-02-checklist-en-US');
  });

  it('takes day-first dates on the reporting round, the versions and an indicator’s evaluation too', async () => {
    await page.goto(`${shell.url}#/cycles/${sample.id}/reporting-round`);
    await page.getByLabel('Returns due').fill('15/1/2027');
    await page.getByText('Understood as 15 Jan 2027').waitFor();
    await noDatePickers();
    await page.goto(`${shell.url}#/cycles/${sample.id}/indicators`);
    await page.getByRole('table').first().locator('tbody tr td').first().click();
    await page
      .getByRole('dialog')
      .getByRole('table', { name: /targets/i })
      .first()
      .waitFor();
    await noDatePickers();
  });
});
