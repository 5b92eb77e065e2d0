/**
 * Two-mode Gaussian states: covariance V in the order (X₁, Y₁, X₂, Y₂), vacuum V = ½·1.
 * Log-negativity is computed two independent ways (symplectic invariants; explicit partial
 * transpose with a symmetric eigen-solve), and separability by Duan, Simon and the product S.
 */
import { arithmeticOf, decimalContext, type Dec, type DecimalConstructor } from '../numeric/context.ts';
import { ddeterminant, fromEigen, NotPositiveSemidefiniteError, symmetricEigen } from '../numeric/eigen.ts';
import { cholesky, dmul, dtranspose, type DMatrix } from '../numeric/matrix.ts';

function block(v: DMatrix, r: number, c: number): DMatrix {
  return [
    [v[r]![c]!, v[r]![c + 1]!],
    [v[r + 1]![c]!, v[r + 1]![c + 1]!],
  ];
}

const det2 = (m: DMatrix) => m[0]![0]!.times(m[1]![1]!).minus(m[0]![1]!.times(m[1]![0]!));

/** Smallest symplectic eigenvalue of the partial transpose from the invariants: ν̃² = (Σ̃ − √(Σ̃² − 4 det V))/2, Σ̃ = det A + det B − 2 det C. */
function smallestTransposedSymplectic(D: DecimalConstructor, v: DMatrix): Dec {
  const a = det2(block(v, 0, 0));
  const b = det2(block(v, 2, 2));
  const c = det2(block(v, 0, 2));
  const sigma = a.plus(b).minus(c.times(2));
  const disc = sigma.times(sigma).minus(ddeterminant(D, v).times(4));
  return sigma.minus(nonNegative(disc).sqrt()).div(2).sqrt();
}

function nonNegative(x: Dec): Dec {
  return x.isNegative() ? x.times(0) : x;
}

export interface Physicality {
  readonly smallestSymplectic: Dec;
  /** V + iΩ/2 ≥ 0, i.e. V > 0 and every symplectic eigenvalue ≥ ½ (to within 10^-(digits−5)). */
  readonly physical: boolean;
}

export function physicality(digits: number, v: DMatrix): Physicality {
  const D = arithmeticOf(v[0]![0]!, digits);
  const tol = new D(10).pow(-(digits - 5));
  // The matrix route, not the invariants: a degenerate symplectic spectrum (both modes alike, as in
  // model one) would cost the invariant formula half its digits through √(Σ² − 4 det V).
  const nu = smallestSymplectic(digits, v);
  if (nu === undefined) return { smallestSymplectic: new D(0), physical: false };
  return { smallestSymplectic: new D(nu), physical: nu.gte(new D(0.5).minus(tol)) };
}

/** E_N = max(0, −ln 2ν̃₋) by the invariant formula. */
export function logNegativityInvariant(digits: number, v: DMatrix): { nu: Dec; logNegativity: Dec } {
  const D = arithmeticOf(v[0]![0]!, digits);
  const nu = smallestTransposedSymplectic(D, v);
  const e = nu.times(2).ln().neg();
  return { nu, logNegativity: e.isNegative() ? new D(0) : e };
}

/**
 * The symplectic eigenvalues (ascending) of a 2n×2n matrix in the order (X₁, Y₁, …), or undefined
 * if it is not positive definite. K, antisymmetric and similar to ΩV (whose eigenvalues are ±iν_k),
 * is LᵀΩL with V = LLᵀ (Cholesky, `route` 'cholesky') or V^{1/2}ΩV^{1/2} (an eigen-decomposition,
 * 'square-root': an independent second route); the ν_k² are the eigenvalues of KᵀK, each twice (a
 * symmetric eigen-solve, well conditioned even for a degenerate spectrum).
 */
export function symplecticEigenvalues(digits: number, v: DMatrix, route: 'cholesky' | 'square-root' = 'cholesky'): Dec[] | undefined {
  const D = arithmeticOf(v[0]![0]!, digits + 10);
  const w = v.map((row) => row.map((x) => new D(x)));
  let k: DMatrix;
  const omega = v.map((_, i) => v.map((__, j) => new D(j === i + 1 && i % 2 === 0 ? 1 : i === j + 1 && j % 2 === 0 ? -1 : 0)));
  if (route === 'cholesky') {
    const l = cholesky(D, w);
    if (l === undefined) return undefined;
    k = dmul(dmul(dtranspose(l), omega), l);
  } else {
    const e = symmetricEigen(D, w);
    if (!e.values[0]!.gt(0)) return undefined;
    const root = fromEigen(e, (x) => x.sqrt());
    k = dmul(dmul(root, omega), root);
  }
  const squares = symmetricEigen(D, dmul(dtranspose(k), k), digits + 5).values;
  const out = arithmeticOf(v[0]![0]!, digits);
  return squares.filter((_, i) => i % 2 === 0).map((x) => new out(nonNegative(x).sqrt()));
}

