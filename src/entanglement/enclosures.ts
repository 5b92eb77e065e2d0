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

export interface SeparabilityEnclosure {
  /** V_α₊, the least variance of the (X₊, Y₊) plane, and V_α₋, the (X₋, Y₋) variance at α + 90°. */
  readonly vAlphaPlus: Interval;
  readonly vAlphaMinus: Interval;
  /** S = 2√(V_α₊ V_α₋) of Eq. (15). */
  readonly S: Interval;
  /** Duan's sum V_α₊ + V_α₋. */
  readonly duan: Interval;
  /** Whether α is fixed by the box: when the (X₊, Y₊) block may be isotropic it is not, and V_α₋ is enclosed over every angle. */
  readonly angleDecided: boolean;
}

/** S of (15) and Duan's sum from a covariance box in (X₁, Y₁, X₂, Y₂), as src/entanglement/gaussianState.ts computes them from a point. */
export function separabilityEnclosure(I: IntervalArithmetic, v: Box): SeparabilityEnclosure {
  if (v.length !== 4 || v.some((row) => row.length !== 4)) throw new RangeError('separabilityEnclosure: a 4×4 covariance box');
  const half = I.of('0.5');
  const zero = I.of('0');
  const collective = (sign: 1 | -1) => {
    const entry = (i: number, j: number) => {
      const cross = I.add(v[i]![j + 2]!, v[i + 2]![j]!);
      return I.mul(I.add(I.add(v[i]![j]!, v[i + 2]![j + 2]!), sign === 1 ? cross : I.neg(cross)), half);
    };
    return { a: entry(0, 0), b: entry(0, 1), c: entry(1, 1) };
  };
  const [plus, minus] = [collective(1), collective(-1)];
  const radiusOf = (q: { a: Interval; b: Interval; c: Interval }) => {
    const d = I.mul(I.sub(q.a, q.c), half);
    return { d, r: I.sqrt(I.add(I.mul(d, d), I.mul(q.b, q.b))) };
  };
  const mean = (q: { a: Interval; c: Interval }) => I.mul(I.add(q.a, q.c), half);
  const { d, r } = radiusOf(plus);
  const vAlphaPlus = I.sub(mean(plus), r);
  const angleDecided = r.lo.gt(0);
  let vAlphaMinus: Interval;
  if (angleDecided) {
    // At α + 90°, cos 2θ and sin 2θ change sign: V = (a + c)/2 + (a − c)/2·cos 2α + b·sin 2α of the − block.
    const [cos2, sin2] = [I.neg(I.div(d, r)), I.neg(I.div(plus.b, r))];
    const dm = I.mul(I.sub(minus.a, minus.c), half);
    vAlphaMinus = I.sub(I.sub(mean(minus), I.mul(dm, cos2)), I.mul(minus.b, sin2));
  } else {
    const rm = radiusOf(minus).r;
    vAlphaMinus = { lo: I.sub(mean(minus), rm).lo, hi: I.add(mean(minus), rm).hi };
  }
  const product = I.mul(vAlphaPlus, vAlphaMinus);
  const S = I.mul(I.of('2'), I.sqrt({ lo: product.lo.isNegative() ? zero.lo : product.lo, hi: product.hi }));
  return { vAlphaPlus, vAlphaMinus, S, duan: I.add(vAlphaPlus, vAlphaMinus), angleDecided };
}
