import { describe, expect, it } from 'vitest';
import { hardenedWebPreferences } from '../../main/electron/web-preferences';

describe('hardenedWebPreferences', () => {
  it('isolates and sandboxes the page, with no Node in it', () => {
    const preferences = hardenedWebPreferences('/app/out/electron/preload.cjs', { isPackaged: true });
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      allowRunningInsecureContent: false,
      preload: '/app/out/electron/preload.cjs',
    });
    expect(preferences.webSecurity).not.toBe(false);
  });

  it('has DevTools in development only, never in a packaged app', () => {
    expect(hardenedWebPreferences('p', { isPackaged: true }).devTools).toBe(false);
    expect(hardenedWebPreferences('p', { isPackaged: false }).devTools).toBe(true);
  });
});
