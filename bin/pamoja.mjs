#!/usr/bin/env node
// The `pamoja` command. It runs the esbuild build of main/cli in out/cli (made by `npm install`,
// `npm run build`, or here on the first run after a source changed: see scripts/cli-build.mjs), so
// it starts at once. A stale build never runs. Only when the build cannot be made (a source being
// edited does not parse, say) are the TypeScript sources run through tsx, which reports the error.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCli, currentCliBuild } from '../scripts/cli-build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = currentCliBuild(root) ?? (await buildCli(root).catch(() => null));
if (entry) {
  await import(pathToFileURL(entry).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../main/cli/main.ts');
}
