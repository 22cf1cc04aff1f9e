// The `pamoja` command's build: main/cli bundled by esbuild into out/cli/<build>/, so a command
// starts in a fraction of a second instead of compiling the TypeScript sources on every run.
//
// out/cli/current.json is the build stamp (scripts/build-stamp.mjs) and names the current build.
// Each build gets its own folder and the stamp is replaced in one rename, so two processes
// building at once (parallel tests after an edit) never run half a build.
//
// Run directly (`npm run build:cli`, and after `npm install`) it builds; `--if-stale` builds only
// when the current build is stale, and never fails the install (the command then builds itself).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentBuildStamp, sourceInputs, writeBuildStamp } from './build-stamp.mjs';

/** A build older than this that is not current is removed: no command still loads from it. */
const KEEP_OLD_BUILDS_MS = 10 * 60_000;

/** Bundled CommonJS packages (docx, exceljs) call require() for Node's own modules: an ES module has none. */
export const REQUIRE_BANNER = "import { createRequire as __pamojaRequire } from 'node:module'; const require = __pamojaRequire(import.meta.url);";

const outRoot = (root) => path.join(root, 'out', 'cli');
const stampFile = (root) => path.join(outRoot(root), 'current.json');

/** The entry file of the current build, or null when there is none or it is stale. */
export function currentCliBuild(root) {
  const stamp = currentBuildStamp(root, stampFile(root));
  const entry = stamp && path.join(outRoot(root), stamp.build, 'main.mjs');
  return entry && fs.existsSync(entry) ? entry : null;
}

/** Builds the command and makes it current; returns its entry file. */
export async function buildCli(root) {
  const { build } = await import('esbuild');
  const startedAt = Date.now();
  const name = `${startedAt.toString(36)}-${process.pid}`;
  const outdir = path.join(outRoot(root), name);
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: 'main/cli/main.ts' },
    outdir,
    bundle: true,
    // Each command's module is a chunk loaded when that command runs (main/cli/commands/index.ts),
    // so `pamoja --help` reads only the command table and `pamoja stats` never parses the Word and
    // Excel writers.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    // Less to parse at every start; names are kept, so a stack trace still reads.
    minifyWhitespace: true,
    minifySyntax: true,
    // Native addons: loaded from node_modules, built for this Node and platform.
    external: ['better-sqlite3', '@resvg/resvg-js'],
    banner: { js: REQUIRE_BANNER },
    metafile: true,
    logLevel: 'error',
  });
  writeBuildStamp(stampFile(root), { build: name, startedAt, inputs: sourceInputs(root, Object.keys(result.metafile.inputs)) });
  removeOldBuilds(root, name);
  return path.join(outdir, 'main.mjs');
}

function removeOldBuilds(root, current) {
  for (const entry of fs.readdirSync(outRoot(root), { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === current) continue;
    const builtAt = parseInt(entry.name.split('-')[0] ?? '', 36);
    if (!(Date.now() - builtAt < KEEP_OLD_BUILDS_MS)) fs.rmSync(path.join(outRoot(root), entry.name), { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const ifStale = process.argv.includes('--if-stale');
  if (ifStale && currentCliBuild(root)) {
    console.log('The pamoja command is up to date (out/cli).');
  } else {
    try {
      const started = Date.now();
      const entry = await buildCli(root);
      console.log(`Built the pamoja command in ${((Date.now() - started) / 1000).toFixed(1)} s (${path.relative(root, path.dirname(entry))}).`);
    } catch (error) {
      if (!ifStale) throw error;
      console.log(`The pamoja command was not built now (${error instanceof Error ? error.message.split('\n')[0] : error}); it builds itself on first use.`);
    }
  }
}
