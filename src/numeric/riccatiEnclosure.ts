/**
 * A proof that the Riccati equation F(V) = AV + VAᵀ + D − VMV = 0 has exactly one symmetric
 * solution in a box around an approximate one ṽ, by the Krawczyk operator in the vectorised
 * (Kronecker) form, which needs no diagonalisation (a defective drift is fine):
 *   K(X) = ṽ − R F(ṽ) + (1 − R J(X)) (X − ṽ),
 * with J(X) the Fréchet derivative E ↦ (A − VM)E + E(A − VM)ᵀ over every V in the box X, enclosed in
 * interval arithmetic, and R an approximate inverse of J(ṽ). If K(X) lies in the interior of X, X
 * holds exactly one solution, and it lies in K(X) (Krawczyk 1969; for matrix equations, Miyajima
 * 2015 and Haqiri and Poloni 2017). The unknowns are the n(n+1)/2 entries V_ij, i ≤ j.
 *
 * `encloseRiccati` takes A, D and M as exact at their Decimal values; `encloseRiccatiOver` takes
 * their entries as intervals, so that the exact model's equation is the one solved.
 * That the solution in the box is the stabilising one is proved too (`stabilising`: A − VM Hurwitz
 * over the whole box); that it is a physical state is a separate proof.
 */
import { intervalArithmetic, type Interval, type IntervalArithmetic } from './interval.ts';
import type { Dec } from './context.ts';
import { decimalContext } from './context.ts';
import type { DMatrix } from './matrix.ts';
import { preconditioner } from './preconditioner.ts';

export interface RiccatiEnclosure {
  /** An interval for each entry of the solution, symmetric. */
  readonly box: ReadonlyArray<readonly Interval[]>;
  /** The radius of the box X the proof used. */
  readonly radius: Dec;
  /** Proved: A − VM is Hurwitz for every V in the box, so the solution in it is the stabilising one. */
  readonly stabilising: boolean;
}

/**
 * Whether every matrix in an interval matrix is proved Hurwitz (every eigenvalue with Re < 0): its
 * characteristic polynomial λⁿ + a₁λⁿ⁻¹ + … + aₙ by Faddeev-LeVerrier, then Routh's criterion, every
 * pivot of the Hurwitz matrix's elimination certainly positive (the leading Hurwitz determinants are
 * their products). False when the intervals cannot decide it: never a wrong proof.
 */
export function provedHurwitz(I: IntervalArithmetic, b: ReadonlyArray<readonly Interval[]>): boolean {
  const n = b.length;
  const zero = I.of('0');
  const one = I.of('1');
  const sum = (xs: Interval[]) => xs.reduce((s, x) => I.add(s, x), zero);
  const mul = (x: ReadonlyArray<readonly Interval[]>, y: ReadonlyArray<readonly Interval[]>) =>
    x.map((row) => y[0]!.map((_, j) => sum(row.map((xk, k) => I.mul(xk, y[k]![j]!)))));
  // Faddeev-LeVerrier: M₁ = 1, a_k = −tr(B M_k)/k, M_{k+1} = B M_k + a_k·1.
  const coefficients: Interval[] = [one];
  let mk: Interval[][] = b.map((row, i) => row.map((_, j) => (i === j ? one : zero)));
  for (let k = 1; k <= n; k++) {
    const bm = mul(b, mk);
    const ak = I.neg(I.div(sum(bm.map((row, i) => row[i]!)), I.of(String(k))));
    coefficients.push(ak);
    mk = bm.map((row, i) => row.map((x, j) => (i === j ? I.add(x, ak) : x)));
  }
  if (!coefficients.every((c) => c.lo.gt(0))) return false;
  const a = (k: number) => (k >= 0 && k <= n ? coefficients[k]! : zero);
  const h = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => a(2 * (j + 1) - (i + 1))));
  for (let col = 0; col < n; col++) {
    const pivot = h[col]![col]!;
    if (!pivot.lo.gt(0)) return false;
    for (let r = col + 1; r < n; r++) {
      const f = I.div(h[r]![col]!, pivot);
      for (let c = col; c < n; c++) h[r]![c] = I.sub(h[r]![c]!, I.mul(f, h[col]![c]!));
    }
  }
  return true;
}

