import { defineConfig } from 'vitest/config';

/**
 * Tests that start other processes (chromium, LibreOffice, `npm start`, the CLI, tsc, a second database process): run
 * after the in-process tests, so that CPU-bound tests with a time limit (the property tests) never share the two cores
 * with them.
 */
const ZWAAR = [
  'test/browser/**/*.test.ts',
  'test/cli/**/*.test.ts',
  'test/documents/**/*.test.ts',
  'test/server/npmStart.test.ts',
  'test/db/tweeProcessen.test.ts',
  'test/db/auditKeten.test.ts',
  'test/server/backupHerstel.test.ts',
  'test/server/startControle.test.ts',
  'test/server/procesBeheer.test.ts',
  'test/server/kill9Import.test.ts',
  'test/server/kill9Backup.test.ts',
  'test/webhooks/webhookHerstart.test.ts',
  'test/server/bronnenWachtServers.test.ts',
  'test/config/config.test.ts',
  'test/architecture/**/*.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser and server tests each start their own server on a free port; two workers fit the 2-core machines.
    maxWorkers: 2,
    // Two groups, one after the other (see ZWAAR).
    projects: [
      { extends: true, test: { name: 'snel', include: ['test/**/*.test.ts'], exclude: ZWAAR, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'zwaar', include: ZWAAR, sequence: { groupOrder: 1 } } },
    ],
  },
});
