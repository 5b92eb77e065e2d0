/** The working precision of the numeric claims (verify --digits), and the agreement a headline number must reach at it. */
import { DEFAULT_DIGITS, DIGITS_RANGE } from '../src/numeric/context.ts';

let digits = DEFAULT_DIGITS;

export function workingDigits(): number {
  return digits;
}

export function setWorkingDigits(n: number): void {
  if (!Number.isInteger(n) || n < DIGITS_RANGE.min || n > DIGITS_RANGE.max) throw new RangeError(`digits must be an integer from ${DIGITS_RANGE.min} to ${DIGITS_RANGE.max}, got ${n}`);
  digits = n;
}

/** Two routes to one number must share all but ten digits of the working precision. */
export function requiredDigits(): number {
  return digits - 10;
}
