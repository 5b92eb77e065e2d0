/** Symmetric eigenproblems by cyclic Jacobi rotations, and numeric Hurwitz stability of a real matrix. */
import { hurwitzMatrix, leadingMinor, lienardChipartSizes } from '../exact/hurwitz.ts';
import { WorkingPrecisionError, type Dec, type DecimalConstructor } from './context.ts';
import { Float64Context } from './float64.ts';
import { dmul, dot, dtranspose, type DMatrix } from './matrix.ts';

/**
 * Eigenvalues (ascending) and orthonormal eigenvectors (columns) of a symmetric matrix. Above double
 * precision the rotations start from the eigenvectors found in doubles (made orthonormal at D's
 * precision), where Jacobi converges quadratically: about three sweeps at 70 digits instead of ten.
 * The rotations stop when the off-diagonal entries sum to at most 10^-accuracy of the diagonal's,
 * accuracy at most D's precision − 2: a caller that needs fewer digits saves the last sweeps, where
 * a cluster of equal eigenvalues (a symmetric ring's) converges only linearly.
 */
export function symmetricEigen(D: DecimalConstructor, input: DMatrix, accuracy: number = D.precision - 2): { values: Dec[]; vectors: DMatrix } {
  const n = input.length;
  let a = input.map((row) => row.map((x) => new D(x)));
  let v = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => new D(i === j ? 1 : 0)));
  const start = D.precision > Float64Context.precision && n > 2 ? startInDoubles(D, a) : undefined;
  if (start !== undefined) {
    v = start.map((row) => [...row]);
    a = dmul(dtranspose(start), dmul(a, start)).map((row) => [...row]);
  }
  const eps = new D(10).pow(-Math.min(accuracy, D.precision - 2));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = new D(0);
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off = off.plus(a[p]![q]!.abs());
    let scale = new D(0);
    for (let p = 0; p < n; p++) scale = scale.plus(a[p]![p]!.abs());
    if (off.lte(eps.times(scale.plus(1)))) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p]![q]!;
        if (apq.isZero()) continue;
        const theta = a[q]![q]!.minus(a[p]![p]!).div(apq.times(2));
        const t = new D(theta.isNegative() ? -1 : 1).div(theta.abs().plus(theta.times(theta).plus(1).sqrt()));
        const c = new D(1).div(t.times(t).plus(1).sqrt());
        const s = t.times(c);
        // The symmetric update (Rutishauser): a_pq is annihilated exactly, not left as rounding
        // noise of the size of the diagonal, which for sixteen rows outweighed the stopping test.
        for (let k = 0; k < n; k++) {
          if (k === p || k === q) continue;
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = a[p]![k] = c.times(akp).minus(s.times(akq));
          a[k]![q] = a[q]![k] = s.times(akp).plus(c.times(akq));
        }
        a[p]![p] = a[p]![p]!.minus(t.times(apq));
        a[q]![q] = a[q]![q]!.plus(t.times(apq));
        a[p]![q] = a[q]![p] = new D(0);
        for (let k = 0; k < n; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = c.times(vkp).minus(s.times(vkq));
          v[k]![q] = s.times(vkp).plus(c.times(vkq));
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[i]![i]!.comparedTo(a[j]![j]!));
  return { values: order.map((i) => a[i]![i]!), vectors: v.map((row) => order.map((i) => row[i]!)) };
}

/**
 * The eigenvectors of a symmetric matrix found in doubles (scaled by its largest entry), made
 * orthonormal at D's precision by Gram-Schmidt so that VᵀAV keeps A's eigenvalues; undefined where
 * the scaled matrix is not finite in doubles.
 */
function startInDoubles(D: DecimalConstructor, a: DMatrix): DMatrix | undefined {
  const largest = a.flat().reduce((m, x) => (x.abs().gt(m) ? x.abs() : m), new D(0));
  if (largest.isZero()) return undefined;
  const scaled = a.map((row) => row.map((x) => new Float64Context(x.div(largest).toNumber())));
  if (!scaled.every((row) => row.every((x) => Number.isFinite(x.toNumber())))) return undefined;
  const { vectors } = symmetricEigen(Float64Context, scaled);
  const columns: Dec[][] = [];
  for (const k of vectors.keys()) {
    let q = vectors.map((row) => new D(row[k]!.toNumber()));
    for (const c of columns) {
      const overlap = dot(c, q);
      q = q.map((x, i) => x.minus(overlap.times(c[i]!)));
    }
    const norm = dot(q, q).sqrt();
    if (norm.isZero()) return undefined;
    columns.push(q.map((x) => x.div(norm)));
  }
  return dtranspose(columns);
}

