/** Below threshold the drift is stable and the steady states exist; above it, what survives is characterised. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../src/exact/rational.ts';
import { isHurwitzStable } from '../src/numeric/eigen.ts';
import { agreeingDigits, decimalContext } from '../src/numeric/context.ts';
import { integrateCovariance } from '../src/numeric/integrate.ts';
import { lyapunovSteadyState, NoSteadyStateError, riccatiSteadyState } from '../src/numeric/riccati.ts';
import { physicality } from '../src/entanglement/gaussianState.ts';
import { modelMatrices, threshold } from '../src/index.ts';
import {
  aboveFraction,
  belowFraction,
  chiAt,
  efficiency,
  modelOneDraw,
  modelOneParameters,
  occupation,
  rate,
  runs,
  detuning,
  strength,
} from './arbitraries.ts';

const q = (x: string) => Rational.parse(x);
const D30 = decimalContext(30);

describe('threshold', () => {
  it('model one: every drift eigenvalue has Re < 0 iff χ² < γ² + Δ²', () => {
    fc.assert(
      fc.property(modelOneDraw(fc.oneof(belowFraction, aboveFraction)), (d) => {
        const p = modelOneParameters(d);
        const stable = isHurwitzStable(D30, modelMatrices('modulated', p, { digits: 30 }).drift);
        const below =
          q(p.chi!)
            .pow(2)
            .compare(q(p.gamma!).pow(2).add(q(p.delta!).pow(2))) < 0;
        expect(stable).toBe(below);
      }),
    );
  });

  it('model two, with and without damping asymmetry: stable iff (χ + |γ₁ − γ₂|/2)² < ((γ₁ + γ₂)/2)² + Γ²', () => {
    fc.assert(
      fc.property(rate, rate, detuning, fc.boolean(), fc.oneof(belowFraction, aboveFraction), (g1, g2raw, coupling, symmetric, fraction) => {
        const g2 = symmetric ? g1 : g2raw;
        const mean = (Number(g1) + Number(g2)) / 2;
        const half = Math.abs(Number(g1) - Number(g2)) / 2;
        const chi = Math.max(0, Number(chiAt(fraction, mean ** 2 + Number(coupling) ** 2)) - (fraction < 1 ? half : 0)).toFixed(4);
        const p = { gamma1: g1, gamma2: g2, coupling, chi };
        const stable = isHurwitzStable(D30, modelMatrices('constant', p, { digits: 30 }).drift);
        const margin = q(g1)
          .add(q(g2))
          .mul(Rational.of(1, 2))
          .pow(2)
          .add(q(coupling).pow(2))
          .sub(
            q(chi)
              .add(q(g1).sub(q(g2)).mul(Rational.of(1, 2)).abs())
              .pow(2),
          );
        if (margin.isZero()) return;
        expect(stable).toBe(margin.sign() > 0);
      }),
    );
  });

  it('χ_th (bisection of the Liénard-Chipart polynomials) is where the numeric stability test flips, in every model', () => {
    fc.assert(
      fc.property(rate, rate, detuning, detuning, detuning, fc.constantFrom('modulated', 'constant'), (g1, g2, shift, d1, d2, model) => {
        const base = {
          gamma1: g1,
          gamma2: g2,
          delta1: (Number(d1) / 20).toString(),
          delta2: (Number(d2) / 20).toString(),
          ...(model === 'modulated' ? { delta: shift } : { coupling: shift }),
        };
        const chiTh = threshold(model, { ...base, chi: '0' }, { digits: 20 });
        if (chiTh === null || chiTh.isZero()) return;
        const stableAt = (factor: string) =>
          isHurwitzStable(decimalContext(60), modelMatrices(model, { ...base, chi: chiTh.times(factor).toString() }, { digits: 60 }).drift);
        expect(stableAt('0.999999')).toBe(true);
        expect(stableAt('1.000001')).toBe(false);
      }),
      runs(0.3),
    );
  });

  it('below threshold, Runge-Kutta from the vacuum converges to the Riccati steady state', () => {
    // Moderate rates keep the integration short; the decay rate sets the time (15 e-folds).
    fc.assert(
      fc.property(
        fc.record({
          gamma: rate,
          delta: fc.integer({ min: -30, max: 30 }).map((n) => (n / 10).toString()),
          nbar: occupation,
          mu: strength,
          eta: efficiency,
          fraction: fc.integer({ min: 50, max: 700 }).map((n) => n / 1000),
        }),
        (d) => {
          const m = modelMatrices('modulated', modelOneParameters(d), { digits: 20 });
          const target = riccatiSteadyState(20, m.drift, m.diffusion, m.measurement).covariance;
          const slowest = Number(d.gamma) * (1 - d.fraction);
          const fastest = Math.abs(Number(d.delta)) + Number(d.gamma) + 4 * Number(d.mu) * Number(target[0]![0]!.toNumber()) + 4;
          const time = 15 / Math.max(slowest, 0.05);
          const steps = Math.min(6000, Math.ceil((time * fastest) / 0.5));
          const vacuum = m.drift.map((row, i) => row.map((_, j) => new (decimalContext(20))(i === j ? '0.5' : '0')));
          // Five digits are asked for: doubles carry them, and the step error dominates anyway.
          const v = integrateCovariance('double', m.drift, m.diffusion, m.measurement, vacuum, time.toPrecision(6), steps);
          const worst = Math.min(...target.flatMap((row, i) => row.map((x, j) => (x.abs().lt('1e-8') ? 20 : agreeingDigits(x, v[i]![j]!, 20)))));
          expect(worst).toBeGreaterThanOrEqual(5);
        },
      ),
      runs(0.2),
    );
  });

  it('above threshold: no unconditional steady state, but a physical conditional one when μη > 0', () => {
    fc.assert(
      fc.property(modelOneDraw(aboveFraction), (d) => {
        const m = modelMatrices('modulated', modelOneParameters(d), { digits: 30 });
        expect(() => lyapunovSteadyState(30, m.drift, m.diffusion)).toThrow(NoSteadyStateError);
        const s = riccatiSteadyState(30, m.drift, m.diffusion, m.measurement);
        expect(s.residual.lt('1e-20')).toBe(true);
        expect(physicality(30, s.covariance).physical).toBe(true);
      }),
      runs(0.3),
    );
  });
});
