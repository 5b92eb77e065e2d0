/**
 * Simulated records on another core: a record and its filter are plain numbers, so one worker
 * thread steps them, one after another, while this thread goes on (verify's Monte Carlo claims
 * overlap the rest of the ledger). In process where there is one core, where the code runs from
 * TypeScript sources (a worker cannot load them), or where the worker fails.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type RecordModel, type Simulation, type SimulationRequest, simulate } from './simulate.ts';

/** A record's statistics and end state: everything but its rows. */
export type SimulationSummary = Omit<Simulation, 'rows'>;

interface Job {
  readonly here: () => SimulationSummary;
  readonly resolve: (s: SimulationSummary) => void;
}

let worker: { readonly thread: Worker; readonly jobs: Map<number, Job> } | undefined;
let nextId = 0;

/** The one worker, made on first use; it does not keep the process alive when idle. */
function theWorker(): NonNullable<typeof worker> {
  if (worker !== undefined) return worker;
  const thread = new Worker(new URL('./simulateWorker.js', import.meta.url));
  const jobs = new Map<number, Job>();
  const made = { thread, jobs };
  // A worker that fails (memory, a missing file) costs only the overlap: its records are stepped here.
  const fail = () => {
    if (worker === made) worker = undefined;
    for (const job of jobs.values()) job.resolve(job.here());
    jobs.clear();
  };
  thread.on('message', ({ id, simulation }: { id: number; simulation: SimulationSummary }) => {
    jobs.get(id)?.resolve(simulation);
    jobs.delete(id);
    if (jobs.size === 0) thread.unref();
  });
  thread.once('error', fail);
  thread.once('exit', fail);
  worker = made;
  return made;
}

/** The record's statistics (no rows), stepped on another core where there is one. */
export function simulateInBackground(model: RecordModel, basis: readonly string[], request: SimulationRequest): Promise<SimulationSummary> {
  const here = (): SimulationSummary => {
    const { rows: _rows, ...summary } = simulate(model, basis, request);
    return summary;
  };
  if (!import.meta.url.endsWith('.js') || availableParallelism() < 2) return Promise.resolve().then(here);
  return new Promise<SimulationSummary>((resolve) => {
    const { thread, jobs } = theWorker();
    const id = nextId++;
    jobs.set(id, { here, resolve });
    thread.ref();
    thread.postMessage({ id, model, basis, request });
  });
}
