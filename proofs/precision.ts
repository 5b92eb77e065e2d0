/** The working precision of the numeric claims (verify --digits), and the agreement a headline number must reach at it. */
import { DEFAULT_DIGITS } from '../src/numeric/context.ts';

let digits = DEFAULT_DIGITS;

export function workingDigits(): number {
  return digits;
}

export function setWorkingDigits(n: number): void {
  if (!Number.isInteger(n) || n < 20 || n > 500) throw new RangeError(`digits must be an integer from 20 to 500, got ${n}`);
  digits = n;
}

/** Two routes to one number must share all but ten digits of the working precision. */
export function requiredDigits(): number {
  return digits - 10;
}
