import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CycleDto } from '../../shared/api/schemas/cycle';
import { chromiumAvailable } from './support/chromium';
import { screenshot } from './support/page-helpers';
import { drawer, read, waitForNotice } from './support/register-helpers';
import { openSampleSession, type SampleSession } from './support/sample-session';
import type { TestShell } from './support/web-shell';

const tsv = (rows: string[][]) => rows.map((row) => row.join('\t')).join('\r\n') + '\r\n';

/** A paste as the browser delivers it after Ctrl+V: a paste event carrying the copied text. */
async function pasteInto(target: Locator, text: string): Promise<void> {
  await target.evaluate((element, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/**
 * Rows copied from Excel into the action plan, the budget lines and the indicator targets (issue
 * 17, item 12): the workbook import's preview with every problem at once, then one apply, undoable.
 */
describe.skipIf(!chromiumAvailable())('rows pasted from Excel', () => {
  let session: SampleSession;
  let shell: TestShell;
  let page: Page;
  let pageErrors: string[];
  let warnings: string[];
  let cycle: CycleDto;

  beforeAll(async () => {
    session = await openSampleSession();
    ({ shell, page, pageErrors, pageWarnings: warnings, cycle } = session);
  }, 180_000);

  afterAll(() => session?.close());

  const open = async (screen: string, heading: string) => {
    await page.goto(`${shell.url}#/cycles/${cycle.id}/${screen}`);
    await page.getByRole('heading', { name: heading }).first().waitFor({ timeout: 60_000 });
  };

  it('action plan: Ctrl+V on the screen previews every problem at once; fixed rows are added together', async () => {
    await open('action-plan', 'Action plan');
    const rows = [
      ['Code', 'Activity', 'Objective', 'Sector', 'Lead organisation', 'Start date', 'End date', 'Wards'],
      ['A9.1', 'Desilting of Kinna pans', 'SO1', 'Water & WASH', 'CGI-WEC', '1/8/2026', '30 Sep 2026', 'Kinna, Garbatulla'],
      ['A9.2', 'Fodder bulking with Sericho farmers', 'SO2', 'Agriculture & livestock', 'Nobody Ltd', '31/2/2026', '31/12/2026', 'Sericho; Chari'],
    ];
    const before = (await read(shell.api, 'activity:list', { cycleId: cycle.id })).length;
    // No field has focus: the paste reaches the screen.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await pasteInto(page.locator('body'), tsv(rows));
    const panel = drawer(page, 'Paste activities from Excel');
    const problems = panel.getByRole('table', { name: /2 problems to fix/ });
    await problems.waitFor({ timeout: 60_000 });
    expect(await problems.textContent()).toMatch(/Pasted rows, row 3, Lead organisation.*Nobody Ltd.*Pasted rows, row 3, Start date/);
    expect(await panel.getByRole('button', { name: 'Add the rows' }).isDisabled()).toBe(true);
    await screenshot(page, 'paste-01-action-plan-problems');
    expect((await read(shell.api, 'activity:list', { cycleId: cycle.id })).length).toBe(before);

    rows[2] = ['A9.2', 'Fodder bulking with Sericho farmers', 'SO2', 'Agriculture & livestock', 'NDMA Isiolo', '1/10/2026', '31/12/2026', 'Sericho; Chari'];
    await panel.getByLabel('Rows copied from Excel').fill(tsv(rows));
    await panel.getByRole('button', { name: 'Preview the rows' }).click();
    await panel.getByText('Pasted rows: 2 to add, 0 to change').waitFor({ timeout: 60_000 });
    await screenshot(page, 'paste-02-action-plan-preview');
    await panel.getByRole('button', { name: 'Add the rows' }).click();
    await waitForNotice(page, 'Pasted activities: 2 added, 0 changed.');
    const added = (await read(shell.api, 'activity:list', { cycleId: cycle.id })).filter((a) => a.code.startsWith('A9.'));
    expect(added.map((a) => [a.code, a.startDate, a.endDate, a.wardIds.length])).toEqual([
      ['A9.1', '2026-08-01', '2026-09-30', 2],
      ['A9.2', '2026-10-01', '2026-12-31', 2],
    ]);
    await page.locator('[data-activity-row="A9.2"]').waitFor({ timeout: 30_000 });
    const history = await read(shell.api, 'bundle:history', { cycleId: cycle.id });
    expect(history[0]?.senderName).toMatch(/^Rows pasted into the action plan/);
  });

  it('budget lines: rows pasted into the box without a header, amounts as typed; Undo in the notice takes them back', async () => {
    await open('budget', 'Cost-share budget');
    const before = await read(shell.api, 'contribution:list', { cycleId: cycle.id });
    await page.getByRole('button', { name: 'Paste rows from Excel' }).click();
    const panel = drawer(page, 'Paste budget lines from Excel');
    // Activity code, Activity, Sector, Budget component, Description, Contributor, Type, On county budget, Amount.
    const text = tsv([
      ['A1.1', '', '', 'Pump spares', '', 'UDRA', 'Cash', 'No', 'KES 1,250,000'],
      ['A1.2', '', '', 'Water tanks', '', 'DCRF', 'Cash', 'No', '1.25M'],
    ]);
    await pasteInto(panel.getByLabel('Rows copied from Excel'), text);
    await panel.getByText('Pasted rows: 2 to add, 0 to change').waitFor({ timeout: 60_000 });
    await panel.getByText(/No header row was pasted/).waitFor();
    await screenshot(page, 'paste-03-budget-preview');
    await panel.getByRole('button', { name: 'Add the rows' }).click();
    await waitForNotice(page, 'Pasted budget lines: 2 added, 0 changed.');
    const after = await read(shell.api, 'contribution:list', { cycleId: cycle.id });
    const added = after.filter((line) => !before.some((old) => old.id === line.id));
    expect(added.map((line) => [line.component, line.amountMinor, line.currency])).toEqual([
      ['Pump spares', 125_000_000, 'KES'],
      ['Water tanks', 125_000_000, 'KES'],
    ]);

    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await waitForNotice(page, 'The pasted rows were taken back.');
    expect((await read(shell.api, 'contribution:list', { cycleId: cycle.id })).map((line) => line.id)).toEqual(before.map((line) => line.id));
  });

  it('indicator targets: a header with the period names sets those targets, leaving the actuals', async () => {
    await open('indicators', 'M&E plan');
    const periods = await read(shell.api, 'indicatorPeriod:list', { cycleId: cycle.id });
    const indicators = await read(shell.api, 'indicator:list', { cycleId: cycle.id });
    const first = indicators.find((i) => i.code === 'I1.1');
    if (!first) throw new Error('The sample has no indicator I1.1.');
    await page.getByRole('button', { name: 'Paste rows from Excel' }).click();
    const panel = drawer(page, 'Paste indicator targets from Excel');
    await panel.getByLabel('Rows copied from Excel').fill(
      tsv([
        ['Code', 'Q1 (Jul–Sep)', 'Q2 (Oct–Dec)', 'Q3 (Jan–Mar)', 'Q4 (Apr–Jun)'],
        ['I1.1', '59', '62', '64', '66'],
      ]),
    );
    await panel.getByRole('button', { name: 'Preview the rows' }).click();
    await panel.getByText('Pasted rows: 0 to add, 2 to change').waitFor({ timeout: 60_000 });
    await screenshot(page, 'paste-04-indicator-targets-preview');
    await panel.getByRole('button', { name: 'Add the rows' }).click();
    await waitForNotice(page, 'Pasted indicator targets: 0 added, 2 changed.');
    const after = (await read(shell.api, 'indicatorPeriod:list', { cycleId: cycle.id })).filter((p) => p.indicatorId === first.id);
    const was = periods.filter((p) => p.indicatorId === first.id);
    expect(after.map((p) => [p.periodKey, p.target, p.actual])).toEqual(
      was.map((p) => [p.periodKey, { Q1: 59, Q2: 62, Q3: 64, Q4: 66 }[p.periodKey], p.actual]),
    );
    expect(pageErrors.join('\n')).toBe('');
    expect(warnings.join('\n')).toBe('');
  });
});
