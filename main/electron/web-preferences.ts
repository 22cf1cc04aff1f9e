import type { WebPreferences } from 'electron';

/**
 * The window's renderer is a web page with no Node: isolated from the preload, sandboxed by the OS,
 * same-origin rules on. Its only door to the data is the preload's `invoke`. DevTools exist in
 * development only: in a packaged app they would let anyone at the keyboard call the API by hand.
 * A test pins these values.
 */
export function hardenedWebPreferences(preload: string, options: { isPackaged: boolean }) {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    devTools: !options.isPackaged,
    preload,
  } as const satisfies WebPreferences;
}
