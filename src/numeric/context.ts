/** Decimal arithmetic at a chosen working precision (default 50 significant digits). */
import { DetunedParampError } from '../exact/errors.ts';
import { Decimal } from 'decimal.js';

export type Dec = Decimal;
export type DecimalConstructor = typeof Decimal;

export const DEFAULT_DIGITS = 50;

/** A numeric step failed in a way that more working digits may cure (a zero pivot, lost positivity, no convergence). */
export class WorkingPrecisionError extends DetunedParampError {
  constructor(message: string) {
    super('WORKING_PRECISION', message);
  }
}

const contexts = new Map<number, DecimalConstructor>();

/**
 * The most digits a context may have: decimal.js computes ln, exp and the inverse trigonometric
 * functions from stored constants (π and ln 10) of about 1025 digits, and log10 fails from 999.
 */
export const MAX_CONTEXT_DIGITS = 990;

/** The --digits range of every command: a solve may raise its working precision up to MAX_CONTEXT_DIGITS − 10 above it. */
export const DIGITS_RANGE = { min: 20, max: 500 } as const;

/** An independent Decimal constructor at `digits` significant digits (cached per precision). */
export function decimalContext(digits: number = DEFAULT_DIGITS): DecimalConstructor {
  if (!Number.isInteger(digits) || digits < 10 || digits > MAX_CONTEXT_DIGITS)
    throw new RangeError(`digits must be an integer from 10 to ${MAX_CONTEXT_DIGITS}, got ${digits}`);
  let D = contexts.get(digits);
  if (D === undefined) {
    D = Decimal.clone({ precision: digits, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
    contexts.set(digits, D);
  }
  return D;
}

/**
 * The arithmetic to compute in from inputs such as `x`: theirs where it is not decimal.js (doubles,
 * quad-doubles: a caller that chose a faster arithmetic keeps it), else decimal.js at `digits`.
 */
export function arithmeticOf(x: Dec, digits: number): DecimalConstructor {
  return Decimal.isDecimal(x) ? decimalContext(digits) : ((x as { constructor: unknown }).constructor as DecimalConstructor);
}

/** How many leading significant digits two values share: −log10(|a − b| / max(|a|, |b|)), capped at `digits`; 0 when either is not finite. */
export function agreeingDigits(a: Dec, b: Dec, digits: number): number {
  if (!a.isFinite() || !b.isFinite()) return 0;
  const D = decimalContext(Math.max(digits, 10) + 10);
  // Values in another arithmetic (quad-doubles) come in as their decimal text.
  const x = new D(Decimal.isDecimal(a) ? a : (a as { toString(): string }).toString());
  const y = new D(Decimal.isDecimal(b) ? b : (b as { toString(): string }).toString());
  const scale = Decimal.max(x.abs(), y.abs());
  const diff = x.minus(y).abs();
  if (diff.isZero()) return digits;
  if (scale.isZero()) return 0;
  const d = diff.div(scale).log(10).neg().toNumber();
  return Math.max(0, Math.min(digits, Math.floor(d)));
}
