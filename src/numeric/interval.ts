/**
 * Interval arithmetic at `digits` significant digits with directed rounding, on decimal.js: every
 * operation returns an interval [lo, hi] that contains the exact result of the operation on any
 * points of its operands. A lower end is computed in a Decimal constructor that rounds toward −∞,
 * an upper end in one that rounds toward +∞ (decimal.js rounds by the constructor of the left
 * operand). +, −, ×, ÷ and √ are correctly rounded in decimal.js, so their ends are the exact ends
 * rounded outward; ln and exp are documented only to within one unit in the last place, so their
 * ends are widened by one more unit. Comparisons answer true, false, or undefined when the
 * intervals overlap and the answer is not decided.
 */
import { Decimal } from 'decimal.js';
import type { Rational } from '../exact/rational.ts';
import type { Dec, DecimalConstructor } from './context.ts';

export interface Interval {
  readonly lo: Dec;
  readonly hi: Dec;
}

export class IntervalError extends RangeError {}

export interface IntervalArithmetic {
  readonly digits: number;
  /** The tightest interval of `digits` digits around an exact rational (a point when it is representable). */
  exact(x: Rational): Interval;
  /** The interval of a decimal string or number read exactly and rounded outward. */
  of(x: string | number): Interval;
  add(a: Interval, b: Interval): Interval;
  sub(a: Interval, b: Interval): Interval;
  mul(a: Interval, b: Interval): Interval;
  /** Refused (IntervalError) when the divisor's interval contains 0. */
  div(a: Interval, b: Interval): Interval;
  neg(a: Interval): Interval;
  abs(a: Interval): Interval;
  /** Refused when the interval reaches below 0. */
  sqrt(a: Interval): Interval;
  /** Refused unless the interval is above 0. */
  ln(a: Interval): Interval;
  exp(a: Interval): Interval;
  /**
   * The angle atan2(y, x) ∈ (−π, π] over every point of the box y × x. Refused when the box holds
   * the origin (no angle) or crosses the branch cut, the negative x-axis (two angle ranges).
   */
  atan2(y: Interval, x: Interval): Interval;
  /** a < b for every point of each: true, false, or undefined when the intervals do not decide it. */
  lt(a: Interval, b: Interval): boolean | undefined;
  /** Whether x lies in a. */
  contains(a: Interval, x: Dec): boolean;
  width(a: Interval): Dec;
  midpoint(a: Interval): Dec;
  /** The smallest interval holding both. */
  hull(a: Interval, b: Interval): Interval;
}

