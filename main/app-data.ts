import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Pamoja JWP';

/**
 * The folder Electron calls `userData`, computed the same way without Electron, so the desktop app,
 * the web shell and the CLI all open the same embedded database by default.
 */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), APP_NAME);
}

export function defaultDbPath(): string {
  return path.join(appDataDir(), 'pamoja.db');
}
