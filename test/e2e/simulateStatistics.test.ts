/** simulate over long records: the same seed gives the same files byte for byte; the filter settles to the Riccati steady state, and its errors have that covariance by batch means (about 15 s). */
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/paperApplication.ts';
import { discretisedErrorCovariance, simulate, simulationOf } from '../../src/app/simulate.ts';
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

const request = { source: { model: 'modulated', parameters: { delta: '30', chi: '25', nbar: '5', mu: '5' } }, duration: 20, dt: 2e-4, seed: 20140603 };

describe('simulate, the command', () => {
  it('the same seed gives the same files byte for byte, another seed other records', async () => {
    const [a, b, c] = await Promise.all([commands.simulate(request), commands.simulate(request), commands.simulate({ ...request, seed: 1 })]);
    expect(a.files).toEqual(b.files);
    expect(a.files['simulation.csv']).not.toEqual(c.files['simulation.csv']);
    expect(a.lines[0]).toBe('seed 20140603');
    expect(a.files['simulation.svg']).toMatch(/^<svg/);
  }, 60_000);

  it("the filter covariance settles to the discrete filter's fixed point, within the step bias of the Riccati steady state, and the filter's actual errors have about that covariance", async () => {
    const meta = JSON.parse((await commands.simulate(request)).files['simulation.json']!) as {
      filterCovarianceAtEnd: number[][];
      riccatiSteadyState: number[][];
    };
    const { record } = simulationOf(resolveParameters('modulated', request.source.parameters));
    const fixedPoint = discretisedErrorCovariance(record, meta.riccatiSteadyState, request.dt);
    for (const [i, row] of meta.filterCovarianceAtEnd.entries())
      for (const [j, x] of row.entries()) {
        expect(Math.abs(x - fixedPoint[i]![j]!)).toBeLessThan(1e-10);
        // The step bias is O(dt · rate): here below 1 % of the largest entry.
        expect(Math.abs(x - meta.riccatiSteadyState[i]![j]!)).toBeLessThan(0.01 * Math.abs(meta.riccatiSteadyState[0]![0]!));
      }
    const csv = (await commands.simulate({ ...request, duration: 100 })).files['simulation.csv']!.trim().split('\n');
    const header = csv[0]!.split(',');
    const rows = csv.slice(1 + (csv.length - 1) / 10).map((line) => line.split(',').map(Number));
    const [t, e] = [header.indexOf('true_X1'), header.indexOf('estimate_X1')];
    const variance = rows.reduce((s, r) => s + (r[t]! - r[e]!) ** 2, 0) / rows.length;
    // A loose sanity check of the record model against the Riccati equation (the statistics with their
    // confidence interval are issue 12's monte-carlo claim): within 10 %.
    expect(Math.abs(variance / meta.riccatiSteadyState[0]![0]! - 1)).toBeLessThan(0.1);
  }, 60_000);
});
