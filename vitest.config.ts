import { defineConfig } from 'vitest/config';
import { availableParallelism } from 'node:os';

// npm test: the fast tier, in process (units and properties, ≤ 20 s). The browser, package,
// spawned-command, whole-ledger and peer tests are npm run test:e2e (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    include: ['test/*.test.ts', 'properties/**/*.property.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    // The files share one module graph per worker: the engine holds no state that changes what
    // another test computes (its memos are pure), and the built-in models, the interned symbols and
    // the CAS are then loaded once per worker instead of once per file (about 12 s instead of 18 s).
    isolate: false,
    // vitest leaves one core free by default, which on a 2-core machine runs the files one at a time.
    maxWorkers: availableParallelism(),
    // The JSON report lets .ci/run print its own closing line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
  },
});
