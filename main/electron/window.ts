import { BrowserWindow, dialog, screen } from 'electron';
import { APP_NAME } from '../app-data';
import { APP_ENTRY_URL } from './app-protocol';
import { MIN_WINDOW_SIZE, initialWindowSize, type ShellPaths } from './shell-paths';
import { hardenedWebPreferences } from './web-preferences';

/**
 * The one window, showing the app's own page from app://pamoja. What it may open or navigate to
 * is decided for every web contents at once (guard.ts).
 */
export function createMainWindow(paths: ShellPaths, options: { isPackaged: boolean }): BrowserWindow {
  const window = new BrowserWindow({
    ...initialWindowSize(screen.getPrimaryDisplay().workAreaSize),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: APP_NAME,
    icon: paths.icon,
    show: false,
    webPreferences: hardenedWebPreferences(paths.preload, options),
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    dialog.showErrorBox(
      `${APP_NAME} could not show its screens`,
      `${paths.rendererDir}/index.html could not be loaded (${error instanceof Error ? error.message : String(error)}). Run "npm run build" and start again.`,
    );
  });
  return window;
}
