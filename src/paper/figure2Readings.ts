/**
 * The readings of Figure 2 the caption leaves open, as exact data (the assumptions
 * figure2-detuning and figure2-asymmetry in proofs/ name and justify them): model one's Δ
 * and model two's Γ at their thresholds, and the damping asymmetries tried.
 */
import { Rational } from '../exact/rational.ts';
import { decimalContext } from '../numeric/context.ts';

/** The readings of Figure 2's detuning: Δ at model one's exact threshold (chosen), or Δ = factor × χ. */
export const FIGURE2_DETUNING = {
  chosen: 'figure2-detuning: Δ = √(χ² − γ²), so χ_th = χ exactly',
  alternativeFactors: ['1', '1.05', '1.2'],
} as const;

/** Model one's Δ² at which χ_th = √(γ² + Δ²) equals χ, at γ = 1: χ² − γ², exactly. */
export function thresholdDetuningSquared(chi: string): Rational {
  const c = Rational.parse(chi);
  return c.mul(c).sub(Rational.ONE);
}

/** Model two's Γ² that puts its more strongly driven pair exactly at threshold: χ₂² − γ², χ₂ = χ + |γ₁ − γ₂|/2, γ = (γ₁ + γ₂)/2. */
export function bindingCouplingSquared(chi: string, g1: string, g2: string): Rational {
  const [c, a, b] = [chi, g1, g2].map((x) => Rational.parse(x)) as [Rational, Rational, Rational];
  const gamma = a.add(b).div(Rational.of(2));
  const chi2 = c.add(a.sub(b).abs().div(Rational.of(2)));
  return chi2.mul(chi2).sub(gamma.mul(gamma));
}

/** √x of an exact rational, as a decimal string of `digits` digits. */
export function squareRoot(x: Rational, digits = 40): string {
  const D = decimalContext(digits);
  return new D(x.num.toString()).div(x.den.toString()).sqrt().toString();
}

/** √(χ² − γ²) at γ = 1: model one's detuning with χ_th = χ. */
export function thresholdDetuning(chi: string, digits = 40): string {
  return squareRoot(thresholdDetuningSquared(chi), digits);
}

/** √(χ₂² − γ²): model two's coupling with its more strongly driven pair exactly at threshold. */
export function bindingThresholdCoupling(chi: string, g1: string, g2: string, digits = 40): string {
  return squareRoot(bindingCouplingSquared(chi, g1, g2), digits);
}

export const FIGURE2_ASYMMETRY: ReadonlyArray<{ label: string; g1: string; g2: string }> = [
  { label: 'γ_D = γ₁ − γ₂, γ_S = γ₁ + γ₂ (γ₁ = 3γ₂)', g1: '3/2', g2: '1/2' },
  { label: 'γ_D = γ₁ − γ₂, γ_S = (γ₁ + γ₂)/2 (γ₁ − γ₂ = γ/2)', g1: '5/4', g2: '3/4' },
  { label: 'a "50% difference": γ₂ = γ₁/2', g1: '4/3', g2: '2/3' },
];
