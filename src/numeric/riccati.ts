/**
 * Steady states of the covariance equations at working precision:
 *   unconditional  A V + V Aᵀ + D = 0                 (Lyapunov; exists only if A is stable)
 *   conditional    A V + V Aᵀ + D − V M V = 0         (Riccati; M = Σ_k 4κ_k ℓ_k ℓ_kᵀ from the measurements)
 * The Riccati steady state is the stabilising solution, found by Newton-Kleinman: each step
 * solves the Lyapunov equation of A − V_k M. Every solve reports its residual.
 */
import { Decimal } from 'decimal.js';
import { DetunedParampError } from '../exact/errors.ts';
import { arithmeticOf, WorkingPrecisionError, type Dec, type DecimalConstructor } from './context.ts';
import { Float64Context } from './float64.ts';
import { fromEigen, isHurwitzStable, symmetricEigen, symmetricSqrt } from './eigen.ts';
import { lyapunovOperator, lyapunovResidual, pairIndex, solveLyapunov } from './lyapunov.ts';
import { covarianceRate } from './integrate.ts';
import { dadd, dfrobenius, didentity, dinverse, dmaxAbs, dmul, dot, dscale, dsub, dsymmetrize, dtranspose, type DMatrix } from './matrix.ts';

export class NoSteadyStateError extends DetunedParampError {
  constructor(message: string) {
    super('NO_STEADY_STATE', message);
  }
}
/** Newton-Kleinman did not settle within its step budget (at this working precision). */
export class ConvergenceError extends WorkingPrecisionError {}

export interface SteadyState {
  readonly covariance: DMatrix;
  readonly residual: Dec;
  readonly iterations: number;
}

/** In decimal.js at `digits`, or in the arithmetic of `a` where it is not decimal.js's (quad-doubles): so every steady state below. */
export function lyapunovSteadyState(digits: number, a: DMatrix, d: DMatrix, options: SteadyStateOptions = {}): SteadyState {
  const scaled = unitScale([a, d]);
  if (scaled === undefined) return lyapunovAtScale(digits, a, d, options);
  const [as, ds] = scaled;
  const solved = lyapunovAtScale(digits, as!, ds!, options);
  return { ...solved, residual: lyapunovResidual(a, solved.covariance, d) };
}

function lyapunovAtScale(digits: number, a: DMatrix, d: DMatrix, options: SteadyStateOptions): SteadyState {
  const D = arithmeticOf(a[0]![0]!, digits);
  if (!(options.driftStable ?? isHurwitzStable(D, a)))
    throw new NoSteadyStateError('the drift matrix has an eigenvalue with non-negative real part: no unconditional steady state (above threshold)');
  if (pairIndex(a.length).pairs.length > WORKING_NEWTON_UP_TO) {
    const [af, df] = [a, d].map((x) => convert(Float64Context, x)) as [DMatrix, DMatrix];
    const zero = a.map((row) => row.map(() => new D(0)));
    let start: DMatrix | undefined;
    try {
      start = convert(D, solveLyapunov(Float64Context, af, df));
    } catch (err) {
      if (!(err instanceof WorkingPrecisionError)) throw err;
    }
    // The refinement stops a few digits above D's rounding floor, here at `digits`.
    const refined = start && refinedInDoubles(D, a, d, zero, start, digits - 3);
    if (refined !== undefined) return refined;
  }
  const v = solveLyapunov(D, a, d);
  return { covariance: v, residual: lyapunovResidual(a, v, d), iterations: 1 };
}

export function riccatiResidual(a: DMatrix, v: DMatrix, d: DMatrix, m: DMatrix): Dec {
  return dmaxAbs(covarianceRate(a, d, m, v));
}

/**
 * Stabilising starts V₀ (A − V₀ M stable), best first:
 *   - when M is positive definite, the solution of V M V = D that ignores A,
 *     V₀ = M^{-1/2} (M^{1/2} D M^{1/2})^{1/2} M^{-1/2}: the strong-measurement limit, close to the
 *     answer when μ dominates (from 0 Newton-Kleinman would first jump to a covariance of order μ
 *     and then need about log₂ μ halving steps);
 *   - 0 when A is stable;
 *   - a multiple of 1 beyond ‖A‖ when M is positive definite;
 *   - otherwise (an unstable drift seen only in part), the stabilising solution itself from the
 *     stable invariant subspace of the Hamiltonian matrix [[Aᵀ, −M], [−D, −A]], by the matrix sign
 *     function: it exists whenever every unstable mode is seen by the measurement ((A, C)
 *     detectable) and reached by the noise, whatever A's eigenvectors (no diagonalisation).
 * Each is offered only if A − V₀ M is stable. `driftStable`, when the caller has decided it
 * exactly, replaces the rounded eigenvalue test of A (which calls a drift exactly at threshold
 * stable or not by rounding).
 */
