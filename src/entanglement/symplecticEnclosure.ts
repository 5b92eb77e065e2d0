/**
 * The whole symplectic spectrum of a covariance box of any number of modes, and E_N of a
 * bipartition, enclosed. Symplectic eigenvalues are monotone in the Loewner order (Bhatia and
 * Jain, J. Math. Phys. 56, 112201 (2015)), and every V in the box lies between W₋ = V_c − rI and
 * W₊ = V_c + rI (V_c the box's symmetric midpoint, r = n·(largest radius) ≥ ‖V − V_c‖₂); so
 * ν_j(W₋) ≤ ν_j(V) ≤ ν_j(W₊), and the spectra of the two point matrices are enclosed at twice
 * the digits:
 *   W = LLᵀ (interval Cholesky), K = LᵀΩL is antisymmetric and similar to ΩW, so S = KᵀK has the
 *   eigenvalues ν_j², each twice; with Q the numerical eigenvectors of S, T = QᵀSQ is nearly
 *   diagonal: its sorted eigenvalues lie within the Frobenius norm of its off-diagonal part of its
 *   sorted diagonal (Weyl), and λ_k(QᵀSQ) = θ_k λ_k(S) with θ_k between the extreme eigenvalues of
 *   QᵀQ (Ostrowski), which Gershgorin bounds near 1.
 */
import { decimalContext, type Dec } from '../numeric/context.ts';
import { symmetricEigen } from '../numeric/eigen.ts';
import { Float64Context } from '../numeric/float64.ts';
import { intervalArithmetic, type Interval, type IntervalArithmetic } from '../numeric/interval.ts';

type Box = ReadonlyArray<readonly Interval[]>;

const meet = (a: Interval, b: Interval): Interval => ({ lo: a.lo.gt(b.lo) ? a.lo : b.lo, hi: a.hi.lt(b.hi) ? a.hi : b.hi });

/** The symplectic eigenvalues (ascending) of a point positive-definite matrix in (X₁, Y₁, X₂, Y₂, …), each enclosed; undefined when W is not proved positive definite. */
export function symplecticSpectrumOfPoint(F: IntervalArithmetic, w: ReadonlyArray<readonly Dec[]>): Interval[] | undefined {
  const n = w.length;
  const zero = F.of('0');
  const sum = (xs: Interval[]) => xs.reduce((s, x) => F.add(s, x), zero);
  const L: Interval[][] = w.map(() => w.map(() => zero));
  for (let j = 0; j < n; j++) {
    const d = F.sub(F.of(w[j]![j]!.toString()), sum(L[j]!.slice(0, j).map((x) => F.mul(x, x))));
    if (!d.lo.gt(0)) return undefined;
    L[j]![j] = F.sqrt(d);
    for (let i = j + 1; i < n; i++) L[i]![j] = F.div(F.sub(F.of(w[i]![j]!.toString()), sum(L[i]!.slice(0, j).map((x, k) => F.mul(x, L[j]![k]!)))), L[j]![j]!);
  }
  const product = (x: Box, y: Box) => x.map((row) => y[0]!.map((_, j) => sum(row.map((xk, k) => F.mul(xk, y[k]![j]!)))));
  const transpose = (x: Box) => x[0]!.map((_, j) => x.map((row) => row[j]!));
  const omega = w.map((_, i) => w.map((__, j) => F.of(j === i + 1 && i % 2 === 0 ? '1' : i === j + 1 && j % 2 === 0 ? '-1' : '0')));
  const K = product(product(transpose(L), omega), L);
  const S = product(transpose(K), K);
  const D = decimalContext(F.digits);
  // Q's accuracy enters the spectrum's width first order (Weyl): ten digits below F's is far below the box's.
  const { vectors } = symmetricEigen(
    D,
    S.map((row) => row.map((x) => F.midpoint(x))),
    F.digits - 10,
  );
  const Q = vectors.map((row) => row.map((x) => F.of(x.toString())));
  const T = product(product(transpose(Q), S), Q);
  const G = product(transpose(Q), Q);
  // Gershgorin on QᵀQ: its eigenvalues lie within g of 1.
  const g = G.reduce((m, row, i) => {
    const r = sum(row.map((x, j) => F.abs(i === j ? F.sub(x, F.of('1')) : x)));
    return r.hi.gt(m) ? r.hi : m;
  }, zero.hi);
  if (!g.lt(1)) return undefined;
  // Weyl: the sorted eigenvalues of T within ‖off-diagonal‖_F of its sorted diagonal.
  const offSquares = sum(T.flatMap((row, i) => row.filter((_, j) => j !== i).map((x) => F.mul(F.abs(x), F.abs(x)))));
  const e = F.sqrt(offSquares).hi;
  const byLo = T.map((row, i) => row[i]!.lo).sort((a, b) => a.cmp(b));
  const byHi = T.map((row, i) => row[i]!.hi).sort((a, b) => a.cmp(b));
  const theta = { lo: F.sub(F.of('1'), { lo: g, hi: g }).lo, hi: F.add(F.of('1'), { lo: g, hi: g }).hi };
  const squares = byLo.map((lo, k) => {
    const t = { lo: F.sub({ lo, hi: lo }, { lo: e, hi: e }).lo, hi: F.add({ lo: byHi[k]!, hi: byHi[k]! }, { lo: e, hi: e }).hi };
    const nonNegative = { lo: t.lo.isNegative() ? zero.lo : t.lo, hi: t.hi };
    return F.div(nonNegative, theta);
  });
  // ν_j² is the eigenvalue twice: both enclosures hold it.
  return Array.from({ length: n / 2 }, (_, j) => F.sqrt(meet(squares[2 * j]!, squares[2 * j + 1]!)));
}

