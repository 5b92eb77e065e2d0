/**
 * Structural zeros of a matrix equation's solution, from its symmetries. A signed permutation P
 * (row i of P has the single entry s_i = ±1 in column π(i)) that leaves every coefficient matrix X
 * invariant, P X Pᵀ = X, maps a solution V of AV + VAᵀ + D − VMV = 0 to the solution P V Pᵀ, with
 * A − (PVPᵀ)M = P(A − VM)Pᵀ equally Hurwitz. The stabilising solution is unique, so
 * P V Pᵀ = V: V_ij = s_i s_j V_π(i)π(j), and an entry these relations equate to its own negative
 * is exactly 0. This is a proof that needs no arithmetic beyond comparing the exact coefficients.
 */

export interface SignedPermutation {
  /** π: row i of P has its entry in column to[i]. */
  readonly to: readonly number[];
  readonly signs: ReadonlyArray<1 | -1>;
}

/** An exact number: a Rational, or a RationalFunction of square-root symbols (compared in canonical form, so a symmetry may be missed, never invented). */
interface Exact<T> {
  equals(o: T): boolean;
  neg(): T;
  isZero(): boolean;
}
type ExactMatrix<T extends Exact<T>> = ReadonlyArray<readonly T[]>;

/** The search visits at most this many partial assignments: a highly symmetric large model yields its first symmetries, not all. */
const MAX_NODES = 200_000;

/**
 * Signed permutations other than the identity that leave every matrix invariant (square, of one
 * size), found by backtracking over π(0), π(1), … with each partial assignment checked; at most
 * `limit` of them. Any subset of the symmetry group gives correct zeros, only perhaps fewer.
 */
export function signedPermutationSymmetries<T extends Exact<T>>(matrices: readonly ExactMatrix<T>[], limit = 64): SignedPermutation[] {
  const n = matrices[0]?.length ?? 0;
  if (matrices.some((m) => m.length !== n || m.some((row) => row.length !== n)))
    throw new RangeError('signedPermutationSymmetries: square matrices of one size');
  const blocks = decoupledBlocks(matrices);
  if (blocks.length === 1) return symmetriesOf(matrices, limit);
  // Uncoupled blocks: each block's own symmetries (the identity elsewhere), so that the search's
  // limit does not spend itself on the last block's (four copies of model one had their first
  // copies' zeros missed), and each block's sign flip, which makes every entry between blocks 0.
  const identity = Array.from({ length: n }, (_, k) => k);
  return blocks.flatMap((block) => {
    const restricted = matrices.map((m) => block.map((i) => block.map((j) => m[i]![j]!)));
    const lift = (p: SignedPermutation): SignedPermutation => {
      const to = [...identity];
      const signs = identity.map((): 1 | -1 => 1);
      for (const [k, i] of block.entries()) {
        to[i] = block[p.to[k]!]!;
        signs[i] = p.signs[k]!;
      }
      return { to, signs };
    };
    const flip = lift({ to: block.map((_, k) => k), signs: block.map((): 1 | -1 => -1) });
    return [flip, ...symmetriesOf(restricted, limit).map(lift)];
  });
}

/** The finest partition of the indices into blocks that no matrix couples (an entry (i, j) or (j, i) non-zero joins i and j). */
function decoupledBlocks<T extends Exact<T>>(matrices: readonly ExactMatrix<T>[]): number[][] {
  const n = matrices[0]?.length ?? 0;
  const block = Array.from({ length: n }, (_, k) => k);
  const root = (k: number): number => {
    let r = k;
    while (block[r] !== r) r = block[r]!;
    return r;
  };
  for (const m of matrices) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (!m[i]![j]!.isZero()) block[root(i)] = root(j);
  const groups = new Map<number, number[]>();
  for (let k = 0; k < n; k++) groups.set(root(k), [...(groups.get(root(k)) ?? []), k]);
  return [...groups.values()];
}

/** The search of signedPermutationSymmetries over one set of matrices. */
function symmetriesOf<T extends Exact<T>>(matrices: readonly ExactMatrix<T>[], limit: number): SignedPermutation[] {
  const n = matrices[0]?.length ?? 0;
  const found: SignedPermutation[] = [];
  const to: number[] = [];
  const signs: Array<1 | -1> = [];
  const used = new Array<boolean>(n).fill(false);
  let nodes = 0;
  const consistent = (i: number): boolean => {
    for (let j = 0; j <= i; j++) {
      const flip = signs[i]! * signs[j]! === -1;
      for (const m of matrices) {
        const [x, y] = [m[i]![j]!, m[to[i]!]![to[j]!]!];
        const [xt, yt] = [m[j]![i]!, m[to[j]!]![to[i]!]!];
        if (!x.equals(flip ? y.neg() : y) || !xt.equals(flip ? yt.neg() : yt)) return false;
      }
    }
    return true;
  };
  const extend = (i: number): void => {
    if (found.length >= limit || nodes > MAX_NODES) return;
    if (i === n) {
      if (to.some((t, k) => t !== k) || signs.some((s) => s === -1)) found.push({ to: [...to], signs: [...signs] });
      return;
    }
    for (let target = 0; target < n; target++) {
      if (used[target]) continue;
      for (const sign of [1, -1] as const) {
        nodes++;
        to[i] = target;
        signs[i] = sign;
        if (!consistent(i)) continue;
        used[target] = true;
        extend(i + 1);
        used[target] = false;
      }
    }
  };
  extend(0);
  return found;
}

/**
 * The entries of a symmetric n×n matrix V with P V Pᵀ = V for every P given that must be 0: the
 * relations V_ij = s_i s_j V_π(i)π(j) and V_ij = V_ji join entries into classes with a parity (a
 * union-find); a class in which some entry is related to itself with an odd parity is all 0.
 */
export function forcedZeros(n: number, symmetries: readonly SignedPermutation[]): boolean[][] {
  const parent = Array.from({ length: n * n }, (_, k) => k);
  // parity[k]: V_k = (−1)^parity[k] V_parent[k].
  const parity = new Array<number>(n * n).fill(0);
  const odd = new Array<boolean>(n * n).fill(false);
  const find = (k: number): [number, number] => {
    let p = 0;
    let r = k;
    while (parent[r] !== r) {
      p ^= parity[r]!;
      r = parent[r]!;
    }
    return [r, p];
  };
  const relate = (a: number, b: number, flip: number) => {
    const [ra, pa] = find(a);
    const [rb, pb] = find(b);
    if (ra === rb) {
      if ((pa ^ pb) !== flip) odd[ra] = true;
      return;
    }
    parent[rb] = ra;
    parity[rb] = pa ^ pb ^ flip;
    odd[ra] = odd[ra]! || odd[rb]!;
  };
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) relate(i * n + j, j * n + i, 0);
  for (const { to, signs } of symmetries)
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) relate(i * n + j, to[i]! * n + to[j]!, signs[i]! * signs[j]! === -1 ? 1 : 0);
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => odd[find(i * n + j)[0]]!));
}