function stabilisingStarts(D: DecimalConstructor, a: DMatrix, d: DMatrix, m: DMatrix, driftStable: boolean | undefined): DMatrix[] {
  const n = a.length;
  const starts: DMatrix[] = [];
  const measurement = symmetricEigen(D, m);
  const lowest = measurement.values[0]!;
  if (lowest.gt(0)) {
    const root = fromEigen(measurement, (x) => x.sqrt());
    const inverseRoot = fromEigen(measurement, (x) => new D(1).div(x.sqrt()));
    const inner = symmetricSqrt(D, dsymmetrize(dmul(dmul(root, d), root), new D(0.5)));
    const strong = dsymmetrize(dmul(dmul(inverseRoot, inner), inverseRoot), new D(0.5));
    if (isHurwitzStable(D, dsub(a, dmul(strong, m)))) starts.push(strong);
  }
  if (driftStable ?? isHurwitzStable(D, a)) starts.push(dscale(didentity(D, n), new D(0)));
  if (lowest.gt(0)) {
    let frobenius = new D(0);
    for (const row of a) for (const x of row) frobenius = frobenius.plus(x.times(x));
    starts.push(dscale(didentity(D, n), frobenius.sqrt().plus(1).div(lowest)));
  }
  if (starts.length === 0) {
    const fromSubspace = stableSubspaceSolution(D, a, d, m);
    if (fromSubspace !== undefined && isHurwitzStable(D, dsub(a, dmul(fromSubspace, m)))) starts.push(fromSubspace);
  }
  return starts;
}

/**
 * V with [I; V] spanning the stable invariant subspace of H = [[Aᵀ, −M], [−D, −A]], from
 * S = sign(H) by the scaled Newton iteration Z ← (cZ + (cZ)⁻¹)/2, c = (‖Z⁻¹‖/‖Z‖)^½ (Frobenius): the
 * subspace is the null space of S + 1, read by least squares. Undefined when H has an eigenvalue on
 * the imaginary axis (a singular Z, or no convergence): then no stabilising solution exists. It
 * holds about half the digits of D, and shares nothing with Newton-Kleinman: the tests' second route.
 */
export function stableSubspaceSolution(D: DecimalConstructor, a: DMatrix, d: DMatrix, m: DMatrix): DMatrix | undefined {
  const n = a.length;
  const at = dtranspose(a);
  let z: DMatrix = [
    ...at.map((row, i) => [...row, ...m[i]!.map((x) => x.neg())]),
    ...d.map((row, i) => [...row.map((x) => x.neg()), ...a[i]!.map((x) => x.neg())]),
  ];
  const tolerance = new D(10).pow(-Math.floor(D.precision / 2));
  const half = new D(0.5);
  try {
    for (let k = 0, settled = false; k < 100; k++) {
      const inverse = dinverse(D, z);
      const c = dfrobenius(D, inverse).div(dfrobenius(D, z)).sqrt();
      const next = dscale(dadd(dscale(z, c), dscale(inverse, new D(1).div(c))), half);
      const change = dfrobenius(D, dsub(next, z)).div(dfrobenius(D, next));
      z = next;
      // Quadratic convergence: one more step after the change falls below the square root of the precision.
      if (settled) break;
      settled = change.lte(tolerance);
      if (k === 99) return undefined;
    }
    const w = dadd(z, didentity(D, 2 * n));
    const block = (r: number, c: number) => w.slice(r, r + n).map((row) => row.slice(c, c + n));
    const [w11, w12, w21, w22] = [block(0, 0), block(0, n), block(n, 0), block(n, n)];
    const normal = dadd(dmul(dtranspose(w12), w12), dmul(dtranspose(w22), w22));
    const right = dadd(dmul(dtranspose(w12), w11), dmul(dtranspose(w22), w21));
    return dsymmetrize(dscale(dmul(dinverse(D, normal), right), new D(-1)), half);
  } catch (err) {
    if (err instanceof WorkingPrecisionError) return undefined;
    throw err;
  }
}

