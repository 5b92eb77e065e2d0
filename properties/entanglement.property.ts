/** Entanglement measures over the whole space: the paper's identities where they apply, and soundness everywhere. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreeingDigits, decimalContext } from '../src/numeric/context.ts';
import { symmetricEigen } from '../src/numeric/eigen.ts';
import { dsub } from '../src/numeric/matrix.ts';
import { physicality } from '../src/entanglement/gaussianState.ts';
import { closedForm } from '../src/paper/closedForms.ts';
import { solve, threshold, type Solution } from '../src/index.ts';
import { belowFraction, detuning, efficiency, modelOneDraw, modelOneParameters, occupation, rate, runs, strength } from './arbitraries.ts';

/** Any model below threshold, with or without damping asymmetry and extra detunings. */
const anyModel = fc.oneof(
  modelOneDraw(belowFraction).map((d) => ['modulated', modelOneParameters(d)] as const),
  fc
    .record({ g1: rate, g2: rate, coupling: detuning, d1: detuning, d2: detuning, nbar: occupation, mu: strength, eta: efficiency, fraction: belowFraction })
    .map((r) => {
      // Detunings and asymmetry move the threshold off any closed form: χ is a fraction of the computed one.
      const p = {
        gamma1: r.g1,
        gamma2: r.g2,
        coupling: r.coupling,
        delta1: (Number(r.d1) / 10).toString(),
        delta2: (Number(r.d2) / 10).toString(),
        nbar: r.nbar,
        mu: r.mu,
        eta: r.eta,
      };
      const chiTh = threshold('constant', { ...p, chi: '0' }, { digits: 20 });
      const chi = chiTh === null ? '1' : (Math.floor(r.fraction * chiTh.toNumber() * 1e4) / 1e4).toFixed(4);
      return ['constant', { ...p, chi }] as const;
    }),
);

function solveAny([model, p]: readonly ['modulated' | 'constant', Record<string, string>], digits = 30): Solution {
  return solve(model, p, { digits: digits });
}

describe('entanglement', () => {
  it('model one (symmetric states with isotropic local blocks): E_N = −ln S to ≥ 40 of 50 digits when S < 1, E_N = 0 otherwise', () => {
    fc.assert(
      fc.property(modelOneDraw(belowFraction), (d) => {
        const a = solve('modulated', modelOneParameters(d), { digits: 50 }).analysis!;
        if (a.S.lt(1)) expect(agreeingDigits(a.S, a.expMinusLogNegativity, 50)).toBeGreaterThanOrEqual(40);
        else expect(a.logNegativity.isZero()).toBe(true);
      }),
      runs(0.2),
    );
  });

  it('(16)-(18) equal the Riccati steady state to ≥ 40 of 50 digits, on the branch sin 2α ≥ 0', () => {
    fc.assert(
      fc.property(modelOneDraw(belowFraction), (d) => {
        const p = modelOneParameters(d);
        const a = solve('modulated', p, { digits: 50 }).analysis!;
        const D = decimalContext(50);
        expect(D.sin(a.alpha.times(2)).isNegative()).toBe(false);
        const closed = closedForm(50, { gamma: p.gamma!, delta: p.delta!, chi: p.chi!, nbar: p.nbar!, mu: p.mu!, eta: p.eta! }, 1);
        expect(agreeingDigits(closed.S, a.S, 50)).toBeGreaterThanOrEqual(40);
        expect(agreeingDigits(closed.cos2alpha, D.cos(a.alpha.times(2)), 50)).toBeGreaterThanOrEqual(35);
      }),
      runs(0.2),
    );
  });

  it('witness soundness in every model: S < 1, Duan < 1 or Simon < 0 each imply E_N > 0, and S ≥ e^(−E_N)', () => {
    fc.assert(
      fc.property(anyModel, (draw) => {
        const a = solveAny(draw).analysis!;
        if (a.S.lt(1) || a.duan.lt(1)) expect(a.logNegativity.gt(0)).toBe(true);
        expect(a.simon.isNegative()).toBe(a.logNegativity.gt(0));
        expect(a.S.gte(a.expMinusLogNegativity.times('0.99999999999999999999'))).toBe(true);
      }),
      runs(0.3),
    );
  });

  it('physicality: conditional and unconditional covariances satisfy V + iΩ/2 ≥ 0, and conditioning never adds variance', () => {
    fc.assert(
      fc.property(anyModel, (draw) => {
        const s = solveAny(draw);
        expect(physicality(30, s.conditional!.covariance).physical).toBe(true);
        expect(physicality(30, s.unconditional!.covariance).physical).toBe(true);
        const gap = symmetricEigen(decimalContext(30), dsub(s.unconditional!.covariance, s.conditional!.covariance)).values[0]!;
        expect(gap.gte('-1e-20')).toBe(true);
      }),
      runs(0.3),
    );
  });
});
