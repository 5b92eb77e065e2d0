/** Model one at Δ = Γ against model two at Δ = 0: what the paper calls equivalent, and what is not. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { optimalQuadrature } from '../src/entanglement/gaussianState.ts';
import { agreeingDigits } from '../src/numeric/context.ts';
import type { DMatrix } from '../src/numeric/matrix.ts';
import { solve } from '../src/index.ts';
import { belowFraction, chiAt, detuning, efficiency, occupation, rate, runs, strength } from './arbitraries.ts';

/** The 2×2 covariance of (q₁, q₂) = ((r_i + s·r_j)/√2, (r_i − s·r_j)/√2) from V in (X₁, Y₁, X₂, Y₂). */
function pairBlock(v: DMatrix, i: number, j: number, s: 1 | -1): DMatrix {
  const a = v[i]![i]!;
  const b = v[j]![j]!;
  const c = v[i]![j]!.times(s);
  return [
    [a.plus(b).plus(c.times(2)).div(2), a.minus(b).div(2)],
    [a.minus(b).div(2), a.plus(b).minus(c.times(2)).div(2)],
  ];
}

describe('model equivalence under Δ <-> Γ', () => {
  it("the least variances of the (U₁, U₂) and (V₁, V₂) planes equal model one's V_α₊ and V_α₋ (same variance equations)", () => {
    fc.assert(
      fc.property(fc.record({ gamma: rate, shift: detuning, nbar: occupation, mu: strength, eta: efficiency, fraction: belowFraction }), (d) => {
        const chi = chiAt(d.fraction, Number(d.gamma) ** 2 + Number(d.shift) ** 2);
        const common = { gamma: d.gamma, chi, nbar: d.nbar, mu: d.mu, eta: d.eta };
        const one = solve('modulated', { ...common, delta: d.shift }, { digits: 40 }).analysis!;
        const v = solve('constant', { ...common, coupling: d.shift }, { digits: 40 }).conditional!.covariance;
        // U₁, U₂ = (X₁ ± Y₂)/√2 (indices 0, 3); V₂, V₁ = (Y₁ ± X₂)/√2 (indices 1, 2).
        const u = optimalQuadrature(40, pairBlock(v, 0, 3, 1)).variance;
        const w = optimalQuadrature(40, pairBlock(v, 1, 2, 1)).variance;
        expect(agreeingDigits(u, one.vAlphaPlus, 40)).toBeGreaterThanOrEqual(30);
        expect(agreeingDigits(w, one.vAlphaMinus, 40)).toBeGreaterThanOrEqual(30);
      }),
      runs(0.2),
    );
  });

  it("with equal damping, S_UV of model two at Γ equals S of model one at Δ = Γ, at Figure 2's μ grid (the paper's equivalence, in the quantity it plots)", () => {
    const figureMu = fc.integer({ min: 0, max: 120 }).map((k) => (10 ** (-3 + k / 20)).toPrecision(15));
    fc.assert(
      fc.property(fc.record({ gamma: rate, shift: detuning, nbar: occupation, mu: figureMu, eta: efficiency, fraction: belowFraction }), (d) => {
        const chi = chiAt(d.fraction, Number(d.gamma) ** 2 + Number(d.shift) ** 2);
        const common = { gamma: d.gamma, chi, nbar: d.nbar, mu: d.mu, eta: d.eta };
        const one = solve('modulated', { ...common, delta: d.shift }, { digits: 30 }).analysis!;
        const two = solve('constant', { ...common, coupling: d.shift }, { digits: 30 }).pairs.UV!;
        expect(agreeingDigits(two.S, one.S, 30)).toBeGreaterThanOrEqual(28);
      }),
      runs(0.2),
    );
  });
});
