/**
 * simulate: the record model and its Kalman-Bucy filter. The same seed gives the same files byte
 * for byte; the filter covariance settles to the Riccati steady state (derived separately, in
 * Decimal); the filter's actual errors have about that covariance; bad input exits 2.
 */
import { describe, expect, it } from 'vitest';
import { exitCodeOf, main } from '../src/cli/main.ts';
import { commands } from '../src/cli/paperApplication.ts';
import { ledger } from '../proofs/ledger.ts';
import { discretisedErrorCovariance, largestStep, normals, simulate, simulationOf, xoshiro128 } from '../src/app/simulate.ts';
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
      [['--duration', '100', '--dt', '1e-9', ...out], /^--duration \/ --dt is more than 1e\+7 steps: raise --dt or shorten --duration$/],
      [['--duration', '1e308', '--dt', '1e-308', ...out], /^--duration \/ --dt is more than 1e\+7 steps/],
      [['--duration', '0.00015', '--dt', '2e-4', ...out], /--duration = 0\.00015 is shorter than one step \(--dt = 0\.0002\)/],
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

describe('the steady filter', () => {
  it("once P settles it is held with its gain: the record's final P is the discretised filter's fixed point, reached from the other side", () => {
    const setup = simulationOf(resolveParameters('modulated', { delta: '30', chi: '25', nbar: '5', mu: '5' }));
    const dt = 5e-4;
    // From the unconditional covariance (above the fixed point); discretisedErrorCovariance starts at the Riccati state.
    const s = simulate(setup.record, setup.basis, { duration: 20, dt, seed: 7, steadyCovariance: setup.steady, startCovariance: setup.start });
    const fixed = discretisedErrorCovariance(setup.record, setup.steady, dt);
    const size = Math.max(...fixed.flat().map(Math.abs));
    const gap = Math.max(...s.filterCovariance.flatMap((row, i) => row.map((x, j) => Math.abs(x - fixed[i]![j]!))));
    expect(gap / size).toBeLessThan(1e-9);
    // and it is not the Riccati state itself (the step bias is there, of order dt)
    expect(Math.max(...fixed.flatMap((row, i) => row.map((x, j) => Math.abs(x - setup.steady[i]![j]!)))) / size).toBeGreaterThan(1e-6);
  });
});

describe('simulate at hostile settings: finite, positive, exactly as long as asked', () => {
  const csvRows = (csv: string) => {
    const [head, ...lines] = csv.trim().split('\n');
    return { header: head!.split(','), rows: lines.map((l) => l.split(',').map(Number)) };
  };
  const run = async (parameters: Record<string, string>, duration: number, dt: number) => {
    const { files } = await commands.simulate({ source: { model: 'modulated', parameters }, duration, dt, seed: 1 });
    return { ...csvRows(files['simulation.csv']!), meta: JSON.parse(files['simulation.json']!) as { duration: number; filterCovarianceAtEnd: number[][] } };
  };
  const sane = ({ header, rows }: { header: string[]; rows: number[][] }) => {
    const variances = header.flatMap((h, k) => (h.startsWith('variance_') ? [k] : []));
    expect(rows.every((r) => r.every(Number.isFinite))).toBe(true);
    expect(rows.every((r) => variances.every((k) => r[k]! > 0))).toBe(true);
  };
  it('the filter starts from the unconditional covariance, hundreds of times the steady one, and stays finite and positive (μ = 30γ, dt = 10⁻⁴; near threshold)', async () => {
    sane(await run({ nbar: '5', delta: '30', chi: '25', mu: '30' }, 1, 1e-4));
    sane(await run({ nbar: '5', delta: '24', chi: '24.02', mu: '5' }, 1, 1e-4));
  });
  it('strong measurement at the finest accepted steps: μ = 100γ at dt = 2·10⁻⁵, μ = 10⁴γ at 10⁻⁶', async () => {
    sane(await run({ nbar: '5', delta: '30', chi: '25', mu: '100' }, 0.05, 2e-5));
    sane(await run({ nbar: '5', delta: '30', chi: '25', mu: '1e4' }, 0.002, 1e-6));
  });
  it('μ = 10¹⁰ … 10²⁰⁰ at the largest step each accepts: finite (C P Cᵀ alone would overflow at 10²⁰⁰)', () => {
    for (const mu of ['1e10', '1e100', '1e200']) {
      const { record, basis, steady, start } = simulationOf(resolveParameters('modulated', { nbar: '5', delta: '30', chi: '25', mu }));
      const dt = largestStep(record, steady);
      const s = simulate(record, basis, { duration: 500 * dt, dt, seed: 1, steadyCovariance: steady, startCovariance: start });
      sane({
        header: [
          't',
          ...s.channels.map((c) => `current_${c}`),
          ...basis.map((b) => `true_${b}`),
          ...basis.map((b) => `estimate_${b}`),
          ...basis.map((b) => `variance_${b}`),
        ],
        rows: s.rows.map((r) => [r.t, ...r.current, ...r.truth, ...r.estimate, ...r.variance]),
      });
    }
  });
  it('a record ends exactly at its duration: the last step is shortened; simulation.json says the duration', async () => {
    const r = await run({ nbar: '5', delta: '30', chi: '25', mu: '5' }, 1, 3e-4);
    expect(r.rows.at(-1)![0]).toBe(1);
    expect(r.meta.duration).toBe(1);
  });
  it('above threshold with nothing measured it says plainly that nothing bounds the motion (exit 2)', async () => {
    const err = await main(
      ['simulate', '--model', 'modulated', '--delta', '3', '--chi', '25', '--duration', '1', '--dt', '1e-4', '--out', '/tmp/detuned-paramp-sim-test'],
      ledger,
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(exitCodeOf(err)).toBe(2);
    expect((err as Error).message).toMatch(/^above-threshold: the motion grows .* nothing bounds the motion/);
    expect((err as Error).message).not.toMatch(/converges/);
  });
  it('takes a model file, as solve does', async () => {
    const text =
      'modes: [a]\nparameters:\n  mu: { domain: ">= 0", default: 1 }\nhamiltonian: "2*ad*a"\ndissipators:\n  - { rate: "2", jump: a }\nmeasurements:\n  - { operator: X_a, strength: mu, efficiency: 1 }\n';
    const { files } = await commands.simulate({ source: { file: 'one.yaml', text, set: {} }, duration: 0.5, dt: 1e-3, seed: 2 });
    const csv = csvRows(files['simulation.csv']!);
    expect(csv.header).toEqual(['t', 'current_X_a', 'true_X_a', 'true_Y_a', 'estimate_X_a', 'estimate_Y_a', 'variance_X_a', 'variance_Y_a']);
    sane(csv);
  });
});
