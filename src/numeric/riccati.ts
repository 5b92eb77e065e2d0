/**
 * Steady states of the covariance equations at working precision:
 *   unconditional  A V + V Aᵀ + D = 0                 (Lyapunov; exists only if A is stable)
 *   conditional    A V + V Aᵀ + D − V M V = 0         (Riccati; M = Σ_k 4κ_k ℓ_k ℓ_kᵀ from the measurements)
 * The Riccati steady state is the stabilising solution, found by Newton-Kleinman: each step
 * solves the Lyapunov equation of A − V_k M. Every solve reports its residual.
 */
import { decimalContext, type Dec, type DecimalConstructor } from './context.ts';
import { isHurwitzStable, symmetricEigen } from './eigen.ts';
import { lyapunovResidual, solveLyapunov } from './lyapunov.ts';
import { covarianceRate } from './integrate.ts';
import { dadd, didentity, dmaxAbs, dmul, dscale, dsub, dsymmetrize, type DMatrix } from './matrix.ts';

export class NoSteadyStateError extends Error {}

export interface SteadyState {
  readonly covariance: DMatrix;
  readonly residual: Dec;
  readonly iterations: number;
}

export function lyapunovSteadyState(digits: number, a: DMatrix, d: DMatrix): SteadyState {
  const D = decimalContext(digits);
  if (!isHurwitzStable(D, a)) throw new NoSteadyStateError('the drift matrix has an eigenvalue with non-negative real part: no unconditional steady state (above threshold)');
  const v = solveLyapunov(D, a, d);
  return { covariance: v, residual: lyapunovResidual(a, v, d), iterations: 1 };
}

export function riccatiResidual(a: DMatrix, v: DMatrix, d: DMatrix, m: DMatrix): Dec {
  return dmaxAbs(covarianceRate(a, d, m, v));
}

/** A V₀ such that A − V₀ M is stable: 0 if A is, else a multiple of 1 beyond ‖A‖ when M is positive definite. */
function stabilisingStart(D: DecimalConstructor, a: DMatrix, m: DMatrix): DMatrix {
  const n = a.length;
  const zero = dscale(didentity(D, n), new D(0));
  if (isHurwitzStable(D, a)) return zero;
  const lowest = symmetricEigen(D, m).values[0]!;
  if (!lowest.isPositive()) {
    throw new NoSteadyStateError('the drift is unstable and the measurement does not see every quadrature: no stabilising conditional steady state is guaranteed');
  }
  let frobenius = new D(0);
  for (const row of a) for (const x of row) frobenius = frobenius.plus(x.times(x));
  return dscale(didentity(D, n), frobenius.sqrt().plus(1).div(lowest));
}

export function riccatiSteadyState(digits: number, a: DMatrix, d: DMatrix, m: DMatrix): SteadyState {
  const D = decimalContext(digits + 5);
  const half = new D(0.5);
  let v = stabilisingStart(D, a, m);
  const tolerance = new D(10).pow(-(digits + 2));
  for (let k = 1; k <= 100; k++) {
    const closed = dsub(a, dmul(v, m));
    const next = dsymmetrize(solveLyapunov(D, closed, dadd(d, dmul(dmul(v, m), v))), half);
    const change = dmaxAbs(dsub(next, v));
    v = next;
    if (change.lte(tolerance.times(dmaxAbs(v).plus(1)))) {
      const out = decimalContext(digits);
      const rounded = v.map((row) => row.map((x) => new out(x)));
      return { covariance: rounded, residual: riccatiResidual(a, v, d, m), iterations: k };
    }
  }
  throw new NoSteadyStateError('Newton-Kleinman did not converge in 100 steps');
}
