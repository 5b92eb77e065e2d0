import { defineConfig } from 'vitest/config';
import { availableParallelism } from 'node:os';

// npm run test:e2e: headless Chromium, the npm-pack install, the spawned command, the whole
// ledger, simulate's long records and the QuTiP peer (needs Debian's chromium and python3-qutip;
// these fail, never skip, without them), and the properties at 200 cases each.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts', 'properties/**/*.property.ts'],
    // The properties again, five times deeper than the fast tier.
    env: { FC_NUM_RUNS: process.env.FC_NUM_RUNS ?? '200' },
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/globalSetup.ts'],
    testTimeout: 300_000,
    maxWorkers: availableParallelism(),
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results-e2e.json' },
  },
});
