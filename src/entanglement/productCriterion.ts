/**
 * The product criterion on two quadrature planes. A plane is two quadratures, each a real
 * combination of r = (X₁, Y₁, X₂, Y₂, …) given as a row of coefficients. In each plane the
 * least-variance quadrature is taken at its own angle θ (q₀ cos θ + q₁ sin θ), and
 *   S = 2√(Var u · Var w).
 * Every separable state obeys S ≥ Σ_k |c_k|, where [u_k, w_k] = i c_k are the commutators of
 * the parts of u and w on oscillator k (Giovannetti, Mancini, Vitali, Tombesi, PRA 67, 022320
 * (2003); Cauchy-Schwarz over the mixture of product states). So S below that bound certifies
 * entanglement, and S < 1 does only where the bound is 1: for two commuting planes the bound
 * depends on the angles and can be far below 1.
 */
import { arithmeticOf, type Dec } from '../numeric/context.ts';
import { dmul, dtranspose, type DMatrix } from '../numeric/matrix.ts';
import { optimalQuadrature, type LeastQuadrature } from './gaussianState.ts';

export interface ProductSeparability {
  /** Least-variance angle in each plane, radians in (−π/2, π/2] (arctangents, computed on first use). */
  readonly angles: readonly [Dec, Dec];
  /** cos 2θ and sin 2θ of each plane's angle, which fix it without trigonometry. */
  readonly cos2Angles: readonly [Dec, Dec];
  readonly sin2Angles: readonly [Dec, Dec];
  readonly variances: readonly [Dec, Dec];
  readonly S: Dec;
  /** The least S of any separable state for these two quadratures: S below it proves entanglement. */
  readonly separableBound: Dec;
}

function checkPlane(name: string, plane: DMatrix, n: number): void {
  if (plane.length !== 2 || plane.some((row) => row.length !== n)) throw new RangeError(`${name}: two rows of ${n} coefficients expected`);
}

/** The 2×2 covariance of a plane's two quadratures, P V Pᵀ. */
export function planeCovariance(v: DMatrix, plane: DMatrix): DMatrix {
  return dmul(dmul(plane, v), dtranspose(plane));
}

export function productSeparability(digits: number, v: DMatrix, first: DMatrix, second: DMatrix): ProductSeparability {
  const n = v.length;
  if (n % 2 !== 0 || v.some((row) => row.length !== n)) throw new RangeError(`covariance: a square matrix of even size expected, got ${n} rows`);
  checkPlane('first plane', first, n);
  checkPlane('second plane', second, n);
  const D = arithmeticOf(v[0]![0]!, digits);
  const least = [first, second].map((plane) => {
    const q = optimalQuadrature(digits, planeCovariance(v, plane));
    // Half angles of θ ∈ (−π/2, π/2]: cos θ ≥ 0, and sin θ has the sign of sin 2θ (θ = π/2 when 2θ = π).
    const c = new D(1).plus(q.cos2).div(2).sqrt();
    const sMagnitude = new D(1).minus(q.cos2).div(2).sqrt();
    const s = q.sin2.isNegative() && !q.sin2.isZero() ? sMagnitude.neg() : sMagnitude;
    return { q, quadrature: plane[0]!.map((x, j) => new D(x).times(c).plus(new D(plane[1]![j]!).times(s))) };
  }) as [{ q: LeastQuadrature; quadrature: Dec[] }, { q: LeastQuadrature; quadrature: Dec[] }];
  const [u, w] = [least[0].quadrature, least[1].quadrature];
  let bound = new D(0);
  for (let k = 0; k < n; k += 2)
    bound = bound.plus(
      u[k]!.times(w[k + 1]!)
        .minus(u[k + 1]!.times(w[k]!))
        .abs(),
    );
  return {
    get angles(): readonly [Dec, Dec] {
      return [least[0].q.angle, least[1].q.angle];
    },
    cos2Angles: [least[0].q.cos2, least[1].q.cos2],
    sin2Angles: [least[0].q.sin2, least[1].q.sin2],
    variances: [least[0].q.variance, least[1].q.variance],
    S: least[0].q.variance.times(least[1].q.variance).sqrt().times(2),
    separableBound: bound,
  };
}
