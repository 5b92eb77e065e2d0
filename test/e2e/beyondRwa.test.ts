import fc from 'fast-check';
import { runs } from '../../properties/arbitraries.ts';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/exact/rational.ts';
import { resolveParameters } from '../../src/models/parameters.ts';
import { solveModel } from '../../src/app/solve.ts';
import { periodicSteadyState, seriesAt } from '../../src/numeric/periodicRiccati.ts';
import { toArithmetic } from '../../src/numeric/arithmetic.ts';
import { decimalContext } from '../../src/numeric/context.ts';
import type { DMatrix } from '../../src/numeric/matrix.ts';
import { monodromySteadyState } from '../../src/numeric/monodromy.ts';
import { QuadDoubleContext } from '../../src/numeric/quadDouble.ts';
import { labSeries, labSystem, labValues, periodicFigures } from '../../src/paper/beyondRwa.ts';
import { paperSymbolValues } from '../../src/paper/paperSymbols.ts';
import { sym } from '../../src/paper/symbols.ts';

const valuesAt = (model: 'modulated' | 'constant', raw: Record<string, string>, Q: string) =>
  new Map(paperSymbolValues(resolveParameters(model, raw))).set(sym.omega_m, Rational.parse(Q));

describe('beyond the RWA, numerically: the periodic state against a second route and its limit', () => {
  it('harmonic balance against the Riccati ODE integrated in doubles over 40 periods (RK4) at Q = 20', () => {
    const raw = { delta: '3', chi: '2', nbar: '1', mu: '1', eta: '1' };
    const s = labSeries(labSystem('modulated'), 30, valuesAt('modulated', raw, '20'));
    const periodic = periodicSteadyState(30, s.drift, s.diffusion, s.measurement, s.fundamental, { driftStable: true });
    // The ODE, written here from the series' coefficients: dV/dt = A V + V Aᵀ + D − V M V, θ = Ωt.
    const omega = s.fundamental.toNumber();
    const doubles = (t: typeof s.drift) => ({
      cos: t.cos.map((m) => m.map((row) => row.map((x) => x.toNumber()))),
      sin: t.sin.map((m) => m.map((row) => row.map((x) => x.toNumber()))),
    });
    const [drift, diffusion, measurement] = [doubles(s.drift), doubles(s.diffusion), doubles(s.measurement)];
    const at = (t: ReturnType<typeof doubles>, theta: number) =>
      t.cos[0]!.map((row, i) =>
        row.map((_, j) => t.cos.reduce((acc, c, k) => acc + c[i]![j]! * Math.cos(k * theta) + t.sin[k]![i]![j]! * Math.sin(k * theta), 0)),
      );
    const mul = (x: number[][], y: number[][]) => x.map((row) => y[0]!.map((_, j) => row.reduce((acc, v, k) => acc + v * y[k]![j]!, 0)));
    const rhs = (time: number, v: number[][]) => {
      const [a, d, m] = [at(drift, omega * time), at(diffusion, omega * time), at(measurement, omega * time)];
      const av = mul(a, v);
      const vmv = mul(mul(v, m), v);
      return v.map((row, i) => row.map((_, j) => av[i]![j]! + av[j]![i]! + d[i]![j]! - vmv[i]![j]!));
    };
    const period = (2 * Math.PI) / omega;
    const steps = 400;
    const h = period / steps;
    let v: number[][] = [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => (i === j ? 0.5 : 0)));
    const axpy = (x: number[][], y: number[][], c: number) => x.map((row, i) => row.map((u, j) => u + c * y[i]![j]!));
    for (let n = 0; n < 40 * steps; n++) {
      const time = n * h;
      const k1 = rhs(time, v);
      const k2 = rhs(time + h / 2, axpy(v, k1, h / 2));
      const k3 = rhs(time + h / 2, axpy(v, k2, h / 2));
      const k4 = rhs(time + h, axpy(v, k3, h));
      v = v.map((row, i) => row.map((u, j) => u + (h / 6) * (k1[i]![j]! + 2 * k2[i]![j]! + 2 * k3[i]![j]! + k4[i]![j]!)));
    }
    const series = seriesAt(decimalContext(30), periodic.covariance, decimalContext(30)(0));
    const gap = Math.max(...v.flatMap((row, i) => row.map((u, j) => Math.abs(u - series[i]![j]!.toNumber()))));
    expect(gap).toBeLessThan(1e-9);
    // and the lab state is not the RWA one at Q = 20
    const rwa = solveModel(resolveParameters('modulated', raw), 20).conditional!.covariance;
    expect(Math.abs(series[0]![0]!.toNumber() - rwa[0]![0]!.toNumber())).toBeGreaterThan(1e-3);
  });

  it("as Q → ∞ the mean state tends to the RWA steady state like 1/Q: Richardson's extrapolation from Q = 10⁵, 10⁶, 10⁷ agrees with the RWA to more than 12 digits", () => {
    const raw = { delta: '30', chi: '25', nbar: '5', mu: '5', eta: '1' };
    const D = decimalContext(25);
    const mean = (Q: string) => {
      const s = labSeries(labSystem('modulated'), 25, valuesAt('modulated', raw, Q));
      return periodicSteadyState(25, s.drift, s.diffusion, s.measurement, s.fundamental, { driftStable: true }).covariance.cos[0]![0]![0]!;
    };
    const [v5, v6, v7] = ['1e5', '1e6', '1e7'].map(mean) as [ReturnType<typeof mean>, ReturnType<typeof mean>, ReturnType<typeof mean>];
    // V(Q) = V∞ + a/Q + b/Q²: eliminate a and b from three Q a decade apart.
    const first = [v6.times(10).minus(v5).div(9), v7.times(10).minus(v6).div(9)] as const;
    const limit = first[1].times(100).minus(first[0]).div(99);
    const rwa = solveModel(resolveParameters('modulated', raw), 25).conditional!.covariance[0]![0]!;
    expect(limit.minus(rwa).abs().div(rwa).lt(new D('1e-12'))).toBe(true);
    // the correction itself is there: at Q = 10⁵ the mean is off by about 5/Q
    expect(v5.minus(rwa).abs().times('1e5').toNumber()).toBeGreaterThan(1);
  });
});

