/**
 * Enclosures of the figures of merit of a two-mode state from an enclosure of its covariance (a box
 * of intervals, as src/numeric/riccatiEnclosure.ts proves), in interval arithmetic: each contains the
 * quantity of every covariance in the box. The invariant formula is used, so where the partially
 * transposed spectrum is nearly degenerate (ν̃₋ ≈ ν̃₊) the enclosure of ν̃₋ is as wide as the square
 * root of the box's: the box must then be correspondingly narrower.
 */
import type { Interval, IntervalArithmetic } from '../numeric/interval.ts';

type Box = ReadonlyArray<readonly Interval[]>;

/** The 2×2 block of a two-mode box at row r, column c. */
const block = (v: Box, r: number, c: number): Box => [v[r]!.slice(c, c + 2), v[r + 1]!.slice(c, c + 2)];

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

/**
 * The smallest symplectic eigenvalue of a two-mode covariance box in (X₁, Y₁, X₂, Y₂), of V itself
 * (`partialTranspose` false) or of its partial transpose: ν₋² = (Δ − √(Δ² − 4 det V))/2 with
 * Δ = det A + det B + 2 det C, and det C's sign flipped by the partial transpose.
 */
function smallestSymplectic(I: IntervalArithmetic, v: Box, partialTranspose: boolean): Interval {
  if (v.length !== 4 || v.some((row) => row.length !== 4)) throw new RangeError('a 4×4 covariance box');
  const [a, b, c] = [determinant(I, block(v, 0, 0)), determinant(I, block(v, 2, 2)), determinant(I, block(v, 0, 2))];
  const twiceC = I.mul(I.of('2'), c);
  const delta = partialTranspose ? I.sub(I.add(a, b), twiceC) : I.add(I.add(a, b), twiceC);
  const discriminant = I.sub(I.mul(delta, delta), I.mul(I.of('4'), determinant(I, v)));
  // Δ² − 4 det V and ν₋² are ≥ 0 for every covariance (ν±² are real and positive): an end below 0 is the box's width.
  const zero = I.of('0');
  const nonNegative = (x: Interval): Interval => ({ lo: x.lo.isNegative() ? zero.lo : x.lo, hi: x.hi.isNegative() ? zero.hi : x.hi });
  const root = I.sqrt(nonNegative(discriminant));
  return I.sqrt(nonNegative(I.div(I.sub(delta, root), I.of('2'))));
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

/** Half the width of an interval matrix's 2×2 block spectrum: (a − c)/2 and √(((a − c)/2)² + b²). */
function anisotropy(I: IntervalArithmetic, m: Box): { halfDiff: Interval; radius: Interval } {
  const halfDiff = I.mul(I.sub(m[0]![0]!, m[1]![1]!), I.of('0.5'));
  return { halfDiff, radius: I.sqrt(I.add(I.mul(halfDiff, halfDiff), I.mul(m[0]![1]!, m[0]![1]!))) };
}

const meanOf = (I: IntervalArithmetic, m: Box) => I.mul(I.add(m[0]![0]!, m[1]![1]!), I.of('0.5'));

/** The least-variance quadrature of a symmetric 2×2 box, as src/entanglement/gaussianState.ts's optimalQuadrature computes it from a point. */
export function leastQuadratureEnclosure(I: IntervalArithmetic, m: Box): LeastQuadratureEnclosure {
  const { halfDiff, radius } = anisotropy(I, m);
  const variance = I.sub(meanOf(I, m), radius);
  if (!radius.lo.gt(0)) return { variance };
  const [cos2, sin2] = [I.neg(I.div(halfDiff, radius)), I.neg(I.div(m[0]![1]!, radius))];
  const cut = !I.neg(halfDiff).lo.gt(0) && !I.neg(m[0]![1]!).lo.gt(0) && !I.neg(m[0]![1]!).hi.lt(0);
  return { variance, cos2, sin2, ...(cut ? {} : { angle: I.mul(I.atan2(I.neg(m[0]![1]!), I.neg(halfDiff)), I.of('0.5')) }) };
}

/** The variance of the quadrature at 2θ with cos 2θ, sin 2θ given: (a + c)/2 + (a − c)/2 cos 2θ + b sin 2θ. */
function varianceAt(I: IntervalArithmetic, m: Box, cos2: Interval, sin2: Interval): Interval {
  const { halfDiff } = anisotropy(I, m);
  return I.add(I.add(meanOf(I, m), I.mul(halfDiff, cos2)), I.mul(m[0]![1]!, sin2));
}

/** Every variance a quadrature of the 2×2 box can have: [(a + c)/2 − r, (a + c)/2 + r]. */
function anyVariance(I: IntervalArithmetic, m: Box): Interval {
  const { radius } = anisotropy(I, m);
  const mean = meanOf(I, m);
  return { lo: I.sub(mean, radius).lo, hi: I.add(mean, radius).hi };
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

/** 2√(x y), with a product that may dip below 0 only by the box's width clamped to 0. */
function twiceGeometricMean(I: IntervalArithmetic, x: Interval, y: Interval): Interval {
  const product = I.mul(x, y);
  return I.mul(I.of('2'), I.sqrt({ lo: product.lo.isNegative() ? I.of('0').lo : product.lo, hi: product.hi }));
}

/** S of (15) and Duan's sum from a covariance box in (X₁, Y₁, X₂, Y₂), as src/entanglement/gaussianState.ts computes them from a point. */
export function separabilityEnclosure(I: IntervalArithmetic, v: Box): SeparabilityEnclosure {
  if (v.length !== 4 || v.some((row) => row.length !== 4)) throw new RangeError('separabilityEnclosure: a 4×4 covariance box');
  const half = I.of('0.5');
  const collective = (sign: 1 | -1): Box => {
    const entry = (i: number, j: number) => {
      const cross = I.add(v[i]![j + 2]!, v[i + 2]![j]!);
      return I.mul(I.add(I.add(v[i]![j]!, v[i + 2]![j + 2]!), sign === 1 ? cross : I.neg(cross)), half);
    };
    return [
      [entry(0, 0), entry(0, 1)],
      [entry(0, 1), entry(1, 1)],
    ];
  };
  const [plus, minus] = [collective(1), collective(-1)];
  const least = leastQuadratureEnclosure(I, plus);
  // At α + 90°, cos 2θ and sin 2θ change sign; where α is not fixed, V_α₋ is enclosed over every angle.
  const vAlphaMinus = least.cos2 && least.sin2 ? varianceAt(I, minus, I.neg(least.cos2), I.neg(least.sin2)) : anyVariance(I, minus);
  return {
    vAlphaPlus: least.variance,
    vAlphaMinus,
    ...(least.angle ? { alpha: least.angle } : {}),
    S: twiceGeometricMean(I, least.variance, vAlphaMinus),
    duan: I.add(least.variance, vAlphaMinus),
    angleDecided: least.cos2 !== undefined,
  };
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
  const sum = (xs: Interval[]) => xs.reduce((s, x) => I.add(s, x), zero);
  const congruent = (p: Box): Box => {
    const pv = p.map((row) => v[0]!.map((_, j) => sum(row.map((x, k) => I.mul(x, v[k]![j]!)))));
    return pv.map((row) => p.map((pj) => sum(row.map((x, k) => I.mul(x, pj[k]!)))));
  };
  const least = [first, second].map((plane) => {
    const q = leastQuadratureEnclosure(I, congruent(plane));
    if (q.cos2 === undefined || q.sin2 === undefined) return { q };
    // Half angles of θ ∈ (−π/2, π/2]: cos θ ≥ 0, and sin θ has the sign of sin 2θ.
    const one = I.of('1');
    const clamp = (x: Interval): Interval => ({ lo: x.lo.isNegative() ? zero.lo : x.lo, hi: x.hi.isNegative() ? zero.hi : x.hi });
    const c = I.sqrt(clamp(I.mul(I.add(one, q.cos2), I.of('0.5'))));
    const magnitude = I.sqrt(clamp(I.mul(I.sub(one, q.cos2), I.of('0.5'))));
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
    S: twiceGeometricMean(I, a.variance, b.variance),
    ...(separableBound ? { separableBound } : {}),
  };
}
