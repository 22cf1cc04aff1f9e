import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CycleDto } from '../../shared/api/schemas/cycle';
import { chromiumAvailable } from './support/chromium';
import { connectChromium } from './support/shared-chromium';
import { collectPageErrors, screenshot } from './support/page-helpers';
import { drawer, read, waitForNotice } from './support/register-helpers';
import { ensureRendererBuilt } from './support/renderer-build';
import { startTestShell, type TestShell } from './support/web-shell';

/**
 * Undo as an officer meets it: a table's status list that browses with the arrow keys and saves
 * only on Enter or a click, an Undo in every save's and delete's notice, and Restore on a deletion
 * in the audit log and in the record's history — each checked against the database.
 */
describe.skipIf(!chromiumAvailable())('undo and restore in the browser', () => {
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

  const notice = () => page.getByRole('status').locator('.notice');
  const risksOf = async () => read(shell.api, 'risk:list', { cycleId: cycle.id });

  it('saves a table status only on Enter, never on an arrow key, and its Undo puts it back', async () => {
    const [risk] = await risksOf();
    if (!risk) throw new Error('The sample has no risk.');
    await page.goto(`${shell.url}#/cycles/${cycle.id}/risks`);
    const status = page.getByRole('combobox', { name: `Status of risk ${risk.code}`, exact: true });
    await status.focus();
    await status.press('ArrowDown');
    await page.getByText('Enter saves · Esc keeps').waitFor();
    // Browsing with the arrow keys saved nothing.
    await page.waitForLoadState('networkidle');
    expect((await risksOf()).find((r) => r.id === risk.id)?.status).toBe(risk.status);
    await status.press('Escape');
    expect(await status.inputValue()).toBe(risk.status);
    expect(await page.getByText('Enter saves · Esc keeps').count()).toBe(0);

    await status.press('ArrowDown');
    const browsed = await status.inputValue();
    expect(browsed).not.toBe(risk.status);
    await status.press('Enter');
    await waitForNotice(page, `Saved: Status of risk ${risk.code} is now`);
    expect((await risksOf()).find((r) => r.id === risk.id)?.status).toBe(browsed);
    await screenshot(page, 'undo-01-status-saved');

    await notice().getByRole('button', { name: 'Undo' }).click();
    await waitForNotice(page, `Undone: the risk “${risk.code}`);
    expect((await risksOf()).find((r) => r.id === risk.id)?.status).toBe(risk.status);
    // The table reads again after the undo: the list shows the status as it was.
    await expect.poll(() => status.inputValue()).toBe(risk.status);
    await screenshot(page, 'undo-02-status-undone');
  });

  it('undoes a deletion from its notice, the activity coming back with its wards', async () => {
    const activities = await read(shell.api, 'activity:list', { cycleId: cycle.id });
    const lines = await read(shell.api, 'contribution:list', { cycleId: cycle.id });
    const indicators = await read(shell.api, 'indicator:list', { cycleId: cycle.id });
    // An activity nothing else names can be deleted at once.
    const free = activities.find((a) => !lines.some((l) => l.activityId === a.id) && !indicators.some((i) => i.activityId === a.id) && a.wardIds.length > 0);
    if (!free) throw new Error('The sample has no activity without budget lines.');
    await page.goto(`${shell.url}#/cycles/${cycle.id}/action-plan`);
    await page
      .getByRole('row', { name: new RegExp(free.code) })
      .locator('td')
      .first()
      .click();
    await drawer(page, new RegExp(`^Activity: ${free.code}`))
      .getByRole('button', { name: 'Delete…' })
      .click();
    await page.getByRole('dialog', { name: 'Delete this activity?' }).getByRole('button', { name: 'Delete activity' }).click();
    await waitForNotice(page, `Deleted: the activity “${free.code}`);
    expect((await read(shell.api, 'activity:list', { cycleId: cycle.id })).some((a) => a.id === free.id)).toBe(false);
    await screenshot(page, 'undo-03-deleted-with-undo');

    // Ctrl+Z outside a text box is the notice's Undo.
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await waitForNotice(page, `Undone: the activity “${free.code}`);
    const back = (await read(shell.api, 'activity:list', { cycleId: cycle.id })).find((a) => a.id === free.id);
    expect(back?.wardIds.sort()).toEqual([...free.wardIds].sort());
    expect(back?.title).toBe(free.title);
    await page
      .getByRole('row', { name: new RegExp(free.code) })
      .first()
      .waitFor();
  });

  it('takes back a whole targets grid with one Undo, though each period was saved on its own', async () => {
    const periodsOf = async (indicatorId: string) =>
      (await read(shell.api, 'indicatorPeriod:list', { cycleId: cycle.id }))
        .filter((period) => period.indicatorId === indicatorId)
        .map((period) => [period.periodKey, period.target, period.actual])
        .sort();
    const indicators = await read(shell.api, 'indicator:list', { cycleId: cycle.id });
    const periods = await read(shell.api, 'indicatorPeriod:list', { cycleId: cycle.id });
    const indicator = indicators.find((i) => periods.filter((p) => p.indicatorId === i.id && p.periodKey <= 'Q2').length === 2);
    if (!indicator) throw new Error('The sample has no indicator with Q1 and Q2 targets.');
    const before = await periodsOf(indicator.id);
    await page.goto(`${shell.url}#/cycles/${cycle.id}/indicators`);
    await page
      .getByRole('row', { name: new RegExp(indicator.name) })
      .locator('td')
      .first()
      .click();
    const panel = drawer(page, new RegExp(`^Indicator: ${indicator.code}`));
    const grid = panel.getByRole('form', { name: `Targets and actuals of ${indicator.code}` });
    await grid.getByLabel('Target for Q1 (Jul–Sep)').fill('41');
    await grid.getByLabel('Target for Q2 (Oct–Dec)').fill('42');
    await grid.getByLabel('Target for Q2 (Oct–Dec)').press('Enter');
    await waitForNotice(page, `Saved: targets and actuals of ${indicator.code} (2 periods).`);
    expect((await periodsOf(indicator.id)).filter(([key]) => key === 'Q1' || key === 'Q2').map(([, target]) => target)).toEqual([41, 42]);
    await screenshot(page, 'undo-05-grid-saved');

    await notice().getByRole('button', { name: 'Undo' }).click();
    await waitForNotice(page, 'Undone: 2 records.');
    expect(await periodsOf(indicator.id)).toEqual(before);
    // The grid reads again: it shows the targets as they were.
    await expect.poll(() => grid.getByLabel('Target for Q1 (Jul–Sep)').inputValue()).toBe(String(before.find(([key]) => key === 'Q1')?.[1]));
    await panel.getByRole('button', { name: 'Cancel' }).click();
  });

  it('restores a deleted record from the audit log and from its history', async () => {
    const [risk] = await risksOf();
    if (!risk) throw new Error('The sample has no risk.');
    await read(shell.api, 'risk:delete', { id: risk.id });
    await page.goto(`${shell.url}#/audit?cycle=${cycle.id}`);
    const table = page.getByRole('table', { name: 'Audit log' });
    const deletion = table.locator('tbody tr').filter({ hasText: 'Deleted' }).first();
    await deletion.getByRole('button', { name: /^Restore/ }).waitFor();
    await screenshot(page, 'undo-04-audit-restore');
    await deletion.getByRole('button', { name: /^Restore/ }).click();
    await waitForNotice(page, `Restored: the risk “${risk.code}`);
    expect((await risksOf()).find((r) => r.id === risk.id)?.description).toBe(risk.description);
    // The log reads again: the deletion is no longer offered, the restore is listed.
    await table.locator('tbody tr').first().filter({ hasText: 'Restored' }).waitFor();
    expect(await table.getByRole('button', { name: /^Restore/ }).count()).toBe(0);

    // The record's own history offers the same once it is deleted again. The first restore's
    // notice goes first: the second is the same text, and an old one would pass for it.
    // Esc dismisses it if its time has not run out already.
    await page.keyboard.press('Escape');
    await notice().waitFor({ state: 'detached' });
    await read(shell.api, 'risk:delete', { id: risk.id });
    await page.goto(`${shell.url}#/audit?cycle=${cycle.id}&row=${risk.id}`);
    await table.getByRole('button', { name: /^Restore/ }).click();
    await waitForNotice(page, `Restored: the risk “${risk.code}`);
    expect((await risksOf()).some((r) => r.id === risk.id)).toBe(true);
  });
});
