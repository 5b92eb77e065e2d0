import { describe, expect, it } from 'vitest';
import { RationalFunction, symbolIndex } from '../src/exact/rationalFunction.ts';
import { builtInModel } from '../src/models/builtIn.ts';
import { toArithmetic } from '../src/numeric/arithmetic.ts';
import { decimalContext } from '../src/numeric/context.ts';
import { periodicSteadyState, seriesAt, type TrigSeries } from '../src/numeric/periodicRiccati.ts';
import { QuadDoubleContext } from '../src/numeric/quadDouble.ts';
import { labSeries, labSystem, labValues, periodicFigures, secularSystem } from '../src/paper/beyondRwa.ts';
import { systemInPaperSymbols } from '../src/paper/paperSymbols.ts';
import { sym } from '../src/paper/symbols.ts';

describe('both models beyond the rotating-wave approximation', () => {
  it.each(['modulated', 'constant'] as const)('%s: the constant harmonic of the lab-frame system is the RWA model file, with Δ₁ = Δ₂ = 0', (model) => {
    const lab = secularSystem(labSystem(model));
    const file = systemInPaperSymbols(builtInModel(model));
    const zeroDetunings = (m: typeof lab.drift) =>
      m.map((row) => row.map((x) => x.substitute(symbolIndex(sym.Delta1), RationalFunction.ZERO).substitute(symbolIndex(sym.Delta2), RationalFunction.ZERO)));
    for (const k of ['drift', 'diffusion', 'measurement'] as const) {
      const expected = zeroDetunings(file[k]);
      const differing = lab[k].flatMap((row, i) => row.flatMap((x, j) => (x.equals(expected[i]![j]!) ? [] : [`${k}[${i}][${j}]`])));
      expect(differing).toEqual([]);
    }
  });

  it("quantum Brownian motion in the lab frame averages to the optical bath plus Diósi's diffusion γ/8(N + ½) in each quadrature, with the same damping", () => {
    const [optical, brownian] = [secularSystem(labSystem('modulated', 'all', 'optical')), secularSystem(labSystem('modulated', 'all', 'brownian'))];
    const extra = sym.gamma1.div(RationalFunction.from(8).mul(sym.N.add(RationalFunction.from(1).div(RationalFunction.from(2)))));
    expect(brownian.drift.flatMap((row, i) => row.filter((x, j) => !x.equals(optical.drift[i]![j]!)))).toEqual([]);
    for (const i of [0, 1]) expect(brownian.diffusion[i]![i]!.sub(optical.diffusion[i]![i]!).equals(extra)).toBe(true);
    // and its oscillating part damps p only: the drift's 2ω_d harmonic holds γ
    expect(labSystem('modulated', 'all', 'brownian').system.drift.cos[2]![0]![0]!.equals(sym.gamma1)).toBe(true);
  });

  it('the terms the RWA drops oscillate at 2 and 4 times the frame frequency, and at no other', () => {
    for (const model of ['modulated', 'constant'] as const) expect(labSystem(model).dropped.map((d) => d.harmonic)).toEqual([-4, -2, 2, 4]);
    // model one: the pair-creation term's conjugate partner at 4ω_d, the beam splitter at ±2ω_d
    const one = labSystem('modulated')
      .dropped.find((d) => d.harmonic === 4)!
      .term.toString();
    expect(one).toContain('a† b†');
  });
});

describe('harmonic balance above 15 digits', () => {
  it("in quad-doubles, refined by corrections in doubles, it gives the state the full-precision sweeps give, to 10⁻²⁸ (Q = 10³, the paper's point, 38 digits), in two to five corrections", () => {
    const { values } = labValues('modulated', { delta: '30', chi: '25', nbar: '5', mu: '5', eta: '1' }, '1000');
    const s = labSeries(labSystem('modulated'), 38, values);
    const quad = (x: TrigSeries): TrigSeries => ({
      cos: x.cos.map((m) => toArithmetic(QuadDoubleContext, m)),
      sin: x.sin.map((m) => toArithmetic(QuadDoubleContext, m)),
    });
    const solve = (harmonics?: number) =>
      periodicSteadyState(38, quad(s.drift), quad(s.diffusion), quad(s.measurement), new QuadDoubleContext(s.fundamental.toString()), {
        driftStable: true,
        arithmetic: QuadDoubleContext,
        ...(harmonics === undefined ? {} : { harmonics }),
      });
    const refined = solve();
    expect(refined.refinements).toBeGreaterThanOrEqual(2);
    expect(refined.refinements).toBeLessThanOrEqual(5);
    // Given the number of harmonics, it sweeps at full precision from the RWA state instead.
    const swept = solve(refined.harmonics);
    expect(swept.refinements).toBeUndefined();
    const D = decimalContext(38);
    for (const phase of ['0', '0.7', '2']) {
      const [x, y] = [
        seriesAt(QuadDoubleContext, refined.covariance, new QuadDoubleContext(phase)),
        seriesAt(QuadDoubleContext, swept.covariance, new QuadDoubleContext(phase)),
      ];
      const gap = x.flatMap((row, i) => row.map((u, j) => new D(u.minus(y[i]![j]!).abs().toString()).toNumber()));
      expect(Math.max(...gap)).toBeLessThan(1e-28);
    }
  });
});

describe('harmonic balance in doubles', () => {
  it("at 15 digits or fewer the sweeps run in doubles and agree with Decimal at 25 digits to 10⁻⁸ (Q = 10³, the paper's point): the mean, least and largest E_N and S", () => {
    const { point, values } = labValues('modulated', { delta: '30', chi: '25', nbar: '5', mu: '5', eta: '1' }, '1000');
    const [fast, slow] = [periodicFigures('modulated', point, values, 14), periodicFigures('modulated', point, values, 25)];
    for (const k of [0, 1])
      for (const pick of [
        (o: (typeof fast.periodic)[number]) => o.mean,
        (o: (typeof fast.periodic)[number]) => o.min.value,
        (o: (typeof fast.periodic)[number]) => o.max.value,
      ]) {
        const [x, y] = [pick(fast.periodic[k]!), pick(slow.periodic[k]!)];
        expect(x.minus(y).abs().div(y).toNumber()).toBeLessThan(1e-8);
      }
  });
});
