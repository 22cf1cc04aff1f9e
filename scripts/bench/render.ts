import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { rendererBuildDir } from '../../main/resource-paths';
import { registerServices } from '../../main/services/index';
import { createDispatcher } from '../../main/transport/dispatcher';
import { startWebShell } from '../../main/transport/http-server';
import { chromiumPath, launchChromium } from '../../tests/e2e/support/chromium';
import { ensureRendererBuilt } from '../../tests/e2e/support/renderer-build';
import type { BenchSection } from './sections';

/** The marks the action plan leaves once its first rows are painted, and once every activity is read (renderer/features/action-plan). */
const PAINTED = 'pamoja:action-plan:painted';
const COMPLETE = 'pamoja:action-plan:complete';

export interface ActionPlanTiming {
  /** From the click that opens the screen to its rows on screen: reads, checks and drawing. */
  totalMs: number;
  /** From the last answer of the API before the paint to the rows on screen: React's render and the paint. */
  renderMs: number;
  /** From the click to every activity read and drawn (the pages after the first are read behind the first screen). */
  completeMs: number;
  /** Table rows in the page: the virtual list draws only those in view. */
  rowsDrawn: number;
}

/**
 * Opens the action plan of a cycle from another screen, as a user would, and times its first
 * render. The page must already show a screen of that cycle (the cycle itself is read once).
 */
export async function timeActionPlan(page: Page, cycleId: string): Promise<ActionPlanTiming> {
  await page.evaluate(
    ({ hash }) => {
      performance.clearMarks();
      performance.clearResourceTimings();
      performance.mark('bench:open');
      window.location.hash = hash;
    },
    { hash: `#/cycles/${cycleId}/action-plan` },
  );
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, PAINTED, { timeout: 60_000 });
  const rowsDrawn = await page.evaluate(() => document.querySelectorAll('[data-activity-row]').length);
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, COMPLETE, { timeout: 60_000 });
  const timing = await page.evaluate(
    ({ painted: paintedName, complete: completeName }) => {
      const open = performance.getEntriesByName('bench:open')[0]?.startTime ?? 0;
      const painted = performance.getEntriesByName(paintedName)[0]?.startTime ?? 0;
      const complete = performance.getEntriesByName(completeName)[0]?.startTime ?? 0;
      const answers = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/api/'));
      const ends = answers.map((entry) => (entry instanceof PerformanceResourceTiming ? entry.responseEnd : entry.startTime + entry.duration));
      const lastAnswer = Math.max(open, ...ends.filter((end) => end <= painted));
      return { totalMs: painted - open, renderMs: painted - lastAnswer, completeMs: complete - open };
    },
    { painted: PAINTED, complete: COMPLETE },
  );
  return { ...timing, rowsDrawn };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Opens the action plan `runs` times (away to the objectives and back) and reports the first and the median. */
export async function measureActionPlan(
  page: Page,
  baseUrl: string,
  cycleId: string,
  runs = 5,
): Promise<{ first: ActionPlanTiming; median: ActionPlanTiming }> {
  await page.goto(`${baseUrl}#/cycles/${cycleId}/objectives`);
  await page.getByRole('heading', { level: 2, name: /^Objectives and priority areas/ }).waitFor({ timeout: 60_000 });
  const timings: ActionPlanTiming[] = [];
  for (let run = 0; run < runs; run++) {
    if (run > 0) {
      await page.evaluate((hash) => (window.location.hash = hash), `#/cycles/${cycleId}/objectives`);
      await page.getByRole('heading', { level: 2, name: /^Objectives and priority areas/ }).waitFor({ timeout: 60_000 });
    }
    timings.push(await timeActionPlan(page, cycleId));
  }
  const [first] = timings;
  if (!first) throw new Error('No run of the action plan was timed.');
  return {
    first,
    median: {
      totalMs: median(timings.map((t) => t.totalMs)),
      renderMs: median(timings.map((t) => t.renderMs)),
      completeMs: median(timings.map((t) => t.completeMs)),
      rowsDrawn: first.rowsDrawn,
    },
  };
}

/** `npm run bench`: the action plan of the large plan (5,000 activities) in Debian's Chromium, at 1366×768. */
export const renderBench: BenchSection = {
  title: 'Screens (Chromium, 1366×768)',
  async run({ ctx, cycleId, line, fmt }) {
    if (!fs.existsSync(chromiumPath)) {
      line('action plan first render', `skipped: ${chromiumPath} is missing (apt-get install chromium)`);
      return;
    }
    await ensureRendererBuilt();
    const shell = await startWebShell({ dispatch: createDispatcher(ctx), staticDir: rendererBuildDir });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      const activities = registerServices.activity.list(ctx, { cycleId }).length;
      const { first, median: typical } = await measureActionPlan(page, shell.url, cycleId);
      line(`action plan (${fmt(activities)} activities): open → first page painted`, `${fmt(first.totalMs)} ms first, ${fmt(typical.totalMs)} ms median of 5`);
      line('  of which render + paint after the data', `${fmt(first.renderMs)} ms first, ${fmt(typical.renderMs)} ms median (target < 1,000 ms)`);
      line('  open → every activity read and drawn', `${fmt(first.completeMs)} ms first, ${fmt(typical.completeMs)} ms median`);
      line('  table rows in the page (virtualised)', fmt(first.rowsDrawn));
    } finally {
      await browser.close();
      await shell.close();
    }
  },
};
