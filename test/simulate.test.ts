/**
 * simulate: the record model and its Kalman-Bucy filter. The same seed gives the same files byte
 * for byte; the filter covariance settles to the Riccati steady state (derived separately, in
 * Decimal); the filter's actual errors have about that covariance; bad input exits 2.
 */
import { describe, expect, it } from 'vitest';
import { exitCodeOf, main } from '../src/cli/main.ts';
import { ledger } from '../proofs/ledger.ts';
import { discretisedErrorCovariance, normals, simulationOf, xoshiro128 } from '../src/app/simulate.ts';
import { resolveParameters } from '../src/models/parameters.ts';

describe('simulate', () => {
  it('uniform deviates lie in (0, 1) and normal deviates have mean 0 and variance 1 (10⁵ draws, 5σ)', () => {
    const u = xoshiro128(7);
    const n = normals(xoshiro128(7));
    let [mean, square] = [0, 0];
    for (let k = 0; k < 100_000; k++) {
      const x = u();
      expect(x > 0 && x < 1).toBe(true);
      const z = n();
      mean += z / 100_000;
      square += (z * z) / 100_000;
    }
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(100_000));
    expect(Math.abs(square - 1)).toBeLessThan(5 * Math.sqrt(2 / 100_000));
  });

  it('bad input exits 2 naming it: dt, duration, the step cap, dt too coarse for the fastest rate, the seed, the output directory', async () => {
    const base = ['simulate', '--model', 'modulated', '--delta', '30', '--chi', '25', '--nbar', '5', '--mu', '5'];
    const out = ['--out', '/tmp/detuned-paramp-sim-test'];
    const cases: Array<[string[], RegExp]> = [
      [['--duration', '1', '--dt', '0', ...out], /--dt = 0: a positive number/],
      [['--duration', '1', '--dt', '0.1', ...out], /--dt = 0\.1: at most 0\.000502/],
      [['--duration=-1', '--dt', '1e-4', ...out], /--duration = -1: a positive number/],
      [['--duration', '100', '--dt', '1e-9', ...out], /steps: 1 to 1e\+7/],
      [['--duration', '1', '--dt', '1e-4', '--seed=-3', ...out], /--seed = -3: an integer from 0 to 4294967295/],
      [['--duration', '1', '--dt', '1e-4', '--out', '/dev/null'], /exists and is not a directory/],
    ];
    for (const [args, message] of cases) {
      const err = await main([...base, ...args], ledger).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((err as Error).message, args.join(' ')).toMatch(message);
      expect(exitCodeOf(err)).toBe(2);
    }
  });
});

describe('the step bias of Euler-Maruyama, exactly', () => {
  it("the discretised filter's stationary error covariance tends to the Riccati steady state linearly in dt (weak order 1)", () => {
    const p = resolveParameters('modulated', { delta: '30', chi: '25', nbar: '5', mu: '5' });
    const { record, steady: v } = simulationOf(p);
    const bias = (dt: number) => Math.max(...discretisedErrorCovariance(record, v, dt).flatMap((row, i) => row.map((x, j) => Math.abs(x - v[i]![j]!))));
    const [b1, b2, b3] = [bias(4e-4), bias(2e-4), bias(1e-4)];
    expect(b1 / b2).toBeGreaterThan(1.9);
    expect(b1 / b2).toBeLessThan(2.1);
    expect(b2 / b3).toBeGreaterThan(1.9);
    expect(b3).toBeLessThan(5e-3);
  });
});