function smallestSymplectic(digits: number, v: DMatrix): Dec | undefined {
  return symplecticEigenvalues(digits, v)?.[0];
}

/**
 * E_N of the bipartition (the modes in `part` | the rest) of an n-mode state, V over (X₁, Y₁, …):
 * the partial transpose flips the momenta of `part`, and E_N = Σ_k max(0, −ln 2ν̃_k) over its
 * symplectic eigenvalues. `route` chooses how they are found (symplecticEigenvalues).
 */
export function logNegativityOfBipartition(digits: number, v: DMatrix, part: readonly number[], route: 'cholesky' | 'square-root' = 'cholesky'): Dec {
  const flip = (i: number) => (i % 2 === 1 && part.includes((i - 1) / 2) ? -1 : 1);
  const nus = symplecticEigenvalues(
    digits,
    v.map((row, i) => row.map((x, j) => x.times(flip(i) * flip(j)))),
    route,
  );
  if (nus === undefined) throw new NotPositiveSemidefiniteError('the partial transpose is not positive definite at this working precision');
  const D = arithmeticOf(v[0]![0]!, digits);
  return nus.reduce((sum, nu) => {
    const e = nu.times(2).ln().neg();
    return e.isPositive() ? sum.plus(e) : sum;
  }, new D(0));
}

/** The same from the explicit partial transpose Ṽ = P V P, P = diag(1, 1, 1, −1), by the matrix route. */
export function logNegativityPartialTranspose(digits: number, v: DMatrix): { nu: Dec; logNegativity: Dec } {
  const sign = [1, 1, 1, -1];
  const nu = smallestSymplectic(
    digits,
    v.map((row, i) => row.map((x, j) => x.times(sign[i]! * sign[j]!))),
  );
  // Ṽ is V conjugated by an orthogonal P: it is positive definite whenever V is, so a failure is rounding.
  if (nu === undefined) throw new NotPositiveSemidefiniteError('the partial transpose is not positive definite at this working precision');
  const out = arithmeticOf(v[0]![0]!, digits);
  const e = nu.times(2).ln().neg();
  return { nu, logNegativity: e.isNegative() ? new out(0) : e };
}

/** Simon's PPT condition (PRL 84, 2726): separable iff det A det B + (¼ − |det C|)² − tr(AJCJBJCᵀJ) − (det A + det B)/4 ≥ 0. */
export function simonInvariant(digits: number, v: DMatrix): Dec {
  const D = arithmeticOf(v[0]![0]!, digits);
  const a = block(v, 0, 0);
  const b = block(v, 2, 2);
  const c = block(v, 0, 2);
  const j = [
    [new D(0), new D(1)],
    [new D(-1), new D(0)],
  ];
  const chain = dmul(dmul(dmul(dmul(dmul(dmul(dmul(a, j), c), j), b), j), dtranspose(c)), j);
  const trace = chain[0]![0]!.plus(chain[1]![1]!);
  const quarter = new D(0.25);
  const dc = quarter.minus(det2(c).abs());
  return det2(a)
    .times(det2(b))
    .plus(dc.times(dc))
    .minus(trace)
    .minus(det2(a).plus(det2(b)).times(quarter));
}

export interface LeastQuadrature {
  /** The least variance of X cos θ + Y sin θ over θ. */
  readonly variance: Dec;
  /** cos 2θ and sin 2θ at the least-variance angle (no trigonometry needed). */
  readonly cos2: Dec;
  readonly sin2: Dec;
  /** θ ∈ (−π/2, π/2], computed on first use (an arctangent at working precision is costly). */
  readonly angle: Dec;
}

