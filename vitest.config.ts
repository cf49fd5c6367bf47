import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser and server tests each start their own server on a free port; two workers fit the 2-core machines.
    maxWorkers: 2,
  },
});
