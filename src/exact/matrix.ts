/** Small dense matrices of exact rational functions: products, inverse, determinant, characteristic polynomial. */
import { Polynomial, withExponent } from './polynomial.ts';
import { GaussianRational } from './gaussian.ts';
import { gcd, Rational } from './rational.ts';
import { q, RationalFunction } from './rationalFunction.ts';

export type Matrix = ReadonlyArray<readonly RationalFunction[]>;

export function matrix(rows: ReadonlyArray<ReadonlyArray<RationalFunction | number>>): Matrix {
  return rows.map((r) => r.map((x) => (typeof x === 'number' ? q(x) : x)));
}

export function identity(n: number): Matrix {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? RationalFunction.ONE : RationalFunction.ZERO)));
}

export function entry(a: Matrix, i: number, j: number): RationalFunction {
  const x = a[i]?.[j];
  if (x === undefined) throw new RangeError(`matrix entry (${i}, ${j}) out of range`);
  return x;
}

export function transpose(a: Matrix): Matrix {
  return (a[0] ?? []).map((_, j) => a.map((row) => row[j]!));
}

export function mul(a: Matrix, b: Matrix): Matrix {
  const inner = b.length;
  return a.map((row) =>
    (b[0] ?? []).map((_, j) => {
      let s = RationalFunction.ZERO;
      for (let k = 0; k < inner; k++) s = s.add(row[k]!.mul(entry(b, k, j)));
      return s;
    }),
  );
}

export function mapEntries(a: Matrix, f: (x: RationalFunction) => RationalFunction): Matrix {
  return a.map((row) => row.map(f));
}

/** Positions where two matrices differ, with both values. */
export function differences(a: Matrix, b: Matrix): Array<{ i: number; j: number; a: RationalFunction; b: RationalFunction }> {
  const out: Array<{ i: number; j: number; a: RationalFunction; b: RationalFunction }> = [];
  for (const [i, row] of a.entries()) {
    for (const [j, x] of row.entries()) {
      const y = entry(b, i, j);
      if (!x.equals(y)) out.push({ i, j, a: x, b: y });
    }
  }
  return out;
}

/** Gauss-Jordan inverse; refuses a singular matrix. */
export function inverse(a: Matrix): Matrix {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...identity(n)[i]!]);
  for (let col = 0; col < n; col++) {
    const pivot = m.findIndex((row, r) => r >= col && !row[col]!.isZero());
    if (pivot < 0) throw new Error('matrix is singular');
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const inv = m[col]![col]!.inv();
    m[col] = m[col]!.map((x) => x.mul(inv));
    for (let r = 0; r < n; r++) {
      if (r === col || m[r]![col]!.isZero()) continue;
      const f = m[r]![col]!;
      m[r] = m[r]!.map((x, j) => x.sub(f.mul(m[col]![j]!)));
    }
  }
  return m.map((row) => row.slice(n));
}

/** The entries of a matrix of numbers (no symbol anywhere), or undefined. */
function constantEntries(a: Matrix): GaussianRational[][] | undefined {
  const out: GaussianRational[][] = [];
  for (const row of a) {
    const values: GaussianRational[] = [];
    for (const x of row) {
      const c = x.constantValue();
      if (c === undefined) return undefined;
      values.push(c);
    }
    out.push(values);
  }
  return out;
}

/**
 * det of a matrix of numbers, exact in n³ steps (Laplace expansion is n!): of a real one by
 * Bareiss's fraction-free elimination in integers, each row cleared of its denominators first
 * (rational elimination reduced every fraction by a gcd, which dominated at large parameter
 * values); of a complex one by Gaussian elimination.
 */
function constantDeterminant(m: GaussianRational[][]): GaussianRational {
  if (m.every((row) => row.every((x) => x.isReal()))) return GaussianRational.of(bareissDeterminant(m.map((row) => row.map((x) => x.re))));
  return gaussianDeterminant(m);
}

function bareissDeterminant(m: readonly (readonly Rational[])[]): Rational {
  const n = m.length;
  if (n === 0) return Rational.ONE;
  let scale = 1n;
  const a = m.map((row) => {
    const common = row.reduce((l, x) => (l / gcd(l, x.den)) * x.den, 1n);
    scale *= common;
    return row.map((x) => x.num * (common / x.den));
  });
  let sign = 1n;
  let previous = 1n;
  for (let k = 0; k < n - 1; k++) {
    if (a[k]![k] === 0n) {
      const swap = a.findIndex((row, r) => r > k && row[k] !== 0n);
      if (swap < 0) return Rational.ZERO;
      [a[k], a[swap]] = [a[swap]!, a[k]!];
      sign = -sign;
    }
    const pivot = a[k]![k]!;
    for (let i = k + 1; i < n; i++) {
      const row = a[i]!;
      for (let j = k + 1; j < n; j++) row[j] = (row[j]! * pivot - row[k]! * a[k]![j]!) / previous;
      row[k] = 0n;
    }
    previous = pivot;
  }
  return Rational.of(sign * a[n - 1]![n - 1]!, scale);
}

