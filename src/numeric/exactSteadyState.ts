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

/** Each entry's simplest rational within `digits` digits of the largest entry, or undefined where one has no denominator ≤ MAX_DENOMINATOR. */
function simplestRationalsNear(approximate: DMatrix, digits: number): Rational[][] | undefined {
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
  return v;
}

/** AV + VAᵀ + D − VMV = 0 exactly (M undefined: the Lyapunov equation). */
function solvesRiccati(a: ExactMatrix, d: ExactMatrix, m: ExactMatrix | undefined, v: ExactMatrix): boolean {
  const av = product(a, v);
  const vmv = m === undefined ? v.map((row) => row.map(() => Rational.ZERO)) : product(product(v, m), v);
  return v.every((row, i) => row.every((_, j) => av[i]![j]!.add(av[j]![i]!).add(d[i]![j]!).sub(vmv[i]![j]!).isZero()));
}

/**
 * The stabilising solution in exact rationals, when `approximate` (accurate to about `digits`
 * digits of its largest entry) rounds to one; undefined otherwise.
 */
export function exactStabilisingSolution(a: ExactMatrix, d: ExactMatrix, m: ExactMatrix, approximate: DMatrix, digits: number): Rational[][] | undefined {
  const v = simplestRationalsNear(approximate, digits);
  if (v === undefined || !solvesRiccati(a, d, m, v)) return undefined;
  const vm = product(v, m);
  const closedLoop = a.map((row, i) => row.map((x, j) => RationalFunction.from(x.sub(vm[i]![j]!))));
  return stabilityRegime(closedLoop) === 'below-threshold' ? v : undefined;
}

/** The largest drift (2n × 2n) whose Lyapunov equation is solved by exact elimination: 36 unknowns; eight modes' 136 took 8 s. */
const MAX_ELIMINATED = 8;

/**
 * The unconditional steady state AV + VAᵀ + D = 0 in exact rationals. First `approximate`'s entries
 * rounded to their simplest rationals (as for the stabilising solution), kept if they solve the
 * equation exactly; otherwise, for a drift of at most MAX_ELIMINATED rows, the linear system in the
 * n(n+1)/2 entries V_ij, i ≤ j, solved by Gaussian elimination. Its solution is the steady state
 * when A is Hurwitz (the caller's exact regime); undefined when the system is singular, or too
 * large to eliminate and not rational with small denominators (the caller then encloses it).
 */
export function exactLyapunovSolution(a: ExactMatrix, d: ExactMatrix, approximate: DMatrix, digits: number): Rational[][] | undefined {
  const rounded = simplestRationalsNear(approximate, digits);
  if (rounded !== undefined && solvesRiccati(a, d, undefined, rounded)) return rounded;
  const n = a.length;
  if (n > MAX_ELIMINATED) return undefined;
  const unknowns: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) unknowns.push([i, j]);
  const index = (i: number, j: number) => unknowns.findIndex(([p, q]) => p === Math.min(i, j) && q === Math.max(i, j));
  // Row (i, j): Σ_k A_ik V_kj + Σ_k V_ik A_jk = −D_ij.
  const rows = unknowns.map(([i, j]) => {
    const row = unknowns.map(() => Rational.ZERO);
    for (let k = 0; k < n; k++) {
      row[index(k, j)] = row[index(k, j)]!.add(a[i]![k]!);
      row[index(i, k)] = row[index(i, k)]!.add(a[j]![k]!);
    }
    return [...row, d[i]![j]!.neg()];
  });
  const m = unknowns.length;
  for (let col = 0; col < m; col++) {
    const pivot = rows.findIndex((row, r) => r >= col && !row[col]!.isZero());
    if (pivot < 0) return undefined;
    [rows[col], rows[pivot]] = [rows[pivot]!, rows[col]!];
    const p = rows[col]![col]!;
    for (let r = 0; r < m; r++) {
      if (r === col || rows[r]![col]!.isZero()) continue;
      const f = rows[r]![col]!.div(p);
      rows[r] = rows[r]!.map((x, c) => x.sub(f.mul(rows[col]![c]!)));
    }
  }
  return a.map((_, i) =>
    a.map((__, j) => {
      const k = index(i, j);
      return rows[k]![m]!.div(rows[k]![k]!);
    }),
  );
}
