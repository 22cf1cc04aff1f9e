import type { Browser, Page } from 'playwright-core';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { connectChromium } from './shared-chromium';
import { collectPageErrors } from './page-helpers';
import { read } from './register-helpers';
import { ensureRendererBuilt } from './renderer-build';
import { startTestShell, type TestShell } from './web-shell';

export interface SampleSession {
  shell: TestShell;
  browser: Browser;
  /** A 1366×768 page, as the officer's laptop shows the app. */
  page: Page;
  /** Console errors and page errors seen so far: a spec expects none. */
  pageErrors: string[];
  /** Console warnings seen so far: a screen that is done shows none either. */
  pageWarnings: string[];
  cycle: CycleDto;
  close(): Promise<void>;
}

/** The web shell on a fresh database holding the sample cycle, a user named, and Chromium open on it. */
export async function openSampleSession(): Promise<SampleSession> {
  await ensureRendererBuilt();
  const shell = await startTestShell();
  await read(shell.api, 'app:setUserName', { userName: 'Grace Mwenda' });
  const cycle = await read(shell.api, 'cycle:loadSample', {});
  const browser = await connectChromium();
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const pageWarnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') pageWarnings.push(message.text());
  });
  return {
    shell,
    browser,
    page,
    pageErrors: collectPageErrors(page),
    pageWarnings,
    cycle,
    async close() {
      await browser.close();
      await shell.close();
    },
  };
}
