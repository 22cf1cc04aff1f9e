import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CycleDto } from '../../shared/api/schemas/cycle';
import { chromiumAvailable } from './support/chromium';
import { screenshot } from './support/page-helpers';
import { read } from './support/register-helpers';
import { openSampleSession, type SampleSession } from './support/sample-session';
import type { TestShell } from './support/web-shell';

/**
 * Every save an Undo in its notice (issue 17, item 3), for the saves that are not a register's
 * rows: the indicator thresholds, the statutory dates, a decision on a proposed trigger, a
 * reporting round opened, closed and its organisations, a signature and the close-out notes. Each
 * Undo is checked against the database. An approval is the one that cannot be undone: it is asked
 * first, and its notice says why.
 */
describe.skipIf(!chromiumAvailable())('an Undo in the notice of every save', () => {
  let session: SampleSession;
  let shell: TestShell;
  let page: Page;
  let cycle: CycleDto;

  beforeAll(async () => {
    session = await openSampleSession();
    ({ shell, page, cycle } = session);
  }, 180_000);
  afterEach(() => {
    expect(session.pageErrors.join('\n')).toBe('');
    expect(session.pageWarnings.join('\n')).toBe('');
  });
  afterAll(() => session?.close());

  const go = async (path: string, heading: string) => {
    await page.goto(`${shell.url}#/cycles/${cycle.id}/${path}`);
    await page.reload();
    await page.getByRole('heading', { name: heading }).first().waitFor();
  };
  const notice = () => page.getByRole('status').locator('.notice');
  /** Waits for the notice saying `text`, then presses its Undo and waits for what the Undo says. */
  const undo = async (text: string | RegExp, undone: string | RegExp) => {
    await notice().filter({ hasText: text }).waitFor();
    await notice().getByRole('button', { name: 'Undo' }).click();
    await notice().filter({ hasText: undone }).waitFor();
  };
  /** Reads the database until `check` holds: the Undo's reload may still be under way. */
  const eventually = async (check: () => Promise<boolean>) => {
    for (let tries = 0; tries < 100 && !(await check()); tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await check()).toBe(true);
  };

  it('takes back the indicator thresholds', async () => {
    const before = await read(shell.api, 'analysisSettings:get', { cycleId: cycle.id });
    await go('analysis/indicators', 'Indicator status');
    await page.getByLabel('On track from').fill('90');
    await page.getByRole('button', { name: 'Save thresholds' }).click();
    await undo('Thresholds saved: on track from 90 %', `Thresholds back to on track from ${before.onTrackPct} %`);
    await eventually(async () => (await read(shell.api, 'analysisSettings:get', { cycleId: cycle.id })).onTrackPct === before.onTrackPct);
  });

  it('takes back the statutory dates', async () => {
    const before = await read(shell.api, 'statutoryDate:list', { cycleId: cycle.id });
    const [first] = before.dates;
    if (!first) throw new Error('no statutory date');
    await go('analysis/calendar', 'Joint calendar');
    await page.getByText('County budget dates (PFM Act) for this cycle').click();
    await page.getByLabel(`Day of ${first.title}`).fill(String(first.day === 1 ? 2 : first.day - 1));
    await page.getByRole('button', { name: 'Save dates' }).click();
    await undo('Statutory dates saved for this cycle.', 'Statutory dates are back as they were.');
    await eventually(async () => JSON.stringify(await read(shell.api, 'statutoryDate:list', { cycleId: cycle.id })) === JSON.stringify(before));
  });

  it('takes back an accepted trigger proposal, with the trigger it added', async () => {
    const triggersBefore = (await read(shell.api, 'adaptiveTrigger:list', { cycleId: cycle.id })).length;
    await go('analysis/triggers', 'Proposed adaptive triggers');
    await page.getByRole('button', { name: 'Accept' }).first().click();
    await undo('Added to the adaptive triggers register as accepted.', /Undone: 2 records\./);
    await eventually(async () => (await read(shell.api, 'adaptiveTrigger:list', { cycleId: cycle.id })).length === triggersBefore);
    expect((await read(shell.api, 'triggerProposal:list', { cycleId: cycle.id })).decided).toEqual([]);
  });

  it('takes back a round just opened, an organisation taken out and the round closed', async () => {
    await go('reporting-round', 'Reporting round');
    await page.getByLabel('Period').selectOption('Q2');
    await page.getByRole('button', { name: 'Open the round' }).click();
    await undo(/The Q2 reporting round is open/, /Undone: \d+ records\./);
    await eventually(async () => (await read(shell.api, 'round:status', { cycleId: cycle.id })).round === null);

    await page.getByLabel('Period').selectOption('Q2');
    await page.getByRole('button', { name: 'Open the round' }).click();
    await page.getByRole('button', { name: 'Take WDC Forum out of the round' }).click();
    await undo('WDC Forum was taken out of the Q2 round.', 'WDC Forum is in the Q2 round again.');
    await eventually(async () => (await read(shell.api, 'round:status', { cycleId: cycle.id })).members.some((m) => m.shortName === 'WDC Forum'));

    await page.getByRole('button', { name: 'Close the round' }).click();
    await undo(/The Q2 round is closed/, 'The Q2 round is open again.');
    await eventually(async () => (await read(shell.api, 'round:status', { cycleId: cycle.id })).round?.status === 'open');
    await screenshot(page, 'undo-notices-round');
  });

  it('takes back a signature and the close-out notes; an approval is asked first and says why it has no Undo', async () => {
    const activity = (await read(shell.api, 'activity:list', { cycleId: cycle.id })).find((a) => a.code === 'A1.4');
    await read(shell.api, 'activity:update', { id: activity?.id ?? '', changes: { endDate: '2027-06-25' } });
    await go('lifecycle', 'Phase and checklist');

    await page.getByRole('button', { name: 'Approve as version 2' }).click();
    const question = page.getByRole('dialog', { name: 'Approve the working plan as version 2?' });
    await question.getByRole('button', { name: 'Cancel' }).click();
    expect((await read(shell.api, 'version:list', { cycleId: cycle.id })).versions).toHaveLength(1);
    await page.getByRole('button', { name: 'Approve as version 2' }).click();
    await question.getByRole('button', { name: 'Approve version 2' }).click();
    await notice()
      .filter({ hasText: /Version 2 approved: .* cannot be undone or deleted/ })
      .waitFor();
    expect(await notice().getByRole('button', { name: 'Undo' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Record signature' }).first().click();
    await undo(/signature recorded on version 2/, /signature on version 2 was removed/);
    await eventually(async () => (await read(shell.api, 'version:list', { cycleId: cycle.id })).versions[1]?.signatures.length === 0);

    // A checklist step ticked is unticked by its notice's Undo.
    const step = page.getByRole('checkbox', { name: 'Joint activities started by county departments and partners' });
    await step.click();
    await undo('Ticked: Joint activities started by county departments and partners', 'Unticked: Joint activities started by county departments and partners.');
    await eventually(async () => {
      const steps = (await read(shell.api, 'lifecycle:status', { cycleId: cycle.id })).phases.flatMap((phase) => phase.steps);
      return steps.find((s) => s.label === 'Joint activities started by county departments and partners')?.doneOn === null;
    });

    const notesBefore = await read(shell.api, 'closeOut:report', { cycleId: cycle.id });
    await page.getByRole('textbox', { name: 'Recommendations agreed' }).fill('Start borehole procurement in Q1');
    await page.getByRole('button', { name: 'Save close-out notes' }).click();
    await undo('Close-out notes saved.', 'Close-out notes are back as they were.');
    await eventually(async () => {
      const notes = await read(shell.api, 'closeOut:report', { cycleId: cycle.id });
      return JSON.stringify([notes.summary, notes.recommendations]) === JSON.stringify([notesBefore.summary, notesBefore.recommendations]);
    });
    await page.getByRole('textbox', { name: 'Recommendations agreed' }).and(page.locator(':not(:focus)')).waitFor();
    expect(await page.getByRole('textbox', { name: 'Recommendations agreed' }).inputValue()).toBe(notesBefore.recommendations.join('\n'));
  });
});
