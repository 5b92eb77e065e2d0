/**
 * The fastest arithmetic that holds a number of working digits, for solvers written against
 * decimal.js's interface: doubles to 15 digits, quad-doubles to QUAD_DOUBLE_MAX_DIGITS, decimal.js
 * above. Values cross between them as decimal text (toArithmetic).
 */
import { decimalContext, type DecimalConstructor } from './context.ts';
import { Float64Context } from './float64.ts';
import type { DMatrix } from './matrix.ts';
import type { TrigSeries } from './periodicRiccati.ts';
import { QUAD_DOUBLE_MAX_DIGITS, QuadDoubleContext } from './quadDouble.ts';

export function fastestArithmetic(digits: number): DecimalConstructor {
  if (digits <= 15) return Float64Context;
  return digits <= QUAD_DOUBLE_MAX_DIGITS ? QuadDoubleContext : decimalContext(digits);
}

/** A matrix carried into another arithmetic (exact where the target holds the digits): to or from doubles as numbers, else as decimal text; unchanged where it is already in it. */
export const toArithmetic = (A: DecimalConstructor, m: DMatrix): DMatrix =>
  m.every((row) => row.every((x) => x.constructor === A))
    ? m
    : m.map((row) => row.map((x) => new A(A === Float64Context || x.constructor === Float64Context ? x.toNumber() : x.toString())));

/** A series carried into another arithmetic, harmonic by harmonic (toArithmetic). */
export const seriesToArithmetic = (A: DecimalConstructor, x: TrigSeries): TrigSeries => ({
  cos: x.cos.map((m) => toArithmetic(A, m)),
  sin: x.sin.map((m) => toArithmetic(A, m)),
});
