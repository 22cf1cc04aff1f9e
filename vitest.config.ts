import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // Browser end-to-end specs run under their own runner script (tests/e2e).
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // Generous: a timeout is there to end a hang, and a busy 2-core machine runs these several times slower.
    testTimeout: 120_000,
    // The same for hooks: a beforeEach that loads the sample waited past vitest's default 10 s on a
    // machine at load 13 (tests/bundles/scenarios.test.ts) and failed four tests that then pass alone.
    hookTimeout: 120_000,
    // A file per core. Vitest's own default keeps one core for itself, which on the 2-core machines
    // this suite runs on meant one file at a time; its main process mostly waits on the workers, and
    // each LibreOffice conversion has a profile folder of its own (tests/exports/xlsx/support.ts).
    maxWorkers: os.availableParallelism(),
    minWorkers: 1,
    // Each worker keeps the modules it has loaded from one test file to the next. Isolated, every
    // file loaded the app afresh: the Node tests took 6 min 7 s, 143 s of the workers' time spent
    // loading modules; kept, 3 min 20 s and 16 s. The files share no module state they change (no
    // mocks, no stubbed globals or environment), and every database is each test's own.
    isolate: false,
    setupFiles: ['tests/support/yield-between-tests.ts'],
  },
});
