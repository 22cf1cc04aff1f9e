import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { sourceInputs, writeBuildStamp } from './scripts/build-stamp.mjs';
import { rendererStampFile } from './scripts/renderer-build.mjs';

const fromRoot = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const root = fromRoot('./');

/** Records what the build read, so `npm run web` and the browser tests skip a build that is current. */
function buildStamp(): Plugin {
  let startedAt = 0;
  return {
    name: 'pamoja-build-stamp',
    apply: 'build',
    buildStart() {
      startedAt = Date.now();
    },
    writeBundle() {
      const inputs = sourceInputs(root, [...this.getModuleIds(), 'vite.config.ts', 'renderer/index.html']);
      writeBuildStamp(rendererStampFile(root), { startedAt, inputs });
    },
  };
}

/** The packages a screen needs, each in its own chunk: the browser caches them across releases. */
function vendorChunk(id: string): string | undefined {
  const name = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id)?.[1];
  if (!name) return undefined;
  if (['react', 'react-dom', 'scheduler'].includes(name)) return 'react';
  if (name === 'zod') return 'zod';
  if (name === 'recharts') return 'charts';
  // d3, redux and the other helpers recharts is built on, and anything added later.
  return 'vendor';
}

/**
 * Builds the renderer into out/renderer, which both shells load: Electron from file:// (hence the
 * relative base) and the web shell over HTTP.
 */
export default defineConfig({
  root: fromRoot('./renderer'),
  base: './',
  plugins: [react(), buildStamp()],
  build: {
    outDir: fromRoot('./out/renderer'),
    emptyOutDir: true,
    // Both shells run a current Chromium, which has native module preload.
    modulePreload: { polyfill: false },
    rollupOptions: {
      output: { manualChunks: vendorChunk },
      onwarn(warning, warn) {
        // zod ships a pure-annotation comment Rollup cannot place; it drops it harmlessly every build.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
        warn(warning);
      },
    },
  },
});
