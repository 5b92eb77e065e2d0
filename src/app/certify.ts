/**
 * Precision follows conditioning: a result is computed at two working precisions, raised
 * (digits + 10, + 30, + 70, …) until every number it prints agrees between them to `digits`; a
 * step that fails at one precision (a zero pivot, lost positivity, a Newton-Kleinman that does
 * not settle: a WorkingPrecisionError) is retried at the next.
 */
import { DetunedParampError } from '../exact/errors.ts';
import { Decimal } from 'decimal.js';
import type { TwoModeAnalysis } from '../entanglement/analysis.ts';
import { MAX_CONTEXT_DIGITS, WorkingPrecisionError, type Dec } from '../numeric/context.ts';
import type { DMatrix } from '../numeric/matrix.ts';

/** Every number a result prints, by name, with the scale on which two precisions must agree: its own size (floor 0), or a natural floor for numbers that may be exactly 0. */
export type PrintedNumbers = Map<string, { value: Dec; floor: Dec | number | string }>;

/** E_N is relative down to 10^-(digits+5), absolute below: a pure state's E_N is exactly 0, and rounding leaves residue. */
export function logNegativityFloorOf(digits: number): string {
  return `1e-${digits + 5}`;
}

const largest = (m: DMatrix) => m.flat().reduce((x, y) => (y.abs().gt(x) ? y.abs() : x), m[0]![0]!.abs());

/** The scale on which Simon's invariant of the covariance `v` agrees between precisions: (largest variance)⁴. */
function simonScaleOf(v: DMatrix): Dec {
  return largest(v).pow(4);
}

/** A covariance's entries, each on the scale of the largest. */
export function addMatrixNumbers(out: PrintedNumbers, name: string, m: DMatrix | undefined): void {
  if (m === undefined) return;
  const floor = largest(m);
  for (const [i, row] of m.entries()) for (const [j, x] of row.entries()) out.set(`${name}${i}${j}`, { value: x, floor });
}

/** A two-mode analysis of the covariance `v`: angles agree through cos 2θ and sin 2θ (an arctangent at working precision costs more than the whole solve), Simon's invariant on the scale (largest variance)⁴. */
export function addAnalysisNumbers(out: PrintedNumbers, a: TwoModeAnalysis, v: DMatrix, digits: number): void {
  for (const [k, x] of Object.entries({ S: a.S, vp: a.vAlphaPlus, vm: a.vAlphaMinus, duan: a.duan, nu: a.smallestSymplectic }))
    out.set(k, { value: x, floor: 0 });
  for (const [k, x] of Object.entries({ cos2alpha: a.cos2alpha, sin2alpha: a.sin2alpha })) out.set(k, { value: x, floor: 1 });
  for (const [k, x] of Object.entries({ en: a.logNegativity, enPT: a.logNegativityCheck.value })) out.set(k, { value: x, floor: logNegativityFloorOf(digits) });
  out.set('simon', { value: a.simon, floor: simonScaleOf(v) });
}

/** The most working digits the escalation reaches before giving up (internal steps add up to 10 more). */
export const MAX_WORKING_DIGITS = MAX_CONTEXT_DIGITS - 10;

/** A result could not be made to hold its digits within MAX_WORKING_DIGITS. */
export class PrecisionError extends DetunedParampError {
  constructor(message: string) {
    super('PRECISION', message);
  }
}

function agreeTo(x: PrintedNumbers, y: PrintedNumbers, digits: number): boolean {
  if (x.size !== y.size) return false;
  const tolerance = `1e-${digits}`;
  for (const [k, { value, floor }] of x) {
    const w = y.get(k)?.value;
    if (w === undefined || !value.isFinite() || !w.isFinite()) return false;
    // The scale only sets the tolerance, so Decimal's default 20 digits are enough for it.
    if (
      value
        .minus(w)
        .abs()
        .gt(Decimal.max(value.abs(), w.abs(), floor).times(tolerance))
    )
      return false;
  }
  return true;
}

/** Printed numbers carried to decimal.js (from a reference computed in another arithmetic). */
function inDecimal(p: PrintedNumbers): PrintedNumbers {
  const decimal = (x: Dec | number | string) => (typeof x === 'object' && !Decimal.isDecimal(x) ? new Decimal((x as { toString(): string }).toString()) : x);
  return new Map([...p].map(([k, { value, floor }]) => [k, { value: decimal(value) as Dec, floor: decimal(floor) }]));
}

/**
 * The result of `computeAt(work)` at the first working precision whose printed numbers agree with
 * the previous one's to `digits`. A `reference`, computed first in another arithmetic with more
 * digits than digits + 10 (quad-doubles), stands as the previous one of the first precision, in
 * place of a second, higher decimal.js precision; where it fails or disagrees, the precisions rise
 * as without it.
 */
export function holdingDigits<T>(digits: number, computeAt: (work: number) => T, printed: (result: T) => PrintedNumbers, reference?: () => T): T {
  let previous: PrintedNumbers | undefined;
  let failure = '';
  if (reference !== undefined) {
    try {
      previous = inDecimal(printed(reference()));
    } catch (err) {
      if (!(err instanceof WorkingPrecisionError)) throw err;
    }
  }
  // Working digits: digits + 10, + 30, + 70, …, the last step clamped to MAX_WORKING_DIGITS.
  for (let work = digits + 10, last = false; !last; work = Math.min(MAX_WORKING_DIGITS, 2 * work - digits + 10)) {
    last = work === MAX_WORKING_DIGITS;
    let current: T | undefined;
    try {
      current = computeAt(work);
    } catch (err) {
      if (!(err instanceof WorkingPrecisionError)) throw err;
      failure = `${err.message} at ${work} working digits`;
    }
    const numbers = current === undefined ? undefined : printed(current);
    if (current !== undefined && numbers && previous && agreeTo(previous, numbers, digits)) return current;
    previous = numbers;
  }
  throw new PrecisionError(
    `the solution did not hold ${digits} digits between two working precisions up to ${MAX_WORKING_DIGITS}${failure ? ` (last failure: ${failure})` : ''}`,
  );
}
