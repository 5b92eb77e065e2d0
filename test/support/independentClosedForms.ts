/**
 * The paper's closed forms typed here again from the paper with decimal.js, for tests: an
 * implementation that shares no code with src/ or proofs/.
 */
import { Decimal } from 'decimal.js';

/** S of Eq. (16) with α from (18), sin 2α ≥ 0, to `digits` significant digits (carried at 2·digits + 40). */
export function independentS(g: string, delta: string, chi: string, n: string, mu: string, eta: string, digits = 40): string {
  const Fine = Decimal.clone({ precision: 2 * digits + 40 });
  const [G, De, C, N, M, E] = [g, delta, chi, n, mu, eta].map((x) => new Fine(x)) as Decimal[];
  const snr = E!
    .times(M!)
    .times(N!.plus(0.5).plus(M!.div(G!.times(2))))
    .times(2)
    .div(G!);
  const th2 = G!.pow(2).plus(De!.pow(2));
  const c2 = C!.pow(2);
  const k = G!.pow(2).times(snr);
  const inner = th2
    .plus(c2)
    .plus(k.times(4))
    .minus(th2.minus(c2).pow(2).plus(th2.plus(c2).times(k).times(8)).plus(k.pow(2).times(16)).sqrt())
    .div(c2.times(2));
  const cos2a = De!.div(th2.sqrt()).times(inner.sqrt());
  const sin2a = new Fine(1).minus(cos2a.pow(2)).sqrt();
  const a = G!.plus(C!.times(sin2a));
  return a.pow(2).plus(k.times(4)).sqrt().minus(a).div(E!.times(M!).times(2)).toSignificantDigits(digits).toString();
}

/**
 * Ideal two-mode back-action evasion: X₊ obeys dV = −2γV + 2γ(N + ½) − 4ημV² (no back-action on
 * the measured pair, no drive), so V = [√(γ² + 8γημ(N + ½)) − γ]/(4ημ) and S = 2V, to `digits`
 * digits (the cancellation in √(…) − γ is carried at 2·digits + 40, enough for ημ ≥ 10⁻⁴⁰γ).
 */
export function independentBaeS(g: string, n: string, mu: string, eta: string, digits = 40): string {
  const Fine = Decimal.clone({ precision: 2 * digits + 40 });
  const [G, N, M, E] = [g, n, mu, eta].map((x) => new Fine(x)) as Decimal[];
  const em = E!.times(M!);
  return G!
    .pow(2)
    .plus(G!.times(em).times(N!.plus(0.5)).times(8))
    .sqrt()
    .minus(G!)
    .div(em.times(2))
    .toSignificantDigits(digits)
    .toString();
}
