import path from 'node:path';
import { repoRoot } from '../../../main/resource-paths';
import { rendererBuildIsCurrent } from '../../../scripts/renderer-build.mjs';
import { runTool } from '../../support/external-tools';

/**
 * Builds out/renderer when it is missing or older than its sources (the build's stamp says which
 * files it read), so the browser never tests yesterday's screens.
 */
export async function ensureRendererBuilt(): Promise<void> {
  if (rendererBuildIsCurrent(repoRoot)) return;
  await runTool(process.execPath, [path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: repoRoot, timeoutMs: 300_000 });
}
