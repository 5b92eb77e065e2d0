/** simulate's filter against the Riccati steady state, by batch means over long records (about 10 s). */
import { describe, expect, it } from 'vitest';
import { simulate, simulationOf } from '../../src/app/simulate.ts';
import { resolveParameters } from '../../src/models/parameters.ts';

describe('the record model against the Riccati equation (batch means)', () => {
  const run = (model: 'modulated' | 'constant', parameters: Record<string, string>, filterScale: number) => {
    const { record, basis, steady, start } = simulationOf(resolveParameters(model, parameters));
    const s = simulate(record, basis, {
      duration: 200,
      dt: 2e-4,
      seed: 11,
      steadyCovariance: steady,
      startCovariance: start,
      errorStatistics: { burnIn: 5, batches: 40 },
      filterRecord: record.c.map((row) => row.map((x) => x * filterScale)),
    });
    // The deviation typed here, not read from the code under test.
    const e = s.errorCovariance!;
    return Math.max(...e.mean.flatMap((row, i) => row.map((x, j) => Math.abs(x - steady[i]![j]!) / e.standardError[i]![j]!)));
  };
  const one = { delta: '30', chi: '25', nbar: '5', mu: '5' };
  it('model one and model two: every entry of the error covariance within 4.5 standard errors of the Riccati steady state', () => {
    expect(run('modulated', one, 1)).toBeLessThan(4.5);
    expect(run('constant', { coupling: '30', chi: '25', nbar: '5', mu: '5' }, 1)).toBeLessThan(4.5);
  }, 60_000);
  it('a filter that assumes twice the measurement rate, or leaves η out of its record model (η = 1/2), is caught: some entry beyond 6 standard errors', () => {
    expect(run('modulated', one, Math.SQRT2)).toBeGreaterThan(6);
    expect(run('modulated', { ...one, eta: '0.5' }, Math.SQRT2)).toBeGreaterThan(6);
  }, 60_000);
});
