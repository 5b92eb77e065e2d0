/**
 * The preconditioner R of a Krawczyk proof, and a rigorous upper bound on each row sum of
 * |1 − R J| over an interval matrix J: the proof's contraction, which needs only a bound, not
 * digits. Two ways, the first tried first:
 *   in doubles: R is the inverse of J(x̃)'s midpoint computed in doubles (J scaled by a power of
 *   ten), and |1 − R J| is bounded in midpoint-radius form (Rump 1999, Ogita-Rump-Oishi 2005)
 *   with the rounding errors of round-to-nearest bounded a priori: for non-negative terms a
 *   computed sum of m products is within γ_m = m·u/(1 − m·u) of the exact one (Higham, Accuracy
 *   and Stability, §3.1), so each computed non-negative bound is raised by a factor above 1 + γ and
 *   by the products' underflow. JavaScript's doubles round to nearest and never fuse a multiply-add.
 *   R's entries are read into decimal.js from their shortest decimal text, which differs from the
 *   double by at most u relative; the bound covers that too. Refused (undefined) where a scaled
 *   entry is not finite or the bound at x̃ is not small: an ill-conditioned J (near a threshold).
 *   in decimal.js: R is J(x̃)'s midpoint inverted at the interval digits + 5, and R·J is enclosed
 *   in interval arithmetic (J's structural zeros skipped).
 */
import type { Dec } from './context.ts';
import { decimalContext } from './context.ts';
import { Float64Context } from './float64.ts';
import type { Interval, IntervalArithmetic } from './interval.ts';
import { dinverse, SingularSystemError, type DMatrix } from './matrix.ts';

export interface Preconditioner {
  /** R as point intervals (exact decimals). */
  readonly R: Interval[][];
  /** Upper bounds of Σ_c |δ_ic − (R J)_ic| for every row i, over every matrix in the interval matrix J. */
  contraction(J: ReadonlyArray<readonly Interval[]>): Dec[];
}

/** The unit roundoff of doubles, 2⁻⁵³. */
const U = 2 ** -53;
/** Above every underflow error a sum of at most 10⁶ products can make (each below 2⁻¹⁰⁷⁵). */
const UNDERFLOW = 1e-300;
/** The doubles' bound at x̃ above which R is computed in decimal.js instead. */
const GOOD_ENOUGH = 1e-3;

/**
 * Up to this many unknowns R is computed in decimal.js: it costs little there, and an exact
 * equation with an exactly invertible J (the vacuum) keeps a point enclosure, which a bound with
 * rounding errors cannot give.
 */
const DECIMAL_UP_TO = 21;

/**
 * The preconditioner for the Jacobian `at` x̃: in decimal.js for at most DECIMAL_UP_TO unknowns
 * (unless `doublesFirst`: a caller that needs no point box and many proofs); above, in doubles
 * where that proves a small contraction at x̃, else in decimal.js. Undefined when J(x̃) is singular.
 */
export function preconditioner(I: IntervalArithmetic, at: ReadonlyArray<readonly Interval[]>, doublesFirst = false): Preconditioner | undefined {
  const fast = doublesFirst || at.length > DECIMAL_UP_TO ? doublesPreconditioner(I, at) : undefined;
  if (fast?.contraction(at).every((c) => c.lt(GOOD_ENOUGH))) return fast;
  return decimalPreconditioner(I, at);
}

