import fs from 'node:fs';
import path from 'node:path';
import { app, dialog, ipcMain, protocol, type BrowserWindow } from 'electron';
import { IPC_CHANNEL } from '../../shared/api/contract';
import { migrationsFolderIn, openApp } from '../app-context';
import { APP_NAME, appDataDir, defaultDbPath } from '../app-data';
import { BUNDLE_LIMITS } from '../bundles/limits';
import { backupsDirFor, listBackups, quarantineDatabase, replaceDatabaseFile, verifyDatabaseFile } from '../db/backup';
import { closeDb, DatabaseDamagedError } from '../db/open-db';
import type { AppContext } from '../services/context';
import { createDispatcher } from '../transport/dispatcher';
import { APP_SCHEME, resolveAppRequest } from './app-protocol';
import { OPEN_BUNDLE_CHANNEL } from './channels';
import { guardEveryWebContents } from './guard';
import { answerIpcCall } from './ipc-answer';
import { parseDbArg } from './launch-options';
import { bundleFileFromArgv } from './opened-file';
import { shellPaths } from './shell-paths';
import { isTrustedSender } from './trusted-url';
import { createMainWindow } from './window';

// Electron would name the data folder after package.json's "name"; the CLI and the web shell use
// appDataDir(), so all three open the same database and the single-instance lock lives there too.
app.setName(APP_NAME);
// Date fields follow the browser locale; en-GB shows 25/11/2026 as Kenyans write it, not 11/25/2026.
app.commandLine.appendSwitch('lang', 'en-GB');
app.setPath('userData', appDataDir());
// The renderer's own origin (app-protocol.ts): registered before the app is ready, as Electron requires.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let mainWindow: BrowserWindow | null = null;
let pageLoaded = false;
/** Bundle files asked for before the page could take them (opened from Explorer at start-up). */
const filesToOpen: string[] = [];

// Two windows on one SQLite file would race each other's writes: a second start focuses the first,
// and a .jwpb it was started with goes to the first window's import preview.
if (app.requestSingleInstanceLock()) {
  const firstFile = bundleFileFromArgv(process.argv, process.cwd());
  if (firstFile) filesToOpen.push(firstFile);
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    const file = bundleFileFromArgv(argv, workingDirectory);
    if (file) return openBundleFile(file);
    void dialog.showMessageBox(mainWindow, {
      type: 'info',
      message: 'Pamoja JWP is already open.',
      detail: 'Only one window works on the database at a time, so the copy you just started has closed and this window came forward.',
    });
  });
  // macOS hands a double-clicked file over this event instead of the command line.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openBundleFile(file);
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

  guardEveryWebContents({ isPackaged: app.isPackaged });
  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAppRequest(request.url, paths.rendererDir);
    if (!resolved.ok) return new Response(null, { status: resolved.status });
    try {
      return new Response(await fs.promises.readFile(resolved.file), { headers: { 'content-type': resolved.contentType } });
    } catch {
      return new Response(null, { status: 404 });
    }
  });

  const dispatch = createDispatcher(ctx);
  ipcMain.handle(IPC_CHANNEL, (event, method: unknown, input: unknown) => {
    const frame = event.senderFrame;
    const trusted =
      mainWindow !== null && event.sender.id === mainWindow.webContents.id && frame !== null && frame.parent === null && isTrustedSender(frame.url);
    return answerIpcCall(dispatch, trusted, method, input);
  });

  mainWindow = createMainWindow(paths, { isPackaged: app.isPackaged });
  mainWindow.webContents.on('did-finish-load', () => {
    pageLoaded = true;
    for (const waiting of filesToOpen.splice(0)) openBundleFile(waiting);
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
    pageLoaded = false;
  });
}

/** Hands a .jwpb to the page, which shows its import preview (nothing is written until the user applies it). */
function openBundleFile(file: string): void {
  if (!mainWindow || !pageLoaded) {
    filesToOpen.push(file);
    return;
  }
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > BUNDLE_LIMITS.maxFileBytes) {
      throw new Error(`It is ${Math.round(size / 1024 / 1024)} MB; a bundle is at most ${BUNDLE_LIMITS.maxFileBytes / 1024 / 1024} MB.`);
    }
    bytes = fs.readFileSync(file);
  } catch (error) {
    void dialog.showMessageBox(mainWindow, {
      type: 'warning',
      message: `Pamoja JWP could not open ${path.basename(file)}.`,
      detail: error instanceof Error ? error.message : String(error),
    });
    return;
  }
  mainWindow.webContents.send(OPEN_BUNDLE_CHANNEL, { fileName: path.basename(file), base64: bytes.toString('base64') });
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