/**
 * Newton-Kleinman in the arithmetic of D from a stabilising V, with full steps: Kleinman's theorem
 * makes every iterate stabilising and the sequence monotone (an exact line search, tried, can
 * stall far from the solution with tiny steps). Convergence is quadratic, so once a
 * relative step s has s² ≤ 10^-targetDigits the iterate it produced is already that accurate and
 * the loop stops; it also stops at the rounding floor (a step that no longer shrinks once past
 * half the digits).
 */
function newtonKleinman(D: DecimalConstructor, a: DMatrix, d: DMatrix, m: DMatrix, start: DMatrix, targetDigits: number): { v: DMatrix; iterations: number } {
  const half = new D(0.5);
  const target = new D(10).pow(-targetDigits);
  const quadratic = new D(10).pow(-Math.floor(targetDigits / 2));
  let v = start;
  let previous: Dec | undefined;
  for (let k = 1; k <= 100; k++) {
    const vm = dmul(v, m);
    const newton = dsymmetrize(solveLyapunov(D, dsub(a, vm), dadd(d, dmul(vm, v))), half);
    const step = dsub(newton, v);
    const change = dmaxAbs(step).div(dmaxAbs(newton).plus(1));
    v = newton;
    const floor = previous?.lt(quadratic) && change.gte(previous);
    previous = change;
    if (change.times(change).lte(target) || floor) return { v, iterations: k };
  }
  throw new ConvergenceError('Newton-Kleinman did not converge in 100 steps');
}

const convert = (D: DecimalConstructor, x: DMatrix): DMatrix => x.map((row) => row.map((y) => new D(y.toNumber())));

/**
 * Up to this many unknowns n(n+1)/2 Newton-Kleinman's last steps run in the working arithmetic: a
 * dense solve there costs about N³/3 products (2.5 s a step at eight modes' N = 136, a few ms at
 * two modes' 10). Above it they are refined in doubles (refinedInDoubles).
 */
const WORKING_NEWTON_UP_TO = 21;

/**
 * The solution of AV + VAᵀ + D − VMV = 0 near `start` (M = 0: the Lyapunov equation), by
 * mixed-precision refinement: the residual in D, each correction E from (A − V₀M)E + E(A − V₀M)ᵀ =
 * −residual with the operator inverted once in doubles (V₀ = `start`, itself the doubles'
 * solution). A simplified Newton step: each gains about as many digits as V₀'s and the doubles'
 * accuracy allow (about 13). Stops once a correction is below 10^-targetDigits of V; undefined when
 * one fails to shrink the last by ten (an ill-conditioned operator, near a threshold: the caller
 * then solves in D).
 */
function refinedInDoubles(D: DecimalConstructor, a: DMatrix, d: DMatrix, m: DMatrix, start: DMatrix, targetDigits: number): SteadyState | undefined {
  const F = Float64Context;
  const { pairs, index } = pairIndex(a.length);
  if (!start.every((row) => row.every((x) => x.isFinite()))) return undefined;
  let inverse: DMatrix;
  try {
    const v0 = convert(F, start);
    inverse = dinverse(F, lyapunovOperator(F, dsub(convert(F, a), dmul(v0, convert(F, m)))));
  } catch (err) {
    if (err instanceof WorkingPrecisionError) return undefined;
    throw err;
  }
  const target = new D(10).pow(-targetDigits);
  // In D throughout: decimal.js rounds to the left operand's precision, and A's may be lower.
  const inD = (x: DMatrix): DMatrix => x.map((row) => row.map((y) => new D(y)));
  const [ad, dd, md] = [inD(a), inD(d), inD(m)];
  let v = start.map((row) => row.map((x) => new D(x)));
  let previous: Dec | undefined;
  for (let k = 0; k < 20; k++) {
    const rate = covarianceRate(ad, dd, md, v);
    const rhs = pairs.map(([i, j]) => new F(rate[i]![j]!.neg().toNumber()));
    const correction = inverse.map((row) => dot(row, rhs).toNumber());
    if (!correction.every(Number.isFinite)) return undefined;
    v = v.map((row, i) => row.map((x, j) => x.plus(new D(correction[index(i, j)]!))));
    const change = new D(Math.max(...correction.map(Math.abs))).div(dmaxAbs(v).plus(1));
    if (change.lte(target)) return { covariance: v, residual: riccatiResidual(ad, v, dd, md), iterations: k + 1 };
    if (previous !== undefined && change.gt(previous.div(10))) return undefined;
    previous = change;
  }
  return undefined;
}

