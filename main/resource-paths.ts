import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the shipped resources live when the app runs from a checkout (CLI, web shell, tests).
 * The Electron shell passes its own path, because a packaged app keeps them elsewhere.
 */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const resourcesDir = path.join(repoRoot, 'resources');
export const migrationsFolder = path.join(resourcesDir, 'migrations');
export const rendererBuildDir = path.join(repoRoot, 'out', 'renderer');
