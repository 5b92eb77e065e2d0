/**
 * simulate over the parameter space, at every step it accepts: every value it writes is finite
 * and every filter variance positive, below, at and above threshold (every quadrature measured),
 * from weak to strong measurement, with a shortened last step.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestStep, simulate, simulationOf } from '../src/app/simulate.ts';
import { resolveParameters } from '../src/models/parameters.ts';
import { detuning, efficiency, occupation, runs } from './arbitraries.ts';

/** χ from 0 to 60γ (past threshold for most detunings), and μ over six decades, 10^-2 … 10^4. */
const drive = fc.integer({ min: 0, max: 600 }).map((n) => (n / 10).toString());
const strongToWeak = fc.integer({ min: -20, max: 40 }).map((k) => (10 ** (k / 10)).toPrecision(3));

describe('simulate', () => {
  it('at every accepted dt, all values are finite and the variances positive', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('modulated' as const, 'constant' as const),
        detuning,
        drive,
        occupation,
        strongToWeak,
        efficiency,
        fc.double({ min: 1e-3, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (model, shift, chi, nbar, mu, eta, stepFraction, remainder, seed) => {
          const p = resolveParameters(model, { [model === 'modulated' ? 'delta' : 'coupling']: shift, chi, nbar, mu, eta });
          const { record, basis, steady, start } = simulationOf(p);
          const dt = largestStep(record, steady) * stepFraction;
          const s = simulate(record, basis, { duration: (30 + remainder) * dt, dt, seed, steadyCovariance: steady, startCovariance: start });
          for (const row of s.rows) {
            expect([row.t, ...row.current, ...row.truth, ...row.estimate, ...row.variance].every(Number.isFinite)).toBe(true);
            expect(row.variance.every((v) => v > 0)).toBe(true);
          }
          expect(s.rows.at(-1)!.t).toBe((30 + remainder) * dt);
        },
      ),
      runs(0.3),
    );
  });
});
