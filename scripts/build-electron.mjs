// Bundles the Electron shell into out/electron/: main.cjs (main process) and preload.cjs.
import { build } from 'esbuild';

const shared = { bundle: true, format: 'cjs', logLevel: 'warning', legalComments: 'none' };

await Promise.all([
  build({
    ...shared,
    entryPoints: ['main/electron/main.ts'],
    outfile: 'out/electron/main.cjs',
    platform: 'node',
    target: 'node20',
    // better-sqlite3 is a native addon: it is loaded from disk, built for Electron (see scripts/start.mjs).
    // @resvg/resvg-js (charts and maps in Word documents) is a Node-API addon: loaded from disk, no rebuild.
    external: ['electron', 'better-sqlite3', '@resvg/resvg-js'],
  }),
  build({
    ...shared,
    entryPoints: ['main/electron/preload.ts'],
    outfile: 'out/electron/preload.cjs',
    // A sandboxed preload has no Node: bundling for the browser makes a stray Node import a build error.
    platform: 'browser',
    target: 'es2022',
    external: ['electron'],
  }),
]);
console.log('Built out/electron/main.cjs and out/electron/preload.cjs.');
