import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/chromium';
import { screenshot } from './support/page-helpers';
import { read } from './support/register-helpers';
import { openSampleSession, type SampleSession } from './support/sample-session';

/**
 * An activity that starts before or ends after the fiscal year is accepted with a visible warning
 * on the Activities screen (issue 15 item 4), as the workbook preview says it: its row is marked
 * "Outside FY" with the reason, and a note over the table counts such activities.
 */
describe.skipIf(!chromiumAvailable())('activities outside the fiscal year', () => {
  let session: SampleSession;

  beforeAll(async () => {
    session = await openSampleSession();
  }, 120_000);

  afterAll(() => session?.close());

  it('are marked on the action plan with the reason, and counted over the table; the others are not', async () => {
    const { shell, page, pageErrors, cycle } = session;
    const activities = await read(shell.api, 'activity:list', { cycleId: cycle.id });
    const [early, inside] = activities.filter((a) => a.code !== '');
    if (!early || !inside) throw new Error('The sample needs two activities with codes.');
    await read(shell.api, 'activity:update', { id: early.id, changes: { startDate: '2026-06-01' } });

    await page.goto(`${shell.url}#/cycles/${cycle.id}/action-plan`);
    const note = page.locator('[data-outside-year-note]');
    await note.waitFor();
    expect(await note.innerText()).toMatch(/^1 activity runs outside the fiscal year 2026\/27 \(1 Jul 2026 – 30 Jun 2027\), marked “Outside FY”/);
    const badges = page.locator('[data-outside-year]');
    expect(await badges.count()).toBe(1);
    expect(await badges.first().getAttribute('data-outside-year')).toBe(early.code);
    expect(await badges.first().getAttribute('aria-label')).toContain('starts before the fiscal year 2026/27');
    const row = page.locator(`[data-activity-row="${early.code}"]`);
    expect(await row.innerText()).toContain('Outside FY');
    expect(await page.locator(`[data-activity-row="${inside.code}"]`).innerText()).not.toContain('Outside FY');
    await screenshot(page, 'action-plan-outside-year');

    // Back inside the year, the warning goes.
    await read(shell.api, 'activity:update', { id: early.id, changes: { startDate: early.startDate } });
    await page.reload();
    await page.locator(`[data-activity-row="${early.code}"]`).waitFor();
    expect(await page.locator('[data-outside-year-note]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
