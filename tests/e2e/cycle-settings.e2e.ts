import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CycleDto } from '../../shared/api/schemas/cycle';
import { chromiumAvailable } from './support/chromium';
import { connectChromium } from './support/shared-chromium';
import { collectPageErrors, screenshot } from './support/page-helpers';
import { read, waitForNotice } from './support/register-helpers';
import { ensureRendererBuilt } from './support/renderer-build';
import { startTestShell, type TestShell } from './support/web-shell';

/**
 * A cycle can be changed after it is made: its title, lead agency, exchange rate (every KES
 * figure follows), reporting frequency and dates; archived or deleted (a backup first, its title
 * typed); the sample is marked as such and not loaded twice.
 */
describe.skipIf(!chromiumAvailable())('cycle settings in the browser', () => {
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

  it('marks the sample in the list and refuses to load it a second time, saying so', async () => {
    await page.goto(`${shell.url}#/`);
    const row = page.getByRole('table', { name: 'JWP cycles' }).getByRole('row', { name: new RegExp(cycle.title) });
    await row.getByText('Sample', { exact: true }).waitFor();
    await page.getByRole('button', { name: /Load the sample cycle/ }).click();
    await page
      .getByRole('alert')
      .getByText(/The sample cycle is already loaded: “Isiolo/)
      .waitFor();
    expect(await read(shell.api, 'cycle:list', {})).toHaveLength(1);
    await screenshot(page, 'cycle-settings-01-sample-twice');
  });

  it('changes the lead agency, the rate and its date; every KES figure follows and the change is in the audit log', async () => {
    const before = await read(shell.api, 'costShare:summary', { cycleId: cycle.id });
    const orgs = await read(shell.api, 'organisation:list', { cycleId: cycle.id });
    const lead = orgs.find((org) => org.id !== cycle.leadOrgId && org.category === 'government');
    if (!lead) throw new Error('The sample has no other government organisation.');
    await page.goto(`${shell.url}#/cycles/${cycle.id}`);
    await page.getByRole('button', { name: 'Cycle settings…' }).click();
    const panel = page.getByRole('dialog', { name: 'Cycle settings' });
    await panel.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('text');
    await panel.getByLabel('Lead agency').selectOption(lead.id);
    await panel.getByLabel('Exchange rate (KES per USD)').fill('140');
    await panel.getByLabel('Rate date').fill('30/9/2026');
    await panel.getByText('Understood as 30 Sep 2026').waitFor();
    await screenshot(page, 'cycle-settings-02-panel');
    await panel.getByRole('button', { name: 'Save settings' }).click();
    await waitForNotice(page, 'Every KES figure now uses the new rate.');
    const saved = await read(shell.api, 'cycle:get', { id: cycle.id });
    expect([saved.leadOrgId, saved.kesPerUsdScaled, saved.exchangeRateDate]).toEqual([lead.id, 1_400_000, '2026-09-30']);
    const after = await read(shell.api, 'costShare:summary', { cycleId: cycle.id });
    expect(after.overall.plannedKesMinor).toBeGreaterThan(before.overall.plannedKesMinor);
    await page.getByText(/^KES 140(\.0+)? per USD/).waitFor();
    await page.getByText(lead.name, { exact: true }).first().waitFor();
    const [entry] = await read(shell.api, 'audit:list', { rowId: cycle.id, limit: 1 });
    expect(entry?.action).toBe('update');

    // The save's notice offers Undo, like every save: the settings and every KES figure go back.
    await page.getByRole('status').locator('.notice').getByRole('button', { name: 'Undo' }).click();
    await waitForNotice(page, `Undone: the settings of “${saved.title}”.`);
    const undone = await read(shell.api, 'cycle:get', { id: cycle.id });
    expect([undone.leadOrgId, undone.kesPerUsdScaled, undone.exchangeRateDate]).toEqual([cycle.leadOrgId, cycle.kesPerUsdScaled, cycle.exchangeRateDate]);
    expect((await read(shell.api, 'costShare:summary', { cycleId: cycle.id })).overall.plannedKesMinor).toBe(before.overall.plannedKesMinor);
  });

  it('refuses dates outside the fiscal year, saving nothing', async () => {
    await page.getByRole('button', { name: 'Cycle settings…' }).click();
    const panel = page.getByRole('dialog', { name: 'Cycle settings' });
    await panel.getByLabel('Start date').fill('1/7/2025');
    await panel.getByLabel('Title').fill('');
    await panel.getByRole('button', { name: 'Save settings' }).click();
    await panel.getByRole('alert').getByText('Nothing was saved.').waitFor();
    expect(await panel.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    expect((await read(shell.api, 'cycle:get', { id: cycle.id })).startDate).toBe(cycle.startDate);
    await panel.getByRole('button', { name: 'Cancel' }).click();
  });

  it('archives the cycle, which is then listed apart, and brings it back', async () => {
    await page.getByRole('button', { name: 'Cycle settings…' }).click();
    await page.getByRole('dialog', { name: 'Cycle settings' }).getByRole('button', { name: 'Archive this cycle' }).click();
    await waitForNotice(page, 'Archived:');
    expect((await read(shell.api, 'cycle:get', { id: cycle.id })).archivedAt).not.toBeNull();
    await page.goto(`${shell.url}#/`);
    await page.getByText('Archived cycles (1)').click();
    await page.getByRole('table', { name: 'Archived JWP cycles' }).getByRole('link', { name: cycle.title }).click();
    await page.getByRole('button', { name: 'Cycle settings…' }).click();
    await page.getByRole('dialog', { name: 'Cycle settings' }).getByRole('button', { name: 'Bring back from the archive' }).click();
    await waitForNotice(page, 'is a current cycle again');
    expect((await read(shell.api, 'cycle:get', { id: cycle.id })).archivedAt).toBeNull();
  });

  it('deletes the cycle only once its title is typed, after a backup that the Backups screen lists', async () => {
    await page.getByRole('button', { name: 'Cycle settings…' }).click();
    await page.getByRole('dialog', { name: 'Cycle settings' }).getByRole('button', { name: 'Delete this cycle…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this whole cycle?' });
    const confirm = dialog.getByRole('button', { name: 'Delete the cycle' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Title of the cycle').fill('Isiolo');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Title of the cycle').fill(cycle.title);
    await screenshot(page, 'cycle-settings-03-delete');
    await confirm.click();
    await waitForNotice(page, `Deleted: the cycle “${cycle.title}”`);
    expect(await read(shell.api, 'cycle:list', {})).toEqual([]);
    const backups = await read(shell.api, 'backup:list', {});
    expect(backups.backups.map((backup) => backup.reason)).toContain('before-delete');
    await page.getByRole('heading', { level: 1, name: 'Joint Work Planning cycles' }).waitFor();
  });
});
