/**
 * Where a family of drifts A(p) loses stability as one parameter p grows from 0: the least p at
 * which a Liénard-Chipart quantity stops being positive. All other parameters are substituted
 * exactly, leaving polynomials in p, which are bisected in Decimal at twice the asked digits.
 */
import { gcd, Rational } from '../exact/rational.ts';
import { symbolIndex, type RationalFunction } from '../exact/rationalFunction.ts';
import { decimalContext, MAX_CONTEXT_DIGITS, type Dec, type DecimalConstructor } from './context.ts';
import { substituteValues } from './fromExact.ts';

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

/** The bisection's last bracket: stable at lo, not at hi (0 and 0 when unstable at 0); null when nothing below 2⁴⁰⁰⁰ destabilises. */
export function thresholdBracket(
  quantities: readonly RationalFunction[],
  parameter: RationalFunction,
  fixed: ReadonlyMap<RationalFunction, Rational>,
  digits: number,
): { lo: Dec; hi: Dec } | null {
  const index = symbolIndex(parameter);
  // Twice the digits (capped) so that the sign of a polynomial survives cancellation next to its root.
  const work = Math.min(2 * digits + 20, MAX_CONTEXT_DIGITS);
  const D = decimalContext(work);
  const polys = quantities.map((q) => univariate(D, substituteValues(q, fixed, parameter), index));
  const stableAt = (x: Dec) => polys.every((c) => c.reduceRight((acc, k) => acc.times(x).plus(k), new D(0)).gt(0));
  if (!stableAt(new D(0))) return { lo: new D(0), hi: new D(0) };
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
  if (work === 2 * digits + 20) return { lo, hi };
  // Capped below twice the digits, a quantity that touches 0 at the threshold (a double root, as
  // model one's quartic) is read by rounding there: the bracket is repaired in exact rationals.
  const exact = exactPolynomials(quantities, parameter, fixed);
  const repaired = exact && exactBracket(exact, Rational.parse(lo.toString()), Rational.parse(hi.toString()));
  const decimal = (x: Rational) => new D(x.num.toString()).div(x.den.toString());
  return repaired ? { lo: decimal(repaired.lo), hi: decimal(repaired.hi) } : { lo, hi };
}

/** The stability quantities as polynomials in p with exact rational coefficients (the other parameters substituted); undefined if one is not. */
function exactPolynomials(
  quantities: readonly RationalFunction[],
  parameter: RationalFunction,
  fixed: ReadonlyMap<RationalFunction, Rational>,
): RationalPolynomial[] | undefined {
  const index = symbolIndex(parameter);
  const exact: RationalPolynomial[] = [];
  for (const q of quantities) {
    const p = substituteValues(q, fixed, parameter).asPolynomial();
    const coefficients = p && Array.from({ length: p.degreeIn(index) + 1 }, (_, k) => p.coefficientOf(index, k).constantValue());
    if (coefficients === undefined || coefficients.some((c) => c === undefined || !c.isReal())) return undefined;
    exact.push(coefficients.map((c) => c!.re));
  }
  return exact;
}

/**
 * A bracket [a, b] of the least p where a quantity stops being positive, checked and repaired in
 * exact rationals: widened (doubling) until a is stable and b is not, then bisected back to the
 * width b − a had. Undefined when 64 doublings do not find the change.
 */
function exactBracket(exact: readonly RationalPolynomial[], a: Rational, b: Rational): { lo: Rational; hi: Rational } | undefined {
  const stableAt = (x: Rational) => exact.every((p) => signAt(p, x) > 0);
  const target = b.sub(a);
  let [lo, hi, width] = [a, b, target];
  for (let k = 0; k < 64 && !lo.isZero() && !stableAt(lo); k++, width = width.mul(Rational.of(2)))
    lo = lo.sub(width).sign() > 0 ? lo.sub(width) : Rational.ZERO;
  for (let k = 0; k < 64 && stableAt(hi); k++, width = width.mul(Rational.of(2))) hi = hi.add(width);
  if (!stableAt(lo) || stableAt(hi)) return undefined;
  while (hi.sub(lo).compare(target) > 0) {
    const mid = lo.add(hi).div(Rational.of(2));
    if (stableAt(mid)) lo = mid;
    else hi = mid;
  }
  return { lo, hi };
}