/** R in doubles, its contraction bounded with a priori rounding errors; undefined where J does not fit doubles or is singular there. */
export function doublesPreconditioner(I: IntervalArithmetic, at: ReadonlyArray<readonly Interval[]>): Preconditioner | undefined {
  const n = at.length;
  const largest = at.flat().reduce((m: Dec, x) => largestOf(m, x.lo.abs(), x.hi.abs()), at[0]![0]!.lo.abs().times(0));
  if (largest.isZero()) return undefined;
  // J/10^e has entries below 10 in modulus: the doubles work at unit scale whatever the parameters' scale.
  const e = largest.log(10).floor().toNumber();
  const scale = I.of(`1e${e}`).lo;
  const midpoints = at.map((row) => row.map((x) => Number(I.midpoint(x).div(scale).toString())));
  if (!midpoints.every((row) => row.every(Number.isFinite))) return undefined;
  let inverse: number[][];
  try {
    inverse = dinverse(
      Float64Context,
      midpoints.map((row) => row.map((x) => new Float64Context(x))),
    ).map((row) => row.map((x) => x.toNumber()));
  } catch (err) {
    if (err instanceof SingularSystemError) return undefined;
    throw err;
  }
  if (!inverse.every((row) => row.every(Number.isFinite))) return undefined;
  const unscale = I.of(`1e${-e}`);
  const R = inverse.map((row) => row.map((x) => I.mul(I.of(String(x)), unscale)));
  const absR = inverse.map((row) => row.map(Math.abs));
  const gamma = 2 * (n + 2) * U;
  // Each row sum is a non-negative expression of at most 4n + 16 roundings.
  const raise = 1 + 4 * (n + 8) * U;
  return {
    R,
    contraction(J) {
      const columns = J[0]!.map((_, c) => midpointRadiusColumn(J, c, scale));
      if (columns.some((col) => col === undefined)) return J.map(() => I.of('Infinity').hi);
      return inverse.map((row, i) => {
        let total = 0;
        for (const [c, col] of columns.entries()) {
          let product = 0;
          let magnitude = 0;
          let spread = 0;
          for (const [k, mid, radius] of col!) {
            product += row[k]! * mid;
            magnitude += absR[i]![k]! * (Math.abs(mid) + radius);
            spread += absR[i]![k]! * radius;
          }
          total += Math.abs((i === c ? 1 : 0) - product) + (gamma + U) * magnitude + spread;
        }
        const bound = total * raise + n * UNDERFLOW;
        return Number.isFinite(bound) ? I.mul(I.of(String(bound)), I.of('1.000000000000001')).hi : I.of('Infinity').hi;
      });
    },
  };
}

/**
 * Column c of J/scale as [row, midpoint, radius] over its non-zero entries, in doubles, the radius
 * covering both ends' conversion (each within u of its double) and the midpoint's rounding;
 * undefined where an entry is not finite in doubles.
 */
function midpointRadiusColumn(J: ReadonlyArray<readonly Interval[]>, c: number, scale: Dec): Array<[number, number, number]> | undefined {
  const out: Array<[number, number, number]> = [];
  for (const [k, row] of J.entries()) {
    const x = row[c]!;
    if (x.lo.isZero() && x.hi.isZero()) continue;
    const lo = Number(x.lo.div(scale).toString());
    const hi = Number(x.hi.div(scale).toString());
    const mid = 0.5 * (lo + hi);
    const radius = (Math.abs(hi - mid) + Math.abs(mid - lo) + 4 * U * (Math.abs(lo) + Math.abs(hi))) * (1 + 8 * U) + UNDERFLOW;
    if (!Number.isFinite(mid) || !Number.isFinite(radius)) return undefined;
    out.push([k, mid, radius]);
  }
  return out;
}

/** R in decimal.js, its contraction in interval arithmetic; undefined where J(x̃) is singular. */
export function decimalPreconditioner(I: IntervalArithmetic, at: ReadonlyArray<readonly Interval[]>): Preconditioner | undefined {
  const D = decimalContext(I.digits + 5);
  let inverse: DMatrix;
  try {
    inverse = dinverse(
      D,
      at.map((row) => row.map((x) => I.midpoint(x))),
    );
  } catch (err) {
    if (err instanceof SingularSystemError) return undefined;
    throw err;
  }
  const R = inverse.map((row) => row.map((x) => I.of(x.toString())));
  return {
    R,
    contraction(J) {
      const nonZero = J[0]!.map((_, c) => J.flatMap((row, k) => (row[c]!.lo.isZero() && row[c]!.hi.isZero() ? [] : [k])));
      return R.map(
        (row, i) =>
          nonZero
            .map((ks, c) => {
              const rj = ks.reduce((s, k) => I.add(s, I.mul(row[k]!, J[k]![c]!)), I.of('0'));
              return I.abs(I.sub(I.of(i === c ? '1' : '0'), rj)).hi;
            })
            .reduce((s, x) => I.add(s, { lo: x, hi: x }), I.of('0')).hi,
      );
    },
  };
}

const largestOf = (...xs: Dec[]): Dec => xs.reduce((m, x) => (x.gt(m) ? x : m));
