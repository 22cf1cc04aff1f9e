import type { Browser, Page } from 'playwright-core';
import { listAdminUnits } from '../../../main/services/admin-units';
import { loadCycleFile } from '../../../main/services/sample';
import { generateLargePlan, LARGE_PLAN, type LargePlanSize } from '../../../scripts/bench/large-plan';
import { connectChromium } from './shared-chromium';
import { collectPageErrors } from './page-helpers';
import { read } from './register-helpers';
import { ensureRendererBuilt } from './renderer-build';
import { startTestShell, type TestShell } from './web-shell';

export interface GeneratedPlanSession {
  shell: TestShell;
  browser: Browser;
  /** A 1366×768 page, as the officer's laptop shows the app. */
  page: Page;
  /** Console errors and page errors seen so far: a spec expects none. */
  pageErrors: string[];
  /** The generated plan's cycle (Turkana County). */
  cycleId: string;
  close(): Promise<void>;
}

/**
 * The web shell on a fresh database holding the benchmark's generated plan (scripts/bench/large-plan.ts,
 * the whole large plan unless a smaller size is given), a user named, and Chromium open on it.
 */
export async function openGeneratedPlanSession(userName: string, size: LargePlanSize = LARGE_PLAN): Promise<GeneratedPlanSession> {
  await ensureRendererBuilt();
  const shell = await startTestShell();
  const turkana = listAdminUnits(shell.ctx, { level: 'county' }).find((unit) => unit.name === 'Turkana');
  if (!turkana) throw new Error('Turkana County is missing from the administrative units.');
  const wards = listAdminUnits(shell.ctx, { level: 'ward', withinId: turkana.id }).map((unit) => unit.id);
  const cycleId = loadCycleFile(shell.ctx, generateLargePlan(turkana.id, wards, size)).id;
  await read(shell.api, 'app:setUserName', { userName });
  const browser = await connectChromium();
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  return {
    shell,
    browser,
    page,
    pageErrors: collectPageErrors(page),
    cycleId,
    async close() {
      await browser.close();
      await shell.close();
    },
  };
}
