/**
 * The stabilising solution of AV + VAᵀ + D(μ) − VM(μ)V = 0 and its first two derivatives in μ,
 * enclosed for every μ in an interval X, where D and M are affine in μ (D = D₀ + μD₁,
 * M = M₀ + μM₁; A fixed), as a measurement strength enters a conditional state. Differentiating
 * the equation gives, with B = A − VM,
 *   B V′ + V′Bᵀ + (D₁ − V M₁ V) = 0,
 *   B V″ + V″Bᵀ − 2(V′MV′ + V′M₁V + V M₁V′) = 0,
 * two Lyapunov equations whose coefficients are enclosed from the boxes before them. Each is proved
 * by the Krawczyk enclosure of src/numeric/riccatiEnclosure.ts over interval coefficients: the box
 * holds the solution for every coefficient in its intervals, so for every μ in X (the two linear
 * equations have no other solution: Krawczyk proves their operator nonsingular).
 */
import type { Dec } from './context.ts';
import type { Interval, IntervalArithmetic } from './interval.ts';
import { dsub, dmul, type DMatrix } from './matrix.ts';
import { lyapunovSteadyState, riccatiSteadyState } from './riccati.ts';
import { encloseLyapunovOver, encloseRiccatiOver, type EnclosureOptions } from './riccatiEnclosure.ts';

type Box = ReadonlyArray<readonly Interval[]>;

export interface AffineBoxes {
  readonly drift: Box;
  /** D₀ and D₁. */
  readonly diffusion: readonly [Box, Box];
  /** M₀ and M₁. */
  readonly measurement: readonly [Box, Box];
}

export interface AlongEnclosure {
  readonly value: Box;
  readonly slope: Box;
  readonly curvature: Box;
  /**
   * A − VM proved Hurwitz over the value box, so its solutions are the stabilising ones. A box over
   * a wide X rarely proves it (the Hurwitz test loses to the box's width); it needs it at one μ only:
   * see `stabilisingAlong`.
   */
  readonly stabilising: boolean;
}

/** The same affine system at a point μ in Decimal, for the midpoints. */
export interface AffinePoint {
  readonly drift: DMatrix;
  /** Whether A is Hurwitz (else the Riccati midpoint starts from the matrix sign function). */
  readonly driftStable: boolean;
  diffusion(mu: Dec): DMatrix;
  measurement(mu: Dec): DMatrix;
  /** D₁ and M₁. */
  readonly diffusionSlope: DMatrix;
  readonly measurementSlope: DMatrix;
}

function product(I: IntervalArithmetic, x: Box, y: Box): Interval[][] {
  const zero = I.of('0');
  return x.map((row) => y[0]!.map((_, j) => row.reduce((s, xk, k) => I.add(s, I.mul(xk, y[k]![j]!)), zero)));
}

const affineAt = (I: IntervalArithmetic, [b0, b1]: readonly [Box, Box], mu: Interval): Interval[][] =>
  b0.map((row, i) => row.map((x, j) => I.add(x, I.mul(mu, b1[i]![j]!))));

/**
 * The boxes of V, V′ and V″ over μ ∈ X, around the solution at the midpoint `m` (in X) solved at
 * `work` digits; undefined where a proof fails (the box too wide: bisect X). With `comparison`
 * (the caller has proved D₁ ⪰ 0 and M₁ ⪰ 0) V's box comes from its Loewner bounds over X
 * (`betweenOver`) instead of a Krawczyk proof over X, which fails beyond a relative width of about
 * 10⁻³. `doublesFirst` is passed to every Krawczyk proof (src/numeric/riccatiEnclosure.ts).
 */
export function encloseAlong(
  I: IntervalArithmetic,
  system: AffineBoxes,
  point: AffinePoint,
  X: Interval,
  m: Dec,
  work: number,
  options: { readonly comparison?: boolean; readonly doublesFirst?: boolean } = {},
): AlongEnclosure | undefined {
  const fast = { doublesFirst: options.doublesFirst ?? false };
  const [D, M] = [affineAt(I, system.diffusion, X), affineAt(I, system.measurement, X)];
  // The midpoints: V, V′ and V″ at μ = m, in Decimal.
  const v = riccatiSteadyState(work, point.drift, point.diffusion(m), point.measurement(m), { driftStable: point.driftStable }).covariance;
  const closed = dsub(point.drift, dmul(v, point.measurement(m)));
  const v1 = lyapunovSteadyState(work, closed, dsub(point.diffusionSlope, dmul(dmul(v, point.measurementSlope), v)), { driftStable: true }).covariance;
  const q = dmul(dmul(v1, point.measurement(m)), v1);
  const r = dmul(dmul(v1, point.measurementSlope), v);
  const cross = q.map((row, i) => row.map((x, j) => x.plus(r[i]![j]!).plus(r[j]![i]!).times(-2)));
  const v2 = lyapunovSteadyState(work, closed, cross, { driftStable: true }).covariance;
  const value = options.comparison ? betweenOver(I, system, point, X, work, fast) : encloseRiccatiOver(I, system.drift, D, M, v, fast);
  if (value === undefined) return undefined;
  const V = value.box;
  const vm = product(I, V, M);
  const B = system.drift.map((row, i) => row.map((x, j) => I.sub(x, vm[i]![j]!)));
  const vm1v = product(I, product(I, V, system.measurement[1]), V);
  const slope = encloseLyapunovOver(
    I,
    B,
    system.diffusion[1].map((row, i) => row.map((x, j) => I.sub(x, vm1v[i]![j]!))),
    v1,
    fast,
  );
  if (!slope) return undefined;
  const V1 = slope.box;
  const qq = product(I, product(I, V1, M), V1);
  const rr = product(I, product(I, V1, system.measurement[1]), V);
  const minusTwo = I.of('-2');
  const Q = qq.map((row, i) => row.map((x, j) => I.mul(minusTwo, I.add(I.add(x, rr[i]![j]!), rr[j]![i]!))));
  const curvature = encloseLyapunovOver(I, B, Q, v2, fast);
  if (!curvature) return undefined;
  return { value: V, slope: V1, curvature: curvature.box, stabilising: value.stabilising };
}

