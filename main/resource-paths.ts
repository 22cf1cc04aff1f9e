import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout's root: the nearest folder above this module holding package.json. Looked up rather
 * than counted, because this module runs from main/ (tsx, tests) and from a chunk of the built
 * command in out/cli/<build>/chunks/.
 */
function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${from}: Pamoja JWP runs from its own folder.`);
  }
}

/**
 * Where the shipped resources live when the app runs from a checkout (CLI, web shell, tests).
 * The Electron shell passes its own path, because a packaged app keeps them elsewhere.
 */
export const repoRoot = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));
export const resourcesDir = path.join(repoRoot, 'resources');
export const migrationsFolder = path.join(resourcesDir, 'migrations');
export const rendererBuildDir = path.join(repoRoot, 'out', 'renderer');
