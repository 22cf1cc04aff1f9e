import path from 'node:path';

export interface ShellPaths {
  /** The built renderer (index.html and its assets), served as app://pamoja/ (app-protocol.ts). */
  rendererDir: string;
  /** The bundled preload script. */
  preload: string;
  /** Migrations, the sample cycle and other shipped files. */
  resourcesDir: string;
  /** The window icon (Linux and Windows show it in the task bar). */
  icon: string;
}

export interface ShellLocation {
  /** Electron's app.getAppPath(): the checkout in development, app.asar when packaged. */
  appPath: string;
  isPackaged: boolean;
  /** Electron's process.resourcesPath. */
  resourcesPath: string;
}

/**
 * Where the shell finds its files. Packaged, resources/ is copied beside app.asar by electron-builder's
 * extraResources, because migrations and the sample are read as plain files, not from the archive.
 */
export function shellPaths({ appPath, isPackaged, resourcesPath }: ShellLocation): ShellPaths {
  const resourcesDir = isPackaged ? path.join(resourcesPath, 'resources') : path.join(appPath, 'resources');
  return {
    rendererDir: path.join(appPath, 'out', 'renderer'),
    preload: path.join(appPath, 'out', 'electron', 'preload.cjs'),
    resourcesDir,
    icon: path.join(resourcesDir, 'icons', 'icon.png'),
  };
}

export interface Size {
  width: number;
  height: number;
}

export const MIN_WINDOW_SIZE: Size = { width: 1024, height: 600 };

/** 1280×800 where it fits; on a 1366×768 laptop, the screen's work area (it never opens off-screen). */
export function initialWindowSize(workArea: Size): Size {
  return {
    width: Math.max(MIN_WINDOW_SIZE.width, Math.min(1280, workArea.width)),
    height: Math.max(MIN_WINDOW_SIZE.height, Math.min(800, workArea.height)),
  };
}
