import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'generators/**/*.test.ts'],
    // CLI tests start real processes; property tests run hundreds of timelines.
    testTimeout: 30_000,
    // Nothing may depend on the machine's zone: run the suite in one that is not Belgium's.
    env: { TZ: 'America/Los_Angeles' },
  },
});
