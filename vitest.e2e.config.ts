import { defineConfig } from 'vitest/config';

/** Browser end-to-end specs: Debian's Chromium driving the web shell on a fresh database. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    // One browser and one server at a time: the specs are journeys, not isolated units.
    fileParallelism: false,
    testTimeout: 60_000,
    // beforeAll may build the renderer first.
    hookTimeout: 180_000,
  },
});
