import fc from 'fast-check';

// One place sets the seed and the run count, so a failure is reproducible by
// exporting the seed it prints: FC_SEED=... FC_NUM_RUNS=... npm test
const seed = Number(process.env.FC_SEED ?? 20140603);
const numRuns = Number(process.env.FC_NUM_RUNS ?? 100);
fc.configureGlobal({ seed, numRuns });
