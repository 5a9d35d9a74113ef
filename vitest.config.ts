import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'server/test/**/*.test.ts', 'tests/**/*.test.ts'],
    // Server and browser tests start real processes and browsers: generous limits, no retries
    // (a flaky test is a bug to fix, not to hide).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
  },
});
