/** The conventions every output states, so another implementation can match them. */
export const CONVENTIONS = {
  hbar: 'ħ = 1 in rotating frames: Hamiltonians there are H̃/ħ, in units of frequency; lab-frame forms keep ħ, m and ω_m',
  quadratures: 'X = (a + a†)/√2, Y = −i(a − a†)/√2, so [X, Y] = i and the vacuum variance is 1/2; oscillator 1 has a, oscillator 2 has b',
  covariance: 'V_jk = ½⟨{δr_j, δr_k}⟩; dV/dt = AV + VAᵀ + D with A the drift and D the diffusion',
  rotatingFrame: 'a frame rotating at ω takes a -> a e^(−iωt); the RWA keeps the terms with no fast time dependence',
  damping: 'γ_j is the amplitude damping rate of oscillator j: Lindblad terms 2γ_j(N+1) D[a_j] + 2γ_j N D[a_j†]',
  numbers: 'exact results are printed as rational functions; decimal numbers, where they appear, are strings carrying every computed digit',
} as const;
