/**
 * Enclosures of the figures of merit of a two-mode state from an enclosure of its covariance (a box
 * of intervals, as src/numeric/riccatiEnclosure.ts proves), in interval arithmetic: each contains the
 * quantity of every covariance in the box. The invariant formula is used, so where the partially
 * transposed spectrum is nearly degenerate (ν̃₋ ≈ ν̃₊) the enclosure of ν̃₋ is as wide as the square
 * root of the box's: the box must then be correspondingly narrower.
 */
import type { Dec } from '../numeric/context.ts';
import { intervalArithmetic, IntervalError, type Interval, type IntervalArithmetic } from '../numeric/interval.ts';
import { intervalField, type Arithmetic } from '../numeric/jet.ts';
import { loewnerPoints } from './symplecticEnclosure.ts';

type Box = ReadonlyArray<readonly Interval[]>;

/** The 2×2 block of a two-mode box at row r, column c. */
const block = <T>(v: ReadonlyArray<readonly T[]>, r: number, c: number): T[][] => [v[r]!.slice(c, c + 2), v[r + 1]!.slice(c, c + 2)];

/** det of a square interval matrix by cofactor expansion (exact in the structure; n ≤ 4 here). */
function determinantOf<T>(F: Arithmetic<T>, m: ReadonlyArray<readonly T[]>): T {
  const n = m.length;
  if (n === 1) return m[0]![0]!;
  let total = F.of('0');
  for (let j = 0; j < n; j++) {
    const minor = m.slice(1).map((row) => row.filter((_, c) => c !== j));
    const term = F.mul(m[0]![j]!, determinantOf(F, minor));
    total = j % 2 === 0 ? F.add(total, term) : F.sub(total, term);
  }
  return total;
}

const determinant = (I: IntervalArithmetic, m: Box): Interval => determinantOf(intervalField(I), m);

/** Every symmetric matrix in the box positive definite: each leading principal minor's enclosure above 0 (Sylvester). */
const provedPositiveDefinite = (I: IntervalArithmetic, v: Box): boolean =>
  v.every((_, k) =>
    determinant(
      I,
      v.slice(0, k + 1).map((row) => row.slice(0, k + 1)),
    ).lo.gt(0),
  );

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

/**
 * The smallest symplectic eigenvalue of a two-mode covariance box in (X₁, Y₁, X₂, Y₂), of V itself
 * (`partialTranspose` false) or of its partial transpose: ν₋² = (Δ − √(Δ² − 4 det V))/2 with
 * Δ = det A + det B + 2 det C, and det C's sign flipped by the partial transpose.
 */
function smallestSymplectic(I: IntervalArithmetic, v: Box, partialTranspose: boolean): Interval {
  if (v.length !== 4 || v.some((row) => row.length !== 4)) throw new RangeError('a 4×4 covariance box');
  const direct = invariantFormula(I, v, partialTranspose);
  const bound = loewnerBound(I, v, partialTranspose);
  return bound === undefined ? direct : { lo: bound.lo.gt(direct.lo) ? bound.lo : direct.lo, hi: bound.hi.lt(direct.hi) ? bound.hi : direct.hi };
}

/**
 * ν₋ between two points. Symplectic eigenvalues are monotone in the Loewner order (Bhatia and
 * Jain, J. Math. Phys. 56, 112201 (2015)), and every V in the box lies between V_c − rI and
 * V_c + rI, V_c its midpoint and r = 4·(largest radius) ≥ ‖V − V_c‖₂ (the partial transpose, a
 * congruence by a fixed orthogonal matrix, keeps the order). ν₋ of those two points, in arithmetic
 * of twice the digits, then bounds ν₋ over the box to within about r, where the invariant formula
 * over the box loses half its digits to the √ of a discriminant near 0 (a degenerate spectrum, as
 * model one's). Undefined when V_c − rI is not proved positive definite (the order needs it).
 */
