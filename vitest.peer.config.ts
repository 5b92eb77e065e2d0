import { defineConfig } from 'vitest/config';

// npm run test:peer: the README's QuTiP recipe (needs python3-qutip), apart from npm test.
export default defineConfig({
  test: {
    include: ['test/peer/**/*.peer.ts'],
    testTimeout: 300_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results-peer.json' },
  },
});
