/**
 * What the paper prints, transcribed from ../shared/paper/equations.md and never corrected.
 * `text` is the human transcription; the ASCII fields are the same content in the
 * expression language of src/exact/expression.ts (ħ divided out where the paper sets a frame).
 */
import { transcribed, type PrintedDrift } from '../src/paper/transcribed.ts';

export type { LabHamiltonian, PrintedDrift } from '../src/paper/transcribed.ts';

/** Every transcribed form, those the models are built from included. */
export const printed = {
  ...transcribed,
  eq2: {
    text: 'H̃ = ħΔ(a†a + b†b + 1) + ħχ(ab + a†b†) = (ħΔ/2)(X₁² + Y₁² + X₂² + Y₂²) + ħχ(X₁X₂ − Y₁Y₂), with χ = g/(2 m ω_m)',
    ladder: 'Delta*(ad*a + bd*b + 1) + chi*(a*b + ad*bd)',
    quadrature: 'Delta/2*(X1^2 + Y1^2 + X2^2 + Y2^2) + chi*(X1*X2 - Y1*Y2)',
    chi: 'g/(2*m*omega_m)',
  },
  eq4: {
    text: '[X₊, Y₊] = [X₋, Y₋] = i ("the two non-zero commutators")',
    nonZero: [
      ['Xp', 'Yp'],
      ['Xm', 'Ym'],
    ] as const,
  },
  eq5: {
    text: 'H̃ = (ħ(Δ + χ)/2)(X₊² + Y₋²) + (ħ(Δ − χ)/2)(X₋² + Y₊²)',
    form: '(Delta + chi)/2*(Xp^2 + Ym^2) + (Delta - chi)/2*(Xm^2 + Yp^2)',
  },
  eq6: {
    text: 'd(X₊, X₋, Y₊, Y₋)ᵀ = M (…)ᵀ dt + √(2γ) d(X₊in, X₋in, Y₊in, Y₋in)ᵀ, M = [[−γ, 0, −χ+Δ, 0], [0, −γ, 0, χ+Δ], [−χ−Δ, 0, −γ, 0], [0, χ−Δ, 0, −γ]]',
    basis: ['Xp', 'Xm', 'Yp', 'Ym'],
    matrix: [
      ['-gamma', '0', '-chi + Delta', '0'],
      ['0', '-gamma', '0', 'chi + Delta'],
      ['-chi - Delta', '0', '-gamma', '0'],
      ['0', 'chi - Delta', '0', '-gamma'],
    ],
    noise: '√(2γ) d(X₊in, X₋in, Y₊in, Y₋in)ᵀ',
  } satisfies PrintedDrift,
  eq7: {
    text: 'd(X±, Y±)ᵀ = [[−γ, Δ∓χ], [−Δ∓χ, −γ]] (X±, Y±)ᵀ dt + √(2γ) d(X±in, Y±in)ᵀ',
    plus: {
      basis: ['Xp', 'Yp'],
      matrix: [
        ['-gamma', 'Delta - chi'],
        ['-Delta - chi', '-gamma'],
      ],
    },
    minus: {
      basis: ['Xm', 'Ym'],
      matrix: [
        ['-gamma', 'Delta + chi'],
        ['-Delta + chi', '-gamma'],
      ],
    },
    threshold: { text: 'below threshold as long as χ < χ_th, χ_th = √(γ² + Δ²)', chiThSquared: 'gamma^2 + Delta^2' },
  },
  eq8: { text: 'At Δ = χ: H̃ = ħχ(X₊² + Y₋²)', form: 'chi*(Xp^2 + Ym^2)' },
  eq9: {
    text: 'd⟨A⟩ = −(i/ħ)⟨[A, H̃]⟩dt + [2γN + μ]⟨D[a† + b†]A⟩dt + [2γ(N+1) + μ]⟨D[a + b]A⟩dt + √(ημ)(⟨H[X₊]A⟩dW₁ + ⟨H[Y₊]A⟩dW₂ + ⟨H[X₋]A⟩dW₃ + ⟨H[Y₋]A⟩dW₄)',
    /** The dissipators as printed: collective jump operators a + b and a† + b†. */
    literal: [
      { rate: '2*gamma*N + mu', jump: 'ad + bd' },
      { rate: '2*gamma*(N + 1) + mu', jump: 'a + b' },
    ],
    measured: ['Xp', 'Yp', 'Xm', 'Ym'],
  },
  eq10: { text: 'D[a]A = a†Aa − ½(a†aA + Aa†a)', form: 'ad*A*a - (ad*a*A + A*ad*a)/2' },
  eq11: { text: 'H[a]A = aA + Aa† − ⟨a + a†⟩⟨A⟩' },
  eq12: {
    text: 'dV_X±/dt = −2γV_X± − 2(Δ∓χ)C± + 2γV₀ − 4ημ(V_X±² + C±²); dV_Y±/dt = −2γV_Y± + 2(Δ±χ)C± + 2γV₀ − 4ημ(V_Y±² + C±²); dC±/dt = −2γC± ± Δ(V_X± − V_Y±) ± χ(V_X± + V_Y±) − 4ημC±(V_X± + V_Y±)',
    plus: {
      VX: '-2*gamma*VXp - 2*(Delta - chi)*Cp + 2*gamma*V0 - 4*eta*mu*(VXp^2 + Cp^2)',
      VY: '-2*gamma*VYp + 2*(Delta + chi)*Cp + 2*gamma*V0 - 4*eta*mu*(VYp^2 + Cp^2)',
      C: '-2*gamma*Cp + Delta*(VXp - VYp) + chi*(VXp + VYp) - 4*eta*mu*Cp*(VXp + VYp)',
    },
    minus: {
      VX: '-2*gamma*VXm - 2*(Delta + chi)*Cm + 2*gamma*V0 - 4*eta*mu*(VXm^2 + Cm^2)',
      VY: '-2*gamma*VYm + 2*(Delta - chi)*Cm + 2*gamma*V0 - 4*eta*mu*(VYm^2 + Cm^2)',
      C: '-2*gamma*Cm - Delta*(VXm - VYm) - chi*(VXm + VYm) - 4*eta*mu*Cm*(VXm + VYm)',
    },
    blockText: 'In the steady state, the only non-zero covariances are those between X₊ and Y₊ and between X₋ and Y₋.',
  },
  eq13: { text: 'C± = ½⟨X±Y± + Y±X±⟩' },
  eq14: { text: 'V₀ = N + ½ + μ/(2γ)', form: 'N + 1/2 + mu/(2*gamma)' },
  eq15: { text: 'S = 2√(V_α₊ V_α₋)' },
  eq16: { text: 'S = [√((γ + χ sin 2α)² + 4γ² SNR) − γ − χ sin 2α]/(2ημ)' },
  eq17: { text: 'SNR = 2ημV₀/γ = 2ημ(N + ½)/γ + ημ²/γ²', first: '2*eta*mu*V0/gamma', second: '2*eta*mu*(N + 1/2)/gamma + eta*mu^2/gamma^2' },
  eq18: {
    text: 'cos 2α = (Δ/χ_th)·[(χ_th² + χ² + 4γ²SNR − √((χ_th² − χ²)² + 8(χ_th² + χ²)γ²SNR + 16γ⁴SNR²))/(2χ²)]^(1/2)',
  },
  eq20: {
    text: 'H̃ = ħΓ(a†b + ab†) − (iħχ/2)(a² − a†² + b² − b†²) = ħΓ(X₁X₂ + Y₁Y₂) + (ħχ/2)(X₁Y₁ + Y₁X₁ + X₂Y₂ + Y₂X₂)',
    ladder: 'Gamma*(ad*b + a*bd) - i*chi/2*(a^2 - ad^2 + b^2 - bd^2)',
    quadrature: 'Gamma*(X1*X2 + Y1*Y2) + chi/2*(X1*Y1 + Y1*X1 + X2*Y2 + Y2*X2)',
  },
  eq21: {
    text: 'H̃ = (ħ(χ + Γ)/2)(U₁V₂ + V₂U₁) + (ħ(χ − Γ)/2)(U₂V₁ + V₁U₂)',
    form: '(chi + Gamma)/2*(U1*V2 + V2*U1) + (chi - Gamma)/2*(U2*V1 + V1*U2)',
  },
  eq23: {
    text: '[U₁, V₁] = [U₂, V₂] = i ("the two non-zero commutators"); text: [U₁, U₂] = [V₁, V₂] = 0',
    nonZero: [
      ['U1', 'V1'],
      ['U2', 'V2'],
    ] as const,
  },
  eq24: {
    text: 'd(U₁, U₂, V₁, V₂)ᵀ = M (…)ᵀ dt + √(2γ) d(U₁in, U₂in, V₁in, V₂in)ᵀ, M = [[−γ, χ−Γ, 0, 0], [χ+Γ, −γ, 0, 0], [0, 0, −γ, −χ−Γ], [0, 0, −χ+Γ, −γ]]',
    basis: ['U1', 'U2', 'V1', 'V2'],
    matrix: [
      ['-gamma', 'chi - Gamma', '0', '0'],
      ['chi + Gamma', '-gamma', '0', '0'],
      ['0', '0', '-gamma', '-chi - Gamma'],
      ['0', '0', '-chi + Gamma', '-gamma'],
    ],
    noise: '√(2γ) d(U₁in, U₂in, V₁in, V₂in)ᵀ',
  } satisfies PrintedDrift,
} as const;
