/**
 * Continuous Lyapunov equations A X + X Aᵀ + Q = 0 with symmetric Q, solved for the n(n+1)/2
 * independent entries of X by one dense linear solve (10 unknowns for n = 4).
 */
import type { Dec, DecimalConstructor } from './context.ts';
import { dadd, dmaxAbs, dmul, dsolve, dtranspose, type DMatrix } from './matrix.ts';

const pairIndexes = new Map<number, { index: (i: number, j: number) => number; pairs: Array<[number, number]> }>();

/** The independent entries (i ≤ j) of a symmetric n×n matrix, in order, and each entry's place among them (made once per n). */
export function pairIndex(n: number): { index: (i: number, j: number) => number; pairs: Array<[number, number]> } {
  const known = pairIndexes.get(n);
  if (known !== undefined) return known;
  const pairs: Array<[number, number]> = [];
  const table: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      table[i]![j] = table[j]![i] = pairs.length;
      pairs.push([i, j]);
    }
  }
  const made = { index: (i: number, j: number) => table[i]![j]!, pairs };
  pairIndexes.set(n, made);
  return made;
}

/** X ↦ AX + XAᵀ on symmetric X, as a matrix on its independent entries (pairIndex's order). */
export function lyapunovOperator(D: DecimalConstructor, a: DMatrix): Dec[][] {
  const n = a.length;
  const { index, pairs } = pairIndex(n);
  const zero = new D(0);
  const system = pairs.map(() => pairs.map(() => zero));
  pairs.forEach(([i, j], row) => {
    const r = system[row]!;
    // (AX)_ij + (XAᵀ)_ij = Σ_k A_ik X_kj + Σ_k X_ik A_jk
    for (let k = 0; k < n; k++) {
      const c1 = index(k, j);
      r[c1] = r[c1]!.plus(a[i]![k]!);
      const c2 = index(i, k);
      r[c2] = r[c2]!.plus(a[j]![k]!);
    }
  });
  return system;
}

/** The symmetric matrix whose independent entries (pairIndex's order) are x. */
export function symmetricFrom(n: number, x: readonly Dec[]): DMatrix {
  const { index } = pairIndex(n);
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => x[index(i, j)]!));
}

export function solveLyapunov(D: DecimalConstructor, a: DMatrix, q: DMatrix): DMatrix {
  const { pairs } = pairIndex(a.length);
  return symmetricFrom(
    a.length,
    dsolve(
      lyapunovOperator(D, a),
      pairs.map(([i, j]) => q[i]![j]!.neg()),
    ),
  );
}

/** max |A X + X Aᵀ + Q|. */
export function lyapunovResidual(a: DMatrix, x: DMatrix, q: DMatrix): Dec {
  const ax = dmul(a, x);
  return dmaxAbs(dadd(dadd(ax, dtranspose(ax)), q));
}
