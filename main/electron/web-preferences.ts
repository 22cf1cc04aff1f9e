import type { WebPreferences } from 'electron';

/**
 * The window's renderer is a web page with no Node: isolated from the preload, sandboxed by the OS,
 * same-origin rules on. Its only door to the data is the preload's `invoke`. A test pins these values.
 */
export function hardenedWebPreferences(preload: string) {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    preload,
  } as const satisfies WebPreferences;
}
