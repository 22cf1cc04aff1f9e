import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../shared/dates';
import { chromiumAvailable } from './support/chromium';
import { connectChromium } from './support/shared-chromium';
import { collectPageErrors, describedErrorOf, screenshot } from './support/page-helpers';
import { drawer, fill, nav, openAdd, openScreen, read, saveWithEnter, waitForNotice } from './support/register-helpers';
import { ensureRendererBuilt } from './support/renderer-build';
import { startTestShell, type TestShell } from './support/web-shell';

const TITLE = 'Isiolo County Joint Work Plan (test)';

/**
 * A Secretariat officer builds a small plan from nothing, register by register, and sees each entry
 * land in the overview's totals and in the charts. Every save is checked through the API; every
 * refused input is checked to have saved nothing.
 */
describe.skipIf(!chromiumAvailable())('a plan built in the browser, register by register', () => {
  let shell: TestShell;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let cycleId = '';

  beforeAll(async () => {
    await ensureRendererBuilt();
    shell = await startTestShell();
    await read(shell.api, 'app:setUserName', { userName: 'Amina Galgalo' });
    browser = await connectChromium();
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    page = await context.newPage();
    pageErrors = collectPageErrors(page);
  });

  afterEach(() => {
    expect(pageErrors.join('\n')).toBe('');
  });

  afterAll(async () => {
    await browser?.close();
    await shell?.close();
  });

  it('creates a cycle and offers the next steps on its empty overview', async () => {
    await page.goto(shell.url);
    const form = page.getByRole('form', { name: 'Create a new cycle' });
    await form.getByLabel('Title', { exact: true }).fill(TITLE);
    await form.getByLabel('Exchange rate (KES per USD)').fill('129.35');
    await form.getByLabel('Exchange rate (KES per USD)').press('Enter');
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    cycleId = (await read(shell.api, 'cycle:list', {}))[0]?.id ?? '';
    await page.getByRole('heading', { name: 'Next steps for this plan' }).waitFor();
    await page.getByText('No organisations yet.').waitFor();
    await screenshot(page, '10-empty-cycle-overview');
  });

  it('adds organisations; each is a labelled point of the quadrant chart that opens it', async () => {
    await openScreen(page, 'Stakeholders', 'Influence × interest');
    await page.getByText('No organisations yet. Add the county departments').waitFor();
    await screenshot(page, '11-stakeholders-empty');

    let panel = await openAdd(page, 'organisation');
    await fill(panel, {
      Name: 'County Department of Water',
      'Short name': 'CGI-WEC',
      Category: 'Government',
      'Interest in JWP': 'High',
      'Level of influence': 'High',
    });
    await screenshot(page, '12-organisation-form');
    await saveWithEnter(panel);
    await waitForNotice(page, 'Saved: the organisation “CGI-WEC” was added.');

    panel = await openAdd(page, 'organisation');
    await fill(panel, {
      Name: 'Ustahimilivu Drylands Resilience Activity',
      'Short name': 'UDRA',
      Category: 'Donor/partner',
      'Interest in JWP': 'High',
      'Level of influence': 'Low',
    });
    await saveWithEnter(panel);
    await waitForNotice(page, 'UDRA');
    const orgs = await read(shell.api, 'organisation:list', { cycleId });
    expect(orgs.map((org) => [org.shortName, org.category, org.interest, org.influence]).sort()).toEqual([
      ['CGI-WEC', 'government', 'high', 'high'],
      ['UDRA', 'donor', 'high', 'low'],
    ]);

    const points = page.locator('.quadrant-point');
    await expect.poll(() => points.count()).toBe(2);
    expect(await page.locator('.quadrant-point text').allTextContents()).toEqual(expect.arrayContaining(['CGI-WEC', 'UDRA']));
    await page.getByRole('button', { name: /^UDRA: Low influence, High interest/ }).click();
    await drawer(page, 'Organisation: UDRA').waitFor();
    await screenshot(page, '13-quadrant-point-opened');
    await drawer(page, 'Organisation: UDRA').getByRole('button', { name: 'Cancel' }).click();
    expect(await page.locator('.quadrant-list--keep_informed').textContent()).toContain('UDRA');
  });

  it('adds an objective', async () => {
    await openScreen(page, 'Objectives', 'Objectives and priority areas');
    const panel = await openAdd(page, 'objective');
    await fill(panel, { Code: 'SO1', Sector: 'Water & WASH', Objective: 'Raise access to safe water in the dry wards to 66 % by June 2027' });
    await saveWithEnter(panel);
    await waitForNotice(page, 'Saved: the objective');
    expect((await read(shell.api, 'objective:list', { cycleId })).map((o) => o.code)).toEqual(['SO1']);
  });

  it('refuses an activity that ends before it starts, saving nothing, then adds it with two wards', async () => {
    const cycle = await read(shell.api, 'cycle:get', { id: cycleId });
    await openScreen(page, 'Action plan', 'Action plan');
    const panel = await openAdd(page, 'activity');
    await fill(panel, {
      Code: 'A1',
      Sector: 'Water & WASH',
      'Activity type': 'Infrastructure / works',
      Activity: 'Rehabilitate boreholes in Kinna and Garbatulla',
      Objective: 'SO1 Raise access to safe water in the dry wards to 66 % by June 2027',
      'Lead organisation': 'CGI-WEC — County Department of Water',
      'Supporting organisations': ['UDRA — Ustahimilivu Drylands Resilience Activity'],
      Wards: ['Kinna', 'Garbatulla'],
      'Start date': addMonths(cycle.startDate, 2),
      'End date': addMonths(cycle.startDate, 1),
    });
    await saveWithEnter(panel);
    await panel.getByRole('alert').getByText('Nothing was saved.').waitFor();
    expect(await describedErrorOf(panel.getByLabel('End date', { exact: true }))).toMatch(/^End date: .* is before the start date/);
    expect(await read(shell.api, 'activity:list', { cycleId })).toEqual([]);
    await screenshot(page, '14-activity-refused');

    await fill(panel, { 'Start date': addMonths(cycle.startDate, 1), 'End date': addMonths(cycle.startDate, 7) });
    await saveWithEnter(panel);
    await waitForNotice(page, 'Saved: the activity “A1 Rehabilitate boreholes in Kinna and Garbatulla” was added.');
    const [activity] = await read(shell.api, 'activity:list', { cycleId });
    expect(activity?.wardIds).toHaveLength(2);
    expect(activity?.activityType).toBe('infrastructure');
    expect(activity?.supportingOrgIds).toHaveLength(1);
    const row = page.locator('[data-activity-row="A1"]');
    expect(await row.textContent()).toContain('Garbatulla, Kinna');
    await screenshot(page, '15-action-plan');

    await page.getByRole('tab', { name: 'Timeline' }).click();
    const bar = page.locator('[data-timeline-row="A1"] .timeline__bar');
    await bar.waitFor();
    const box = await bar.boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    await page.locator('.timeline__today').waitFor();
    expect(await page.locator('.timeline__quarters').textContent()).toContain('Q1 (Jul–Sep)');
    await screenshot(page, '16-timeline');
    await page.getByRole('tab', { name: 'Table' }).click();
  });

  it('refuses an amount that is not a number, then adds KES and USD contributions and a disbursement', async () => {
    await openScreen(page, 'Budget', 'Cost-share budget');
    await page.getByText('No contributions yet.').waitFor();
    await page.getByRole('button', { name: '+ Line' }).click();
    let panel = drawer(page, 'New contribution');
    await fill(panel, {
      'Budget component': 'Borehole works',
      Contributor: 'CGI-WEC — County Department of Water',
      'On the county budget (appropriated through the county)': true,
      Amount: 'KES 2.5m',
    });
    await saveWithEnter(panel);
    // The form shows its problems once the server has added what only it can judge (register:check).
    await expect
      .poll(() => describedErrorOf(panel.getByLabel('Amount', { exact: true })))
      .toBe('Amount: enter an amount such as 1,250,000 or 1,250,000.50 (no currency sign).');
    expect(await read(shell.api, 'contribution:list', { cycleId })).toEqual([]);
    await screenshot(page, '17-contribution-refused');
    // A negative amount is named as the problem; a pasted 10,000-character text is refused with its limit, not cut.
    await fill(panel, { Amount: '-2,500,000', 'Budget component': 'B'.repeat(10_000) });
    await saveWithEnter(panel);
    await expect
      .poll(() => describedErrorOf(panel.getByLabel('Amount', { exact: true })))
      .toBe('Amount: an amount cannot be negative ("-2,500,000"); enter it without the minus sign.');
    expect(await describedErrorOf(panel.getByLabel('Budget component', { exact: true }))).toMatch(
      /^Budget component: at most [\d,]+ characters; this has 10,000\. Shorten it\.$/,
    );
    expect(await read(shell.api, 'contribution:list', { cycleId })).toEqual([]);
    await fill(panel, { Amount: '2,500,000', 'Budget component': 'Borehole works' });
    await saveWithEnter(panel);
    await waitForNotice(page, 'Saved: the contribution “Borehole works” was added.');

    await page.getByRole('button', { name: '+ Line' }).click();
    panel = drawer(page, 'New contribution');
    await fill(panel, {
      'Budget component': 'Solar pumps',
      Contributor: 'UDRA — Ustahimilivu Drylands Resilience Activity',
      Amount: '10,000',
      Currency: 'USD',
      Type: 'In kind',
    });
    await saveWithEnter(panel);
    await waitForNotice(page, 'Solar pumps');
    // 2,500,000 + 10,000 × 129.35 = 3,793,500.
    await page.locator('.card').filter({ hasText: 'Total estimated cost' }).getByText('KES 3,793,500').waitFor();
    expect(await page.locator('.card').filter({ hasText: 'County government' }).textContent()).toContain('66 % of the total');

    await page.getByRole('button', { name: 'Record a disbursement of Borehole works' }).click();
    panel = drawer(page, 'New disbursement');
    const cycle = await read(shell.api, 'cycle:get', { id: cycleId });
    await fill(panel, { 'Reporting period': 'Q2 (Oct–Dec)', Date: addMonths(cycle.startDate, 4), Amount: '500,000' });
    await saveWithEnter(panel);
    await waitForNotice(page, 'Saved: the disbursement');
    const [payment] = await read(shell.api, 'disbursement:list', { cycleId });
    expect(payment).toMatchObject({ periodKey: 'Q2', amountMinor: 500_000_00 });
    await page.locator('.card').filter({ hasText: 'Disbursed so far' }).getByText('KES 500,000').waitFor();
    await screenshot(page, '18-budget');
  });

  it('adds an indicator, its quarterly targets and an actual, and colours its progress', async () => {
    await openScreen(page, 'Indicators', 'M&E plan');
    let panel = await openAdd(page, 'indicator');
    await fill(panel, {
      Code: 'I1',
      Type: 'Output',
      Indicator: 'Boreholes rehabilitated and solarised',
      'Measurement unit': 'boreholes',
      'Target value': '8',
      'Desired direction': 'Increase',
      'Responsible entity': 'CGI-WEC — County Department of Water',
      Sustainability: 'Water committees pay for repairs from tariffs',
    });
    await screenshot(page, '19-indicator-form-direction');
    await saveWithEnter(panel);
    await waitForNotice(page, 'Saved: the indicator “I1 Boreholes rehabilitated and solarised” was added.');
    expect((await read(shell.api, 'indicator:list', { cycleId }))[0]).toMatchObject({
      direction: 'increase',
      rangeMin: null,
      rangeMax: null,
      sustainability: 'Water committees pay for repairs from tariffs',
    });

    await page
      .getByRole('row', { name: /Boreholes rehabilitated/ })
      .locator('td')
      .first()
      .click();
    panel = drawer(page, /^Indicator: I1/);
    const grid = panel.getByRole('form', { name: 'Targets and actuals of I1' });
    for (const [quarter, target] of [
      ['Q1 (Jul–Sep)', '2'],
      ['Q2 (Oct–Dec)', '2'],
      ['Q3 (Jan–Mar)', '2'],
      ['Q4 (Apr–Jun)', '2'],
    ] as const) {
      await grid.getByLabel(`Target for ${quarter}`).fill(target);
    }
    await grid.getByLabel('Actual for Q1 (Jul–Sep)').fill('1.5');
    // The M&E template's evaluation of the result: its criterion and date.
    await grid.getByLabel('Evaluation criterion for Q1 (Jul–Sep)').selectOption({ label: 'Effectiveness' });
    await grid.getByLabel('Date of evaluation for Q1 (Jul–Sep)').fill('2026-10-16');
    await grid.getByLabel('Actual for Q1 (Jul–Sep)').press('Enter');
    await waitForNotice(page, 'Saved: targets and actuals of I1 (4 periods).');
    const periods = await read(shell.api, 'indicatorPeriod:list', { cycleId });
    expect(periods.map((p) => [p.periodKey, p.target, p.actual, p.evaluationCriterion, p.evaluatedOn]).sort()).toEqual([
      ['Q1', 2, 1.5, 'effectiveness', '2026-10-16'],
      ['Q2', 2, null, null, null],
      ['Q3', 2, null, null, null],
      ['Q4', 2, null, null, null],
    ]);
    // No baseline: 1.5 of 2 is 75%, at risk (60–90%).
    await grid
      .getByRole('table', { name: 'Targets and actuals by period' })
      .getByRole('row', { name: /Q1 \(Jul–Sep\)/ })
      .getByText('At risk')
      .waitFor();
    expect(
      await grid
        .getByRole('table', { name: 'Targets and actuals by period' })
        .getByRole('row', { name: /Q1 \(Jul–Sep\)/ })
        .textContent(),
    ).toContain('75%');
    await panel.locator('.chart--small .recharts-bar-rectangle').first().waitFor();
    await screenshot(page, '19-indicator-progress');
    await panel.getByRole('button', { name: 'Close' }).click();
    await page
      .getByRole('row', { name: /Boreholes rehabilitated/ })
      .getByText('At risk')
      .waitFor();
  });

  it('adds a risk and sees it counted in the heat map', async () => {
    await openScreen(page, 'Risks', 'Heat map');
    const panel = await openAdd(page, 'risk');
    await fill(panel, {
      Code: 'R1',
      Risk: 'Failed short rains raise demand for water and delay works',
      Likelihood: 'High',
      Impact: 'High',
      'Responsible entity': 'CGI-WEC — County Department of Water',
    });
    await panel.getByRole('button', { name: 'Add risk' }).click();
    await waitForNotice(page, 'Saved: the risk “R1 Failed short rains');
    expect((await read(shell.api, 'risk:list', { cycleId })).map((r) => [r.code, r.likelihood, r.impact])).toEqual([['R1', 'high', 'high']]);
    expect(await page.locator('[data-cell="high-high"] .heatmap__count').textContent()).toBe('1');
    expect(await page.locator('[data-cell="low-low"] .heatmap__count').textContent()).toBe('0');
    await screenshot(page, '20-risks');
  });

  it('shows all of it in the overview: budget totals, cost share, indicator status, high risks', async () => {
    await nav(page, 'Overview').click();
    await page.getByRole('heading', { level: 2, name: 'Budget' }).waitFor();
    await page.locator('.card').filter({ hasText: 'Total estimated cost' }).getByText('KES 3,793,500').waitFor();
    expect(await page.locator('.share__legend').textContent()).toContain('County government 66 % · KES 2,500,000');
    expect(await page.locator('[data-status="at_risk"] .status-counts__value').textContent()).toBe('1');
    expect(await page.getByRole('region', { name: 'High risks' }).textContent()).toContain('R1');
    await page.getByRole('figure', { name: 'Budget by contributor, in KES' }).locator('.recharts-bar-rectangle').first().waitFor();
    expect(await page.getByRole('figure', { name: 'Budget by contributor, in KES' }).textContent()).toContain('UDRA');
    await screenshot(page, '21-overview');
  });

  it('keeps reviews, learning and approvals', async () => {
    await openScreen(page, 'Reviews & learning', 'Milestones and reports');
    let panel = await openAdd(page, 'milestone');
    await fill(panel, {
      'Milestone / deliverable': 'Q2 progress report',
      Kind: 'Progress report',
      'Responsible parties': ['CGI-WEC — County Department of Water'],
      'Report format': 'Written report and presentation',
      Audience: 'TWG members and partners',
    });
    await saveWithEnter(panel);
    await waitForNotice(page, 'Q2 progress report');
    panel = await openAdd(page, 'learning log entry');
    await fill(panel, {
      Session: 'Joint monitoring visit',
      'What worked': 'Ward committees mobilised labour',
      'Methods to capture learning': 'Field visit and interviews',
      Timing: 'Quarterly',
      'Expected use': 'Inform the Q3 plan',
      Responsible: 'UDRA — Ustahimilivu Drylands Resilience Activity',
    });
    await panel.getByRole('button', { name: 'Add learning log entry' }).click();
    await waitForNotice(page, 'Saved: the learning log entry');
    panel = await openAdd(page, 'adaptive trigger');
    await fill(panel, {
      Kind: 'Indicator target missed',
      Trigger: 'I1 at 75 % in Q1',
      'Proposed action': 'Move solar pumps forward',
      Priority: 'High',
      Responsible: 'UDRA — Ustahimilivu Drylands Resilience Activity',
    });
    await panel.getByRole('button', { name: 'Add adaptive trigger' }).click();
    await waitForNotice(page, 'Saved: the adaptive trigger');
    expect([
      (await read(shell.api, 'milestone:list', { cycleId })).length,
      (await read(shell.api, 'learningEntry:list', { cycleId })).length,
      (await read(shell.api, 'adaptiveTrigger:list', { cycleId })).length,
    ]).toEqual([1, 1, 1]);
    // The M&E and learning template fields (issue 16 item 5) are saved with their rows.
    expect((await read(shell.api, 'milestone:list', { cycleId }))[0]).toMatchObject({
      format: 'Written report and presentation',
      audience: 'TWG members and partners',
    });
    expect((await read(shell.api, 'learningEntry:list', { cycleId }))[0]).toMatchObject({
      captureMethods: 'Field visit and interviews',
      timing: 'Quarterly',
      expectedUse: 'Inform the Q3 plan',
    });
    expect((await read(shell.api, 'adaptiveTrigger:list', { cycleId }))[0]?.priority).toBe('high');
    await screenshot(page, '22-reviews');

    await openScreen(page, 'Approvals', 'Approval of the plan');
    await page.getByText('Not approved: no signatories listed yet.').waitFor();
    panel = await openAdd(page, 'signatory');
    await fill(panel, {
      Name: 'Abdullahi Wako',
      'Signs as': 'County Secretary',
      Title: 'County Secretary',
      Organisation: 'CGI-WEC — County Department of Water',
    });
    await saveWithEnter(panel);
    await waitForNotice(page, 'Abdullahi Wako');
    await page
      .getByText("Not approved: the list of signatories lacks the CEC Member for Finance & Economic Planning, Development partners' leadership.")
      .waitFor();
    await screenshot(page, '23-approvals');
  });

  it('edits a record with only the changed field, and asks before leaving unsaved changes', async () => {
    await openScreen(page, 'Action plan', 'Action plan');
    await page.locator('[data-activity-row="A1"] td').first().click();
    const panel = drawer(page, /^Activity: A1/);
    await panel.getByLabel('Completion %').fill('30');

    // Leaving for another screen asks first; declining keeps the form as typed.
    page.once('dialog', (dialog) => void dialog.dismiss());
    await nav(page, 'Risks').click();
    await expect.poll(() => page.url()).toContain('/action-plan');
    expect(await panel.getByLabel('Completion %').inputValue()).toBe('30');
    await panel.getByText('Unsaved changes').waitFor();

    await panel.getByLabel('Completion %').press('Enter');
    await waitForNotice(page, 'Saved: the activity “A1');
    expect((await read(shell.api, 'activity:list', { cycleId }))[0]?.completionPct).toBe(30);
    const audit = await read(shell.api, 'audit:list', { cycleId, limit: 1 });
    expect(audit[0]?.action).toBe('update');
    expect(Object.keys((audit[0]?.after as Record<string, unknown>) ?? {})).toContain('completionPct');

    // Esc with unsaved changes asks too; agreeing closes without saving.
    await page.locator('[data-activity-row="A1"] td').first().click();
    await panel.getByLabel('Completion %').fill('99');
    page.once('dialog', (dialog) => void dialog.accept());
    await panel.getByLabel('Completion %').press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect((await read(shell.api, 'activity:list', { cycleId }))[0]?.completionPct).toBe(30);
  });

  it('confirms before deleting, and refuses to delete an organisation other records name', async () => {
    await openScreen(page, 'Stakeholders', 'Influence × interest');
    await page
      .getByRole('row', { name: /CGI-WEC/ })
      .first()
      .locator('td')
      .first()
      .click();
    const panel = drawer(page, 'Organisation: CGI-WEC');
    await panel.getByRole('button', { name: 'Delete…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this organisation?' });
    await dialog.getByRole('button', { name: 'Delete organisation' }).click();
    await dialog
      .getByRole('alert')
      .getByText(/still named in/)
      .waitFor();
    await screenshot(page, '24-delete-refused');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await read(shell.api, 'organisation:list', { cycleId })).toHaveLength(2);
    await panel.getByRole('button', { name: 'Cancel' }).click();

    await openScreen(page, 'Risks', 'Heat map');
    await page.getByRole('row', { name: /R1/ }).locator('td').first().click();
    await drawer(page, /^Risk: R1/)
      .getByRole('button', { name: 'Delete…' })
      .click();
    await page.getByRole('dialog', { name: 'Delete this risk?' }).getByRole('button', { name: 'Delete risk' }).click();
    await waitForNotice(page, 'Deleted: the risk');
    expect(await read(shell.api, 'risk:list', { cycleId })).toEqual([]);
    // The heat map redraws once the list reloads after the deletion.
    await expect.poll(() => page.locator('[data-cell="high-high"] .heatmap__count').textContent()).toBe('0');
  });

  it('reads the audit log, newest first, down to one record’s history', async () => {
    await page.getByRole('link', { name: 'Audit log of this cycle' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const rows = page.getByRole('table', { name: 'Audit log' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(10);
    expect(await rows.first().textContent()).toContain('Deleted');
    expect(await rows.first().textContent()).toContain('Amina Galgalo');
    await screenshot(page, '25-audit-log');
    await rows.filter({ hasText: 'Activity' }).filter({ hasText: 'Changed' }).first().getByRole('button', { name: 'Its history' }).click();
    await expect.poll(() => page.url()).toContain('row=');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain('Completion %: 0 → 30');
  });

  it('backs up, saves the database to a file and restores a backup after saying what happens', async () => {
    await page.getByRole('link', { name: 'Backups' }).click();
    await page.getByRole('heading', { level: 1, name: 'Backups' }).waitFor();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await waitForNotice(page, 'Saved: a backup was taken');
    const table = page.getByRole('table', { name: 'Backups' });
    await table.getByText('Backed up by hand').waitFor();
    await screenshot(page, '26-backups');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save the whole database to a file' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.db$/);

    await table.getByRole('button', { name: 'Restore…' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
    expect(await dialog.textContent()).toContain('The current state is backed up first');
    await screenshot(page, '27-restore-confirm');
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await page.getByRole('heading', { level: 1, name: 'Joint Work Planning cycles' }).waitFor();
    const { backups } = await read(shell.api, 'backup:list', {});
    expect(backups.map((backup) => backup.reason)).toContain('before-restore');
  });
});
