import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CycleDto } from '../../shared/api/schemas/cycle';
import { chromiumAvailable } from './support/chromium';
import { screenshot } from './support/page-helpers';
import { drawer, read } from './support/register-helpers';
import { openSampleSession, type SampleSession } from './support/sample-session';
import type { TestShell } from './support/web-shell';

/**
 * Numbers an officer mistypes (issue 17, item 11): a negative quarterly target is refused saying
 * so, and quarterly targets adding up to more than the annual target raise a warning as they are typed.
 */
describe.skipIf(!chromiumAvailable())('period targets that cannot be right', () => {
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

  it('warns while the targets add up to more than the year, and refuses a negative one with nothing saved', async () => {
    const indicator = (await read(shell.api, 'indicator:list', { cycleId: cycle.id })).find((i) => i.unit === 'bulletins');
    if (!indicator) throw new Error('The sample has no indicator counted in bulletins.');
    const periodsBefore = (await read(shell.api, 'indicatorPeriod:list', { cycleId: cycle.id })).filter((p) => p.indicatorId === indicator.id);
    expect(periodsBefore.map((p) => p.target)).toEqual([3, 3, 3, 3]);
    expect(indicator.targetValue).toBe(12);

    await page.goto(`${shell.url}#/cycles/${cycle.id}/indicators`);
    await page
      .getByRole('row', { name: new RegExp(indicator.name) })
      .locator('td')
      .first()
      .click();
    const grid = drawer(page, new RegExp(`^Indicator: ${indicator.code}`)).getByRole('form', { name: `Targets and actuals of ${indicator.code}` });
    const warning = grid.getByRole('status').filter({ hasText: 'period targets add up' });
    expect(await warning.count()).toBe(0);

    await grid.getByLabel('Target for Q1 (Jul–Sep)').fill('5');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('add up to 14 bulletins, more than the annual target of 12 bulletins');
    await screenshot(page, 'lax-numbers-01-targets-warning');

    await grid.getByLabel('Target for Q1 (Jul–Sep)').fill('3');
    await expect.poll(() => warning.count()).toBe(0);
    await grid.getByLabel('Target for Q2 (Oct–Dec)').fill('-4');
    await grid.getByLabel('Target for Q2 (Oct–Dec)').press('Enter');
    await grid.getByRole('alert').waitFor();
    await grid.getByText('cannot be below zero').first().waitFor();
    await screenshot(page, 'lax-numbers-02-negative-target');
    const periodsAfter = (await read(shell.api, 'indicatorPeriod:list', { cycleId: cycle.id })).filter((p) => p.indicatorId === indicator.id);
    expect(periodsAfter).toEqual(periodsBefore);
    expect(pageErrors.join('\n')).toBe('');
  });
});
