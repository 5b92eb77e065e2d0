/**
 * Reading one parameter value exactly: a decimal string or a fraction (0.1 is 1/10), within
 * VALUE_LIMITS. A value that cannot be read is a ParameterError naming the parameter through a
 * label the caller chooses (`--mu` on the command line, `column "mu"` in a file).
 */
import { DetunedParampError } from '../exact/errors.ts';
import { Rational } from '../exact/rational.ts';

export class ParameterError extends DetunedParampError {
  constructor(message: string) {
    super('PARAMETER', message);
  }
}

/**
 * What a parameter value may be: at most this many characters (room for the tool's own output at
 * 500 digits, and for figure2's square roots at 530), and 0 or a magnitude in
 * [10^-maxExponent, 10^maxExponent].
 */
export const VALUE_LIMITS = { maxLength: 1100, maxExponent: 300 } as const;
const LARGEST = Rational.of(10n ** BigInt(VALUE_LIMITS.maxExponent));
const SMALLEST = Rational.of(1n, 10n ** BigInt(VALUE_LIMITS.maxExponent));

/** How a message names a parameter: `--mu` on the command line, `column "mu"` in a file. */
export type ParameterLabel = (name: string) => string;
/** The library's default: `parameter mu`. */
export const parameterLabel: ParameterLabel = (name) => `parameter ${name}`;

/** A parameter value read exactly (a decimal or a fraction) within VALUE_LIMITS; `describe` says what the parameter may be. */
export function exactValue(name: string, text: string, label: ParameterLabel, describe: string): Rational {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  if (text.length > VALUE_LIMITS.maxLength) throw new ParameterError(`${label(name)}: "${shown}" is longer than ${VALUE_LIMITS.maxLength} characters`);
  let value: Rational;
  try {
    value = Rational.parse(text);
  } catch {
    throw new ParameterError(`${label(name)}: "${shown}" is not a number, or its exponent is beyond ±${VALUE_LIMITS.maxExponent} (${describe})`);
  }
  const size = value.abs();
  if (!value.isZero() && (size.compare(LARGEST) > 0 || size.compare(SMALLEST) < 0)) {
    throw new ParameterError(
      `${label(name)} = ${shown}: outside the supported magnitudes, 0 or 1e-${VALUE_LIMITS.maxExponent} ≤ |x| ≤ 1e${VALUE_LIMITS.maxExponent} (${describe})`,
    );
  }
  return value;
}
