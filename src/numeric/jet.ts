/**
 * Arithmetic that a formula can be written against once and evaluated two ways: on intervals (an
 * enclosure of the value), or on second-order jets of intervals (an enclosure of the value and of
 * its first two derivatives along one parameter, forward-mode automatic differentiation). A jet
 * holds every f(μ), f'(μ) and f''(μ) for μ in an interval, given jets of the inputs that do.
 */
import type { Dec, DecimalConstructor } from './context.ts';
import { IntervalError, type Interval, type IntervalArithmetic } from './interval.ts';

export interface Arithmetic<T> {
  of(x: string): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  /** Refused (IntervalError) when the divisor's enclosure holds 0. */
  div(a: T, b: T): T;
  neg(a: T): T;
  /** Refused when the enclosure reaches below 0 (a jet: when it holds 0, where √ has no derivative). */
  sqrt(a: T): T;
  /** A quantity known to be ≥ 0 whose enclosure may dip below 0 by its width: clamped at 0 (a jet is returned as it is, and √ decides). */
  nonNegative(a: T): T;
  /** The enclosure of the value, on which a formula decides its branches. */
  value(a: T): Interval;
}

/** Intervals as an Arithmetic. */
export function intervalField(I: IntervalArithmetic): Arithmetic<Interval> {
  const zero = I.of('0');
  return {
    of: I.of,
    add: I.add,
    sub: I.sub,
    mul: I.mul,
    div: I.div,
    neg: I.neg,
    sqrt: I.sqrt,
    nonNegative: (a) => ({ lo: a.lo.isNegative() ? zero.lo : a.lo, hi: a.hi.isNegative() ? zero.hi : a.hi }),
    value: (a) => a,
  };
}

/** Decimals at one precision as an Arithmetic (rounded to nearest: a computation, not an enclosure; `value` is the point). */
export function decimalField(D: DecimalConstructor): Arithmetic<Dec> {
  return {
    of: (x) => new D(x),
    add: (a, b) => a.plus(b),
    sub: (a, b) => a.minus(b),
    mul: (a, b) => a.times(b),
    div: (a, b) => a.div(b),
    neg: (a) => a.neg(),
    sqrt: (a) => a.sqrt(),
    nonNegative: (a) => a,
    value: (a) => ({ lo: a, hi: a }),
  };
}

export interface Jet {
  readonly value: Interval;
  /** The first and second derivatives along the parameter. */
  readonly slope: Interval;
  readonly curvature: Interval;
}

/**
 * Second-order jets of intervals: (u, u', u'')·(v, v', v'') = (uv, u'v + uv', u''v + 2u'v' + uv''),
 * a quotient and a root from differentiating q·b = a and r·r = a twice.
 */
export function jetArithmetic(I: IntervalArithmetic): Arithmetic<Jet> {
  const zero = I.of('0');
  const two = I.of('2');
  const twice = (x: Interval) => I.mul(two, x);
  return {
    of: (x) => ({ value: I.of(x), slope: zero, curvature: zero }),
    add: (a, b) => ({ value: I.add(a.value, b.value), slope: I.add(a.slope, b.slope), curvature: I.add(a.curvature, b.curvature) }),
    sub: (a, b) => ({ value: I.sub(a.value, b.value), slope: I.sub(a.slope, b.slope), curvature: I.sub(a.curvature, b.curvature) }),
    mul: (a, b) => ({
      value: I.mul(a.value, b.value),
      slope: I.add(I.mul(a.slope, b.value), I.mul(a.value, b.slope)),
      curvature: I.add(I.add(I.mul(a.curvature, b.value), twice(I.mul(a.slope, b.slope))), I.mul(a.value, b.curvature)),
    }),
    div: (a, b) => {
      const q = I.div(a.value, b.value);
      const q1 = I.div(I.sub(a.slope, I.mul(q, b.slope)), b.value);
      const q2 = I.div(I.sub(I.sub(a.curvature, twice(I.mul(q1, b.slope))), I.mul(q, b.curvature)), b.value);
      return { value: q, slope: q1, curvature: q2 };
    },
    neg: (a) => ({ value: I.neg(a.value), slope: I.neg(a.slope), curvature: I.neg(a.curvature) }),
    sqrt: (a) => {
      if (!a.value.lo.gt(0)) throw new IntervalError('the derivative of √ at an interval that reaches 0');
      const r = I.sqrt(a.value);
      const r1 = I.div(a.slope, twice(r));
      return { value: r, slope: r1, curvature: I.div(I.sub(a.curvature, twice(I.mul(r1, r1))), twice(r)) };
    },
    nonNegative: (a) => a,
    value: (a) => a.value,
  };
}
