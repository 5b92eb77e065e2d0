/**
 * The paper's closed forms (14), (16)-(18) transcribed as printed, in Decimal, so that they
 * can be compared with the Riccati steady state. sin 2α is a choice of branch: (18) gives
 * only cos 2α, and the sign of sin 2α is the sign convention of C₊ (see eq12).
 */
import { decimalContext, type Dec } from '../numeric/context.ts';
import { decimalField, type Arithmetic } from '../numeric/jet.ts';

export interface ModelOnePoint {
  readonly gamma: string;
  readonly delta: string;
  readonly chi: string;
  readonly nbar: string;
  readonly mu: string;
  readonly eta: string;
}

/**
 * (14), (16)-(18) as printed, in any Arithmetic (src/numeric/jet.ts): decimals for a value,
 * intervals for an enclosure of the exact closed form at exact parameters (the ledger's interval
 * route). sin 2α = sinSign·√(1 − cos² 2α).
 */
export function closedFormOf<T>(F: Arithmetic<T>, p: ModelOnePoint, sinSign: 1 | -1): { S: T; cos2alpha: T; snr: T; v0: T } {
  const [g, delta, chi, n, mu, eta] = [p.gamma, p.delta, p.chi, p.nbar, p.mu, p.eta].map((x) => F.of(x)) as [T, T, T, T, T, T];
  const [one, two, four, eight, half] = ['1', '2', '4', '8', '0.5'].map((x) => F.of(x)) as [T, T, T, T, T];
  const v0 = F.add(F.add(n, half), F.div(mu, F.mul(g, two))); // (14)
  const snr = F.div(F.mul(F.mul(F.mul(eta, mu), v0), two), g); // (17)
  const chiTh2 = F.add(F.mul(g, g), F.mul(delta, delta));
  const chi2 = F.mul(chi, chi);
  const g2snr = F.mul(F.mul(g, g), snr);
  const gap = F.sub(chiTh2, chi2);
  const root = F.sqrt(F.add(F.add(F.mul(gap, gap), F.mul(F.mul(F.add(chiTh2, chi2), g2snr), eight)), F.mul(F.mul(g2snr, g2snr), F.of('16'))));
  const cos2alpha = F.mul(
    F.div(delta, F.sqrt(chiTh2)),
    F.sqrt(F.nonNegative(F.div(F.sub(F.add(F.add(chiTh2, chi2), F.mul(g2snr, four)), root), F.mul(chi2, two)))),
  ); // (18)
  const sinMagnitude = F.sqrt(F.nonNegative(F.sub(one, F.mul(cos2alpha, cos2alpha))));
  const sin2alpha = sinSign === 1 ? sinMagnitude : F.neg(sinMagnitude);
  const a = F.add(g, F.mul(chi, sin2alpha));
  const S = F.div(F.sub(F.sqrt(F.add(F.mul(a, a), F.mul(g2snr, four))), a), F.mul(F.mul(eta, mu), two)); // (16)
  return { S, cos2alpha, snr, v0 };
}

/** The closed form in decimals at `digits` digits. */
export function closedForm(digits: number, p: ModelOnePoint, sinSign: 1 | -1): { S: Dec; cos2alpha: Dec; snr: Dec; v0: Dec } {
  return closedFormOf(decimalField(decimalContext(digits)), p, sinSign);
}

/**
 * argmin over μ ∈ [10⁻⁶, 10⁶] of a function unimodal in log μ, by golden-section search until log μ
 * is fixed to 10⁻⁹ (past that, a minimum evaluated in doubles is flat to rounding); f gets μ as a
 * 17-digit decimal string.
 */
export function leastOverMu(f: (mu: string) => number): { mu: number; value: number } {
  const g = (logMu: number) => f(Math.exp(logMu).toPrecision(17));
  const ratio = (Math.sqrt(5) - 1) / 2;
  let [lo, hi] = [Math.log(1e-6), Math.log(1e6)];
  let [m1, m2] = [hi - ratio * (hi - lo), lo + ratio * (hi - lo)];
  let [g1, g2] = [g(m1), g(m2)];
  while (hi - lo > 1e-9) {
    if (g1 < g2) {
      [hi, m2, g2] = [m2, m1, g1];
      m1 = hi - ratio * (hi - lo);
      g1 = g(m1);
    } else {
      [lo, m1, g1] = [m1, m2, g2];
      m2 = lo + ratio * (hi - lo);
      g2 = g(m2);
    }
  }
  return { mu: Math.exp((lo + hi) / 2), value: g((lo + hi) / 2) };
}

/** argmin over log μ of the closed-form S (S is unimodal in log μ). */
export function optimalMu(p: Omit<ModelOnePoint, 'mu'>): { mu: number; S: number } {
  const best = leastOverMu((mu) => closedForm(30, { ...p, mu }, 1).S.toNumber());
  return { mu: best.mu, S: best.value };
}

/**
 * Ideal two-mode back-action evasion (assumption bae-ideal-limit) from (16)-(17): no drive (χ = 0)
 * and no back-action on the measured pair (V₀ -> N + ½ in (17)):
 *   S = [√(γ² + 8γημ(N + ½)) − γ]/(2ημ).
 */
export function backActionEvasionSOf<T>(F: Arithmetic<T>, p: { gamma: string; nbar: string; mu: string; eta: string }): T {
  const [g, n, mu, eta] = [p.gamma, p.nbar, p.mu, p.eta].map((x) => F.of(x)) as [T, T, T, T];
  const snr = F.div(F.mul(F.mul(F.mul(eta, mu), F.add(n, F.of('0.5'))), F.of('2')), g); // (17) without μ²
  return F.div(F.sub(F.sqrt(F.add(F.mul(g, g), F.mul(F.mul(F.mul(g, g), snr), F.of('4')))), g), F.mul(F.mul(eta, mu), F.of('2'))); // (16), χ = 0
}

/** The same in decimals at `digits` digits. */
export function backActionEvasionS(digits: number, p: { gamma: string; nbar: string; mu: string; eta: string }): Dec {
  return backActionEvasionSOf(decimalField(decimalContext(digits)), p);
}
