import { BrowserWindow, dialog, screen, shell } from 'electron';
import { APP_NAME } from '../app-data';
import { MIN_WINDOW_SIZE, initialWindowSize, type ShellPaths } from './shell-paths';
import { isSafeExternalUrl, isTrustedSender } from './trusted-url';
import { hardenedWebPreferences } from './web-preferences';

/**
 * The one window. It shows only the app's own page: new windows are refused, navigation away is
 * cancelled, and a web link goes to the system browser only after the user confirms it.
 */
export function createMainWindow(paths: ShellPaths, appUrl: string): BrowserWindow {
  const window = new BrowserWindow({
    ...initialWindowSize(screen.getPrimaryDisplay().workAreaSize),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: APP_NAME,
    icon: paths.icon,
    show: false,
    webPreferences: hardenedWebPreferences(paths.preload),
  });
  window.once('ready-to-show', () => window.show());

  const { webContents } = window;
  webContents.setWindowOpenHandler(({ url }) => {
    offerInBrowser(window, url);
    return { action: 'deny' };
  });
  webContents.on('will-navigate', (event) => {
    if (isTrustedSender(event.url, appUrl)) return;
    event.preventDefault();
    offerInBrowser(window, event.url);
  });
  webContents.on('will-attach-webview', (event) => event.preventDefault());

  window.loadFile(paths.indexHtml).catch((error: unknown) => {
    dialog.showErrorBox(
      `${APP_NAME} could not show its screens`,
      `${paths.indexHtml} could not be loaded (${error instanceof Error ? error.message : String(error)}). Run "npm run build" and start again.`,
    );
  });
  return window;
}

/** Asks before handing a web link to the system browser; anything but http(s) is silently dropped. */
function offerInBrowser(window: BrowserWindow, url: string): void {
  if (!isSafeExternalUrl(url)) return;
  dialog
    .showMessageBox(window, {
      type: 'question',
      title: APP_NAME,
      message: 'Open this link in your web browser?',
      detail: url,
      buttons: ['Open in browser', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
    })
    .then(({ response }) => (response === 0 ? shell.openExternal(url) : undefined))
    .catch((error: unknown) => console.error(`Could not open ${url}: ${String(error)}`));
}
