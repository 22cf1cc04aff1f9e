import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CycleDto } from '../../shared/api/schemas/cycle';
import { chromiumAvailable } from './support/chromium';
import { connectChromium } from './support/shared-chromium';
import { collectPageErrors, describedErrorOf, screenshot } from './support/page-helpers';
import { openAdd, read } from './support/register-helpers';
import { ensureRendererBuilt } from './support/renderer-build';
import { startTestShell, type TestShell } from './support/web-shell';

/**
 * A refused save shows every field's problem at once: beside the field (marked invalid, tied to
 * its message), and in a summary at the top whose links take the keyboard to the field. A panel
 * opens with the keyboard in its first field, and a refused save puts it in the first field at fault.
 */
describe.skipIf(!chromiumAvailable())('every form problem at once', () => {
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

  const focusedLabel = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest('.field')?.querySelector('label')?.textContent ?? '');
  const summaryOf = (scope: Locator) => scope.getByRole('alert').getByRole('listitem');

  /** Each named field is marked invalid and described by a message that names it. */
  async function expectMarked(scope: Locator, labels: string[]): Promise<void> {
    for (const label of labels) {
      const control = scope.getByLabel(label, { exact: true });
      expect(await control.getAttribute('aria-invalid'), label).toBe('true');
      expect(await describedErrorOf(control), label).toMatch(new RegExp(`^${label.replace(/[()]/g, '\\$&')}`));
    }
  }

  it('shows an empty organisation’s name and category problems together, with a summary that links to each', async () => {
    await page.goto(`${shell.url}#/cycles/${cycle.id}/stakeholders`);
    const panel = await openAdd(page, 'organisation');
    // The panel opens with the keyboard in its first field, not on its ×.
    expect(await focusedLabel()).toBe('Name');
    await page.keyboard.press('Enter');
    await summaryOf(panel).first().waitFor();
    const items = await summaryOf(panel).allTextContents();
    expect(items.some((text) => text.startsWith('Name:'))).toBe(true);
    expect(items.some((text) => text.startsWith('Category:'))).toBe(true);
    await expectMarked(panel, ['Name', 'Category']);
    expect(await focusedLabel()).toBe('Name');
    await screenshot(page, 'form-errors-01-organisation');

    await panel
      .getByRole('alert')
      .getByRole('link', { name: /^Category:/ })
      .click();
    expect(await focusedLabel()).toBe('Category');
    expect(await read(shell.api, 'organisation:list', { cycleId: cycle.id })).toHaveLength(13);
    await panel.getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows an activity’s problems in one round: the one the form reads and the ones the schema refuses', async () => {
    const before = await read(shell.api, 'activity:list', { cycleId: cycle.id });
    await page.goto(`${shell.url}#/cycles/${cycle.id}/action-plan`);
    const panel = await openAdd(page, 'activity');
    await panel.getByLabel('Start date', { exact: true }).fill('31/2/2027');
    await panel.getByLabel('Completion %', { exact: true }).fill('lots');
    await panel.getByRole('button', { name: 'Add activity' }).click();
    await summaryOf(panel).first().waitFor();
    const items = await summaryOf(panel).allTextContents();
    for (const label of ['Activity', 'Start date', 'Completion %'])
      expect(
        items.some((text) => text.startsWith(`${label}:`)),
        label,
      ).toBe(true);
    expect(items.length).toBeGreaterThanOrEqual(4);
    await expectMarked(panel, ['Activity', 'Start date', 'Completion %']);
    await screenshot(page, 'form-errors-02-activity');
    expect(await read(shell.api, 'activity:list', { cycleId: cycle.id })).toHaveLength(before.length);
    // Leaving a form with typed changes asks first.
    page.once('dialog', (dialog) => void dialog.accept());
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await panel.waitFor({ state: 'detached' });
  });

  it('shows what only the database can judge in the same round: a code used twice, an end before its start', async () => {
    const before = await read(shell.api, 'activity:list', { cycleId: cycle.id });
    const taken = before[0]?.code ?? '';
    await page.goto(`${shell.url}#/cycles/${cycle.id}/action-plan`);
    const panel = await openAdd(page, 'activity');
    await panel.getByLabel('Code', { exact: true }).fill(taken);
    await panel.getByLabel('Start date', { exact: true }).fill('1/9/2026');
    await panel.getByLabel('End date', { exact: true }).fill('1/8/2026');
    await panel.getByRole('button', { name: 'Add activity' }).click();
    await summaryOf(panel).first().waitFor();
    const startsOf = async () => (await summaryOf(panel).allTextContents()).map((text) => text.split(':')[0]);
    // The schema's (Activity, Sector, …) and the rules' (Code, End date) problems, in the form's order.
    expect(await startsOf()).toEqual(expect.arrayContaining(['Code', 'Activity', 'End date']));
    await expectMarked(panel, ['Code', 'Activity', 'End date']);
    expect(await describedErrorOf(panel.getByLabel('Code', { exact: true }))).toBe(`Code: ${taken} is already used by another activity of this cycle.`);
    await screenshot(page, 'form-errors-04-activity-rules');

    // With the form's own problems mended, the save meets both rules at once again, not one by one.
    await panel.getByLabel('Activity', { exact: true }).fill('Water user association training');
    await panel.getByLabel('Sector', { exact: true }).selectOption({ label: 'Water & WASH' });
    await panel.getByLabel('Objective', { exact: true }).selectOption({ index: 1 });
    await panel.getByLabel('Lead organisation', { exact: true }).selectOption({ index: 1 });
    await panel.getByRole('button', { name: 'Add activity' }).click();
    await expect.poll(startsOf).toEqual(['Code', 'End date']);
    expect(await read(shell.api, 'activity:list', { cycleId: cycle.id })).toHaveLength(before.length);

    await panel.getByLabel('Code', { exact: true }).fill(`${taken}-new`);
    await panel.getByLabel('End date', { exact: true }).fill('30/11/2026');
    await panel.getByRole('button', { name: 'Add activity' }).click();
    await panel.waitFor({ state: 'detached' });
    expect(await read(shell.api, 'activity:list', { cycleId: cycle.id })).toHaveLength(before.length + 1);
  });

  it('shows the cycle form’s problems together and puts the keyboard in the first', async () => {
    await page.goto(`${shell.url}#/`);
    const form = page.getByRole('form', { name: 'Create a new cycle' });
    await form.getByLabel('Exchange rate (KES per USD)', { exact: true }).fill('abc');
    await form.getByRole('button', { name: 'Create cycle' }).click();
    await summaryOf(form).first().waitFor();
    const items = await summaryOf(form).allTextContents();
    expect(items.some((text) => text.startsWith('Title:'))).toBe(true);
    expect(items.some((text) => text.startsWith('Exchange rate'))).toBe(true);
    await expectMarked(form, ['Title']);
    expect(await focusedLabel()).toBe('Title');
    await screenshot(page, 'form-errors-03-cycle');
    expect(await read(shell.api, 'cycle:list', {})).toHaveLength(1);
  });
});
