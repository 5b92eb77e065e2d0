/**
 * The paper's derivations against results worked out by hand, independently of the code:
 * (1) -> (2): x₁x₂ = (ħ/2mω_m)(a + a†)(b + b†), and cos keeps ½ of ab -> ħg/(4mω_m);
 * (19) -> (20): (Γ₁₉/mω_m)·ħ/(2mω_m) = ħΓ needs Γ₁₉ = 2m²ω_m²Γ; mω_mχ₁₉ x² sin -> (ħχ₁₉/4)(−i)(a² − a†²) needs χ₁₉ = 2χ;
 * asymmetric damping: U₁ = (X₁ + Y₂)/√2, U₂ = (X₁ − Y₂)/√2 -> D_U₁U₂ = ½(D_X₁ − D_Y₂) = (γ₁ − γ₂)(N + ½).
 */
import { describe, expect, it } from 'vitest';
import { q } from '../src/exact/rationalFunction.ts';
import { deriveSystem } from '../src/verify/printedComparison.ts';
import { substituted } from '../src/exact/expression.ts';
import { matchesTimeAverage } from '../src/verify/labAverage.ts';
import { printed } from '../proofs/printed.ts';
import { modelOneFromLab, modelTwoFromLab, modelTwoHamiltonian, openSystem } from '../src/paper/labFrame.ts';
import { sym } from '../src/paper/symbols.ts';

describe('lab frame to rotating frame', () => {
  it('model one: g = 4 m ω_m χ', () => {
    expect(modelOneFromLab().gForChi.equals(q(4).mul(sym.m).mul(sym.omega_m).mul(sym.chi))).toBe(true);
  });
  it('model two: Γ₁₉ = 2 m² ω_m² Γ and χ₁₉ = 2χ', () => {
    const { gammaLab, chiLab } = modelTwoFromLab();
    expect(gammaLab.equals(q(2).mul(sym.m.pow(2)).mul(sym.omega_m.pow(2)).mul(sym.Gamma))).toBe(true);
    expect(chiLab.equals(q(2).mul(sym.chi))).toBe(true);
  });
});

describe('the period-average route to the RWA', () => {
  it('tells χ = g/(4mω_m) from the printed g/(2mω_m), and rejects a wrong form', () => {
    expect(matchesTimeAverage(printed.eq1, 'omega_d', substituted(printed.eq2.ladder, { chi: 'g/(4*m*omega_m)' }))).toBe(true);
    expect(matchesTimeAverage(printed.eq1, 'omega_d', substituted(printed.eq2.ladder, { chi: 'g/(2*m*omega_m)' }))).toBe(false);
    expect(matchesTimeAverage(printed.eq1, 'omega_d', '0')).toBe(false);
  });
});

describe('damping asymmetry', () => {
  it('the U₁–U₂ and V₁–V₂ noise is correlated by (γ₁ − γ₂)(N + ½)', () => {
    const s = deriveSystem(openSystem(modelTwoHamiltonian(), sym.gamma1, sym.gamma2), ['U1', 'U2', 'V1', 'V2']);
    const expected = sym.gamma1.sub(sym.gamma2).mul(sym.N.add(q(1, 2)));
    expect(s.diffusion[0]![1]!.equals(expected)).toBe(true);
    expect(s.diffusion[2]![3]!.equals(expected)).toBe(true);
    expect(s.diffusion[0]![2]!.isZero()).toBe(true);
  });
});
