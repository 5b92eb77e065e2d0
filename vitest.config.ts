import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'properties/**/*.property.ts'],
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/globalSetup.ts'],
    testTimeout: 60_000,
    // The JSON report lets .ci/run print its own closing line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
  },
});