function loewnerBound(I: IntervalArithmetic, v: Box, partialTranspose: boolean): Interval | undefined {
  const F = intervalArithmetic(2 * I.digits + 10);
  const points = loewnerPoints(I, F, v);
  const asPoints = (m: Dec[][]): Box => m.map((row) => row.map((x) => ({ lo: x, hi: x })));
  const [below, above] = [asPoints(points.below), asPoints(points.above)];
  if (!provedPositiveDefinite(F, below)) return undefined;
  const [low, high] = [invariantFormula(F, below, partialTranspose), invariantFormula(F, above, partialTranspose)];
  // Back to I's digits, outward.
  return { lo: I.of(low.lo.toString()).lo, hi: I.of(high.hi.toString()).hi };
}

/** ν₋ of every covariance in the box by the invariant formula in interval arithmetic. */
function invariantFormula(I: IntervalArithmetic, v: Box, partialTranspose: boolean): Interval {
  return smallestSymplecticOf(intervalField(I), v, partialTranspose);
}

/**
 * ν₋ by the invariant formula for any Arithmetic (intervals; jets along μ where the spectrum is
 * not degenerate, the discriminant's √ then having a derivative).
 */
export function smallestSymplecticOf<T>(F: Arithmetic<T>, v: ReadonlyArray<readonly T[]>, partialTranspose: boolean): T {
  const [a, b, c] = [determinantOf(F, block(v, 0, 0)), determinantOf(F, block(v, 2, 2)), determinantOf(F, block(v, 0, 2))];
  const twiceC = F.mul(F.of('2'), c);
  const delta = partialTranspose ? F.sub(F.add(a, b), twiceC) : F.add(F.add(a, b), twiceC);
  const discriminant = F.sub(F.mul(delta, delta), F.mul(F.of('4'), determinantOf(F, v)));
  // Δ² − 4 det V and ν₋² are ≥ 0 for every covariance (ν±² are real and positive): an end below 0 is the box's width.
  const root = F.sqrt(F.nonNegative(discriminant));
  return F.sqrt(F.nonNegative(F.div(F.sub(delta, root), F.of('2'))));
}

export interface PhysicalityEnclosure {
  /** The smallest symplectic eigenvalue of V. */
  readonly nu: Interval;
  /** Proved: 2ν₋ ≥ 1 over the whole box, so every covariance in it is a state (V + iΩ/2 ≥ 0). */
  readonly physical: boolean;
  /** Proved: 2ν₋ < 1 over the whole box, so none is. */
  readonly unphysical: boolean;
}

/**
 * Whether a two-mode covariance box holds only states. A pure state has 2ν₋ = 1 exactly, so a box
 * of positive width around it is neither: that needs a proof by structure, not this one.
 */
export function physicalityEnclosure(I: IntervalArithmetic, v: Box): PhysicalityEnclosure {
  const nu = smallestSymplectic(I, v, false);
  const twice = I.mul(I.of('2'), nu);
  return { nu, physical: twice.lo.gte(1), unphysical: I.lt(twice, I.of('1')) === true };
}

/** E_N of a two-mode covariance box in the order (X₁, Y₁, X₂, Y₂), from ν̃₋ of the partial transpose. */
/** e^(−E_N) = min(1, 2ν̃₋) from a log-negativity enclosure: exactly 1 where separability is proved. */
export function expMinusLogNegativityEnclosure(I: IntervalArithmetic, e: LogNegativityEnclosure): Interval {
  const one = I.of('1');
  if (e.separable) return one;
  const twice = I.mul(I.of('2'), e.nu);
  return { lo: twice.lo.gt(1) ? one.lo : twice.lo, hi: twice.hi.gt(1) ? one.hi : twice.hi };
}

