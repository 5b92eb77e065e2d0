/** The numeric layer against closed forms worked out by hand. */
import { describe, expect, it } from 'vitest';
import { analyseTwoMode } from '../src/entanglement/analysis.ts';
import { logNegativityInvariant, logNegativityPartialTranspose, optimalQuadrature, physicality, simonInvariant } from '../src/entanglement/gaussianState.ts';
import { agreeingDigits, decimalContext } from '../src/numeric/context.ts';
import { isHurwitzStable, symmetricEigen } from '../src/numeric/eigen.ts';
import { integrateCovariance } from '../src/numeric/integrate.ts';
import { lyapunovResidual, solveLyapunov } from '../src/numeric/lyapunov.ts';
import { lyapunovSteadyState, NoSteadyStateError, riccatiSteadyState } from '../src/numeric/riccati.ts';

const D = decimalContext(50);
const m = (rows: Array<Array<number | string>>) => rows.map((r) => r.map((x) => new D(x)));

/** Two-mode squeezed vacuum: V = ½[[c·1, s·Z], [s·Z, c·1]], c = cosh 2r, s = sinh 2r, Z = diag(1, −1); E_N = 2r. */
function twoModeSqueezed(r: string) {
  const c = new D(r).times(2).cosh().div(2);
  const s = new D(r).times(2).sinh().div(2);
  const z = new D(0);
  return [
    [c, z, s, z],
    [z, c, z, s.neg()],
    [s, z, c, z],
    [z, s.neg(), z, c],
  ];
}

describe('steady states', () => {
  it('a damped oscillator: A = −γ·1, D = 2γ(N+½)·1 has V = (N+½)·1 (Lyapunov)', () => {
    const v = lyapunovSteadyState(
      50,
      m([
        [-2, 0],
        [0, -2],
      ]),
      m([
        [22, 0],
        [0, 22],
      ]),
    ).covariance;
    expect(v[0]![0]!.toString()).toBe('5.5');
    expect(v[0]![1]!.isZero()).toBe(true);
  });
  it('Lyapunov with a rotation: residual below 10^-45', () => {
    const a = m([
      [-1, 3],
      [-3, -1],
    ]);
    const q = m([
      [2, 1],
      [1, 4],
    ]);
    expect(lyapunovResidual(a, solveLyapunov(D, a, q), q).lt('1e-45')).toBe(true);
  });
  it('scalar Riccati 2av + d − m v² = 0: v = (a + √(a² + md))/m', () => {
    // a = −1, d = 3, m = 4: v = (−1 + √13)/4
    const v = riccatiSteadyState(50, m([[-1]]), m([[3]]), m([[4]])).covariance[0]![0]!;
    const exact = new D(13).sqrt().minus(1).div(4);
    expect(agreeingDigits(v, exact, 50)).toBeGreaterThanOrEqual(48);
  });
  it('the stabilising Riccati solution exists for an unstable drift when everything is measured', () => {
    // a = +1: v = (1 + √(1 + 4·3))/4
    const v = riccatiSteadyState(50, m([[1]]), m([[3]]), m([[4]])).covariance[0]![0]!;
    expect(agreeingDigits(v, new D(13).sqrt().plus(1).div(4), 50)).toBeGreaterThanOrEqual(48);
    expect(() => lyapunovSteadyState(50, m([[1]]), m([[3]]))).toThrow(NoSteadyStateError);
  });
  it('RK4 from the vacuum converges to the Riccati steady state', () => {
    const a = m([
      [-1, 2],
      [-3, -1],
    ]);
    const d = m([
      [2, 0],
      [0, 2],
    ]);
    const mm = m([
      [1, 0],
      [0, 1],
    ]);
    const v = riccatiSteadyState(30, a, d, mm).covariance;
    const t = integrateCovariance(
      30,
      a,
      d,
      mm,
      m([
        [0.5, 0],
        [0, 0.5],
      ]),
      '20',
      2000,
    );
    expect(agreeingDigits(t[0]![1]!, v[0]![1]!, 30)).toBeGreaterThanOrEqual(10);
  });
});

describe('eigen and stability', () => {
  it('Jacobi eigenvalues of [[2, 1], [1, 2]] are 1 and 3', () => {
    const { values } = symmetricEigen(
      D,
      m([
        [2, 1],
        [1, 2],
      ]),
    );
    expect(values.map((x) => x.toDecimalPlaces(40).toString())).toEqual(['1', '3']);
  });
  it('Hurwitz stability: a rotation with damping is stable, with gain it is not', () => {
    expect(
      isHurwitzStable(
        D,
        m([
          [-0.1, 5],
          [-5, -0.1],
        ]),
      ),
    ).toBe(true);
    expect(
      isHurwitzStable(
        D,
        m([
          [0.1, 5],
          [-5, -0.1],
        ]),
      ),
    ).toBe(false);
  });
  it('a zero eigenvalue is not stable (decimal.js calls 0 positive: the test must be strict)', () => {
    expect(
      isHurwitzStable(
        D,
        m([
          [0, 0],
          [0, -1],
        ]),
      ),
    ).toBe(false);
  });
});

describe('entanglement', () => {
  it('two-mode squeezed vacuum: E_N = 2r by both routes, S = e^(−2r), Simon < 0, physical', () => {
    const v = twoModeSqueezed('0.35');
    expect(agreeingDigits(logNegativityInvariant(50, v).logNegativity, new D('0.7'), 50)).toBeGreaterThanOrEqual(45);
    expect(agreeingDigits(logNegativityPartialTranspose(50, v).logNegativity, new D('0.7'), 50)).toBeGreaterThanOrEqual(40);
    const a = analyseTwoMode(50, v);
    expect(agreeingDigits(a.S, new D('-0.7').exp(), 50)).toBeGreaterThanOrEqual(45);
    expect(a.simon.isNegative()).toBe(true);
    expect(physicality(50, v).physical).toBe(true);
  });
  it('the vacuum is separable and sits on the physicality boundary', () => {
    const v = m([
      [0.5, 0, 0, 0],
      [0, 0.5, 0, 0],
      [0, 0, 0.5, 0],
      [0, 0, 0, 0.5],
    ]);
    expect(logNegativityInvariant(50, v).logNegativity.isZero()).toBe(true);
    expect(simonInvariant(50, v).isNegative()).toBe(false);
    expect(physicality(50, v).smallestSymplectic.toString()).toBe('0.5');
  });
  it('a covariance below the uncertainty bound is unphysical', () => {
    expect(
      physicality(
        50,
        m([
          [0.2, 0, 0, 0],
          [0, 0.5, 0, 0],
          [0, 0, 0.5, 0],
          [0, 0, 0, 0.5],
        ]),
      ).physical,
    ).toBe(false);
  });
  it('least quadrature variance of [[a, b], [b, c]] is (a+c)/2 − √(((a−c)/2)² + b²), at tan 2θ = 2b/(a − c) rotated by 90°', () => {
    const { variance, angle } = optimalQuadrature(
      50,
      m([
        [3, 1],
        [1, 1],
      ]),
    );
    expect(agreeingDigits(variance, new D(2).minus(new D(2).sqrt()), 50)).toBeGreaterThanOrEqual(48);
    // The least variance of [[3,1],[1,1]] lies at θ = −3π/8 (tan 2θ = 1 with cos 2θ < 0).
    expect(agreeingDigits(angle, D.acos(-1).times(-3).div(8), 50)).toBeGreaterThanOrEqual(48);
  });
});
