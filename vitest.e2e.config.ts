import { defineConfig } from 'vitest/config';

/** Browser end-to-end specs: Debian's Chromium driving the web shell on a fresh database. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    // One browser and one server at a time: the specs are journeys, not isolated units.
    fileParallelism: false,
    // One process for all of them, keeping the modules it has loaded (playwright-core, the web
    // shell) from one spec to the next: isolated, loading them again took 57 s of the 4 min 15 s.
    // Each spec starts and stops its own server; they share one Chromium, each in contexts of its own.
    isolate: false,
    globalSetup: ['tests/e2e/support/chromium-server.ts'],
    testTimeout: 60_000,
    // beforeAll may build the renderer first.
    hookTimeout: 180_000,
  },
});