export function logNegativityEnclosure(I: IntervalArithmetic, v: Box): LogNegativityEnclosure {
  const nu = smallestSymplectic(I, v, true);
  const zero = I.of('0');
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

/**
 * Simon's invariant det A det B + (¼ − |det C|)² − tr(AJCJBJCᵀJ) − (det A + det B)/4 of a two-mode
 * covariance box in (X₁, Y₁, X₂, Y₂), as src/entanglement/gaussianState.ts computes it from a point.
 */
export function simonEnclosure(I: IntervalArithmetic, v: Box): Interval {
  if (v.length !== 4 || v.some((row) => row.length !== 4)) throw new RangeError('simonEnclosure: a 4×4 covariance box');
  const [a, b, c] = [block(v, 0, 0), block(v, 2, 2), block(v, 0, 2)];
  const zero = I.of('0');
  const j = [
    [zero, I.of('1')],
    [I.of('-1'), zero],
  ];
  const mul = (x: Box, y: Box) => x.map((row) => y[0]!.map((_, k) => I.add(I.mul(row[0]!, y[0]![k]!), I.mul(row[1]!, y[1]![k]!))));
  const cT = [
    [c[0]![0]!, c[1]![0]!],
    [c[0]![1]!, c[1]![1]!],
  ];
  const chain = [j, c, j, b, j, cT, j].reduce(mul, a);
  const trace = I.add(chain[0]![0]!, chain[1]![1]!);
  const quarter = I.of('0.25');
  const [da, db] = [determinant(I, a), determinant(I, b)];
  const dc = I.sub(quarter, I.abs(determinant(I, c)));
  return I.sub(I.sub(I.add(I.mul(da, db), I.mul(dc, dc)), trace), I.mul(I.add(da, db), quarter));
}

export interface LeastQuadratureEnclosure {
  /** The least variance of X cos θ + Y sin θ over θ. */
  readonly variance: Interval;
  /** cos 2θ and sin 2θ at the least-variance angle; undefined when the block may be isotropic (every angle least). */
  readonly cos2?: Interval;
  readonly sin2?: Interval;
  /** θ ∈ (−π/2, π/2]; undefined when the angle is not fixed by the box (isotropic, or 2θ straddling ±π). */
  readonly angle?: Interval;
}

type Block<T> = ReadonlyArray<readonly T[]>;

/** The least variance of a symmetric 2×2 block, (a + c)/2 − √(((a − c)/2)² + b²), with its parts; `anisotropic` when the radius is proved > 0. */
export function leastVarianceOf<T>(F: Arithmetic<T>, m: Block<T>) {
  const half = F.of('0.5');
  const halfDiff = F.mul(F.sub(m[0]![0]!, m[1]![1]!), half);
  const b = m[0]![1]!;
  const mean = F.mul(F.add(m[0]![0]!, m[1]![1]!), half);
  const square = F.add(F.mul(halfDiff, halfDiff), F.mul(b, b));
  // A jet's √ needs the radius away from 0; an isotropic block's least variance is then just its mean.
  const anisotropic = F.value(square).lo.gt(0);
  const radius = anisotropic ? F.sqrt(square) : F.sqrt(F.nonNegative(square));
  return { variance: F.sub(mean, radius), mean, halfDiff, b, radius, anisotropic };
}

/** The least-variance quadrature of a symmetric 2×2 box, as src/entanglement/gaussianState.ts's optimalQuadrature computes it from a point. */
export function leastQuadratureEnclosure(I: IntervalArithmetic, m: Box): LeastQuadratureEnclosure {
  const q = leastVarianceOf(intervalField(I), m);
  if (!q.anisotropic) return { variance: q.variance };
  const [cos2, sin2] = [I.neg(I.div(q.halfDiff, q.radius)), I.neg(I.div(q.b, q.radius))];
  const angle = leastAngle(I, q.halfDiff, q.b);
  return { variance: q.variance, cos2, sin2, ...(angle ? { angle } : {}) };
}

/** θ = ½ atan2(−b, −(a − c)/2) ∈ (−π/2, π/2] of an anisotropic block; undefined where 2θ may straddle ±π (the branch cut). */
function leastAngle(I: IntervalArithmetic, halfDiff: Interval, b: Interval): Interval | undefined {
  const cut = !I.neg(halfDiff).lo.gt(0) && !I.neg(b).lo.gt(0) && !I.neg(b).hi.lt(0);
  return cut ? undefined : I.mul(I.atan2(I.neg(b), I.neg(halfDiff)), I.of('0.5'));
}

/** 2√(x y) of two quantities ≥ 0. */
export function twiceGeometricMean<T>(F: Arithmetic<T>, x: T, y: T): T {
  return F.mul(F.of('2'), F.sqrt(F.nonNegative(F.mul(x, y))));
}

export interface SeparabilityOf<T> {
  readonly vAlphaPlus: T;
  readonly vAlphaMinus: T;
  readonly S: T;
  readonly duan: T;
  /** The (X₊, Y₊) block's (a − c)/2 and b, which fix α where `angleDecided`. */
  readonly halfDiff: T;
  readonly b: T;
  readonly angleDecided: boolean;
}

/** The (X₊, Y₊) and (X₋, Y₋) blocks, X± = (X₁ ± X₂)/√2, of a covariance in (X₁, Y₁, X₂, Y₂): congruences of it. */
export function collectiveBlocks<T>(F: Arithmetic<T>, v: Block<T>): [Block<T>, Block<T>] {
  const half = F.of('0.5');
  const collective = (sign: 1 | -1): Block<T> => {
    const entry = (i: number, j: number) => {
      const cross = F.add(v[i]![j + 2]!, v[i + 2]![j]!);
      return F.mul(F.add(F.add(v[i]![j]!, v[i + 2]![j + 2]!), sign === 1 ? cross : F.neg(cross)), half);
    };
    return [
      [entry(0, 0), entry(0, 1)],
      [entry(0, 1), entry(1, 1)],
    ];
  };
  return [collective(1), collective(-1)];
}

/**
 * S of (15) and Duan's sum from a covariance in (X₁, Y₁, X₂, Y₂), written once for any
 * Arithmetic: intervals (an enclosure) or jets (with the derivative along a parameter). Where α is
 * not fixed (the (X₊, Y₊) block may be isotropic), V_α₋ is `everyAngle` of the range of the −
 * block's variances (intervals take its hull), or refused (jets: no derivative there).
 */
export function separabilityOf<T>(F: Arithmetic<T>, v: Block<T>, everyAngle?: (low: Interval, high: Interval) => T): SeparabilityOf<T> {
  if (v.length !== 4 || v.some((row) => row.length !== 4)) throw new RangeError('separability: a 4×4 covariance');
  const [plus, minus] = collectiveBlocks(F, v);
  const least = leastVarianceOf(F, plus);
  const m = leastVarianceOf(F, minus);
  let vAlphaMinus: T;
  if (least.anisotropic) {
    // At α + 90°, cos 2θ and sin 2θ change sign: V = (a + c)/2 − (a − c)/2·cos 2α − b·sin 2α of the − block,
    // with cos 2α = −halfDiff/r and sin 2α = −b/r of the + block.
    const [cos2, sin2] = [F.neg(F.div(least.halfDiff, least.radius)), F.neg(F.div(least.b, least.radius))];
    vAlphaMinus = F.sub(F.sub(m.mean, F.mul(m.halfDiff, cos2)), F.mul(m.b, sin2));
  } else {
    if (everyAngle === undefined) throw new IntervalError('α is not fixed by the box: V_α₋ has no derivative');
    vAlphaMinus = everyAngle(F.value(F.sub(m.mean, m.radius)), F.value(F.add(m.mean, m.radius)));
  }
  return {
    vAlphaPlus: least.variance,
    vAlphaMinus,
    S: twiceGeometricMean(F, least.variance, vAlphaMinus),
    duan: F.add(least.variance, vAlphaMinus),
    halfDiff: least.halfDiff,
    b: least.b,
    angleDecided: least.anisotropic,
  };
}

export interface SeparabilityEnclosure {
  /** V_α₊, the least variance of the (X₊, Y₊) plane, and V_α₋, the (X₋, Y₋) variance at α + 90°. */
  readonly vAlphaPlus: Interval;
  readonly vAlphaMinus: Interval;
  /** α ∈ (−π/2, π/2]; undefined when the box does not fix it. */
  readonly alpha?: Interval;
  /** S = 2√(V_α₊ V_α₋) of Eq. (15). */
  readonly S: Interval;
  /** Duan's sum V_α₊ + V_α₋. */
  readonly duan: Interval;
  /** Whether α is fixed by the box: when the (X₊, Y₊) block may be isotropic it is not, and V_α₋ is enclosed over every angle. */
  readonly angleDecided: boolean;
}

/** S of (15) and Duan's sum from a covariance box in (X₁, Y₁, X₂, Y₂), as src/entanglement/gaussianState.ts computes them from a point. */
export function separabilityEnclosure(I: IntervalArithmetic, v: Box): SeparabilityEnclosure {
  const e = separabilityOf(intervalField(I), v, (low, high) => ({ lo: low.lo, hi: high.hi }));
  const alpha = e.angleDecided ? leastAngle(I, e.halfDiff, e.b) : undefined;
  return { vAlphaPlus: e.vAlphaPlus, vAlphaMinus: e.vAlphaMinus, ...(alpha ? { alpha } : {}), S: e.S, duan: e.duan, angleDecided: e.angleDecided };
}

/** P V Pᵀ for any rows P (a plane's two quadratures, or a change of basis), in any Arithmetic. */
export function congruenceOf<T>(F: Arithmetic<T>, p: Block<T>, v: Block<T>): T[][] {
  const zero = F.of('0');
  const sum = (xs: T[]) => xs.reduce((s, x) => F.add(s, x), zero);
  const pv = p.map((row) => v[0]!.map((_, j) => sum(row.map((x, k) => F.mul(x, v[k]![j]!)))));
  return pv.map((row) => p.map((pj) => sum(row.map((x, k) => F.mul(x, pj[k]!)))));
}

/** The product criterion's S = 2√(Var u · Var w) of two planes, each at its least-variance angle, for any Arithmetic. */
export function productSeparabilityOf<T>(F: Arithmetic<T>, v: Block<T>, first: Block<T>, second: Block<T>): { variances: [T, T]; S: T } {
  const [a, b] = [first, second].map((plane) => leastVarianceOf(F, congruenceOf(F, plane, v)).variance) as [T, T];
  return { variances: [a, b], S: twiceGeometricMean(F, a, b) };
}

export interface ProductSeparabilityEnclosure {
  readonly variances: readonly [Interval, Interval];
  /** Each plane's least-variance angle, undefined where the box does not fix it. */
  readonly angles: readonly [Interval | undefined, Interval | undefined];
  readonly S: Interval;
  /** Σ_k |c_k| of the two least quadratures: undefined where an angle is not fixed (the bound depends on it). */
  readonly separableBound?: Interval;
}

/**
 * The product criterion on two quadrature planes (rows of coefficients over the covariance's
 * basis) from a covariance box, as src/entanglement/productCriterion.ts computes it from a point.
 */
export function productSeparabilityEnclosure(I: IntervalArithmetic, v: Box, first: Box, second: Box): ProductSeparabilityEnclosure {
  const zero = I.of('0');
  const F = intervalField(I);
  const least = [first, second].map((plane) => {
    const q = leastQuadratureEnclosure(I, congruenceOf(F, plane, v));
    if (q.cos2 === undefined || q.sin2 === undefined) return { q };
    // Half angles of θ ∈ (−π/2, π/2]: cos θ ≥ 0, and sin θ has the sign of sin 2θ.
    const one = I.of('1');
    const c = I.sqrt(F.nonNegative(I.mul(I.add(one, q.cos2), I.of('0.5'))));
    const magnitude = I.sqrt(F.nonNegative(I.mul(I.sub(one, q.cos2), I.of('0.5'))));
    const s = q.sin2.lo.gte(0) ? magnitude : q.sin2.hi.lt(0) ? I.neg(magnitude) : { lo: I.neg(magnitude).lo, hi: magnitude.hi };
    return { q, quadrature: plane[0]!.map((x, j) => I.add(I.mul(x, c), I.mul(plane[1]![j]!, s))) };
  });
  const [u, w] = [least[0]!.quadrature, least[1]!.quadrature];
  let separableBound: Interval | undefined;
  if (u && w) {
    separableBound = zero;
    for (let k = 0; k < u.length; k += 2) separableBound = I.add(separableBound, I.abs(I.sub(I.mul(u[k]!, w[k + 1]!), I.mul(u[k + 1]!, w[k]!))));
  }
  const [a, b] = [least[0]!.q, least[1]!.q];
  return {
    variances: [a.variance, b.variance],
    angles: [a.angle, b.angle],
    S: twiceGeometricMean(F, a.variance, b.variance),
    ...(separableBound ? { separableBound } : {}),
  };
}

/**
 * Lower bounds over every covariance V ⪰ V₋ (the Loewner order), from a box holding V₋: each
 * quantity below is bounded by ones monotone in that order, as a congruence P V Pᵀ and its least
 * eigenvalue are, so its value at V₋ bounds it at every V above. No width of the set of V enters.
 */

/** 2√(max(0, a)·max(0, b)) rounded down, a and b the lower ends of two least variances. */
function twiceGeometricMeanBelow(I: IntervalArithmetic, a: Interval, b: Interval): Dec {
  const zero = I.of('0');
  const clamp = (x: Interval) => (x.lo.gt(0) ? { lo: x.lo, hi: x.lo } : zero);
  return twiceGeometricMean(intervalField(I), clamp(a), clamp(b)).lo;
}

/** S of (15) ≥ 2√(λ_min(V₋₊) λ_min(V₋₋)): V_α₊ is the (X₊, Y₊) block's least variance, and V_α₋ at least the (X₋, Y₋) block's. */
export function separabilityLowerBound(I: IntervalArithmetic, lower: Box): Dec {
  const F = intervalField(I);
  const [plus, minus] = collectiveBlocks(F, lower);
  return twiceGeometricMeanBelow(I, leastVarianceOf(F, plus).variance, leastVarianceOf(F, minus).variance);
}

/** The product criterion's S on two planes: each plane's least variance is monotone. */
export function productSeparabilityLowerBound(I: IntervalArithmetic, lower: Box, first: Box, second: Box): Dec {
  const F = intervalField(I);
  const [a, b] = [first, second].map((plane) => leastVarianceOf(F, congruenceOf(F, plane, lower)).variance) as [Interval, Interval];
  return twiceGeometricMeanBelow(I, a, b);
}

/** S of (15) built from two 2×2 states of their own (model two's reduced U and V planes): each least variance is monotone. */
export function reducedSeparabilityLowerBound(I: IntervalArithmetic, first: Box, second: Box): Dec {
  const F = intervalField(I);
  return twiceGeometricMeanBelow(I, leastVarianceOf(F, first).variance, leastVarianceOf(F, second).variance);
}

/**
 * e^(−E_N) = min(1, 2ν̃₋): symplectic eigenvalues are monotone on positive definite matrices
 * (Bhatia and Jain, as above), and the partial transpose is a congruence. Undefined where the box
 * does not prove V₋ positive definite (every leading principal minor > 0; the partial transpose,
 * orthogonal, keeps it).
 */
export function expMinusLogNegativityLowerBound(I: IntervalArithmetic, lower: Box): Dec | undefined {
  if (!provedPositiveDefinite(I, lower)) return undefined;
  const twice = I.mul(I.of('2'), smallestSymplectic(I, lower, true)).lo;
  return twice.gt(1) ? I.of('1').lo : twice;
}
