/** Dense Decimal matrices: the arithmetic the steady-state solvers need, nothing more. */
import { WorkingPrecisionError, type Dec, type DecimalConstructor } from './context.ts';

export type DMatrix = ReadonlyArray<readonly Dec[]>;

/** A linear solve met a zero pivot: the system is singular at this working precision. */
export class SingularSystemError extends WorkingPrecisionError {}

export function didentity(D: DecimalConstructor, n: number): DMatrix {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => new D(i === j ? 1 : 0)));
}

export function dtranspose(a: DMatrix): DMatrix {
  return (a[0] ?? []).map((_, j) => a.map((row) => row[j]!));
}

export function dadd(a: DMatrix, b: DMatrix): DMatrix {
  return a.map((row, i) => row.map((x, j) => x.plus(b[i]![j]!)));
}

export function dsub(a: DMatrix, b: DMatrix): DMatrix {
  return a.map((row, i) => row.map((x, j) => x.minus(b[i]![j]!)));
}

export function dscale(a: DMatrix, s: Dec): DMatrix {
  return a.map((row) => row.map((x) => x.times(s)));
}

/** Σ xᵢyᵢ over xs (at least one term; ys at least as long): by the arithmetic's own fused kernel where it has one (quad-doubles), else term by term. */
export function dot(xs: readonly Dec[], ys: readonly Dec[]): Dec {
  const D = xs[0]!.constructor as DecimalConstructor & { dot?: (xs: readonly Dec[], ys: readonly Dec[]) => Dec };
  if (D.dot !== undefined) return D.dot(xs, ys);
  let s = xs[0]!.times(ys[0]!);
  for (let i = 1; i < xs.length; i++) s = s.plus(xs[i]!.times(ys[i]!));
  return s;
}

export function dmul(a: DMatrix, b: DMatrix): DMatrix {
  const columns = dtranspose(b);
  return a.map((row) => columns.map((column) => dot(row, column)));
}

/** Largest absolute entry. */
export function dmaxAbs(a: DMatrix): Dec {
  let best = a[0]![0]!.abs();
  for (const row of a) for (const x of row) if (x.abs().gt(best)) best = x.abs();
  return best;
}

/**
 * Solves M X = B for every column of B at once by Gaussian elimination with partial pivoting and
 * back substitution, in the arithmetic of B's entries; refuses a singular M.
 */
export function dsolveColumns(m: DMatrix, b: DMatrix): DMatrix {
  const n = m.length;
  const width = b[0]?.length ?? 0;
  const a = m.map((row, i) => [...row, ...b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (a[r]![col]!.abs().gt(a[pivot]![col]!.abs())) pivot = r;
    if (a[pivot]![col]!.isZero()) throw new SingularSystemError('singular linear system');
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const p = a[col]!;
    for (let r = col + 1; r < n; r++) {
      const row = a[r]!;
      if (row[col]!.isZero()) continue;
      const f = row[col]!.div(p[col]!);
      for (let k = col; k < n + width; k++) row[k] = row[k]!.minus(f.times(p[k]!));
    }
  }
  const x: Dec[][] = new Array(n);
  for (let i = n - 1; i >= 0; i--) {
    x[i] = Array.from({ length: width }, (_, c) => {
      let s = a[i]![n + c]!;
      for (let k = i + 1; k < n; k++) s = s.minus(a[i]![k]!.times(x[k]![c]!));
      return s.div(a[i]![i]!);
    });
  }
  return x;
}

/** Solves M x = rhs; refuses a singular M. */
export function dsolve(m: DMatrix, rhs: readonly Dec[]): Dec[] {
  return dsolveColumns(
    m,
    rhs.map((x) => [x]),
  ).map((row) => row[0]!);
}

/** M⁻¹; refuses a singular M. */
export function dinverse(D: DecimalConstructor, m: DMatrix): DMatrix {
  return dsolveColumns(
    m.map((row) => row.map((x) => new D(x))),
    didentity(D, m.length),
  );
}

/** The Frobenius norm. */
export function dfrobenius(D: DecimalConstructor, a: DMatrix): Dec {
  let s = new D(0);
  for (const row of a) for (const x of row) s = s.plus(x.times(x));
  return s.sqrt();
}

/** L with A = L Lᵀ (L lower triangular) for a symmetric positive definite A; undefined if a pivot is not positive. */
export function cholesky(D: DecimalConstructor, a: DMatrix): DMatrix | undefined {
  const n = a.length;
  const l = a.map(() => a.map(() => new D(0)));
  for (let j = 0; j < n; j++) {
    let pivot = new D(a[j]![j]!);
    for (let k = 0; k < j; k++) pivot = pivot.minus(l[j]![k]!.times(l[j]![k]!));
    if (!pivot.gt(0)) return undefined;
    const root = pivot.sqrt();
    l[j]![j] = root;
    for (let i = j + 1; i < n; i++) {
      let x = new D(a[i]![j]!);
      for (let k = 0; k < j; k++) x = x.minus(l[i]![k]!.times(l[j]![k]!));
      l[i]![j] = x.div(root);
    }
  }
  return l;
}

export function dsymmetrize(a: DMatrix, half: Dec): DMatrix {
  return a.map((row, i) => row.map((x, j) => x.plus(a[j]![i]!).times(half)));
}
