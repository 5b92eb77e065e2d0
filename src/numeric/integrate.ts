/** Classical fourth-order Runge-Kutta for the covariance ODE dV/dt = AV + VAᵀ + D − VMV. */
import { decimalContext, type DecimalConstructor } from './context.ts';
import { Float64Context } from './float64.ts';
import { dadd, dmul, dscale, dsub, dtranspose, type DMatrix } from './matrix.ts';

export function covarianceRate(a: DMatrix, d: DMatrix, m: DMatrix, v: DMatrix): DMatrix {
  const av = dmul(a, v);
  return dsub(dadd(dadd(av, dtranspose(av)), d), dmul(dmul(v, m), v));
}

/**
 * V(time) from V(0) = v0 in `steps` equal steps, in Decimal at `precision` digits, or in IEEE
 * doubles ('double': for checks that need a few digits, where the step error dominates anyway).
 * The result is returned as Decimals of `precision` digits (20 for 'double').
 */
export function integrateCovariance(precision: number | 'double', a: DMatrix, d: DMatrix, m: DMatrix, v0: DMatrix, time: string, steps: number): DMatrix {
  const D: DecimalConstructor = precision === 'double' ? Float64Context : decimalContext(precision);
  const out = decimalContext(precision === 'double' ? 20 : precision);
  const [A, Dm, M, V0] = [a, d, m, v0].map((x): DMatrix => x.map((row) => row.map((y) => new D(precision === 'double' ? y.toNumber() : y)))) as [
    DMatrix,
    DMatrix,
    DMatrix,
    DMatrix,
  ];
  const h = new D(time).div(steps);
  const half = h.div(2);
  const sixth = h.div(6);
  let v = V0;
  for (let s = 0; s < steps; s++) {
    const k1 = covarianceRate(A, Dm, M, v);
    const k2 = covarianceRate(A, Dm, M, dadd(v, dscale(k1, half)));
    const k3 = covarianceRate(A, Dm, M, dadd(v, dscale(k2, half)));
    const k4 = covarianceRate(A, Dm, M, dadd(v, dscale(k3, h)));
    v = dadd(v, dscale(dadd(dadd(k1, k4), dscale(dadd(k2, k3), new D(2))), sixth));
  }
  return v.map((row) => row.map((x) => new out(precision === 'double' ? x.toNumber() : x)));
}
