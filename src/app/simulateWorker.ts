/** The worker thread's entry (simulateInBackground): simulated records, one per message, each posted back with its id and without its rows (the statistics are what the caller reads; cloning the rows cost a fifth of the record). */
import { parentPort } from 'node:worker_threads';
import { type RecordModel, type SimulationRequest, simulate } from './simulate.ts';

parentPort!.on('message', ({ id, model, basis, request }: { id: number; model: RecordModel; basis: readonly string[]; request: SimulationRequest }) => {
  const { rows: _rows, ...summary } = simulate(model, basis, request);
  parentPort!.postMessage({ id, simulation: summary });
});
