import { pathToFileURL } from 'node:url';
import { app, dialog, ipcMain, session, type BrowserWindow } from 'electron';
import { IPC_CHANNEL } from '../../shared/api/contract';
import { openApp } from '../app-context';
import { APP_NAME, appDataDir, defaultDbPath } from '../app-data';
import { closeDb } from '../db/open-db';
import type { AppContext } from '../services/context';
import { createDispatcher } from '../transport/dispatcher';
import { answerIpcCall } from './ipc-answer';
import { parseDbArg } from './launch-options';
import { shellPaths } from './shell-paths';
import { isTrustedSender } from './trusted-url';
import { createMainWindow } from './window';

// Electron would name the data folder after package.json's "name"; the CLI and the web shell use
// appDataDir(), so all three open the same database and the single-instance lock lives there too.
app.setName(APP_NAME);
app.setPath('userData', appDataDir());

let mainWindow: BrowserWindow | null = null;

// Two windows on one SQLite file would race each other's writes: a second start focuses the first.
if (app.requestSingleInstanceLock()) {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // One window: closing it ends the app on every platform, so the database is always closed cleanly.
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (error: unknown) => stopWithError('Pamoja JWP could not start', String(error)));
} else {
  app.quit();
}

function start(): void {
  const paths = shellPaths({ appPath: app.getAppPath(), isPackaged: app.isPackaged, resourcesPath: process.resourcesPath });
  const dbArg = parseDbArg(process.argv, process.cwd());
  if (!dbArg.ok) return stopWithError('Pamoja JWP could not start', dbArg.message);
  const file = dbArg.file ?? defaultDbPath();

  let ctx: AppContext;
  try {
    ctx = openApp({ file, resourcesDir: paths.resourcesDir });
  } catch (error) {
    return stopWithError('Pamoja JWP could not open its database', `${file}\n\n${error instanceof Error ? error.message : String(error)}`);
  }
  app.on('will-quit', () => closeDb(ctx.db));

  // The app needs no camera, location, notifications or the like: every request is refused.
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  const appUrl = pathToFileURL(paths.indexHtml).href;
  const dispatch = createDispatcher(ctx);
  ipcMain.handle(IPC_CHANNEL, (event, method: unknown, input: unknown) => {
    const frame = event.senderFrame;
    const trusted =
      mainWindow !== null &&
      event.sender.id === mainWindow.webContents.id &&
      frame !== null &&
      frame.parent === null &&
      isTrustedSender(frame.url, appUrl);
    return answerIpcCall(dispatch, trusted, method, input);
  });

  mainWindow = createMainWindow(paths, appUrl);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/** A plain message box instead of a stack trace, then a non-zero exit. */
function stopWithError(title: string, detail: string): void {
  dialog.showErrorBox(title, detail);
  app.exit(1);
}
