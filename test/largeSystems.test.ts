/**
 * What runs only above 21 unknowns n(n+1)/2 (four modes and more): the Krawczyk contraction bounded
 * in doubles with a priori rounding errors, and Newton-Kleinman's last steps refined in doubles.
 * Each is checked against a route that shares nothing with it: the contraction against the same R·J
 * enclosed in decimal interval arithmetic, the refined states against the matrix sign function (the
 * stabilising solution from the Hamiltonian matrix's stable subspace) and exact rationals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../src/exact/rational.ts';
import { decimalContext, type Dec } from '../src/numeric/context.ts';
import { exactLyapunovSolution } from '../src/numeric/exactSteadyState.ts';
import { intervalArithmetic, type Interval } from '../src/numeric/interval.ts';
import type { DMatrix } from '../src/numeric/matrix.ts';
import { decimalPreconditioner, doublesPreconditioner, preconditioner } from '../src/numeric/preconditioner.ts';
import { lyapunovSteadyState, riccatiSteadyState, stableSubspaceSolution } from '../src/numeric/riccati.ts';
import { encloseRiccati } from '../src/numeric/riccatiEnclosure.ts';

/** An 8×8 system (four modes): A stable with couplings, D and M positive definite, its entries small rationals. */
function system(seed: number): { a: Rational[][]; d: Rational[][]; m: Rational[][] } {
  let s = seed;
  const next = () => {
    s = (s * 16807) % 2147483647;
    return (s % 7) - 3;
  };
  const n = 8;
  const a = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? Rational.of(-4) : Rational.of(next(), 4))));
  const d = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? Rational.of(3 + (i % 3)) : Rational.ZERO)));
  const m = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? Rational.of(1 + (i % 2), 2) : Rational.ZERO)));
  return { a, d, m };
}
const decimal = (digits: number, x: Rational[][]): DMatrix => {
  const D = decimalContext(digits);
  return x.map((row) => row.map((y) => new D(y.num.toString()).div(y.den.toString())));
};
const larger = (a: Dec, b: Dec) => (a.gt(b) ? a : b);
const largestDifference = (x: DMatrix, y: DMatrix): Dec => x.flat().reduce((m, v, k) => larger(m, v.minus(y.flat()[k]!).abs()), x[0]![0]!.times(0));

