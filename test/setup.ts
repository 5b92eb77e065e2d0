import fc from 'fast-check';

// One place sets the seed and the run count, so a failure is reproducible by exporting the seed
// it prints: FC_SEED=... FC_NUM_RUNS=... npm test. The fast tier runs 40 cases a property;
// npm run test:e2e runs the same properties at 200 (vitest.e2e.config.ts), properties:deep at 1000.
const seed = Number(process.env.FC_SEED ?? 20140603);
const numRuns = Number(process.env.FC_NUM_RUNS ?? 40);
fc.configureGlobal({ seed, numRuns });