/** A matrix that should be positive semi-definite has an eigenvalue below −10^-(precision−5) of its largest. */
export class NotPositiveSemidefiniteError extends WorkingPrecisionError {}

/** f(S) = Q f(Λ) Qᵀ from the eigen-decomposition of a symmetric S. */
export function fromEigen(e: { values: readonly Dec[]; vectors: DMatrix }, f: (x: Dec) => Dec): DMatrix {
  const scaled = e.vectors.map((row) => row.map((x, k) => x.times(f(e.values[k]!))));
  return dmul(scaled, dtranspose(e.vectors));
}

/** S^{1/2} of a symmetric positive semi-definite matrix, through its eigenvectors. */
export function symmetricSqrt(D: DecimalConstructor, s: DMatrix): DMatrix {
  const e = symmetricEigen(D, s);
  const largest = e.values.reduce((m, x) => (x.abs().gt(m) ? x.abs() : m), new D(0));
  if (e.values.some((x) => x.lt(largest.times(new D(10).pow(-D.precision + 5)).neg())))
    throw new NotPositiveSemidefiniteError('matrix is not positive semi-definite at this working precision');
  return fromEigen(e, (x) => nonNegative(x).sqrt());
}

function nonNegative(x: Dec): Dec {
  return x.isNegative() ? x.times(0) : x;
}

/** Coefficients [1, c₁, …, c_n] of det(λI − A) by the Faddeev-LeVerrier recursion. */
export function characteristicCoefficients(D: DecimalConstructor, a: DMatrix): Dec[] {
  const n = a.length;
  const coeffs: Dec[] = [new D(1)];
  let m: DMatrix = a.map((row) => row.map(() => new D(0)));
  for (let k = 1; k <= n; k++) {
    m = m.map((row, i) => row.map((x, j) => (i === j ? x.plus(coeffs[k - 1]!) : x)));
    m = dmul(a, m);
    let trace = new D(0);
    for (let i = 0; i < n; i++) trace = trace.plus(m[i]![i]!);
    coeffs.push(trace.div(-k));
  }
  return coeffs;
}

/**
 * True when every eigenvalue of A has a negative real part, by the Liénard-Chipart form of
 * Routh-Hurwitz (all a_k > 0 and Δ_{n−1}, Δ_{n−3}, … > 0): it avoids Δ_n = a_n Δ_{n−1}, whose
 * size near a threshold is the square of the margin and would be lost to rounding first.
 */
export function isHurwitzStable(D: DecimalConstructor, a: DMatrix): boolean {
  return lienardChipartValues(D, a).every((x) => x.gt(0));
}

/** The Liénard-Chipart quantities a₁ … a_n, Δ_{n−1}, Δ_{n−3}, … of a numeric matrix: all > 0 iff it is Hurwitz. */
export function lienardChipartValues(D: DecimalConstructor, a: DMatrix): Dec[] {
  const c = characteristicCoefficients(D, a);
  const h = hurwitzMatrix(c, new D(0));
  return [...c.slice(1), ...lienardChipartSizes(a.length).map((size) => ddeterminant(D, leadingMinor(h, size)))];
}

/** Determinant by elimination with partial pivoting. */
export function ddeterminant(D: DecimalConstructor, m: DMatrix): Dec {
  const n = m.length;
  const a = m.map((row) => [...row]);
  let det = new D(1);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (a[r]![col]!.abs().gt(a[pivot]![col]!.abs())) pivot = r;
    if (a[pivot]![col]!.isZero()) return new D(0);
    if (pivot !== col) {
      [a[col], a[pivot]] = [a[pivot]!, a[col]!];
      det = det.neg();
    }
    det = det.times(a[col]![col]!);
    for (let r = col + 1; r < n; r++) {
      const f = a[r]![col]!.div(a[col]![col]!);
      for (let k = col; k < n; k++) a[r]![k] = a[r]![k]!.minus(f.times(a[col]![k]!));
    }
  }
  return det;
}