/** The least variance of X cos θ + Y sin θ in a 2×2 block, and where it occurs (θ = 0 for a block isotropic to half the digits). */
export function optimalQuadrature(digits: number, m: DMatrix): LeastQuadrature {
  const D = arithmeticOf(m[0]![0]!, digits);
  const a = new D(m[0]![0]!);
  const b = new D(m[0]![1]!);
  const c = new D(m[1]![1]!);
  const halfDiff = a.minus(c).div(2);
  const radius = halfDiff.times(halfDiff).plus(b.times(b)).sqrt();
  // Var(θ) = (a + c)/2 + (a − c)/2 cos 2θ + b sin 2θ is least where (cos 2θ, sin 2θ) = −(halfDiff, b)/radius.
  // Isotropic to within the square root of the precision: an exactly isotropic block (the vacuum)
  // leaves rounding residue whose direction is noise, and its angle is 0. A true anisotropy below
  // that size is resolved when the caller raises the precision.
  const isotropic = radius.lte(
    a
      .abs()
      .plus(c.abs())
      .times(new D(10).pow(-Math.floor(digits / 2))),
  );
  const cos2 = isotropic ? new D(1) : halfDiff.neg().div(radius);
  const sin2 = isotropic ? new D(0) : b.neg().div(radius);
  let angle: Dec | undefined;
  return {
    variance: a.plus(c).div(2).minus(radius),
    cos2,
    sin2,
    get angle() {
      angle ??= isotropic ? new D(0) : D.atan2(sin2, cos2).div(2);
      return angle;
    },
  };
}

/** Variance of X cos θ + Y sin θ. */
export function quadratureVariance(digits: number, m: DMatrix, angle: Dec): Dec {
  const D = decimalContext(digits);
  // Rounded to this precision first: decimal.js's trigonometry fails on arguments with many more digits.
  const theta = new D(0).plus(angle);
  const c = D.cos(theta);
  const s = D.sin(theta);
  return new D(m[0]![0]!).times(c).times(c).plus(new D(m[0]![1]!).times(s).times(c).times(2)).plus(new D(m[1]![1]!).times(s).times(s));
}

export interface Separability {
  /** α: the least-variance angle in the (X₊, Y₊) plane (an arctangent, computed on first use). */
  readonly alpha: Dec;
  /** cos 2α and sin 2α, which fix α without trigonometry. */
  readonly cos2alpha: Dec;
  readonly sin2alpha: Dec;
  /** V_α₊ and V_α₋: variances at α in the (X₊, Y₊) plane and at α + 90° in the (X₋, Y₋) plane. */
  readonly vAlphaPlus: Dec;
  readonly vAlphaMinus: Dec;
  /** S = 2√(V_α₊ V_α₋) (Eq. 15); S < 1 is sufficient for entanglement. */
  readonly S: Dec;
  /** Duan's sum V_α₊ + V_α₋ (< 1 is sufficient for entanglement). */
  readonly duan: Dec;
}

/** The collective blocks of (X₊, Y₊) and (X₋, Y₋) from V in (X₁, Y₁, X₂, Y₂). */
export function collectiveBlocks(digits: number, v: DMatrix): { plus: DMatrix; minus: DMatrix } {
  const D = arithmeticOf(v[0]![0]!, digits);
  const half = new D(0.5);
  const entry = (i: number, j: number, s: number) =>
    new D(v[i]![j]!)
      .plus(new D(v[i + 2]![j + 2]!))
      .plus(new D(v[i]![j + 2]!).times(s))
      .plus(new D(v[i + 2]![j]!).times(s))
      .times(half);
  const make = (s: number) => [
    [entry(0, 0, s), entry(0, 1, s)],
    [entry(1, 0, s), entry(1, 1, s)],
  ];
  return { plus: make(1), minus: make(-1) };
}

export function separability(digits: number, v: DMatrix): Separability {
  const { plus, minus } = collectiveBlocks(digits, v);
  const least = optimalQuadrature(digits, plus);
  const vAlphaPlus = least.variance;
  // At α + 90° cos 2θ and sin 2θ change sign.
  const [a, b, c] = [minus[0]![0]!, minus[0]![1]!, minus[1]![1]!];
  const vAlphaMinus = a.plus(c).div(2).minus(a.minus(c).div(2).times(least.cos2)).minus(b.times(least.sin2));
  return {
    get alpha() {
      return least.angle;
    },
    cos2alpha: least.cos2,
    sin2alpha: least.sin2,
    vAlphaPlus,
    vAlphaMinus,
    S: vAlphaPlus.times(vAlphaMinus).sqrt().times(2),
    duan: vAlphaPlus.plus(vAlphaMinus),
  };
}
