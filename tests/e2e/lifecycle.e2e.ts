import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/chromium';
import { connectChromium } from './support/shared-chromium';
import { collectPageErrors, screenshot } from './support/page-helpers';
import { ensureRendererBuilt } from './support/renderer-build';
import { startTestShell, type TestShell } from './support/web-shell';

/**
 * The life of the sample cycle in the browser (issue 6): see its approved version 1, change it, see exactly what
 * changed, re-approve, close it out and roll it into FY 2027/28. Needs the lifecycle screen mounted
 * at #/cycles/<id>/lifecycle (renderer/features/lifecycle/LifecycleScreen.tsx).
 */
describe.skipIf(!chromiumAvailable())('the life of a cycle in the browser', () => {
  let shell: TestShell;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let cycleId: string;

  async function value<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
    const answer = await result;
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  }
  const open = async () => {
    await page.goto(`${shell.url}#/cycles/${cycleId}/lifecycle`);
    // Going to the URL already open changes nothing in a single-page app: read everything afresh.
    await page.reload();
    await page.getByRole('heading', { name: 'Phase and checklist' }).waitFor();
  };

  beforeAll(async () => {
    await ensureRendererBuilt();
    shell = await startTestShell();
    await value(shell.api('app:setUserName', { userName: 'Amina Wario' }));
    cycleId = (await value(shell.api('cycle:loadSample', {}))).id;
    browser = await connectChromium();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    pageErrors = collectPageErrors(page);
  });
  afterEach(() => expect(pageErrors.join('\n')).toBe(''));
  afterAll(async () => {
    await browser?.close();
    await shell?.close();
  });

  it('shows the sample as version 1, approved by the CEC and signed by all three, with the approval step ticked', async () => {
    await open();
    await page.getByText(/The working plan is exactly version 1/).waitFor();
    await page.getByTestId('plan-state').filter({ hasText: 'Version 1 approved' }).first().waitFor();
    expect(await page.getByRole('button', { name: /Approve as version/ }).count()).toBe(0);
    const { versions } = await value(shell.api('version:list', { cycleId }));
    expect(versions.map((v) => [v.number, v.approvedOn, v.signatures.length])).toEqual([[1, '2026-08-27', 3]]);
    // Approval and all three signatures tick two planning steps.
    await page.getByText('Planning: 2 of 7 done').waitFor();
    await screenshot(page, 'lifecycle-sample-approved');
  });

  it('shows that the working plan differs after an edit, and exactly what changed', async () => {
    const activity = (await value(shell.api('activity:list', { cycleId }))).find((a) => a.code === 'A1.4');
    // Progress reported is not a change of plan; a moved end date is.
    await value(shell.api('activity:update', { id: activity?.id ?? '', changes: { status: 'ongoing', completionPct: 15 } }));
    expect((await value(shell.api('version:list', { cycleId }))).working.state).toBe('approved');
    await value(shell.api('activity:update', { id: activity?.id ?? '', changes: { endDate: '2027-06-25' } }));
    await open();
    await page.getByText(/differs from version 1: 1 change not yet approved/).waitFor();
    const diff = page.getByTestId('diff');
    await diff.getByText('A1.4 Sand dams and shallow wells in Chari and Cherab').waitFor();
    expect(await diff.textContent()).toMatch(/End date: 11 Jun 2027 → 25 Jun 2027/);
    await screenshot(page, 'lifecycle-diff');
  });

  it('re-approves as version 2 and records a signature against it', async () => {
    await page.getByRole('button', { name: 'Approve as version 2' }).click();
    // An approval cannot be undone, so it is asked first, and the notice says why it has no Undo.
    const question = page.getByRole('dialog', { name: 'Approve the working plan as version 2?' });
    await question.getByText(/cannot be undone or deleted: it is the record of what the CEC approved/).waitFor();
    await question.getByRole('button', { name: 'Approve version 2' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^.*Version 2 approved: fingerprint .* cannot be undone/ })
      .first()
      .waitFor();
    expect(await page.getByRole('status').locator('.notice').getByRole('button', { name: 'Undo' }).count()).toBe(0);
    await page.getByText(/The working plan is exactly version 2/).waitFor();
    await page.getByRole('button', { name: 'Record signature' }).first().click();
    await page.getByText(/signature recorded on version 2/).waitFor();
    const [, v2] = (await value(shell.api('version:list', { cycleId }))).versions;
    expect(v2?.signatures).toHaveLength(1);
  });

  it('closes out and rolls into FY 2027/28, leaving out one activity; the old cycle is read-only', async () => {
    await page.getByRole('textbox', { name: 'Recommendations agreed' }).fill('Start borehole procurement in Q1');
    await page.getByRole('button', { name: 'Save close-out notes' }).click();
    await page.getByText('Close-out notes saved.').waitFor();
    await page.getByRole('button', { name: 'Roll over…' }).click();
    await page.getByRole('checkbox', { name: /^A1\.5 / }).click();
    await page.getByRole('button', { name: /Roll over into FY 2027\/28 \(22 activities\)/ }).click();
    await page.waitForURL((url) => !url.hash.includes(cycleId));
    const cycles = await value(shell.api('cycle:list', {}));
    const fresh = cycles.find((c) => c.fiscalYear === '2027/28');
    expect(fresh?.title).toBe('Isiolo County Joint Work Plan FY 2027/28');
    expect((await value(shell.api('activity:list', { cycleId: fresh?.id ?? '' }))).map((a) => a.code)).not.toContain('A1.5');
    await open();
    await page.getByText(/is now read-only/).waitFor();
    expect(await page.getByRole('button', { name: /Approve as version/ }).count()).toBe(0);
    await screenshot(page, 'lifecycle-read-only');
  });
});