function gaussianDeterminant(m: GaussianRational[][]): GaussianRational {
  const n = m.length;
  let det = GaussianRational.ONE;
  for (let col = 0; col < n; col++) {
    const pivotRow = m.findIndex((row, r) => r >= col && !row[col]!.isZero());
    if (pivotRow < 0) return GaussianRational.ZERO;
    if (pivotRow !== col) {
      [m[col], m[pivotRow]] = [m[pivotRow]!, m[col]!];
      det = det.neg();
    }
    const pivot = m[col]![col]!;
    det = det.mul(pivot);
    const inv = pivot.inv();
    for (let r = col + 1; r < n; r++) {
      if (m[r]![col]!.isZero()) continue;
      const f = m[r]![col]!.mul(inv);
      for (let j = col + 1; j < n; j++) if (!m[col]![j]!.isZero()) m[r]![j] = m[r]![j]!.sub(f.mul(m[col]![j]!));
    }
  }
  return det;
}

/**
 * The determinant, exact: by elimination when every entry is a number, by evaluation and
 * interpolation when every entry is a polynomial in one symbol, else by Laplace expansion along the
 * first row (entries in several symbols, fast enough for the paper's models).
 */
export function determinant(a: Matrix): RationalFunction {
  const values = constantEntries(a);
  if (values !== undefined) return RationalFunction.from(constantDeterminant(values));
  const univariate = univariateEntries(a);
  if (univariate !== undefined) {
    const { index, degree, at } = univariate;
    return RationalFunction.from(
      interpolated(
        index,
        nodes(degree).map((x) => constantDeterminant(at(x))),
      ),
    );
  }
  return laplaceDeterminant(a);
}

/**
 * A matrix whose entries are polynomials in one symbol: its index, a bound on the degree of its
 * determinant (and of each coefficient of its characteristic polynomial), Σ over rows of the
 * row's highest degree, and its entries at a value of the symbol. Undefined otherwise.
 */
function univariateEntries(a: Matrix): { index: number; degree: number; at: (x: GaussianRational) => GaussianRational[][] } | undefined {
  let index: number | undefined;
  const polynomials: Polynomial[][] = [];
  for (const row of a) {
    const out: Polynomial[] = [];
    for (const x of row) {
      const p = x.asPolynomial();
      if (p === undefined) return undefined;
      for (const s of p.symbols()) {
        if (index !== undefined && s !== index) return undefined;
        index = s;
      }
      out.push(p);
    }
    polynomials.push(out);
  }
  if (index === undefined) return undefined;
  const k = index;
  const degree = polynomials.reduce((sum, row) => sum + Math.max(...row.map((p) => p.degreeIn(k))), 0);
  return { index: k, degree, at: (x) => polynomials.map((row) => row.map((p) => p.evaluate(new Map([[k, x]])))) };
}

/** The interpolation nodes 0, 1, …, degree. */
const nodes = (degree: number) => Array.from({ length: degree + 1 }, (_, k) => GaussianRational.of(k));

/** The polynomial in symbol `index` of degree below values.length through values[k] at k (nodes): Newton's divided differences, exact. */
function interpolated(index: number, values: readonly GaussianRational[]): Polynomial {
  const degree = values.length - 1;
  const xs = nodes(degree);
  const c = [...values];
  for (let j = 1; j <= degree; j++) for (let i = degree; i >= j; i--) c[i] = c[i]!.sub(c[i - 1]!).div(xs[i]!.sub(xs[i - j]!));
  const symbol = Polynomial.fromTerms(new Map([[withExponent('', index, 1), GaussianRational.ONE]]));
  let p = Polynomial.constant(c[degree]!);
  for (let k = degree - 1; k >= 0; k--) p = p.mul(symbol.sub(Polynomial.constant(xs[k]!))).add(Polynomial.constant(c[k]!));
  return p;
}

function laplaceDeterminant(a: Matrix): RationalFunction {
  const n = a.length;
  if (n === 0) return RationalFunction.ONE;
  if (n === 1) return entry(a, 0, 0);
  let det = RationalFunction.ZERO;
  for (let j = 0; j < n; j++) {
    const x = entry(a, 0, j);
    if (x.isZero()) continue;
    const minor = a.slice(1).map((row) => row.filter((_, k) => k !== j));
    const term = x.mul(laplaceDeterminant(minor));
    det = j % 2 === 0 ? det.add(term) : det.sub(term);
  }
  return det;
}

