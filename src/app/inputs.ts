/**
 * The library's entry checks: a precision, a real matrix, a covariance of a physical state.
 * Each refusal is an InputError naming the argument and what it may be, before any computing.
 */
import { DetunedParampError } from '../exact/errors.ts';
import { Decimal } from 'decimal.js';
import { physicality } from '../entanglement/gaussianState.ts';
import { DEFAULT_DIGITS, DIGITS_RANGE, decimalContext } from '../numeric/context.ts';
import { symmetricEigen } from '../numeric/eigen.ts';
import type { DMatrix } from '../numeric/matrix.ts';
import { VALUE_LIMITS } from '../models/values.ts';

/** An argument the library refuses: the message names it and its allowed range. */
export class InputError extends DetunedParampError {
  constructor(message: string, code: 'INPUT' | 'NOT_PHYSICAL' = 'INPUT') {
    super(code, message);
  }
}

/** A covariance matrix that is not that of a quantum state (V + iΩ/2 ≱ 0, or V not symmetric positive). */
export class NotPhysicalStateError extends InputError {
  constructor(message: string) {
    super(message, 'NOT_PHYSICAL');
  }
}

/** A real number given exactly (decimal string, bigint), or a finite JS number, or a Decimal. */
export type RealInput = number | string | bigint | Decimal;
export type MatrixInput = ReadonlyArray<ReadonlyArray<RealInput>>;

/** `digits` (default 50), an integer in DIGITS_RANGE. */
export function checkedDigits(digits: unknown = DEFAULT_DIGITS): number {
  if (typeof digits !== 'number' || !Number.isInteger(digits) || digits < DIGITS_RANGE.min || digits > DIGITS_RANGE.max) {
    throw new InputError(`digits = ${String(digits).slice(0, 40)}: an integer from ${DIGITS_RANGE.min} to ${DIGITS_RANGE.max}`);
  }
  return digits;
}

function realEntry(name: string, i: number, j: number, x: unknown, D: typeof Decimal): Decimal {
  const where = `${name}[${i}][${j}]`;
  if (typeof x === 'number' && !Number.isFinite(x)) throw new InputError(`${where} = ${x}: a finite real number`);
  if (typeof x === 'string' && x.length > VALUE_LIMITS.maxLength) throw new InputError(`${where}: a number of at most ${VALUE_LIMITS.maxLength} characters`);
  if (typeof x !== 'number' && typeof x !== 'string' && typeof x !== 'bigint' && !Decimal.isDecimal(x))
    throw new InputError(`${where}: a number, a decimal string, a bigint or a Decimal, got ${typeof x}`);
  let value: Decimal;
  try {
    value = new D(typeof x === 'bigint' ? x.toString() : (x as string | number | Decimal));
  } catch {
    throw new InputError(`${where} = "${String(x).slice(0, 40)}": not a number`);
  }
  if (!value.isFinite()) throw new InputError(`${where} = ${String(x).slice(0, 40)}: a finite real number`);
  return value;
}

/** A square n×n real matrix (n given, or any n ≥ 1) at `digits` digits. */
export function realMatrix(name: string, m: unknown, digits: number, n?: number): DMatrix {
  const size = n === undefined ? 'square' : `${n}×${n}`;
  if (!Array.isArray(m) || m.length === 0 || (n !== undefined && m.length !== n)) throw new InputError(`${name}: a ${size} array of rows`);
  if (!m.every((row) => Array.isArray(row) && row.length === m.length))
    throw new InputError(`${name}: a ${size} array of rows, every row of length ${m.length}`);
  const D = decimalContext(digits);
  return m.map((row: unknown[], i) => row.map((x, j) => realEntry(name, i, j, x, D)));
}

/** A symmetric matrix: V_ij = V_ji to within 10^-(digits-5) of the largest entry. */
export function symmetricMatrix(name: string, m: unknown, digits: number, n?: number): DMatrix {
  const v = realMatrix(name, m, digits, n);
  const scale = Decimal.max(1, ...v.flat().map((x) => x.abs()));
  const tolerance = scale.times(`1e-${digits - 5}`);
  for (const [i, row] of v.entries()) {
    for (const [j, x] of row.entries()) {
      if (x.minus(v[j]![i]!).abs().gt(tolerance)) throw new InputError(`${name}: not symmetric (${name}[${i}][${j}] ≠ ${name}[${j}][${i}])`);
    }
  }
  return v;
}

/** The covariance of a two-mode Gaussian state in the order (X₁, Y₁, X₂, Y₂): 4×4, symmetric, V + iΩ/2 ≥ 0. */
export function physicalCovariance(name: string, m: unknown, digits: number): DMatrix {
  const v = symmetricMatrix(name, m, digits, 4);
  const least = symmetricEigen(decimalContext(digits), v).values[0]!;
  if (!least.gt(0))
    throw new NotPhysicalStateError(`${name}: not the covariance of a quantum state (it needs V > 0; its least eigenvalue is ${least.toSignificantDigits(6)})`);
  const p = physicality(digits, v);
  if (!p.physical) {
    throw new NotPhysicalStateError(
      `${name}: not the covariance of a quantum state (it needs V > 0 and every symplectic eigenvalue ≥ ½, the vacuum's; the smallest is ${p.smallestSymplectic.toSignificantDigits(6)})`,
    );
  }
  return v;
}