describe('the contraction bounded in doubles', () => {
  it('bounds every row sum of |1 − RJ| from above, RJ enclosed in decimal interval arithmetic with the same R, over random interval matrices of 22 to 32 unknowns and scales 10⁻³⁰ to 10³⁰', () => {
    const I = intervalArithmetic(40);
    fc.assert(
      fc.property(
        fc.integer({ min: 22, max: 32 }),
        fc.integer({ min: -30, max: 30 }),
        fc.integer({ min: 1, max: 2 ** 30 }),
        fc.integer({ min: 5, max: 35 }),
        (n, exponent, seed, widthDigits) => {
          let s = seed;
          const next = () => {
            s = (s * 48271) % 2147483647;
            return s / 2147483647 - 0.5;
          };
          const scale = `1e${exponent}`;
          // Diagonally dominant with sparse couplings: well conditioned, as a stable system's Lyapunov operator.
          const J: Interval[][] = Array.from({ length: n }, (_, i) =>
            Array.from({ length: n }, (_, j) => {
              const value = i === j ? 5 + next() : next() < -0.3 ? next() : 0;
              if (value === 0) return I.of('0');
              const mid = I.mul(I.of(String(value)), I.of(scale)).lo;
              const radius = mid.abs().times(`1e-${widthDigits}`);
              return { lo: mid.minus(radius), hi: mid.plus(radius) };
            }),
          );
          const fast = doublesPreconditioner(I, J)!;
          const bound = fast.contraction(J);
          const exact = fast.R.map((row, i) =>
            J[0]!.map((_, c) => {
              const rj = row.reduce((sum, r, k) => I.add(sum, I.mul(r, J[k]![c]!)), I.of('0'));
              return I.abs(I.sub(I.of(i === c ? '1' : '0'), rj)).hi;
            }),
          );
          for (const [i, row] of exact.entries()) {
            const total = row.reduce((sum, x) => sum.plus(x), new (decimalContext(60))(0));
            expect(bound[i]!.gte(total), `row ${i}`).toBe(true);
          }
          expect(bound.every((c) => c.lt('1e-3'))).toBe(true);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('the doubles are tried above 21 unknowns and give way to decimal.js where they cannot prove a small contraction (a nearly singular J)', () => {
    const I = intervalArithmetic(40);
    const n = 24;
    // [[1, 1], [1, 1 + 10⁻²⁰]] in the corner of 1: condition 4·10²⁰, singular in doubles.
    const nearlySingular = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => I.of(i < 2 && j < 2 ? (i === 1 && j === 1 ? '1.00000000000000000001' : '1') : i === j ? '1' : '0')),
    );
    const chosen = preconditioner(I, nearlySingular)!;
    const decimalOne = decimalPreconditioner(I, nearlySingular)!;
    expect(chosen.R[0]![0]).toEqual(decimalOne.R[0]![0]);
    expect(chosen.contraction(nearlySingular).every((c) => c.lt('1e-30'))).toBe(true);
  });
});

describe('four modes (36 unknowns): the steady states refined in doubles, and their enclosures', () => {
  const { a, d, m } = system(7);

  it('the stabilising solution matches the matrix sign function at 120 digits (half of which it holds) to 55 digits', () => {
    const v = riccatiSteadyState(60, decimal(60, a), decimal(60, d), decimal(60, m)).covariance;
    const D = decimalContext(120);
    const sign = stableSubspaceSolution(D, decimal(120, a), decimal(120, d), decimal(120, m))!;
    expect(largestDifference(v, sign).lt('1e-55')).toBe(true);
  });

  it('the unconditional state matches the exact rational solution to 58 digits', () => {
    const v = lyapunovSteadyState(60, decimal(60, a), decimal(60, d), { driftStable: true }).covariance;
    // Exact either way: simplest rationals near v checked to solve the equation exactly, or elimination.
    const exact = exactLyapunovSolution(a, d, v, 60)!;
    expect(largestDifference(v, decimal(80, exact)).lt('1e-58')).toBe(true);
  });

  it('at rates of 10²⁰⁰ and 10⁻²⁰⁰ (A, D and M scaled together, so V is the same): the same states to 38 digits, the doubles used after a shift by a power of ten', () => {
    const [A, Dm, M] = [a, d, m].map((x) => decimal(40, x)) as [DMatrix, DMatrix, DMatrix];
    const v = riccatiSteadyState(40, A, Dm, M).covariance;
    const u = lyapunovSteadyState(40, A, Dm, { driftStable: true }).covariance;
    for (const scale of ['1e200', '1e-200']) {
      const scaled = (x: DMatrix) => x.map((row) => row.map((y) => y.times(scale)));
      expect(largestDifference(riccatiSteadyState(40, scaled(A), scaled(Dm), scaled(M)).covariance, v).lt('1e-38'), scale).toBe(true);
      expect(largestDifference(lyapunovSteadyState(40, scaled(A), scaled(Dm), { driftStable: true }).covariance, u).lt('1e-38'), scale).toBe(true);
    }
  });

  it('Krawczyk with the doubles preconditioner: a midpoint off by 1e-20 in one entry gives a box that holds the sign-function solution, and a matrix off by 1e-3 is not proved in a narrow box', () => {
    const [A, Dm, M] = [a, d, m].map((x) => decimal(40, x)) as [DMatrix, DMatrix, DMatrix];
    const v = riccatiSteadyState(40, A, Dm, M).covariance;
    const truth = stableSubspaceSolution(decimalContext(120), decimal(120, a), decimal(120, d), decimal(120, m))!;
    const off = v.map((row, i) => row.map((x, j) => (i === 2 && j === 2 ? x.plus('1e-20') : x)));
    const proved = encloseRiccati(40, A, Dm, M, off, { radius: '1e-15' });
    expect(proved).toBeDefined();
    expect(proved!.box.every((row, i) => row.every((x, j) => x.lo.lte(truth[i]![j]!) && truth[i]![j]!.lte(x.hi)))).toBe(true);
    const wrong = v.map((row, i) => row.map((x, j) => (i === 2 && j === 2 ? x.plus('1e-3') : x)));
    expect(encloseRiccati(40, A, Dm, M, wrong, { radius: '1e-10' })).toBeUndefined();
  });
});
