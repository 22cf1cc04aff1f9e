import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overdueActivities, overdueMilestones } from '../../shared/analysis/due-dates';
import { addDays } from '../../shared/dates';
import { formatKes, formatShillings } from '../../shared/money';
import { exportDocx } from '../../main/exports/docx/index';
import { documentXml, plainText } from '../exports/docx/docx-reader';
import type { CycleDto } from '../../shared/api/schemas/cycle';
import { chromiumAvailable } from './support/chromium';
import { screenshot } from './support/page-helpers';
import { read } from './support/register-helpers';
import { openSampleSession, type SampleSession } from './support/sample-session';
import type { TestShell } from './support/web-shell';

/**
 * One rule for the same thing (issue 17, item 5). Overdue: the Overview's Deadlines, its Milestones
 * panel and the Analysis calendar count the same milestones and activities, the ones
 * shared/analysis/due-dates.ts says are overdue. Money: a total with half a shilling shows on the
 * screens and prints in the Word plan as the same whole-shilling figure (shared/money.ts).
 */
describe.skipIf(!chromiumAvailable())('one rule on every screen and in every document', () => {
  let session: SampleSession;
  let shell: TestShell;
  let page: Page;
  let pageErrors: string[];
  let cycle: CycleDto;
  let expected: { milestones: number; activities: number };
  let plannedBefore = 0;

  beforeAll(async () => {
    session = await openSampleSession();
    ({ shell, page, pageErrors, cycle } = session);
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

    // Half a shilling more on one KES line of whole shillings: rounded once per line, half away from zero.
    plannedBefore = (await read(shell.api, 'costShare:summary', { cycleId: cycle.id })).overall.plannedKesMinor;
    const line = (await read(shell.api, 'contribution:list', { cycleId: cycle.id })).find((c) => c.currency === 'KES' && c.amountMinor % 100 === 0);
    if (!line) throw new Error('The sample has no KES budget line.');
    await read(shell.api, 'contribution:update', { id: line.id, changes: { amountMinor: line.amountMinor + 50 } });

    const today = (await read(shell.api, 'calendar:list', { cycleId: cycle.id })).today;
    expected = {
      milestones: overdueMilestones(await read(shell.api, 'milestone:list', { cycleId: cycle.id }), today).length,
      activities: overdueActivities(await read(shell.api, 'activity:list', { cycleId: cycle.id }), today).length,
    };
  }, 120_000);

  afterAll(() => session?.close());

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
    await screenshot(page, 'one-rule-01-overdue-overview');

    await page.goto(`${shell.url}#/cycles/${cycle.id}/analysis/calendar`);
    await page.getByText(`${total} overdue ·`).waitFor();
    await screenshot(page, 'one-rule-02-overdue-analysis');
    expect(pageErrors.join('\n')).toBe('');
  });

  it('shows a line with half a shilling in the same whole-shilling total on the Budget screen, the Overview and in the Word plan', async () => {
    const planned = (await read(shell.api, 'costShare:summary', { cycleId: cycle.id })).overall.plannedKesMinor;
    // The line's KES 0.50 counts as a whole shilling in the total, as everywhere else.
    expect(planned).toBe(plannedBefore + 100);
    const figure = formatKes(planned);
    expect(figure).toMatch(/^KES [\d,]+$/);

    await page.goto(`${shell.url}#/cycles/${cycle.id}/budget`);
    await page.getByText(figure, { exact: true }).first().waitFor();
    await page.goto(`${shell.url}#/cycles/${cycle.id}`);
    await page.getByText(figure, { exact: true }).first().waitFor();
    await screenshot(page, 'one-rule-03-overview-total');

    const plan = plainText(documentXml((await exportDocx(shell.ctx, cycle.id, { doc: 'plan' })).buffer));
    expect(plan).toContain(formatShillings(planned));
    // The total is never printed before rounding.
    expect(plan).not.toContain(`${formatShillings(plannedBefore)}.50`);
    // (The annex of changes since the approved version shows the line's own change as entered, cents included.)
    expect(pageErrors.join('\n')).toBe('');
  });
});
