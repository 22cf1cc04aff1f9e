import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CycleDto } from '../../shared/api/schemas/cycle';
import { overlapClustersCsv } from '../../shared/analysis/overlap-clusters-csv';
import { toKesMinor, formatMoney } from '../../shared/money';
import { chromiumAvailable } from './support/chromium';
import { connectChromium } from './support/shared-chromium';
import { collectPageErrors, screenshot } from './support/page-helpers';
import { drawer, read } from './support/register-helpers';
import { ensureRendererBuilt } from './support/renderer-build';
import { startTestShell, type TestShell } from './support/web-shell';

/**
 * Every screen of the Isiolo sample cycle at 1366×768, photographed for review, and the five
 * charts checked against the sample's own figures read through the API.
 */
describe.skipIf(!chromiumAvailable())('the sample cycle, screen by screen', () => {
  let shell: TestShell;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let cycle: CycleDto;
  const go = async (screen: string, heading: string | RegExp) => {
    await page.goto(`${shell.url}#/cycles/${cycle.id}${screen ? `/${screen}` : ''}`);
    await page.getByRole('heading', { level: 2, name: heading }).first().waitFor();
  };

  beforeAll(async () => {
    await ensureRendererBuilt();
    shell = await startTestShell();
    await read(shell.api, 'app:setUserName', { userName: 'Grace Mwenda' });
    cycle = await read(shell.api, 'cycle:loadSample', {});
    browser = await connectChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    pageErrors = collectPageErrors(page);
  });

  afterEach(() => {
    expect(pageErrors.join('\n')).toBe('');
  });

  afterAll(async () => {
    await browser?.close();
    await shell?.close();
  });

  it('overview: budget totals and both budget charts match the registers', async () => {
    const [lines, activities, orgs] = await Promise.all([
      read(shell.api, 'contribution:list', { cycleId: cycle.id }),
      read(shell.api, 'activity:list', { cycleId: cycle.id }),
      read(shell.api, 'organisation:list', { cycleId: cycle.id }),
    ]);
    const cancelled = new Set(activities.filter((a) => a.status === 'cancelled').map((a) => a.id));
    const counted = lines.filter((line) => !line.activityId || !cancelled.has(line.activityId));
    const total = counted.reduce((sum, line) => sum + toKesMinor(line, cycle.kesPerUsdScaled), 0);
    await go('', 'Budget');
    await page
      .locator('.card')
      .filter({ hasText: 'Total estimated cost' })
      .getByText(formatMoney({ amountMinor: total, currency: 'KES' }, { cents: 'never' }))
      .waitFor();
    await screenshot(page, '30-sample-overview');
    const contributors = new Set(counted.map((line) => line.contributorOrgId));
    const byContributor = page.getByRole('figure', { name: 'Budget by contributor, in KES' });
    await byContributor.locator('.recharts-yAxis-tick-labels, .recharts-cartesian-axis-ticks').first().waitFor();
    const names = orgs.filter((org) => contributors.has(org.id)).map((org) => org.shortName || org.name);
    for (const name of names) expect(await byContributor.textContent()).toContain(name);
    expect(await page.getByRole('figure', { name: 'Budget by sector, in KES' }).textContent()).toContain('Water & WASH');
  });

  it('stakeholders: a labelled point per organisation', async () => {
    await go('stakeholders', 'Influence × interest');
    const orgs = await read(shell.api, 'organisation:list', { cycleId: cycle.id });
    await expect.poll(() => page.locator('.quadrant-point').count()).toBe(orgs.length);
    expect(await page.locator('.quadrant-point text').allTextContents()).toEqual(expect.arrayContaining(orgs.map((org) => org.shortName.slice(0, 15))));
    await screenshot(page, '31-sample-stakeholders');
  });

  it('objectives and the action plan with its timeline', async () => {
    await go('objectives', /^Objectives and priority areas/);
    await screenshot(page, '32-sample-objectives');
    await go('action-plan', /^Action plan/);
    await screenshot(page, '33-sample-action-plan');
    await page.getByRole('tab', { name: 'Timeline' }).click();
    const activities = await read(shell.api, 'activity:list', { cycleId: cycle.id });
    // One 30-pixel row per activity, of which only those near the view are drawn.
    await page.locator('.timeline__row').first().waitFor();
    expect(await page.locator('.timeline__canvas').evaluate((element) => (element instanceof HTMLElement ? element.style.height : ''))).toBe(
      `${activities.length * 30}px`,
    );
    // A1.1 runs 3 Aug 2026 – 26 Feb 2027: its bar starts 33 days into the 365-day year.
    const bar = page.locator('[data-timeline-row="A1.1"] .timeline__bar');
    expect(await bar.evaluate((element) => (element instanceof HTMLElement ? parseFloat(element.style.left) : 0))).toBeCloseTo((33 / 365) * 100, 3);
    await screenshot(page, '34-sample-timeline');
  });

  it('budget, with the cost-share grid and the planned-vs-disbursed chart', async () => {
    await go('budget', 'Cost-share budget');
    await screenshot(page, '35-sample-budget');
    await page.getByRole('heading', { name: 'Planned and disbursed per period' }).scrollIntoViewIfNeeded();
    expect(await page.getByRole('figure', { name: 'Planned and disbursed per reporting period, in KES' }).textContent()).toContain('Q1 (Jul–Sep)');
    await screenshot(page, '36-sample-budget-periods');
    await page.getByRole('heading', { name: 'Contributions per activity' }).evaluate((element) => element.scrollIntoView());
    await screenshot(page, '37-sample-cost-share-grid');
  });

  it('indicators: progress per period, coloured by the 90 % / 60 % rule; GAM rising is off track, as in the report', async () => {
    await go('indicators', /^M&E plan/);
    await screenshot(page, '38-sample-indicators');
    await page
      .getByRole('row', { name: /Global acute malnutrition/ })
      .locator('td')
      .first()
      .click();
    const panel = drawer(page, /^Indicator: I2\.1/);
    const q1 = panel.getByRole('table', { name: 'Targets and actuals by period' }).getByRole('row', { name: /Q1 \(Jul–Sep\)/ });
    // Baseline 15.1 %, Q1 target 15 %, actual 15.6 %: it moved away from the target — -500%, off track,
    // the figure the M&E report and the workbook print.
    expect(await q1.textContent()).toContain('-500%');
    expect(await q1.textContent()).toContain('0.6 points worse than target');
    await q1.getByText('Off track').waitFor();
    await panel.locator('.chart--small .recharts-bar-rectangle').first().waitFor();
    await screenshot(page, '39-sample-indicator-drawer');
  });

  it('risks: the heat map counts every open risk in its cell', async () => {
    await go('risks', 'Heat map');
    const risks = await read(shell.api, 'risk:list', { cycleId: cycle.id });
    for (const likelihood of ['low', 'medium', 'high'] as const) {
      for (const impact of ['low', 'medium', 'high'] as const) {
        const expected = risks.filter((r) => r.status !== 'closed' && r.likelihood === likelihood && r.impact === impact).length;
        expect(await page.locator(`[data-cell="${likelihood}-${impact}"] .heatmap__count`).textContent(), `${likelihood} × ${impact}`).toBe(String(expected));
      }
    }
    await screenshot(page, '42-sample-risks');
  });

  it('analysis: likely duplicates grouped into a cluster with its money at stake, and its CSV', async () => {
    const report = await read(shell.api, 'overlap:clusters', { cycleId: cycle.id });
    const [cluster] = report.clusters;
    expect(cluster?.activities.map((a) => a.code)).toEqual(['A1.1', 'A1.2']);
    await go('analysis/overlaps', 'Duplication and overlap');
    const card = page.getByRole('listitem', { name: 'Cluster 1' });
    await card.scrollIntoViewIfNeeded();
    await card.getByText(formatMoney({ amountMinor: cluster?.plannedKesMinor ?? -1, currency: 'KES' }, { cents: 'never' })).waitFor();
    for (const activity of cluster?.activities ?? []) await card.getByText(`${activity.code} ${activity.title}`).waitFor();
    await screenshot(page, '47-sample-overlap-clusters');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download clusters (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe('isiolo-jwp-2026-27-overlap-clusters.csv');
    // The browser is the run's shared one (shared-chromium.ts): a download is saved, not read in place.
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-e2e-clusters-'));
    const file = path.join(folder, download.suggestedFilename());
    await download.saveAs(file);
    expect(fs.readFileSync(file, 'utf8')).toBe(overlapClustersCsv(report));
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('reviews, approvals, backups and the audit log', async () => {
    await go('reviews', /^Milestones and reports/);
    await screenshot(page, '43-sample-reviews');
    await go('approvals', 'Approval of the plan');
    // The sample's version 1 is signed by all three signatories (28 Aug 2026).
    await page.getByText('Approved: all 3 signatories have signed.').waitFor();
    await screenshot(page, '44-sample-approvals');
    await page.goto(`${shell.url}#/backups`);
    await page.getByRole('heading', { level: 1, name: 'Backups' }).waitFor();
    await screenshot(page, '45-backups-empty');
    await page.goto(`${shell.url}#/audit?cycle=${cycle.id}`);
    await page.getByRole('table', { name: 'Audit log' }).waitFor();
    await screenshot(page, '46-sample-audit-log');
  });
});