/**
 * Whether the Riccati box over X holds the stabilising solution for every μ in X, from a box at one
 * μ = c in X that proves it there (`at`, narrow) and lies inside X's box: the in-box solution is
 * unique for each μ (Krawczyk), so it and the stabilising solution are two continuous branches that
 * meet at c; the stabilising one could leave the box only through its boundary, where it would be
 * the in-box solution, which Krawczyk places strictly inside. So they are one branch on X.
 */
export function stabilisingAlong(over: AlongEnclosure, at: AlongEnclosure): boolean {
  if (over.stabilising) return true;
  return at.stabilising && at.value.every((row, i) => row.every((x, j) => x.lo.gte(over.value[i]![j]!.lo) && x.hi.lte(over.value[i]![j]!.hi)));
}

/**
 * The stabilising solution for D = D(x), M = M(y), enclosed (its box, or undefined where the proof
 * fails). For x ≤ μ ≤ y it bounds V(μ) from below in the Loewner order, and for y ≤ μ ≤ x from
 * above, where D₁ ⪰ 0 and M₁ ⪰ 0 (the caller proves it): D and M then move monotonically with μ,
 * and the comparison theorem for the maximal (here stabilising) solutions of algebraic Riccati
 * equations (Wimmer, Systems Control Lett. 5, 317 (1985); Lancaster and Rodman, Algebraic Riccati
 * Equations, Thm 9.1.1) orders the solutions, each A of the drift's box on its own. Two point
 * coefficients, so none of the dependency that widens a Krawczyk proof over the interval X.
 */
export function comparisonState(
  I: IntervalArithmetic,
  system: AffineBoxes,
  point: AffinePoint,
  x: Dec,
  y: Dec,
  work: number,
  options: EnclosureOptions = {},
): Box | undefined {
  const v = riccatiSteadyState(work, point.drift, point.diffusion(x), point.measurement(y), { driftStable: point.driftStable }).covariance;
  const proved = encloseRiccatiOver(
    I,
    system.drift,
    affineAt(I, system.diffusion, { lo: x, hi: x }),
    affineAt(I, system.measurement, { lo: y, hi: y }),
    v,
    options,
  );
  return proved?.stabilising ? proved.box : undefined;
}

/** V₋ ⪯ V(μ) for every μ in X: `comparisonState` at (X.lo, X.hi). */
export const lowerStateOver = (
  I: IntervalArithmetic,
  system: AffineBoxes,
  point: AffinePoint,
  X: Interval,
  work: number,
  options: EnclosureOptions = {},
): Box | undefined => comparisonState(I, system, point, X.lo, X.hi, work, options);

/**
 * A box holding V(μ) for every μ in X, from V₋ ⪯ V(μ) ⪯ V⁺ (`comparisonState` at (X.lo, X.hi) and
 * (X.hi, X.lo)): with W = V⁺ − V₋, V_ii ∈ [V₋ii, V⁺ii] and |V_ij − V₋ij| ≤ √(W_ii W_jj), as
 * V − V₋ ⪰ 0 lies below W.
 */
function betweenOver(
  I: IntervalArithmetic,
  system: AffineBoxes,
  point: AffinePoint,
  X: Interval,
  work: number,
  options: EnclosureOptions,
): { box: Box; stabilising: true } | undefined {
  const lower = lowerStateOver(I, system, point, X, work, options);
  const upper = lower && comparisonState(I, system, point, X.hi, X.lo, work, options);
  if (lower === undefined || upper === undefined) return undefined;
  const spread = lower.map((row, i) => I.sub({ lo: upper[i]![i]!.hi, hi: upper[i]![i]!.hi }, { lo: row[i]!.lo, hi: row[i]!.lo }).hi);
  const box = lower.map((row, i) =>
    row.map((x, j) => {
      if (i === j) return { lo: x.lo, hi: upper[i]![i]!.hi };
      const r = I.sqrt(I.mul({ lo: spread[i]!, hi: spread[i]! }, { lo: spread[j]!, hi: spread[j]! })).hi;
      return I.add(x, { lo: r.neg(), hi: r });
    }),
  );
  return { box, stabilising: true };
}
