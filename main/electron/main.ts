import { pathToFileURL } from 'node:url';
import { app, dialog, ipcMain, session, type BrowserWindow } from 'electron';
import { IPC_CHANNEL } from '../../shared/api/contract';
import { migrationsFolderIn, openApp } from '../app-context';
import { APP_NAME, appDataDir, defaultDbPath } from '../app-data';
import { backupsDirFor, listBackups, quarantineDatabase, replaceDatabaseFile, verifyDatabaseFile } from '../db/backup';
import { closeDb, DatabaseDamagedError } from '../db/open-db';
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
// Date fields follow the browser locale; en-GB shows 25/11/2026 as Kenyans write it, not 11/25/2026.
app.commandLine.appendSwitch('lang', 'en-GB');
app.setPath('userData', appDataDir());

let mainWindow: BrowserWindow | null = null;

// Two windows on one SQLite file would race each other's writes: a second start focuses the first.
if (app.requestSingleInstanceLock()) {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    void dialog.showMessageBox(mainWindow, {
      type: 'info',
      message: 'Pamoja JWP is already open.',
      detail: 'Only one window works on the database at a time, so the copy you just started has closed and this window came forward.',
    });
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
    ctx = openWithRecovery(file, paths.resourcesDir);
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
      mainWindow !== null && event.sender.id === mainWindow.webContents.id && frame !== null && frame.parent === null && isTrustedSender(frame.url, appUrl);
    return answerIpcCall(dispatch, trusted, method, input);
  });

  mainWindow = createMainWindow(paths, appUrl);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/**
 * Opens the database with a daily backup. A damaged file is set aside (never written to, never
 * deleted) and the user is offered the newest good backup in its place.
 */
function openWithRecovery(file: string, resourcesDir: string): AppContext {
  try {
    return openApp({ file, resourcesDir, dailyBackup: true });
  } catch (error) {
    if (!(error instanceof DatabaseDamagedError)) throw error;
    const aside = quarantineDatabase(file, new Date());
    const newest = listBackups(backupsDirFor(file)).find((backup) => verifyDatabaseFile(backup.file, migrationsFolderIn(resourcesDir)).length === 0);
    if (!newest) throw new Error(`${error.message}\nIt was set aside as ${aside}. No good backup was found.`);
    const choice = dialog.showMessageBoxSync({
      type: 'warning',
      title: 'The database is damaged',
      message: 'Pamoja JWP found its database damaged and has set it aside unchanged.',
      detail: `Damaged file kept as:\n${aside}\n\nThe newest good backup is from ${newest.takenAt.slice(0, 16).replace('T', ' ')} UTC. Work entered after it will need to be entered again.`,
      buttons: ['Restore the newest backup', 'Quit'],
      defaultId: 0,
      cancelId: 1,
    });
    if (choice !== 0) throw new Error(`The damaged database was set aside as ${aside}; nothing was restored.`);
    replaceDatabaseFile(file, newest.file, migrationsFolderIn(resourcesDir));
    return openApp({ file, resourcesDir, dailyBackup: true });
  }
}

/** A plain message box instead of a stack trace, then a non-zero exit. */
function stopWithError(title: string, detail: string): void {
  dialog.showErrorBox(title, detail);
  app.exit(1);
}