export interface EnclosureOptions {
  /** Prove with exactly this radius, no inflation (for tests of a wrong midpoint). */
  readonly radius?: string;
  /** The preconditioner in doubles first at every size, not only above 21 unknowns (src/numeric/preconditioner.ts): faster, never a point box. */
  readonly doublesFirst?: boolean;
}

/** The enclosure for A, D and M taken as exact at their Decimal values. */
export function encloseRiccati(
  digits: number,
  a: DMatrix,
  d: DMatrix,
  m: DMatrix,
  approximate: DMatrix,
  options: EnclosureOptions = {},
): RiccatiEnclosure | undefined {
  const I = intervalArithmetic(digits);
  const points = (x: DMatrix) => x.map((row) => row.map((y) => I.of(y.toString())));
  return encloseRiccatiOver(I, points(a), points(d), points(m), approximate, options);
}

/**
 * The enclosure for interval matrices A, D and M (their exact entries enclosed, as
 * src/numeric/fromExact.ts's `intervalMatrix` does): the box then holds the solution of the exact
 * equation, not of its rounding.
 */
export function encloseRiccatiOver(
  I: IntervalArithmetic,
  A: ReadonlyArray<readonly Interval[]>,
  Dm: ReadonlyArray<readonly Interval[]>,
  M: ReadonlyArray<readonly Interval[]>,
  approximate: DMatrix,
  options: EnclosureOptions = {},
): RiccatiEnclosure | undefined {
  const n = A.length;
  const point = (x: Dec): Interval => I.of(x.toString());
  const V = approximate.map((row) => row.map(point));
  const unknowns: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) unknowns.push([i, j]);
  const zero = I.of('0');
  const sum = (xs: Interval[]) => xs.reduce((s, x) => I.add(s, x), zero);
  const product = (x: ReadonlyArray<readonly Interval[]>, y: ReadonlyArray<readonly Interval[]>) =>
    x.map((row) => y[0]!.map((_, j) => sum(row.map((xk, k) => I.mul(xk, y[k]![j]!)))));
  // F(ṽ) at the point, in intervals: it holds the exact residual.
  const av = product(A, V);
  const vmv = product(product(V, M), V);
  const residual = unknowns.map(([i, j]) => I.sub(I.add(I.add(av[i]![j]!, av[j]![i]!), Dm[i]![j]!), vmv[i]![j]!));
  // J over a set of V: column (k, l) is B E_kl + E_kl Bᵀ with B = A − VM, E_kl the symmetric unit.
  const jacobian = (v: ReadonlyArray<readonly Interval[]>): Interval[][] => {
    const vm = product(v, M);
    const b = A.map((row, i) => row.map((x, j) => I.sub(x, vm[i]![j]!)));
    return unknowns.map(([i, j]) =>
      unknowns.map(([k, l]) => {
        // (B E + E Bᵀ)_ij with E = e_k e_lᵀ + e_l e_kᵀ (once when k = l).
        const terms: Interval[] = [];
        const add = (p: number, q: number) => {
          // E has a 1 at (p, q): (B E)_ij = B_ip [q = j], (E Bᵀ)_ij = B_jq [p = i].
          if (q === j) terms.push(b[i]![p]!);
          if (p === i) terms.push(b[j]![q]!);
        };
        add(k, l);
        if (k !== l) add(l, k);
        return sum(terms);
      }),
    );
  };
  const proved = krawczyk(
    I,
    residual,
    (radius) => jacobian(V.map((row) => row.map((x) => ({ lo: x.lo.minus(radius), hi: x.hi.plus(radius) })))),
    jacobian(V),
    largest(V.flat()),
    options,
  );
  if (proved === undefined) return undefined;
  const entry = (p: number, q: number) => {
    const index = unknowns.findIndex(([i, jj]) => i === Math.min(p, q) && jj === Math.max(p, q));
    return I.add(V[p]![q]!, proved.correction[index]!);
  };
  const box = V.map((row, p) => row.map((_, q) => entry(p, q)));
  const vm = product(box, M);
  return {
    box,
    radius: proved.radius,
    stabilising: provedHurwitz(
      I,
      A.map((row, i) => row.map((x, j) => I.sub(x, vm[i]![j]!))),
    ),
  };
}