/** A polynomial over the rationals, coefficients from the constant term up. */
type RationalPolynomial = Rational[];

/**
 * The sign of p(x), in integers: with L the coefficients' common denominator and x = a/b (b > 0),
 * L·b^d·p(x) = Σ L·c_k a^k b^(d−k) has p(x)'s sign, and its Horner scheme in bigints reduces no
 * fraction (rational Horner's gcds took seconds at a 60-digit x and degree 30).
 */
function signAt(p: RationalPolynomial, x: Rational): number {
  if (p.length === 0) return 0;
  const common = p.reduce((l, c) => (l / gcd(l, c.den)) * c.den, 1n);
  const integers = p.map((c) => c.num * (common / c.den));
  let sum = integers[integers.length - 1]!;
  let power = 1n;
  for (let k = integers.length - 2; k >= 0; k--) {
    power *= x.den;
    sum = sum * x.num + integers[k]! * power;
  }
  return sum > 0n ? 1 : sum < 0n ? -1 : 0;
}

function trimmed(p: RationalPolynomial): RationalPolynomial {
  const q = [...p];
  while (q.length > 0 && q[q.length - 1]!.isZero()) q.pop();
  return q;
}

function remainder(a: RationalPolynomial, b: RationalPolynomial): RationalPolynomial {
  const r = [...a];
  const lead = b[b.length - 1]!;
  for (let k = r.length - b.length; k >= 0; k--) {
    const f = r[k + b.length - 1]!.div(lead);
    for (let j = 0; j < b.length; j++) r[k + j] = r[k + j]!.sub(f.mul(b[j]!));
  }
  return trimmed(r.slice(0, b.length - 1));
}

/** The number of distinct real roots of p in (a, b], a < b, neither a root: Sturm's theorem. */
function rootsBetween(p: RationalPolynomial, a: Rational, b: Rational): number {
  const chain = [trimmed(p)];
  const derivative = trimmed(p.slice(1).map((c, k) => c.mul(Rational.of(k + 1))));
  if (derivative.length > 0) chain.push(derivative);
  while (chain[chain.length - 1]!.length > 1) {
    const r = remainder(chain[chain.length - 2]!, chain[chain.length - 1]!);
    if (r.length === 0) break;
    chain.push(r.map((c) => c.neg()));
  }
  const changes = (x: Rational) => {
    const signs = chain.map((q) => signAt(q, x)).filter((s) => s !== 0);
    return signs.slice(1).filter((s, k) => s !== signs[k]).length;
  };
  return changes(a) - changes(b);
}

/**
 * The threshold enclosed: every stability quantity, a polynomial in p with the other parameters
 * substituted exactly, is positive at 0 and has no root in (0, lo] (Sturm's theorem, in exact
 * rationals), so the drift is stable on [0, lo]; and at hi one is ≤ 0. The least p at which
 * stability stops then lies in (lo, hi], the bisection's bracket (thresholdBracket), 10^-(digits+2)
 * of p wide. [0, 0] when a quantity is ≤ 0 at 0; undefined when this does not prove it.
 */
export function provedThreshold(
  quantities: readonly RationalFunction[],
  parameter: RationalFunction,
  fixed: ReadonlyMap<RationalFunction, Rational>,
  bracket: { readonly lo: Dec; readonly hi: Dec },
): { lo: Rational; hi: Rational } | undefined {
  const exact = exactPolynomials(quantities, parameter, fixed);
  if (exact === undefined) return undefined;
  const [a, b] = [Rational.parse(bracket.lo.toString()), Rational.parse(bracket.hi.toString())];
  if (b.isZero()) return exact.every((p) => signAt(p, Rational.ZERO) > 0) ? undefined : { lo: a, hi: b };
  const checked = exactBracket(exact, a, b);
  if (checked === undefined) return undefined;
  const { lo } = checked;
  const stableUpTo = exact.every((p) => signAt(p, Rational.ZERO) > 0 && (lo.isZero() || (signAt(p, lo) > 0 && rootsBetween(p, Rational.ZERO, lo) === 0)));
  return stableUpTo ? checked : undefined;
}
