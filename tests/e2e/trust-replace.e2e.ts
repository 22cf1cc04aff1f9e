import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/chromium';
import { connectChromium } from './support/shared-chromium';
import { collectPageErrors, screenshot } from './support/page-helpers';
import { read } from './support/register-helpers';
import { ensureRendererBuilt } from './support/renderer-build';
import { startTestShell, type TestShell } from './support/web-shell';

/**
 * UDRA (Ustahimilivu Drylands Resilience Activity) sends a bundle from a second laptop (a new key) to a county that already trusts UDRA's
 * first key. The screen says that trusting it replaces the old key, shows both fingerprints, and
 * asks once more before replacing; only then does the bundle import.
 */
describe.skipIf(!chromiumAvailable())('a partner’s new key in the import screen', () => {
  let county: TestShell;
  const laptops: TestShell[] = [];
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let folder: string;
  let cycleId = '';
  let file = '';
  let oldFingerprint = '';
  let newFingerprint = '';

  /** A UDRA laptop that starts from the county's UDRA part and sends its own part back. */
  const udraLaptop = async (udraId: string) => {
    const shell = await startTestShell();
    laptops.push(shell);
    await read(shell.api, 'app:setUserName', { userName: 'Yusuf Hirsi' });
    const part = await read(county.api, 'bundle:export', { cycleId, kind: 'partner', partnerOrgId: udraId });
    const { sender } = await read(shell.api, 'bundle:preview', { base64: part.base64 });
    await read(shell.api, 'bundle:trust', { base64: part.base64, fingerprint: sender?.fingerprint ?? '' });
    await read(shell.api, 'bundle:apply', { base64: part.base64 });
    const code = `RU${laptops.length}`;
    await read(shell.api, 'risk:create', { cycleId, code, description: 'Pump theft at night', likelihood: 'low', impact: 'medium', responsibleOrgId: udraId });
    return read(shell.api, 'bundle:export', { cycleId, kind: 'partner', partnerOrgId: udraId });
  };

  beforeAll(async () => {
    await ensureRendererBuilt();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-trust-e2e-'));
    county = await startTestShell();
    await read(county.api, 'app:setUserName', { userName: 'Amina Wario' });
    cycleId = (await read(county.api, 'cycle:loadSample', {})).id;
    const udraId = (await read(county.api, 'organisation:list', { cycleId })).find((o) => o.shortName === 'UDRA')?.id ?? '';
    const first = await udraLaptop(udraId);
    oldFingerprint = first.fingerprint;
    await read(county.api, 'bundle:trust', { base64: first.base64, fingerprint: first.fingerprint });
    const second = await udraLaptop(udraId);
    newFingerprint = second.fingerprint;
    file = path.join(folder, second.fileName);
    fs.writeFileSync(file, Buffer.from(second.base64, 'base64'));
    browser = await connectChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    pageErrors = collectPageErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await county?.close();
    for (const shell of laptops) await shell.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('names both fingerprints, asks, and replaces the key only when the officer confirms', async () => {
    await page.goto(`${county.url}#/cycles/${cycleId}/exchange`);
    const panel = page.getByRole('region', { name: 'Receive a bundle' });
    await panel.getByLabel('Bundle file (.jwpb)').setInputFiles(file);
    const warning = panel.getByRole('alert').filter({ hasText: 'replaces the key' });
    await warning.waitFor();
    const said = (await warning.textContent()) ?? '';
    expect(said).toContain(oldFingerprint);
    expect(said).toMatch(/Trusting this new key replaces it, and bundles signed with the old key will be refused from then on/);
    expect(await panel.textContent()).toContain(newFingerprint);
    await warning.scrollIntoViewIfNeeded();
    await screenshot(page, '61-new-partner-key-warning');
    await panel.getByLabel('They read me the same fingerprint.').check();
    await panel.getByRole('button', { name: 'Replace their key…' }).click();
    const dialog = page.getByRole('dialog', { name: /^Replace .*’s key\?$/ });
    await dialog.waitFor();
    await screenshot(page, '62-replace-partner-key');
    // Cancel first: nothing changes.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await read(county.api, 'bundle:keys', {})).trusted.map((k) => k.fingerprint)).toContain(oldFingerprint);
    await panel.getByRole('button', { name: 'Replace their key…' }).click();
    await dialog.getByRole('button', { name: 'Replace the key' }).click();
    await panel.getByText(/^Ready to import from Ustahimilivu Drylands Resilience Activity .*: 1 row to add/).waitFor();
    const trusted = (await read(county.api, 'bundle:keys', {})).trusted.map((k) => k.fingerprint);
    expect(trusted).toContain(newFingerprint);
    expect(trusted).not.toContain(oldFingerprint);
    expect(pageErrors.join('\n')).toBe('');
  });
});
