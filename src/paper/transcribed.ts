/**
 * The printed forms the models are built from, transcribed from ../shared/paper/equations.md
 * and never corrected: the lab-frame Hamiltonians (1) and (19), the collective quadratures
 * (3) and (22), and the reduced model-two equations (25)-(28), which Figure 2 plots. The rest
 * of what the paper prints, and every comparison with what the engine derives from these,
 * is in proofs/printed.ts and the claims. The ASCII fields use the expression language of
 * src/exact/expression.ts (ħ divided out where the paper sets a frame).
 */

export interface PrintedDrift {
  readonly text: string;
  readonly basis: readonly string[];
  readonly matrix: readonly (readonly string[])[];
  /** The noise term, as printed. */
  readonly noise: string;
}

export interface LabHamiltonian {
  readonly text: string;
  readonly static: string;
  readonly modulation: { readonly amplitude: string; readonly trig: 'cos' | 'sin'; readonly harmonic: number; readonly frequency: 'omega_d' | 'omega_m' };
}

export const transcribed = {
  eq1: {
    text: 'H = (p₁² + p₂²)/(2m) + (m ω_m²/2)(x₁² + x₂²) + g x₁ x₂ cos(2 ω_d t)',
    static: '(p1^2 + p2^2)/(2*m) + m*omega_m^2/2*(x1^2 + x2^2)',
    modulation: { amplitude: 'g*x1*x2', trig: 'cos', harmonic: 2, frequency: 'omega_d' },
  } satisfies LabHamiltonian,
  eq3: {
    text: 'X₊ = (X₁ + X₂)/√2, X₋ = (X₁ − X₂)/√2, Y₊ = (Y₁ + Y₂)/√2, Y₋ = (Y₁ − Y₂)/√2',
    definitions: { Xp: '(X1 + X2)/sqrt(2)', Xm: '(X1 - X2)/sqrt(2)', Yp: '(Y1 + Y2)/sqrt(2)', Ym: '(Y1 - Y2)/sqrt(2)' },
  },
  eq19: {
    text: 'H = (p₁² + p₂²)/(2m) + (Γ/(m ω_m)) x₁x₂ + (m ω_m/2)[x₁²(ω_m + 2χ sin 2ω_m t) + x₂²(ω_m + 2χ sin 2ω_m t)]',
    static: '(p1^2 + p2^2)/(2*m) + Gamma_19/(m*omega_m)*x1*x2 + m*omega_m/2*(x1^2*omega_m + x2^2*omega_m)',
    modulation: { amplitude: 'm*omega_m/2*(x1^2 + x2^2)*2*chi_19', trig: 'sin', harmonic: 2, frequency: 'omega_m' },
  } satisfies LabHamiltonian,
  eq22: {
    text: 'U₁ = (X₁ + Y₂)/√2, U₂ = (X₁ − Y₂)/√2, V₁ = (Y₁ − X₂)/√2, V₂ = (Y₁ + X₂)/√2',
    definitions: { U1: '(X1 + Y2)/sqrt(2)', U2: '(X1 - Y2)/sqrt(2)', V1: '(Y1 - X2)/sqrt(2)', V2: '(Y1 + X2)/sqrt(2)' },
  },
  eq25: {
    text: 'as (24) with γ₁ ≠ γ₂: M = [[−γ, χ₁−Γ, 0, 0], [χ₁+Γ, −γ, 0, 0], [0, 0, −γ, −χ₂−Γ], [0, 0, −χ₂+Γ, −γ]]; noise still √(2γ) d(U₁in, U₂in, V₁in, V₂in)ᵀ',
    basis: ['U1', 'U2', 'V1', 'V2'],
    matrix: [
      ['-gamma', 'chi1 - Gamma', '0', '0'],
      ['chi1 + Gamma', '-gamma', '0', '0'],
      ['0', '0', '-gamma', '-chi2 - Gamma'],
      ['0', '0', '-chi2 + Gamma', '-gamma'],
    ],
    noise: '√(2γ) d(U₁in, U₂in, V₁in, V₂in)ᵀ',
  } satisfies PrintedDrift,
  eq26: { text: 'χ₁ = χ − (γ₁ − γ₂)/2', form: 'chi - (gamma1 - gamma2)/2' },
  eq27: { text: 'χ₂ = χ + (γ₁ − γ₂)/2', form: 'chi + (gamma1 - gamma2)/2' },
  eq28: { text: 'γ = (γ₁ + γ₂)/2', form: '(gamma1 + gamma2)/2' },
} as const;
