import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'server/test/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'tests/**/*.test.ts'],
    // Server and browser tests start real processes and browsers: generous limits, no retries
    // (a flaky test is a bug to fix, not to hide).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    // `expect.poll` waits on something a real server or browser will do; 1 s (the default) is
    // too short on a loaded 2-core machine, and a poll that succeeds returns at once anyway.
    expect: { poll: { timeout: 15_000 } },
  },
});
