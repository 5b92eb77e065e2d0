/**
 * The shape of the Routh-Hurwitz test, shared by the exact proofs and the numeric check so
 * that the two cannot drift apart. For λⁿ + c₁λⁿ⁻¹ + … + c_n with coefficients [1, c₁, …, c_n]:
 * the Hurwitz matrix H_ij = c_{2j−i} (1-based, c_k = 0 outside 0…n), and the Liénard-Chipart
 * test: all c_k > 0 and the leading principal minors of sizes n − 1, n − 3, … positive.
 */

export function hurwitzMatrix<T>(coefficients: readonly T[], zero: T): T[][] {
  const n = coefficients.length - 1;
  const c = (k: number) => (k >= 0 && k <= n ? coefficients[k]! : zero);
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => c(2 * (j + 1) - (i + 1))));
}

export function leadingMinor<T>(m: readonly (readonly T[])[], size: number): T[][] {
  return m.slice(0, size).map((row) => row.slice(0, size));
}

/** Sizes n − 1, n − 3, … ≥ 1 of the minors the Liénard-Chipart test needs. */
export function lienardChipartSizes(n: number): number[] {
  const sizes: number[] = [];
  for (let k = n - 1; k >= 1; k -= 2) sizes.push(k);
  return sizes;
}
