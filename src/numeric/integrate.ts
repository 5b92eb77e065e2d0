/** Classical fourth-order Runge-Kutta for the covariance ODE dV/dt = AV + VAᵀ + D − VMV, in Decimal. */
import { decimalContext } from './context.ts';
import { dadd, dmul, dscale, dsub, dtranspose, type DMatrix } from './matrix.ts';

export function covarianceRate(a: DMatrix, d: DMatrix, m: DMatrix, v: DMatrix): DMatrix {
  const av = dmul(a, v);
  return dsub(dadd(dadd(av, dtranspose(av)), d), dmul(dmul(v, m), v));
}

export function integrateCovariance(digits: number, a: DMatrix, d: DMatrix, m: DMatrix, v0: DMatrix, time: string, steps: number): DMatrix {
  const D = decimalContext(digits);
  const h = new D(time).div(steps);
  const half = h.div(2);
  const sixth = h.div(6);
  let v = v0;
  for (let s = 0; s < steps; s++) {
    const k1 = covarianceRate(a, d, m, v);
    const k2 = covarianceRate(a, d, m, dadd(v, dscale(k1, half)));
    const k3 = covarianceRate(a, d, m, dadd(v, dscale(k2, half)));
    const k4 = covarianceRate(a, d, m, dadd(v, dscale(k3, h)));
    v = dadd(v, dscale(dadd(dadd(k1, k4), dscale(dadd(k2, k3), new D(2))), sixth));
  }
  return v;
}
