import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'properties/**/*.property.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
  },
});
