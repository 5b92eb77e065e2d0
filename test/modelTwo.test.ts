/** Model two's own separability S_UV, its two routes and its separable bound; the back-action-evasion model. */
import { describe, expect, it } from 'vitest';
import { productSeparability } from '../src/entanglement/productCriterion.ts';
import { agreeingDigits, decimalContext } from '../src/numeric/context.ts';
import { reducedModelTwo, separabilityUV } from '../src/paper/separabilityUV.ts';
import { solveModel } from '../src/app/solve.ts';
import { resolveParameters } from '../src/models/parameters.ts';
import { paperSymbolValues } from '../src/paper/paperSymbols.ts';
import { independentBaeS, independentS } from './support/independentClosedForms.ts';

const D = decimalContext(50);
const zero = new D(0);
const r2 = new D(2).sqrt().div(2);

describe('the product criterion', () => {
  it('(15) on a two-mode squeezed vacuum: S = e^(−2r), and the separable bound is 1', () => {
    const r = new D('0.4');
    const c = r.times(2).cosh().div(2);
    const s = r.times(2).sinh().div(2);
    const v = [
      [c, zero, s, zero],
      [zero, c, zero, s.neg()],
      [s, zero, c, zero],
      [zero, s.neg(), zero, c],
    ];
    // (X₊, Y₊) and (X₋, Y₋) as rows over (X₁, Y₁, X₂, Y₂).
    const plus = [
      [r2, zero, r2, zero],
      [zero, r2, zero, r2],
    ];
    const minus = [
      [r2, zero, r2.neg(), zero],
      [zero, r2, zero, r2.neg()],
    ];
    const p = productSeparability(50, v, plus, minus);
    expect(agreeingDigits(p.S, r.times(-2).exp(), 50)).toBeGreaterThanOrEqual(45);
    expect(agreeingDigits(p.separableBound, new D(1), 50)).toBeGreaterThanOrEqual(45);
  });

  it('S_UV of a product of X-squeezed vacua is e^(−2r) with separable bound 0: S_UV < 1 is no witness', () => {
    const sq = new D(-2).exp().div(2);
    const anti = new D(2).exp().div(2);
    const v = [
      [sq, zero, zero, zero],
      [zero, anti, zero, zero],
      [zero, zero, sq, zero],
      [zero, zero, zero, anti],
    ];
    const p = separabilityUV(50, v);
    expect(agreeingDigits(p.S, new D(-2).exp(), 50)).toBeGreaterThanOrEqual(45);
    expect(p.separableBound.abs().lt('1e-40')).toBe(true);
  });

  it('refuses planes of the wrong shape', () => {
    expect(() => productSeparability(50, [[zero]], [[zero]], [[zero]])).toThrow(/even size/);
  });
});

describe('S_UV of model two', () => {
  const symmetric = [
    ['1', '30', '25', '5', '5', '1'],
    ['2', '1.5', '2', '0', '0.3', '0.8'],
    ['1', '-20', '15', '1', '1', '1'],
  ] as const;

  it('with equal damping equals the closed form (16)-(18) of model one at Δ = Γ (an independent implementation)', () => {
    for (const [g, shift, chi, n, mu, eta] of symmetric) {
      const s = solveModel(resolveParameters('constant', { gamma: g, coupling: shift, chi, nbar: n, mu, eta }), 40);
      expect(agreeingDigits(s.pairs.UV!.S, new D(independentS(g, shift, chi, n, mu, eta)), 40), `Γ = ${shift}`).toBeGreaterThanOrEqual(38);
    }
  });

  it('the reduced equations (25)-(28) and the full covariance agree with equal damping and differ with γ₁ ≠ γ₂', () => {
    const route = (params: Record<string, string>) => {
      const s = solveModel(resolveParameters('constant', params), 40);
      const reduced = reducedModelTwo(50, paperSymbolValues(s.point)).at(new D(params.mu!)).S;
      return agreeingDigits(reduced, s.pairs.UV!.S, 40);
    };
    expect(route({ gamma: '1', coupling: '30', chi: '25', nbar: '5', mu: '5' })).toBeGreaterThanOrEqual(38);
    const asymmetric = route({ gamma1: '5/4', gamma2: '3/4', coupling: '50.25', chi: '50', nbar: '5', mu: '5' });
    expect(asymmetric).toBeGreaterThanOrEqual(1);
    expect(asymmetric).toBeLessThan(5);
  });

  it("with equal damping the two planes' least-variance angles are 90° apart, and the separable bound is |cos 2α_U|", () => {
    const uv = solveModel(resolveParameters('constant', { gamma: '1', coupling: '30', chi: '25', nbar: '5', mu: '5' }), 40).pairs.UV!;
    const gap = uv.angles[1].minus(uv.angles[0]).abs();
    expect(agreeingDigits(gap, D.acos(-1).div(2), 40)).toBeGreaterThanOrEqual(35);
    expect(agreeingDigits(uv.separableBound, D.cos(uv.angles[0].times(2)).abs(), 40)).toBeGreaterThanOrEqual(35);
  });
});

describe('back-action evasion (--model bae)', () => {
  it("S from the engine's conditional equations equals the closed form typed independently", () => {
    for (const [n, mu, eta] of [
      ['5', '1', '1'],
      ['5', '20', '1'],
      ['5', '500', '0.5'],
      ['0', '0.3', '0.8'],
    ] as const) {
      const s = solveModel(resolveParameters('bae', { nbar: n, mu, eta }), 40).analysis!;
      expect(agreeingDigits(s.S, new D(independentBaeS('1', n, mu, eta)), 40)).toBeGreaterThanOrEqual(38);
    }
  });

  it('entangles exactly when ημ > 2Nγ', () => {
    const en = (mu: string) => solveModel(resolveParameters('bae', { nbar: '5', mu, eta: '1' }), 30).analysis!.logNegativity;
    expect(en('9.99').isZero()).toBe(true);
    expect(en('10.01').gt(0)).toBe(true);
  });

  it('takes only γ, N, μ and η', () => {
    expect(() => resolveParameters('bae', { chi: '1' })).toThrow(/parameter chi does not apply to the bae model/);
  });
});
