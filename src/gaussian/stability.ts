/**
 * Routh-Hurwitz stability of a drift matrix as an exact condition on its parameters.
 * A real polynomial λⁿ + a₁λⁿ⁻¹ + … + a_n has all roots in Re λ < 0 iff every Hurwitz
 * determinant Δ_1 … Δ_n is positive. To prove "stable iff margin > 0" for a candidate
 * margin m = P − s² (s a parameter, e.g. m = γ² + Δ² − χ²), we eliminate s² = P − m from
 * each Δ_k, giving a polynomial in a fresh positive symbol m, and read off:
 *   sufficient: every Δ_k is manifestly positive once m > 0;
 *   necessary:  some Δ_k equals m^odd times a factor that is positive whatever the sign of m.
 */
import { hurwitzMatrix, leadingMinor, lienardChipartSizes } from '../exact/hurwitz.ts';
import { characteristicPolynomial, determinant, type Matrix } from '../exact/matrix.ts';
import { Polynomial } from '../exact/polynomial.ts';
import { RationalFunction } from '../exact/rationalFunction.ts';
import { symbolAt } from '../exact/symbols.ts';

/** Δ_1 … Δ_n of λⁿ + a₁λⁿ⁻¹ + … + a_n, from coefficients [1, a₁, …, a_n]. */
export function hurwitzDeterminants(coefficients: readonly RationalFunction[]): RationalFunction[] {
  const hurwitz = hurwitzMatrix(coefficients, RationalFunction.ZERO);
  return hurwitz.map((_, k) => determinant(leadingMinor(hurwitz, k + 1)));
}

/**
 * The largest drift whose Liénard-Chipart quantities are derived in every parameter at once:
 * symbolic determinants by Laplace expansion take about a second at ten rows (a ring of five
 * modes) and ten at twelve. Larger drifts have them only with all parameters but one given.
 */
export const SYMBOLIC_STABILITY_ROWS = 10;

/**
 * The Liénard-Chipart quantities of a drift, a₁ … a_n and Δ_{n−1}, Δ_{n−3}, …: all eigenvalues
 * have Re < 0 iff every one is positive. Unlike Δ_n = a_n Δ_{n−1}, each vanishes only to first
 * order at a generic threshold, so its sign survives rounding.
 */
export function lienardChipart(drift: Matrix): RationalFunction[] {
  const coefficients = characteristicPolynomial(drift);
  const hurwitz = hurwitzMatrix(coefficients, RationalFunction.ZERO);
  return [...coefficients.slice(1), ...lienardChipartSizes(drift.length).map((size) => determinant(leadingMinor(hurwitz, size)))];
}

/**
 * True when p > 0 for every value of its symbols allowed by their declarations: every
 * coefficient is a positive rational, and a symbol not declared positive occurs only to even powers.
 * (A sufficient test, not a decision procedure; zero is not positive.)
 */
export function isManifestlyPositive(p: Polynomial): boolean {
  if (p.isZero()) return false;
  for (const [m, c] of p.terms) {
    if (!c.isReal() || c.re.sign() <= 0) return false;
    for (let k = 0; k < m.length; k++) {
      if (m.charCodeAt(k) % 2 === 1 && !symbolAt(k).positive) return false;
    }
  }
  return true;
}

const MARGIN = Polynomial.symbol('margin', { ascii: 'margin', positive: true });
const MARGIN_INDEX = MARGIN.symbols()[0]!;

function eliminateSquare(p: Polynomial, index: number, square: Polynomial): Polynomial | undefined {
  let out = Polynomial.ZERO;
  for (let e = 0; e <= p.degreeIn(index); e++) {
    const c = p.coefficientOf(index, e);
    if (c.isZero()) continue;
    if (e % 2 === 1) return undefined;
    out = out.add(c.mul(square.pow(e / 2)));
  }
  return out;
}

export interface StabilityProof {
  /** Hurwitz determinants with s² eliminated, as polynomials in the margin. */
  readonly hurwitzInMargin: readonly RationalFunction[];
  readonly sufficient: boolean;
  readonly necessary: boolean;
  /** Why the proof could not be attempted, if it could not. */
  readonly obstacle?: string;
}

export function proveStabilityCondition(drift: Matrix, margin: RationalFunction, squared: RationalFunction): StabilityProof {
  const sPoly = squared.asPolynomial();
  const [sIndex] = sPoly?.symbols() ?? [];
  const mPoly = margin.asPolynomial();
  if (sIndex === undefined || mPoly === undefined) {
    return { hurwitzInMargin: [], sufficient: false, necessary: false, obstacle: 'margin and eliminated symbol must be polynomial' };
  }
  // m = P − s²  =>  s² = P − m, where P = m + s².
  const square = mPoly.add(sPoly!.mul(sPoly!)).sub(MARGIN);
  if (square.degreeIn(sIndex) > 0) {
    return { hurwitzInMargin: [], sufficient: false, necessary: false, obstacle: `the margin is not of the form P − ${symbolAt(sIndex).name}²` };
  }
  const inMargin: Polynomial[] = [];
  for (const d of hurwitzDeterminants(characteristicPolynomial(drift))) {
    const p = d.asPolynomial();
    const e = p === undefined ? undefined : eliminateSquare(p, sIndex, square);
    if (e === undefined) {
      return { hurwitzInMargin: [], sufficient: false, necessary: false, obstacle: `a Hurwitz determinant is not a polynomial in ${symbolAt(sIndex).name}²` };
    }
    inMargin.push(e);
  }
  const sufficient = inMargin.every(isManifestlyPositive);
  const necessary = inMargin.some((p) => {
    for (let e = 1; e <= p.degreeIn(MARGIN_INDEX); e += 2) {
      const rest = p.divExact(MARGIN.pow(e));
      if (rest !== null && rest.degreeIn(MARGIN_INDEX) === 0 && isManifestlyPositive(rest)) return true;
    }
    return false;
  });
  return { hurwitzInMargin: inMargin.map((p) => RationalFunction.from(p)), sufficient, necessary };
}