const LAMBDA = Polynomial.symbol('λ', { ascii: 'lambda' });
const LAMBDA_INDEX = LAMBDA.symbols()[0]!;

/** Coefficients [1, a₁, …, a_n] of det(λI − A) = λⁿ + a₁λⁿ⁻¹ + … + a_n. */
export function characteristicPolynomial(a: Matrix): RationalFunction[] {
  const values = constantEntries(a);
  if (values !== undefined) return faddeevLeVerrier(values).map((c) => RationalFunction.from(c));
  const univariate = univariateEntries(a);
  if (univariate !== undefined) {
    const { index, degree, at } = univariate;
    const samples = nodes(degree).map((x) => faddeevLeVerrier(at(x)));
    return samples[0]!.map((_, c) =>
      RationalFunction.from(
        interpolated(
          index,
          samples.map((sample) => sample[c]!),
        ),
      ),
    );
  }
  const lambda = RationalFunction.from(LAMBDA);
  const shifted = a.map((row, i) => row.map((x, j) => (i === j ? lambda.sub(x) : x.neg())));
  const det = determinant(shifted);
  const poly = det.asPolynomial();
  if (poly === undefined) throw new Error('characteristic polynomial with a non-polynomial determinant');
  const n = a.length;
  return Array.from({ length: n + 1 }, (_, k) => RationalFunction.from(poly.coefficientOf(LAMBDA_INDEX, n - k)));
}

/** [1, a₁, …, a_n] of a matrix of numbers: M₁ = 1, a_k = −tr(A M_k)/k, M_{k+1} = A M_k + a_k·1 (n⁴, exact). */
function faddeevLeVerrier(a: GaussianRational[][]): GaussianRational[] {
  const n = a.length;
  const coefficients = [GaussianRational.ONE];
  let mk = a.map((row, i) => row.map((_, j) => (i === j ? GaussianRational.ONE : GaussianRational.ZERO)));
  for (let k = 1; k <= n; k++) {
    const am = a.map((row) =>
      row.map((_, j) => row.reduce((s, x, l) => (x.isZero() || mk[l]![j]!.isZero() ? s : s.add(x.mul(mk[l]![j]!))), GaussianRational.ZERO)),
    );
    const trace = am.reduce((s, row, i) => s.add(row[i]!), GaussianRational.ZERO);
    const ak = trace.neg().div(GaussianRational.of(k));
    coefficients.push(ak);
    mk = am.map((row, i) => row.map((x, j) => (i === j ? x.add(ak) : x)));
  }
  return coefficients;
}

/**
 * The finest partition of indices into blocks that A never mixes (connected components of
 * the graph with an edge wherever A_ij or A_ji is non-zero).
 */
export function invariantBlocks(a: Matrix): number[][] {
  const n = a.length;
  const seen = new Array<boolean>(n).fill(false);
  const blocks: number[][] = [];
  for (let start = 0; start < n; start++) {
    if (seen[start]) continue;
    const block: number[] = [];
    const stack = [start];
    seen[start] = true;
    while (stack.length > 0) {
      const i = stack.pop()!;
      block.push(i);
      for (let j = 0; j < n; j++) {
        if (!seen[j] && (!entry(a, i, j).isZero() || !entry(a, j, i).isZero())) {
          seen[j] = true;
          stack.push(j);
        }
      }
    }
    blocks.push(block.sort((x, y) => x - y));
  }
  return blocks;
}

export function submatrix(a: Matrix, indices: readonly number[]): Matrix {
  return indices.map((i) => indices.map((j) => entry(a, i, j)));
}

/**
 * Whether a symmetric rational matrix is positive semidefinite, exactly: symmetric Gaussian
 * elimination (LDLᵀ), where each pivot must be ≥ 0 and a zero pivot's remaining row must be zero.
 * A matrix that is not symmetric is not.
 */
export function isPositiveSemidefinite(a: ReadonlyArray<readonly Rational[]>): boolean {
  const n = a.length;
  if (a.some((row, i) => row.length !== n || row.some((x, j) => !x.equals(a[j]![i]!)))) return false;
  const m = a.map((row) => [...row]);
  for (let k = 0; k < n; k++) {
    const pivot = m[k]![k]!;
    if (pivot.sign() < 0) return false;
    if (pivot.isZero()) {
      if (m[k]!.some((x, j) => j > k && !x.isZero())) return false;
      continue;
    }
    for (let i = k + 1; i < n; i++) {
      const factor = m[i]![k]!.div(pivot);
      for (let j = k + 1; j < n; j++) m[i]![j] = m[i]![j]!.sub(factor.mul(m[k]![j]!));
    }
  }
  return true;
}
