import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_API_PREFIX, HTTP_TOKEN_HEADER, HTTP_TOKEN_META } from '../../shared/api/contract';
import { chromiumAvailable } from './support/chromium';
import { connectChromium } from './support/shared-chromium';
import { collectPageErrors, screenshot } from './support/page-helpers';
import { read } from './support/register-helpers';
import { ensureRendererBuilt } from './support/renderer-build';
import { startTestShell, type TestShell } from './support/web-shell';

/**
 * A .jwpb opened from Explorer goes straight to its import preview, whether it started the desktop
 * app (first instance: the preload holds the file until the page listens) or was opened while the
 * app was running (second instance: the file arrives at any moment). The page is the real renderer;
 * in place of Electron's preload, an init script gives it the same bridge — `invoke` over the web
 * shell's API, and `onOpenBundle` — so the page takes its Electron path.
 */
describe.skipIf(!chromiumAvailable())('opening a bundle file from Explorer', () => {
  let county: TestShell;
  let partner: TestShell;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let cycleId = '';
  let file = { fileName: '', base64: '' };

  /** The preload's bridge as main/electron/preload.ts builds it, with a file waiting when `waiting` is given. */
  const openWithBridge = async (waiting: typeof file | null) => {
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    pageErrors = collectPageErrors(page);
    await page.addInitScript(
      ({ waiting, prefix, header, meta }) => {
        let deliver: ((file: unknown) => void) | null = null;
        let pending = waiting;
        const token = () => document.querySelector(`meta[name="${meta}"]`)?.getAttribute('content') ?? '';
        Object.assign(window, {
          pamoja: {
            shell: 'electron',
            invoke: async (method: string, input: unknown) =>
              (
                await fetch(`${prefix}${encodeURIComponent(method)}`, {
                  method: 'POST',
                  headers: { 'content-type': 'application/json', [header]: token() },
                  body: JSON.stringify(input),
                })
              ).json(),
            onOpenBundle: (callback: (file: unknown) => void) => {
              deliver = callback;
              if (pending) callback(pending);
              pending = null;
            },
          },
          // What main.ts's second-instance handler does: send the file to the running page.
          openFromExplorer: (opened: unknown) => deliver?.(opened),
        });
      },
      { waiting, prefix: HTTP_API_PREFIX, header: HTTP_TOKEN_HEADER, meta: HTTP_TOKEN_META },
    );
  };

  beforeAll(async () => {
    await ensureRendererBuilt();
    county = await startTestShell();
    partner = await startTestShell();
    await read(county.api, 'app:setUserName', { userName: 'Amina Wario' });
    await read(partner.api, 'app:setUserName', { userName: 'Yusuf Hirsi' });
    cycleId = (await read(county.api, 'cycle:loadSample', {})).id;
    const exported = await read(county.api, 'bundle:export', { cycleId, kind: 'full', partnerOrgId: null });
    file = { fileName: exported.fileName, base64: exported.base64 };
    browser = await connectChromium();
  });

  afterEach(async () => {
    expect(pageErrors.join('\n')).toBe('');
    await page.close();
  });

  afterAll(async () => {
    await browser?.close();
    await county?.close();
    await partner?.close();
  });

  it('started by the file: the app opens on its preview, and it imports after the fingerprint check', async () => {
    await openWithBridge(file);
    await page.goto(partner.url);
    await page.getByRole('heading', { level: 1, name: `Import ${file.fileName}` }).waitFor();
    expect(page.url()).toMatch(/#\/import$/);
    const panel = page.getByRole('region', { name: 'Bundle preview' });
    await panel.getByText(/Not imported yet: this file is signed by .* with a key this computer does not trust yet/).waitFor();
    await screenshot(page, '60-opened-bundle-untrusted');
    await panel.getByLabel('They read me the same fingerprint.').check();
    await panel.getByRole('button', { name: 'Trust this sender' }).click();
    await panel.getByText(/This adds the cycle/).waitFor();
    await panel.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('heading', { level: 2, name: 'Exchange with partners' }).waitFor();
    expect(page.url()).toContain(`#/cycles/${cycleId}/exchange`);
    expect((await read(partner.api, 'cycle:list', {})).map((c) => c.id)).toEqual([cycleId]);
  });

  it('opened while the app is running: the window goes to the new file’s preview', async () => {
    await openWithBridge(null);
    await page.goto(`${partner.url}#/backups`);
    await page.getByRole('heading', { level: 1, name: /Backups/ }).waitFor();
    await page.evaluate((opened) => (window as unknown as { openFromExplorer(f: unknown): void }).openFromExplorer(opened), file);
    await page.getByRole('heading', { level: 1, name: `Import ${file.fileName}` }).waitFor();
    await page
      .getByRole('region', { name: 'Bundle preview' })
      .getByText(/Nothing to import: everything in this bundle .* is already here/)
      .waitFor();
    await screenshot(page, '61-opened-bundle-second-instance');
  });
});
