/**
 * Where a drift with exact numeric entries sits against its instability threshold, decided
 * exactly (no rounding, so never differently at 10 and at 100 digits):
 *   below-threshold  every eigenvalue has Re λ < 0 (Liénard-Chipart quantities of A all positive);
 *   at-threshold     the largest Re λ is exactly 0;
 *   above-threshold  some eigenvalue has Re λ > 0.
 * "At" is read from A − εI: max Re λ ≤ 0 iff A − εI is stable for every small ε > 0, i.e. iff in
 * each Liénard-Chipart quantity of A − εI (a polynomial in ε) the lowest power present has a
 * positive coefficient.
 */
import type { Matrix } from '../exact/matrix.ts';
import { RationalFunction, symbolIndex } from '../exact/rationalFunction.ts';
import { lienardChipart } from './stability.ts';

export type Regime = 'below-threshold' | 'at-threshold' | 'above-threshold';

const EPSILON = RationalFunction.symbol('ε_shift', { ascii: 'epsilon_shift', positive: true });

/** The sign of a real number the drift's entries make: −1, 0 or 1. */
export type SignOf = (x: RationalFunction) => number;

/** The exact sign of an exact real number (a drift with numeric entries). */
export const exactSign: SignOf = (x) => {
  const c = x.constantValue();
  if (c === undefined || !c.isReal()) throw new TypeError('stabilityRegime: the drift must have real numeric entries (substitute every parameter first)');
  return c.re.sign();
};

/** Sign of the lowest power of ε in q, and that power; sign 0 when q vanishes identically. */
function lowestOrder(q: RationalFunction, index: number, signOf: SignOf): { order: number; sign: number } {
  const den = signOf(RationalFunction.from(q.den));
  for (let k = 0; k <= q.num.degreeIn(index); k++) {
    const c = signOf(RationalFunction.from(q.num.coefficientOf(index, k)));
    if (c !== 0) return { order: k, sign: c * den };
  }
  return { order: 0, sign: 0 };
}

/**
 * The regime of a drift whose entries are real numbers, decided exactly by default; `signOf`
 * decides the sign of the numbers its Liénard-Chipart quantities are made of (numerically, for a
 * drift that holds square roots).
 */
export function stabilityRegime(drift: Matrix, signOf: SignOf = exactSign): Regime {
  // At ε = 0 the lowest power's coefficient is the quantity itself: when none is 0 their signs
  // decide, and A − εI (whose Liénard-Chipart quantities cost far more) is needed only at the threshold.
  const signs = lienardChipart(drift).map((q) => signOf(q));
  if (signs.every((s) => s > 0)) return 'below-threshold';
  if (signs.every((s) => s !== 0)) return 'above-threshold';
  const shifted = drift.map((row, i) => row.map((x, j) => (i === j ? x.sub(EPSILON) : x)));
  const index = symbolIndex(EPSILON);
  const lowest = lienardChipart(shifted).map((q) => lowestOrder(q, index, signOf));
  if (lowest.every((l) => l.order === 0 && l.sign > 0)) return 'below-threshold';
  if (lowest.every((l) => l.sign > 0)) return 'at-threshold';
  return 'above-threshold';
}
