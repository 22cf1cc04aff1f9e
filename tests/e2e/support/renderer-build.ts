import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { rendererBuildDir, repoRoot } from '../../../main/resource-paths';

const SOURCES = ['renderer', 'shared', 'vite.config.ts'];

function newestChange(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(entry).reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), stat.mtimeMs);
}

/**
 * Builds out/renderer when it is missing or older than its sources, so the browser never tests
 * yesterday's screens.
 */
export function ensureRendererBuilt(): void {
  const index = path.join(rendererBuildDir, 'index.html');
  const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const changedAt = Math.max(...SOURCES.map((source) => newestChange(path.join(repoRoot, source))));
  if (builtAt > changedAt) return;
  const vite = path.join(repoRoot, 'node_modules', '.bin', 'vite');
  const build = spawnSync(vite, ['build'], { cwd: repoRoot, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
}