/** Model one at the paper's point (Δ = 30γ, χ = 25γ, N = 5, μ = 5γ) as solve's arguments. */
const PAPER_POINT = ['--model', 'modulated', '--delta', '30', '--chi', '25', '--nbar', '5', '--mu', '5'];

describe('beyond the RWA: the two routes and the command', () => {
  it('the monodromy and harmonic balance give the same periodic state at Q = 20 to more than 20 digits, at every phase compared; the monodromy in quad-doubles and in decimal.js to 10⁻³²', () => {
    const raw = { delta: '3', chi: '2', nbar: '1', mu: '1', eta: '1' };
    const values = valuesAt('modulated', raw, '20');
    const s = labSeries(labSystem('modulated'), 35, values);
    const rwa = solveModel(resolveParameters('modulated', raw), 25).conditional!.covariance;
    const mono = monodromySteadyState(35, s.drift, s.diffusion, s.measurement, s.fundamental, rwa);
    const t = labSeries(labSystem('modulated'), 30, values);
    const hb = periodicSteadyState(30, t.drift, t.diffusion, t.measurement, t.fundamental, { driftStable: true });
    const D = decimalContext(35);
    const gapOf = (x: DMatrix, y: DMatrix) => Math.max(...x.flatMap((row, i) => row.map((u, j) => u.minus(y[i]![j]!).abs().toNumber())));
    // The same monodromy in quad-doubles (what solve uses up to 56 working digits) against decimal.js at 35 digits.
    const quad = monodromySteadyState(35, s.drift, s.diffusion, s.measurement, s.fundamental, rwa, { arithmetic: QuadDoubleContext });
    for (const phase of ['0', '1', '2.5', '4']) {
      const x = mono.at(new D(phase));
      expect(gapOf(x, seriesAt(D, hb.covariance, new D(phase)))).toBeLessThan(1e-20);
      expect(gapOf(x, toArithmetic(D, quad.at(new D(phase))))).toBeLessThan(1e-32);
    }
  });

  it('solve --frame lab --q 60: where the terms the RWA drops destabilise the unmeasured motion (a Floquet multiplier outside the unit circle) there is no unconditional periodic state, and solve says so (exit 0, the conditional state printed)', () => {
    const run = spawnSync(process.execPath, ['bin/detuned-paramp.js', 'solve', ...PAPER_POINT, '--frame', 'lab', '--q', '60', '--digits', '20', '--json'], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const j = JSON.parse(run.stdout);
    expect(j.unconditional).toBeUndefined();
    expect(j.noUnconditional).toMatch(/Floquet multiplier on or outside the unit circle/);
    expect(Number(j.periodic.S.mean)).toBeGreaterThan(1);
    expect(j.digits).toBeGreaterThanOrEqual(15);
  });

  it('solve --frame lab --q 1e4 --json: E_N and S over a period, the RWA values as solve prints them, and the deviation; bad input exits 2', () => {
    const run = (args: string[]) => spawnSync(process.execPath, ['bin/detuned-paramp.js', ...args], { encoding: 'utf8' });
    const params = PAPER_POINT;
    const lab = run(['solve', ...params, '--frame', 'lab', '--q', '1e4', '--digits', '20', '--json']);
    expect(lab.status).toBe(0);
    const j = JSON.parse(lab.stdout);
    for (const k of ['logNegativity', 'S']) {
      const p = j.periodic[k];
      expect(Number(p.min)).toBeLessThanOrEqual(Number(p.mean));
      expect(Number(p.mean)).toBeLessThanOrEqual(Number(p.max));
      expect(Number(j.deviation[k].ripple)).toBeCloseTo((Number(p.max) - Number(p.min)) / 2, 15);
    }
    const rotating = JSON.parse(run(['solve', ...params, '--digits', '20', '--json']).stdout);
    expect(Number(j.rwa.S)).toBeCloseTo(Number(rotating.S), 18);
    // at Q = 10⁴ the period moves E_N by about 10⁻³: not 0, not order 1
    expect(Number(j.deviation.logNegativity.ripple)).toBeGreaterThan(1e-4);
    expect(Number(j.deviation.logNegativity.ripple)).toBeLessThan(1e-2);
    expect(j.digits).toBeGreaterThanOrEqual(20);
    // The same physics written as a model file in the lab frame (models/modulated-lab.yaml, ω_d = ω_m − Δ = 9970γ): the same periodic state.
    const labFile = [
      'solve',
      '--model-file',
      'models/modulated-lab.yaml',
      ...['omegad=9970', 'delta=30', 'chi=25', 'nbar=5', 'mu=5'].flatMap((x) => ['--set', x]),
      '--frame',
      'lab',
    ];
    const file = run([...labFile, '--digits', '20', '--json']);
    expect(file.status, file.stderr).toBe(0);
    expect(JSON.parse(file.stdout).periodic.logNegativity).toEqual(j.periodic.logNegativity);
    expect(run([...labFile, '--q', '1e4']).status).toBe(2);
    expect(run(['solve', '--model-file', 'models/modulated.yaml', '--set', 'delta=30', '--set', 'chi=25', '--frame', 'lab']).stderr).toMatch(
      /has no frame section/,
    );
    for (const bad of [['--q', '-3'], ['--q', 'x'], [], ['--q', '1e4', '--bath', 'ohmic']])
      expect(run(['solve', ...params, '--frame', 'lab', ...bad]).status).toBe(2);
    expect(run(['solve', ...params, '--bath', 'brownian']).status).toBe(2);
    expect(run(['solve', '--model', 'bae', '--frame', 'lab', '--q', '1e4']).status).toBe(2);
  });
});

describe('figure2 --q: the bands without the RWA', () => {
  it('writes figure2-lab.csv (13 values of μ for each of the four parametric curves, least ≤ mean ≤ largest) and figure2-lab.svg with the shaded bands', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fig2lab-'));
    const r = spawnSync(process.execPath, ['bin/detuned-paramp.js', 'figure2', '--out', dir, '--points', '5', '--q', '1e4'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const rows = readFileSync(join(dir, 'figure2-lab.csv'), 'utf8').trim().split('\n').slice(1);
    expect(rows).toHaveLength(52);
    for (const row of rows) {
      const [min, max, mean] = row.split(',').slice(-4, -1).map(Number) as [number, number, number];
      expect(min).toBeLessThanOrEqual(mean);
      expect(mean).toBeLessThanOrEqual(max);
    }
    expect(readFileSync(join(dir, 'figure2-lab.svg'), 'utf8')).toMatch(/mark-area/);
    expect(spawnSync(process.execPath, ['bin/detuned-paramp.js', 'figure2', '--out', dir, '--q', '-1'], { encoding: 'utf8' }).status).toBe(2);
  }, 300_000);
});

describe('beyond the RWA: the correction vanishes like a power of 1/Q (property)', () => {
  it('for Q from 10⁴ to 10⁹ and either model, doubling Q halves the swing of E_N over a period (to 10 %) and shrinks its mean shift at least 1.6-fold', () => {
    fc.assert(
      fc.property(fc.double({ min: 4, max: 9, noNaN: true }), fc.constantFrom('modulated' as const, 'constant' as const), (log10Q, model) => {
        const raw =
          model === 'modulated' ? { delta: '30', chi: '25', nbar: '5', mu: '5', eta: '1' } : { coupling: '30', chi: '25', nbar: '5', mu: '5', eta: '1' };
        const at = (Q: number) => {
          const { point, values } = labValues(model, raw, Q.toPrecision(6));
          const f = periodicFigures(model, point, values, 16);
          const e = f.periodic[0]!;
          return { ripple: e.max.value.minus(e.min.value).toNumber(), shift: Math.abs(e.mean.minus(f.rwa[0]!).toNumber()) };
        };
        const Q = 10 ** log10Q;
        const [x, y] = [at(Q), at(2 * Q)];
        expect(x.ripple / y.ripple).toBeGreaterThan(1.8);
        expect(x.ripple / y.ripple).toBeLessThan(2.2);
        // The mean shift falls like 1/Q (model one) or 1/Q² (model two); below 10⁻¹² it is the working precision's.
        if (y.shift > 1e-12) expect(x.shift / y.shift).toBeGreaterThan(1.6);
      }),
      runs(0.03),
    );
  }, 300_000);
});
