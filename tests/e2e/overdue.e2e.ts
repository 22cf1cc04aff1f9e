import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overdueActivities, overdueMilestones } from '../../shared/analysis/due-dates';
import { addDays } from '../../shared/dates';
import type { CycleDto } from '../../shared/api/schemas/cycle';
import { chromiumAvailable, launchChromium } from './support/chromium';
import { collectPageErrors, screenshot } from './support/page-helpers';
import { read } from './support/register-helpers';
import { ensureRendererBuilt } from './support/renderer-build';
import { startTestShell, type TestShell } from './support/web-shell';

/**
 * One meaning of "overdue" (issue 17, item 5): the Overview's Deadlines, its Milestones panel and
 * the Analysis calendar count the same milestones and activities, the ones shared/analysis/due-dates.ts
 * says are overdue.
 */
describe.skipIf(!chromiumAvailable())('overdue, one rule on every screen', () => {
  let shell: TestShell;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let cycle: CycleDto;
  let expected: { milestones: number; activities: number };

  beforeAll(async () => {
    await ensureRendererBuilt();
    shell = await startTestShell();
    await read(shell.api, 'app:setUserName', { userName: 'Grace Mwenda' });
    cycle = await read(shell.api, 'cycle:loadSample', {});
    const calendar = await read(shell.api, 'calendar:list', { cycleId: cycle.id });
    // Whatever today is, one activity and one milestone are past their dates and still open.
    const yesterday = addDays(calendar.today, -1);
    const activities = await read(shell.api, 'activity:list', { cycleId: cycle.id });
    const started = activities.filter((a) => a.startDate <= yesterday && a.status !== 'cancelled').sort((a, b) => a.startDate.localeCompare(b.startDate))[0];
    if (!started) throw new Error('No activity of the sample started before yesterday.');
    await read(shell.api, 'activity:update', { id: started.id, changes: { endDate: yesterday, status: 'ongoing' } });
    const [milestone] = await read(shell.api, 'milestone:list', { cycleId: cycle.id });
    if (!milestone) throw new Error('The sample has no milestone.');
    await read(shell.api, 'milestone:update', { id: milestone.id, changes: { dueDate: yesterday, status: 'delayed' } });

    const today = (await read(shell.api, 'calendar:list', { cycleId: cycle.id })).today;
    expected = {
      milestones: overdueMilestones(await read(shell.api, 'milestone:list', { cycleId: cycle.id }), today).length,
      activities: overdueActivities(await read(shell.api, 'activity:list', { cycleId: cycle.id }), today).length,
    };
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    pageErrors = collectPageErrors(page);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await shell?.close();
  });

  it('counts the same overdue milestones and activities in the calendar, Deadlines, Milestones and Analysis', async () => {
    expect(expected.milestones).toBeGreaterThan(0);
    expect(expected.activities).toBeGreaterThan(0);
    const total = expected.milestones + expected.activities;
    expect((await read(shell.api, 'calendar:list', { cycleId: cycle.id })).overdueCount).toBe(total);

    await page.goto(`${shell.url}#/cycles/${cycle.id}`);
    const deadlines = page.locator('section[aria-labelledby="calendar-alerts-heading"]');
    await deadlines.locator('.analysis-alert').first().waitFor();
    expect(await deadlines.locator('.analysis-alert--overdue').count()).toBe(total);
    expect(await deadlines.getByText('Nothing overdue').count()).toBe(0);

    const milestones = page.locator('section[aria-labelledby="overview-due-heading"]');
    await milestones.getByText('Overdue').waitFor();
    const activityWord = expected.activities === 1 ? 'activity' : 'activities';
    await milestones.getByText(`${expected.activities} ${activityWord} past`).waitFor();
    expect(await milestones.locator('.late').count()).toBe(Math.min(4, expected.milestones));
    await screenshot(page, 'overdue-01-overview');

    await page.goto(`${shell.url}#/cycles/${cycle.id}/analysis/calendar`);
    await page.getByText(`${total} overdue ·`).waitFor();
    await screenshot(page, 'overdue-02-analysis-calendar');
    expect(pageErrors.join('\n')).toBe('');
  });
});
