import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fillTemplate, parseWithMailparser } from '../rounds/support';
import { chromiumAvailable } from './support/chromium';
import { connectChromium } from './support/shared-chromium';
import { collectPageErrors, screenshot } from './support/page-helpers';
import { ensureRendererBuilt } from './support/renderer-build';
import { startTestShell, type TestShell } from './support/web-shell';

/**
 * The Reporting round screen on the sample (issue 19): open the Q2 round, take an organisation
 * out, save every request as folders, open one e-mail draft, take in a returned template (and
 * refuse the same file twice), see the returns chart, close and reopen.
 */
describe.skipIf(!chromiumAvailable())('the reporting round in the browser', () => {
  let shell: TestShell;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let folder: string;
  let cycleId = '';
  let requests: Record<string, Uint8Array> = {};

  async function value<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
    const answer = await result;
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  }
  const rows = () => page.getByRole('table', { name: 'Organisations in the round' }).locator('tbody tr');
  const rowOf = (short: string) => rows().filter({ has: page.getByRole('rowheader', { name: short, exact: true }) });
  const suggestedNames: string[] = [];
  const download = async (click: () => Promise<void>, name: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), click()]);
    suggestedNames.push(file.suggestedFilename());
    const target = path.join(folder, name);
    await file.saveAs(target);
    return fs.readFileSync(target);
  };

  beforeAll(async () => {
    await ensureRendererBuilt();
    shell = await startTestShell();
    await value(shell.api('app:setUserName', { userName: 'Amina Wario' }));
    cycleId = (await value(shell.api('cycle:loadSample', {}))).id;
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-round-e2e-'));
    browser = await connectChromium();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true })).newPage();
    pageErrors = collectPageErrors(page);
    await page.goto(`${shell.url}#/cycles/${cycleId}/reporting-round`);
    await page.getByRole('heading', { name: 'Reporting round' }).waitFor();
  }, 240_000);
  afterEach(() => expect(pageErrors.join('\n')).toBe(''));
  afterAll(async () => {
    await browser?.close();
    await shell?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('opens the Q2 round from the navigation, asking every organisation with figures to report', async () => {
    await page.getByText('No reporting round yet.').waitFor();
    await page.getByLabel('Period').selectOption('Q2');
    await page.getByLabel('Returns due').fill('2027-01-15');
    await page.getByLabel('Also ask for learning entries and risk updates').check();
    await page.getByRole('button', { name: 'Open the round' }).click();
    await page.getByText('Q2 (Oct–Dec) round, open, returns due 15 Jan 2027.').waitFor();
    await page.getByText('Learning entries and risk updates are asked too.').waitFor();
    const opened = (await value(shell.api('round:status', { cycleId }))).members;
    expect(opened.find((m) => m.shortName === 'CGI-WEC')?.missingText).toMatch(/risk update.*1 learning entry$/);
    expect(await rows().count()).toBe(12);
    await rowOf('WDC Forum').getByRole('button', { name: 'Take WDC Forum out of the round' }).click();
    await page.getByText('11 organisations asked; 0 returned; 0 late.').waitFor();
    expect((await value(shell.api('round:status', { cycleId }))).members.map((m) => m.shortName)).not.toContain('WDC Forum');
  });

  it('saves every request as one folder per organisation, and one e-mail draft on its own', async () => {
    const zip = await download(() => page.getByRole('button', { name: 'Save all to a folder' }).click(), 'requests.zip');
    requests = unzipSync(new Uint8Array(zip));
    const folders = new Set(Object.keys(requests).map((name) => name.split('/')[0]));
    expect(folders.size).toBe(11);
    expect(Object.keys(requests).filter((name) => name.endsWith('/request.eml'))).toHaveLength(11);
    expect(await rowOf('UDRA').getByLabel('How UDRA is asked').inputValue()).toBe('template');
    await rowOf('UDRA').getByText('Awaited').waitFor();

    const eml = await download(() => rowOf('LBNC').getByRole('button', { name: 'Open email draft' }).click(), 'lbnc.eml');
    const mail = await parseWithMailparser(eml);
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.attachments[0]?.filename).toBe('isiolo-jwp-2026-27-partner-template-lbnc-q2.xlsx');
    // Named as every export is (shared/export-file-name.ts).
    expect(suggestedNames.slice(-2)).toEqual(['isiolo-jwp-2026-27-round-requests-q2.zip', 'isiolo-jwp-2026-27-request-lbnc-q2.eml']);
  });

  it('takes in a returned template through its preview, and refuses the same file twice in plain words', async () => {
    const template = Object.entries(requests).find(([name]) => name.startsWith('CGI-WEC/') && name.endsWith('.xlsx'))?.[1];
    if (!template) throw new Error('no CGI-WEC template in the zip');
    const filled = await fillTemplate(Buffer.from(template), 'Q2');
    const file = path.join(folder, 'wec-q2.xlsx');
    fs.writeFileSync(file, filled.buffer);
    await page.getByLabel('Returned template or bundle (.xlsx, .jwpb)').setInputFiles(file);
    // A disbursement still missing for Q2 and a learning entry are added; actuals, activities and risks change.
    await page.getByText(/CGI-WEC's template: 2 to add, \d+ to change\./).waitFor();
    await page.getByRole('button', { name: 'Take in', exact: true }).click();
    await rowOf('CGI-WEC').getByText('Returned', { exact: true }).waitFor();
    expect(await rowOf('CGI-WEC').textContent()).toContain('wec-q2.xlsx');

    const before = JSON.stringify(await value(shell.api('round:status', { cycleId })));
    await page.getByLabel('Returned template or bundle (.xlsx, .jwpb)').setInputFiles(file);
    await page
      .getByRole('alert')
      .filter({ hasText: /"wec-q2\.xlsx" was not taken in: the same file was already taken in on .* Nothing was written\./ })
      .waitFor();
    expect(JSON.stringify(await value(shell.api('round:status', { cycleId })))).toBe(before);
    await page.getByText('11 organisations asked; 1 returned; 0 late.').waitFor();
    expect(
      await page
        .getByRole('figure', { name: /Returns per organisation/ })
        .locator('svg .recharts-bar-rectangle')
        .count(),
    ).toBeGreaterThan(0);
    await page.getByRole('heading', { name: 'Reporting round' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'reporting-round-1366x768');
  });

  it('closes the round and reopens it', async () => {
    await page.getByRole('button', { name: 'Close the round' }).click();
    await page.getByText(/The Q2 \(Oct–Dec\) round was closed on/).waitFor();
    await page.getByRole('button', { name: 'Reopen the Q2 round' }).click();
    await page.getByText('Q2 (Oct–Dec) round, open, returns due 15 Jan 2027.').waitFor();
  });
});
