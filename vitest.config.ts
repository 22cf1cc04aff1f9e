import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // Browser end-to-end specs run under their own runner script (tests/e2e).
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // Generous: a timeout is there to end a hang, and a busy 2-core machine runs these several times slower.
    testTimeout: 120_000,
    setupFiles: ['tests/support/yield-between-tests.ts'],
  },
});
