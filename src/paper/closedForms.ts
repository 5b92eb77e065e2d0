/**
 * The paper's closed forms (14), (16)-(18) transcribed as printed, in Decimal, so that they
 * can be compared with the Riccati steady state. sin 2α is a choice of branch: (18) gives
 * only cos 2α, and the sign of sin 2α is the sign convention of C₊ (see eq12).
 */
import { decimalContext, type Dec } from '../numeric/context.ts';

export interface ModelOnePoint {
  readonly gamma: string;
  readonly delta: string;
  readonly chi: string;
  readonly nbar: string;
  readonly mu: string;
  readonly eta: string;
}

export function closedForm(digits: number, p: ModelOnePoint, sinSign: 1 | -1): { S: Dec; cos2alpha: Dec; snr: Dec; v0: Dec } {
  const D = decimalContext(digits);
  const [g, delta, chi, n, mu, eta] = [p.gamma, p.delta, p.chi, p.nbar, p.mu, p.eta].map((x) => new D(x)) as [Dec, Dec, Dec, Dec, Dec, Dec];
  const v0 = n.plus(0.5).plus(mu.div(g.times(2))); // (14)
  const snr = eta.times(mu).times(v0).times(2).div(g); // (17)
  const chiTh2 = g.times(g).plus(delta.times(delta));
  const chi2 = chi.times(chi);
  const g2snr = g.times(g).times(snr);
  const root = chiTh2.minus(chi2).pow(2).plus(chiTh2.plus(chi2).times(g2snr).times(8)).plus(g2snr.times(g2snr).times(16)).sqrt();
  const cos2alpha = delta.div(chiTh2.sqrt()).times(chiTh2.plus(chi2).plus(g2snr.times(4)).minus(root).div(chi2.times(2)).sqrt()); // (18)
  const sin2alpha = new D(1).minus(cos2alpha.times(cos2alpha)).sqrt().times(sinSign);
  const a = g.plus(chi.times(sin2alpha));
  const S = a.times(a).plus(g2snr.times(4)).sqrt().minus(a).div(eta.times(mu).times(2)); // (16)
  return { S, cos2alpha, snr, v0 };
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
export function backActionEvasionS(digits: number, p: { gamma: string; nbar: string; mu: string; eta: string }): Dec {
  const D = decimalContext(digits);
  const [g, n, mu, eta] = [p.gamma, p.nbar, p.mu, p.eta].map((x) => new D(x)) as [Dec, Dec, Dec, Dec];
  const snr = eta.times(mu).times(n.plus(0.5)).times(2).div(g); // (17) without μ²
  return g.times(g).plus(g.times(g).times(snr).times(4)).sqrt().minus(g).div(eta.times(mu).times(2)); // (16), χ = 0
}
