/**
 * The exact transition of a linear SDE dx = A x dt + dξ, E[dξ dξᵀ] = D dt, over a step h, in IEEE
 * doubles: x(t + h) = Φ x(t) + w with Φ = e^{Ah} and w ~ N(0, Q), Q = ∫₀ʰ e^{As} D e^{Aᵀs} ds. Both
 * come from one matrix exponential (Van Loan 1978): exp([[−A, D], [0, Aᵀ]] h) = [[·, F₁₂], [0, F₂₂]]
 * gives Φ = F₂₂ᵀ and Q = Φ F₁₂. Q is symmetrised and positive semi-definite by construction, Φ is
 * stable whenever A is, so a step of any size neither blows up nor loses positivity.
 */

export type Mat = number[][];

export const transpose = (a: Mat): Mat => a[0]!.map((_, j) => a.map((row) => row[j]!));
export const matMul = (a: Mat, b: Mat): Mat => a.map((row) => b[0]!.map((_, j) => row.reduce((s, x, k) => s + x * b[k]![j]!, 0)));
const add = (a: Mat, b: Mat): Mat => a.map((row, i) => row.map((x, j) => x + b[i]![j]!));
const scale = (a: Mat, s: number): Mat => a.map((row) => row.map((x) => x * s));
const identity = (n: number): Mat => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
const oneNorm = (a: Mat): number => Math.max(...a[0]!.map((_, j) => a.reduce((s, row) => s + Math.abs(row[j]!), 0)));

/**
 * e^M by scaling and squaring: M/2^s with ‖M/2^s‖₁ ≤ 1/2, a Taylor series to 18 terms (its
 * remainder is below 2⁻⁵³ there), then s squarings.
 */
export function expm(m: Mat): Mat {
  const norm = oneNorm(m);
  const s = norm > 0.5 ? Math.ceil(Math.log2(norm / 0.5)) : 0;
  const small = scale(m, 2 ** -s);
  let term = identity(m.length);
  let sum = identity(m.length);
  for (let k = 1; k <= 18; k++) {
    term = scale(matMul(term, small), 1 / k);
    sum = add(sum, term);
  }
  for (let k = 0; k < s; k++) sum = matMul(sum, sum);
  return sum;
}

export interface Transition {
  /** e^{Ah}. */
  readonly phi: Mat;
  /** The covariance of the noise one step adds. */
  readonly q: Mat;
}

/** Φ and Q of a step h (see the module comment). */
export function ouTransition(a: Mat, d: Mat, h: number): Transition {
  const n = a.length;
  const block: Mat = [
    ...a.map((row, i) => [...row.map((x) => -x * h), ...d[i]!.map((x) => x * h)]),
    ...transpose(a).map((row) => [...row.map(() => 0), ...row.map((x) => x * h)]),
  ];
  const f = expm(block);
  const phi = transpose(f.slice(n).map((row) => row.slice(n)));
  const q = matMul(
    phi,
    f.slice(0, n).map((row) => row.slice(n)),
  );
  return { phi, q: q.map((row, i) => row.map((x, j) => (x + q[j]![i]!) / 2)) };
}
