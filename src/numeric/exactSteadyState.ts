/**
 * An exact steady state where it is rational. A box of positive width cannot prove what holds with
 * equality: a pure state (V = ½·1 at N = 0, η = 1, μ = 0) has 2ν₋ = 1 exactly, on the boundary of
 * the physical states. Where the stabilising solution of AV + VAᵀ + D − VMV = 0 is rational, it is
 * recovered from an approximation (each entry's simplest rational within the approximation's
 * accuracy, by continued fractions) and then proved in exact arithmetic: the equation holds
 * exactly, and A − VM is Hurwitz exactly (Liénard-Chipart), so it is the stabilising solution.
 */
import { RationalFunction } from '../exact/rationalFunction.ts';
import { Rational } from '../exact/rational.ts';
import { stabilityRegime } from '../gaussian/regime.ts';
import type { Dec } from './context.ts';
import type { DMatrix } from './matrix.ts';

type ExactMatrix = ReadonlyArray<readonly Rational[]>;

/** Denominators beyond this are not tried: a rational steady state of a model has small ones. */
const MAX_DENOMINATOR = 10n ** 12n;

/** The first continued-fraction convergent of x within `tolerance` of it, with a denominator ≤ MAX_DENOMINATOR. */
export function simplestRationalNear(x: Rational, tolerance: Rational): Rational | undefined {
  let [h0, h1, k0, k1] = [0n, 1n, 1n, 0n];
  let [num, den] = [x.num, x.den];
  for (;;) {
    // Floor division for a negative numerator too.
    const a = num >= 0n ? num / den : -((-num + den - 1n) / den);
    [h0, h1] = [h1, a * h1 + h0];
    [k0, k1] = [k1, a * k1 + k0];
    if (k1 > MAX_DENOMINATOR) return undefined;
    const convergent = Rational.of(h1, k1);
    if (convergent.sub(x).abs().compare(tolerance) <= 0) return convergent;
    const rest = num - a * den;
    if (rest === 0n) return convergent;
    [num, den] = [den, rest];
  }
}

const product = (x: ExactMatrix, y: ExactMatrix): Rational[][] =>
  x.map((row) => y[0]!.map((_, j) => row.reduce((s, xk, k) => s.add(xk.mul(y[k]![j]!)), Rational.ZERO)));

/**
 * The stabilising solution in exact rationals, when `approximate` (accurate to about `digits`
 * digits of its largest entry) rounds to one; undefined otherwise.
 */
export function exactStabilisingSolution(a: ExactMatrix, d: ExactMatrix, m: ExactMatrix, approximate: DMatrix, digits: number): Rational[][] | undefined {
  const largest = approximate.flat().reduce((s: Dec, x) => (x.abs().gt(s) ? x.abs() : s), approximate[0]![0]!.abs());
  if (largest.isZero()) return undefined;
  const tolerance = Rational.parse(largest.times(`1e-${Math.max(digits - 5, 5)}`).toString());
  const v: Rational[][] = [];
  for (const row of approximate) {
    const exactRow: Rational[] = [];
    for (const x of row) {
      const r = simplestRationalNear(Rational.parse(x.toString()), tolerance);
      if (r === undefined) return undefined;
      exactRow.push(r);
    }
    v.push(exactRow);
  }
  const av = product(a, v);
  const vmv = product(product(v, m), v);
  const solves = v.every((row, i) => row.every((_, j) => av[i]![j]!.add(av[j]![i]!).add(d[i]![j]!).sub(vmv[i]![j]!).isZero()));
  if (!solves) return undefined;
  const vm = product(v, m);
  const closedLoop = a.map((row, i) => row.map((x, j) => RationalFunction.from(x.sub(vm[i]![j]!))));
  return stabilityRegime(closedLoop) === 'below-threshold' ? v : undefined;
}
