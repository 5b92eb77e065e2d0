/**
 * Where a family of drifts A(p) loses stability as one parameter p grows from 0: the least p at
 * which a Liénard-Chipart quantity stops being positive. All other parameters are substituted
 * exactly, leaving polynomials in p, which are bisected in Decimal at twice the asked digits.
 */
import type { Rational } from '../exact/rational.ts';
import { RationalFunction, symbolIndex } from '../exact/rationalFunction.ts';
import { decimalContext, MAX_CONTEXT_DIGITS, type Dec, type DecimalConstructor } from './context.ts';

function univariate(D: DecimalConstructor, q: RationalFunction, index: number): Dec[] {
  const p = q.asPolynomial();
  if (p === undefined) throw new Error('a stability quantity is not a polynomial in the swept parameter');
  return Array.from({ length: p.degreeIn(index) + 1 }, (_, k) => {
    const c = p.coefficientOf(index, k).constantValue();
    if (c === undefined || !c.isReal()) throw new Error('a stability quantity depends on a parameter that has no value');
    return new D(c.re.num.toString()).div(c.re.den.toString());
  });
}

/** The search doubles p from 1 this many times (to about 10¹²⁰⁰) before it answers that nothing destabilises. */
export const MAX_DOUBLINGS = 4000;

export function stabilityThreshold(
  quantities: readonly RationalFunction[],
  parameter: RationalFunction,
  fixed: ReadonlyMap<RationalFunction, Rational>,
  digits: number,
): Dec | null {
  const index = symbolIndex(parameter);
  // Twice the digits (capped) so that the sign of a polynomial survives cancellation next to its root.
  const work = Math.min(2 * digits + 20, MAX_CONTEXT_DIGITS);
  const D = decimalContext(work);
  const polys = quantities.map((q) => {
    let r = q;
    for (const [s, v] of fixed) if (symbolIndex(s) !== index) r = r.substitute(symbolIndex(s), RationalFunction.from(v));
    return univariate(D, r, index);
  });
  const stableAt = (x: Dec) => polys.every((c) => c.reduceRight((acc, k) => acc.times(x).plus(k), new D(0)).gt(0));
  if (!stableAt(new D(0))) return new (decimalContext(digits))(0);
  let lo = new D(0);
  let hi = new D(1);
  for (let doublings = 0; stableAt(hi); doublings++) {
    if (doublings > MAX_DOUBLINGS) return null;
    lo = hi;
    hi = hi.times(2);
  }
  const tolerance = new D(10).pow(-(digits + 2));
  while (hi.minus(lo).gt(tolerance.times(hi))) {
    const mid = lo.plus(hi).div(2);
    if (stableAt(mid)) lo = mid;
    else hi = mid;
  }
  return new (decimalContext(digits))(lo);
}