/** V_c ∓ rI of a symmetric box (as exact decimals), r = n·(largest radius about the symmetric midpoint) ≥ ‖V − V_c‖₂, in arithmetic `F`. */
export function loewnerPoints(I: IntervalArithmetic, F: IntervalArithmetic, v: Box): { below: Dec[][]; above: Dec[][] } {
  const upper = (i: number, j: number) => v[Math.min(i, j)]![Math.max(i, j)]!;
  const centre = v.map((row, i) => row.map((_, j) => I.midpoint(upper(i, j))));
  let radius = F.of('0');
  for (const [i, row] of v.entries())
    for (const j of row.keys()) {
      const [x, c] = [upper(i, j), F.of(centre[i]![j]!.toString())];
      radius = F.hull(radius, F.hull(F.sub(F.of(x.hi.toString()), c), F.sub(c, F.of(x.lo.toString()))));
    }
  const r = F.mul(F.of(String(v.length)), { lo: radius.hi, hi: radius.hi }).hi;
  // Rounded outward so that below ⪯ V_c − rI and above ⪰ V_c + rI exactly.
  const shifted = (sign: 1 | -1) =>
    centre.map((row, i) =>
      row.map((c, j) => (i !== j ? c : sign === 1 ? F.add({ lo: c, hi: c }, { lo: r, hi: r }).hi : F.sub({ lo: c, hi: c }, { lo: r, hi: r }).lo)),
    );
  return { below: shifted(-1), above: shifted(1) };
}

/**
 * The digits at which the Loewner points' spectra are enclosed: I's digits + 20, plus what KᵀK's
 * condition (at most κ², κ that of the box's midpoint, estimated in doubles) costs ν_min²; twice
 * I's digits + 10, the most, where doubles cannot estimate κ. Only the enclosure's width depends
 * on it (the proof holds at any digits): Weyl's bound is first order, unlike the two-mode
 * invariant formula, which loses half its digits to a degenerate spectrum.
 */
function spectrumDigits(I: IntervalArithmetic, v: Box): number {
  const most = 2 * I.digits + 10;
  const midpoint = v.map((row) => row.map((x) => I.midpoint(x)));
  const largest = midpoint.flat().reduce((m, x) => (x.abs().gt(m) ? x.abs() : m), midpoint[0]![0]!.abs());
  if (largest.isZero()) return most;
  const values = symmetricEigen(
    Float64Context,
    midpoint.map((row) => row.map((x) => new Float64Context(x.div(largest).toNumber()))),
  ).values.map((x) => x.toNumber());
  const kappa = values[values.length - 1]! / values[0]!;
  if (!(values[0]! > 0) || !Number.isFinite(kappa)) return most;
  return Math.min(most, I.digits + 20 + Math.ceil(2 * Math.log10(kappa)));
}

/**
 * E_N = Σ_j max(0, −ln 2ν̃_j) of a bipartition of a covariance box in (X₁, Y₁, X₂, Y₂, …): the
 * modes in `part` have their momenta flipped (the partial transpose). Undefined when the Loewner
 * points are not proved positive definite (a box too wide).
 */
export function bipartitionLogNegativityEnclosure(I: IntervalArithmetic, v: Box, part: readonly number[]): Interval | undefined {
  const flip = (i: number) => (i % 2 === 1 && part.includes((i - 1) / 2) ? I.of('-1') : I.of('1'));
  const transposed = v.map((row, i) => row.map((x, j) => I.mul(I.mul(flip(i), flip(j)), x)));
  const F = intervalArithmetic(spectrumDigits(I, transposed));
  const { below, above } = loewnerPoints(I, F, transposed);
  const [low, high] = [symplecticSpectrumOfPoint(F, below), symplecticSpectrumOfPoint(F, above)];
  if (low === undefined || high === undefined) return undefined;
  const zero = I.of('0');
  let total = zero;
  for (const [j, nuLow] of low.entries()) {
    // ν̃_j(V) ∈ [ν̃_j(W₋), ν̃_j(W₊)]; −ln 2ν is decreasing, E_N's term is 0 where 2ν ≥ 1.
    const twice = I.mul(I.of('2'), { lo: I.of(nuLow.lo.toString()).lo, hi: I.of(high[j]!.hi.toString()).hi });
    if (twice.lo.gte(1)) continue;
    if (!twice.lo.gt(0)) return undefined;
    const most = I.neg(I.ln({ lo: twice.lo, hi: twice.lo })).hi;
    const least = twice.hi.lt(1) ? I.neg(I.ln({ lo: twice.hi, hi: twice.hi })).lo : zero.lo;
    total = I.add(total, { lo: least, hi: most });
  }
  return total;
}