/** A steady state's covariance carried to `digits` (in its own arithmetic where not decimal.js). */
const roundedTo = (digits: number, s: SteadyState): SteadyState => {
  const out = arithmeticOf(s.covariance[0]![0]!, digits);
  return { ...s, covariance: s.covariance.map((row) => row.map((x) => new out(x))) };
};

export interface SteadyStateOptions {
  /** Whether every eigenvalue of A has Re < 0, when known exactly (see gaussian/regime). */
  readonly driftStable?: boolean;
}

export function riccatiSteadyState(digits: number, a: DMatrix, d: DMatrix, m: DMatrix, options: SteadyStateOptions = {}): SteadyState {
  const scaled = unitScale([a, d, m]);
  if (scaled === undefined) return riccatiAtScale(digits, a, d, m, options);
  const [as, ds, ms] = scaled;
  const solved = riccatiAtScale(digits, as!, ds!, ms!, options);
  return { ...solved, residual: riccatiResidual(a, solved.covariance, d, m) };
}

/**
 * A, D (and M) divided by 10^e, 10^e the order of A's largest entry, where that is beyond 10^±100
 * and they are decimal.js numbers (the shift is then exact): both equations are homogeneous of
 * degree one in them, so V is unchanged, and the first steps and the refinement in doubles stay in
 * their range (at a drift of 10²⁰⁰ they overflowed, and the decimal.js fallback took minutes at
 * eight modes). Undefined where no scaling is needed.
 */
function unitScale(matrices: readonly DMatrix[]): DMatrix[] | undefined {
  const a = matrices[0]!;
  if (!Decimal.isDecimal(a[0]![0]!)) return undefined;
  const largest = a.flat().reduce((m: Dec, x) => (x.abs().gt(m) ? x.abs() : m), a[0]![0]!.abs());
  if (largest.isZero()) return undefined;
  const e = largest.log(10).floor().toNumber();
  if (Math.abs(e) < 100) return undefined;
  const shift = (x: Dec) => x.times(`1e${-e}`);
  return matrices.map((m) => m.map((row) => row.map(shift)));
}

function riccatiAtScale(digits: number, a: DMatrix, d: DMatrix, m: DMatrix, options: SteadyStateOptions): SteadyState {
  const D = arithmeticOf(a[0]![0]!, digits + 10);
  // The globally convergent first steps run in double precision; Decimal Newton then needs only
  // the two or three quadratic steps from ~10⁻¹⁴ to the working precision.
  const F = Float64Context;
  const [af, df, mf] = [a, d, m].map((x) => convert(F, x)) as [DMatrix, DMatrix, DMatrix];
  const polish = (start: DMatrix): SteadyState => {
    const { v, iterations } = newtonKleinman(D, a, d, m, start, digits + 1);
    return roundedTo(digits, { covariance: v, residual: riccatiResidual(a, v, d, m), iterations });
  };
  let failure: unknown;
  const attempt = (start: DMatrix): SteadyState | undefined => {
    try {
      return polish(start);
    } catch (err) {
      if (!(err instanceof WorkingPrecisionError)) throw err;
      failure = err;
      return undefined;
    }
  };
  for (const coarseStart of stabilisingStarts(F, af, df, mf, options.driftStable)) {
    let start: DMatrix;
    try {
      start = convert(D, newtonKleinman(F, af, df, mf, coarseStart, 13).v);
    } catch {
      continue; // double precision overflowed, met a singular step or did not settle: the next start
    }
    if (!isHurwitzStable(D, dsub(a, dmul(start, m)))) continue;
    const refined = pairIndex(a.length).pairs.length > WORKING_NEWTON_UP_TO ? refinedInDoubles(D, a, d, m, start, digits + 1) : undefined;
    if (refined !== undefined) return roundedTo(digits, refined);
    const solved = attempt(start);
    if (solved) return solved;
    break;
  }
  const starts = stabilisingStarts(D, a, d, m, options.driftStable);
  if (starts.length === 0) {
    throw new NoSteadyStateError(
      'the drift is not stable and no conditional covariance stabilises it: an unstable or marginal mode is not seen by the measurement ((A, C) not detectable; μ = 0 or η = 0 sees none) or not reached by the noise',
    );
  }
  for (const start of starts) {
    const solved = attempt(start);
    if (solved) return solved;
  }
  throw failure;
}
