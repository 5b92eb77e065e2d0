/**
 * Enclosures of the figures of merit of a two-mode state from an enclosure of its covariance (a box
 * of intervals, as src/numeric/riccatiEnclosure.ts proves), in interval arithmetic: each contains the
 * quantity of every covariance in the box. The invariant formula is used, so where the partially
 * transposed spectrum is nearly degenerate (ν̃₋ ≈ ν̃₊) the enclosure of ν̃₋ is as wide as the square
 * root of the box's: the box must then be correspondingly narrower.
 */
import type { Interval, IntervalArithmetic } from '../numeric/interval.ts';

type Box = ReadonlyArray<readonly Interval[]>;

/** det of a square interval matrix by cofactor expansion (exact in the structure; n ≤ 4 here). */
function determinant(I: IntervalArithmetic, m: Box): Interval {
  const n = m.length;
  if (n === 1) return m[0]![0]!;
  let total = I.of('0');
  for (let j = 0; j < n; j++) {
    const minor = m.slice(1).map((row) => row.filter((_, c) => c !== j));
    const term = I.mul(m[0]![j]!, determinant(I, minor));
    total = j % 2 === 0 ? I.add(total, term) : I.sub(total, term);
  }
  return total;
}

export interface LogNegativityEnclosure {
  /** The smallest symplectic eigenvalue of the partial transpose. */
  readonly nu: Interval;
  /** E_N = max(0, −ln 2ν̃₋): an interval that contains 0 when entanglement is not decided. */
  readonly logNegativity: Interval;
  /** Proved: E_N > 0 for every covariance in the box (2ν̃₋ < 1 throughout). */
  readonly entangled: boolean;
  /** Proved: E_N = 0 for every covariance in the box (2ν̃₋ ≥ 1 throughout). */
  readonly separable: boolean;
}

/** E_N of a two-mode covariance box in the order (X₁, Y₁, X₂, Y₂): ν̃₋² = (Δ̃ − √(Δ̃² − 4 det V))/2, Δ̃ = det A + det B − 2 det C. */
export function logNegativityEnclosure(I: IntervalArithmetic, v: Box): LogNegativityEnclosure {
  if (v.length !== 4 || v.some((row) => row.length !== 4)) throw new RangeError('logNegativityEnclosure: a 4×4 covariance box');
  const block = (r: number, c: number) => [v[r]!.slice(c, c + 2), v[r + 1]!.slice(c, c + 2)];
  const [a, b, c] = [determinant(I, block(0, 0)), determinant(I, block(2, 2)), determinant(I, block(0, 2))];
  const tilde = I.sub(I.add(a, b), I.mul(I.of('2'), c));
  const discriminant = I.sub(I.mul(tilde, tilde), I.mul(I.of('4'), determinant(I, v)));
  // Δ̃² − 4 det V and ν̃₋² are ≥ 0 for every covariance (ν̃±² are real and positive): an end below 0 is the box's width.
  const zero = I.of('0');
  const nonNegative = (x: Interval): Interval => ({ lo: x.lo.isNegative() ? zero.lo : x.lo, hi: x.hi.isNegative() ? zero.hi : x.hi });
  const root = I.sqrt(nonNegative(discriminant));
  const nu = I.sqrt(nonNegative(I.div(I.sub(tilde, root), I.of('2'))));
  const twice = I.mul(I.of('2'), nu);
  const one = I.of('1');
  const entangled = I.lt(twice, one) === true;
  const separable = twice.lo.gte(1);
  if (separable) return { nu, logNegativity: zero, entangled: false, separable: true };
  // −ln 2ν̃ over the part of the interval below 1; E_N is 0 where 2ν̃ ≥ 1.
  const below = { lo: twice.lo, hi: twice.hi.gt(1) ? one.hi : twice.hi };
  const value = I.neg(I.ln(below));
  return { nu, logNegativity: entangled ? value : { lo: zero.lo, hi: value.hi }, entangled, separable: false };
}