const largest = (xs: readonly Interval[]): Dec =>
  xs.reduce((s: Dec, x) => (x.lo.abs().gt(s) ? x.lo.abs() : x.hi.abs().gt(s) ? x.hi.abs() : s), xs[0]!.lo.abs().times(0));

/**
 * The Krawczyk proof for F(x) = 0 around a point x̃: with `residual` = F(x̃) in intervals,
 * `jacobianOver(r)` the Jacobian over the box x̃ ± r, and R an approximate inverse of `jacobianAt`
 * (J at x̃; src/numeric/preconditioner.ts), K = −R F(x̃) + (1 − R J(X))[−r, r] inside (−r, r)
 * proves exactly one zero of F in x̃ + K. Row i of (1 − R J(X))[−r, r] lies in ±c_i·r, c_i a bound
 * on the row sum of |1 − R J(X)|. The radius starts at ten times the Newton step (plus
 * 10^-(digits−5) of `scale`) and is inflated up to eight times. Returns K (the correction to x̃)
 * and the radius, or undefined.
 */
export function krawczyk(
  I: IntervalArithmetic,
  residual: readonly Interval[],
  jacobianOver: (radius: Dec) => Interval[][],
  jacobianAt: readonly (readonly Interval[])[],
  scale: Dec,
  options: EnclosureOptions = {},
): { correction: Interval[]; radius: Dec } | undefined {
  const D = decimalContext(I.digits + 5);
  const zero = I.of('0');
  const sum = (xs: Interval[]) => xs.reduce((s, x) => I.add(s, x), zero);
  const p = preconditioner(I, jacobianAt, options.doublesFirst);
  if (p === undefined) return undefined; // J(x̃) singular: no isolated zero to prove
  const step = p.R.map((row) => I.neg(sum(row.map((r, k) => I.mul(r, residual[k]!)))));
  let radius =
    options.radius === undefined
      ? largest(step)
          .times(10)
          .plus(new D(10).pow(-I.digits + 5).times(scale))
      : new D(options.radius);
  for (let attempt = 0; attempt < (options.radius === undefined ? 8 : 1); attempt++) {
    const spread = p.contraction(jacobianOver(radius)).map((c) => I.mul({ lo: c, hi: c }, { lo: radius, hi: radius }).hi);
    const k = step.map((y, i) => I.add(y, { lo: spread[i]!.neg(), hi: spread[i]! }));
    if (k.every((x) => x.lo.gt(radius.neg()) && x.hi.lt(radius))) return { correction: k, radius };
    radius = D.max(radius.times(4), largest(k).times(2));
  }
  return undefined;
}

/**
 * The unconditional steady state, AV + VAᵀ + D = 0: the Riccati enclosure with M = 0, whose
 * `stabilising` then proves A itself Hurwitz, so the solution in the box is the steady state.
 */
export function encloseLyapunovOver(
  I: IntervalArithmetic,
  A: ReadonlyArray<readonly Interval[]>,
  Dm: ReadonlyArray<readonly Interval[]>,
  approximate: DMatrix,
  options: EnclosureOptions = {},
): RiccatiEnclosure | undefined {
  const zero = A.map((row) => row.map(() => I.of('0')));
  return encloseRiccatiOver(I, A, Dm, zero, approximate, options);
}
