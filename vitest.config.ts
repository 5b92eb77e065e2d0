import { defineConfig } from 'vitest/config';
import { availableParallelism } from 'node:os';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'properties/**/*.property.ts'],
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/globalSetup.ts'],
    testTimeout: 60_000,
    // vitest leaves one core free by default, which on a 2-core machine runs the files one at a time.
    maxWorkers: availableParallelism(),
    // The JSON report lets .ci/run print its own closing line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
  },
});