/** Interval arithmetic whose ends carry `digits` significant digits. */
export function intervalArithmetic(digits: number): IntervalArithmetic {
  if (!Number.isInteger(digits) || digits < 2) throw new RangeError(`digits ${digits}: an integer of at least 2`);
  const config = { precision: digits, toExpNeg: -9e15, toExpPos: 9e15, maxE: 9e15, minE: -9e15 };
  const Down: DecimalConstructor = Decimal.clone({ ...config, rounding: Decimal.ROUND_FLOOR });
  const Up: DecimalConstructor = Decimal.clone({ ...config, rounding: Decimal.ROUND_CEIL });
  const Near: DecimalConstructor = Decimal.clone({ ...config, precision: digits + 5, rounding: Decimal.ROUND_HALF_EVEN });
  const interval = (lo: Dec, hi: Dec): Interval => {
    if (lo.isNaN() || hi.isNaN()) throw new IntervalError('an interval end is not a number');
    return { lo, hi };
  };
  /**
   * One unit in the last place of x at `digits` digits; 0 for 0, which decimal.js returns only where
   * the exact value is 0 (a result within one unit of a non-zero value is not 0).
   */
  const ulp = (x: Dec): Dec =>
    x.isZero()
      ? new Up(0)
      : new Up(10).pow(
          x
            .abs()
            .log(10)
            .floor()
            .minus(digits - 1),
        );
  const min = (xs: Dec[]) => xs.reduce((m, x) => (x.lt(m) ? x : m));
  const max = (xs: Dec[]) => xs.reduce((m, x) => (x.gt(m) ? x : m));
  /** A product or quotient: its extremes lie at the corners, each rounded outward (the left operand's constructor rounds). */
  const corners = (a: Interval, b: Interval, op: (x: Dec, y: Dec) => Dec): Interval => {
    const pairs: Array<[Dec, Dec]> = [
      [a.lo, b.lo],
      [a.lo, b.hi],
      [a.hi, b.lo],
      [a.hi, b.hi],
    ];
    return interval(min(pairs.map(([x, y]) => op(new Down(x), y))), max(pairs.map(([x, y]) => op(new Up(x), y))));
  };
  return {
    digits,
    exact: (x) => interval(new Down(x.num.toString()).div(x.den.toString()), new Up(x.num.toString()).div(x.den.toString())),
    of: (x) => {
      const text = typeof x === 'number' ? String(x) : x;
      return interval(new Down(text), new Up(text));
    },
    add: (a, b) => interval(new Down(a.lo).plus(b.lo), new Up(a.hi).plus(b.hi)),
    sub: (a, b) => interval(new Down(a.lo).minus(b.hi), new Up(a.hi).minus(b.lo)),
    mul: (a, b) => {
      // A point times an interval (R·J of a Krawczyk step, a coefficient times a box): two products, not eight.
      const [p, q] = a.lo.eq(a.hi) ? [a.lo, b] : b.lo.eq(b.hi) ? [b.lo, a] : [undefined, undefined];
      if (p === undefined || q === undefined) return corners(a, b, (x, y) => x.times(y));
      return p.isNegative() ? interval(new Down(p).times(q.hi), new Up(p).times(q.lo)) : interval(new Down(p).times(q.lo), new Up(p).times(q.hi));
    },
    div: (a, b) => {
      if (!b.lo.gt(0) && !b.hi.lt(0)) throw new IntervalError('division by an interval that contains 0');
      return corners(a, b, (x, y) => x.div(y));
    },
    neg: (a) => interval(a.hi.neg(), a.lo.neg()),
    abs: (a) => (a.lo.gte(0) ? a : a.hi.lte(0) ? interval(a.hi.neg(), a.lo.neg()) : interval(new Down(0), max([a.lo.neg(), a.hi]))),
    sqrt: (a) => {
      if (a.lo.isNegative() && !a.lo.isZero()) throw new IntervalError('square root of an interval that reaches below 0');
      return interval(new Down(a.lo).sqrt(), new Up(a.hi).sqrt());
    },
    ln: (a) => {
      if (!a.lo.gt(0)) throw new IntervalError('logarithm of an interval that reaches 0 or below');
      const [lo, hi] = [new Down(a.lo).ln(), new Up(a.hi).ln()];
      return interval(new Down(lo).minus(ulp(lo)), new Up(hi).plus(ulp(hi)));
    },
    exp: (a) => {
      const [lo, hi] = [new Down(a.lo).exp(), new Up(a.hi).exp()];
      // exp > 0: a lower end widened below 0 is clamped to 0.
      return interval(Decimal.max(new Down(lo).minus(ulp(lo)), 0) as Dec, new Up(hi).plus(ulp(hi)));
    },
    atan2: (y, x) => {
      if (!x.lo.gt(0) && !y.lo.gt(0) && !y.hi.lt(0)) throw new IntervalError('atan2 of a box that holds the origin or crosses the negative x-axis');
      // The angles of a box clear of the origin and the cut form one interval, ended at two corners;
      // decimal.js does not document atan2 as correctly rounded, so each end is widened by 2 ulps.
      const angles = [x.lo, x.hi].flatMap((xc) => [y.lo, y.hi].map((yc) => Near.atan2(yc, xc)));
      const [lo, hi] = [min(angles), max(angles)];
      return interval(new Down(lo).minus(ulp(lo).times(2)), new Up(hi).plus(ulp(hi).times(2)));
    },
    lt: (a, b) => (a.hi.lt(b.lo) ? true : a.lo.gte(b.hi) ? false : undefined),
    contains: (a, x) => a.lo.lte(x) && x.lte(a.hi),
    width: (a) => new Up(a.hi).minus(a.lo),
    midpoint: (a) => new Near(a.lo).plus(a.hi).div(2),
    hull: (a, b) => interval(a.lo.lt(b.lo) ? a.lo : b.lo, a.hi.gt(b.hi) ? a.hi : b.hi),
  };
}
