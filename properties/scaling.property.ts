/**
 * For χ ≫ γ at Δ = χ: μ_opt -> γ(N + ½) and S√(χ/γ) -> 3^(3/4) η^(−1/4) √((N + ½)/2), the constant
 * derived from the asymptotics of (16)-(18) (see the claim optimal-mu-scaling), for any N and η.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { optimalMu } from '../src/paper/closedForms.ts';
import { efficiency, occupation, runs } from './arbitraries.ts';

describe('scaling for χ ≫ γ', () => {
  it('the optimum approaches μ = γ(N + ½) and S√(χ/γ) its derived limit, like 1/√χ', () => {
    fc.assert(
      fc.property(occupation, efficiency, (nbar, eta) => {
        const n = Number(nbar) + 0.5;
        const limit = 3 ** 0.75 * Number(eta) ** -0.25 * Math.sqrt(n / 2);
        const deviation = (chi: number) => {
          const best = optimalMu({ gamma: '1', delta: String(chi), chi: String(chi), nbar, eta });
          return Math.max(Math.abs(best.mu / n - 1), Math.abs((best.S * Math.sqrt(chi)) / limit - 1));
        };
        const [coarse, fine] = [deviation(1600), deviation(25600)];
        expect(fine).toBeLessThan(0.35 * coarse + 1e-9);
        expect(fine).toBeLessThan(0.03);
      }),
      runs(0.2),
    );
  });
});
