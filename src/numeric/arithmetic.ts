/**
 * The fastest arithmetic that holds a number of working digits, for solvers written against
 * decimal.js's interface: doubles to 15 digits, quad-doubles to QUAD_DOUBLE_MAX_DIGITS, decimal.js
 * above. Values cross between them as decimal text (toArithmetic).
 */
import { decimalContext, type Dec, type DecimalConstructor } from './context.ts';
import { Float64Context } from './float64.ts';
import type { DMatrix } from './matrix.ts';
import { QUAD_DOUBLE_MAX_DIGITS, QuadDoubleContext } from './quadDouble.ts';

export function fastestArithmetic(digits: number): DecimalConstructor {
  if (digits <= 15) return Float64Context;
  return digits <= QUAD_DOUBLE_MAX_DIGITS ? QuadDoubleContext : decimalContext(digits);
}

/** A matrix carried into another arithmetic (exact where the target holds the digits). */
export const toArithmetic = (A: DecimalConstructor, m: DMatrix): DMatrix => m.map((row) => row.map((x) => new A(x.toString())));

/** Σ xᵢyᵢ: by the arithmetic's own fused kernel where it has one (quad-doubles), else term by term. */
export function dot(xs: readonly Dec[], ys: readonly Dec[]): Dec {
  const D = xs[0]!.constructor as DecimalConstructor & { dot?: (xs: readonly Dec[], ys: readonly Dec[]) => Dec };
  if (D.dot !== undefined) return D.dot(xs, ys);
  let s = xs[0]!.times(ys[0]!);
  for (let i = 1; i < xs.length; i++) s = s.plus(xs[i]!.times(ys[i]!));
  return s;
}
