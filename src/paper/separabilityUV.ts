/**
 * Model two's separability as the paper uses it, S_UV: (15) built from model two's own planes
 * (U₁, U₂) and (V₁, V₂) of (22), each at its least-variance angle, by two routes:
 *   fullCovariance  the exact 4×4 conditional covariance of (X₁, Y₁, X₂, Y₂) (the noise
 *                   correlation of eq25.noise included);
 *   reduced         the reduced equations (25)-(28) as printed: each 2×2 block with the printed
 *                   drift, the printed independent noise √(2γ)dq_in plus the back-action of (14)
 *                   (diffusion 2γV₀), and the measurement term 4ημV² of (12). This is what the
 *                   paper plotted.
 * With equal damping the routes agree; with γ₁ ≠ γ₂ they differ by the noise correlation.
 */
import { inverse } from '../exact/matrix.ts';
import { RationalFunction } from '../exact/rationalFunction.ts';
import { productSeparability, type ProductSeparability } from '../entanglement/productCriterion.ts';
import { optimalQuadrature, type LeastQuadrature } from '../entanglement/gaussianState.ts';
import { stabilityRegime } from '../gaussian/regime.ts';
import { commutatorMatrix, coordinates } from '../gaussian/linearSystem.ts';
import { toArithmetic } from '../numeric/arithmetic.ts';
import { arithmeticOf, decimalContext, type Dec, type DecimalConstructor } from '../numeric/context.ts';
import { evaluateDecimal, evaluateExact, type ParameterValues } from '../numeric/fromExact.ts';
import type { DMatrix } from '../numeric/matrix.ts';
import { riccatiSteadyState } from '../numeric/riccati.ts';
import { scalarFrom } from '../operators/operatorExpression.ts';
import { substituted } from '../exact/expression.ts';
import { OSCILLATOR_BASIS } from './collective.ts';
import { oscillator, sym, env, quadratures } from './symbols.ts';
import { transcribed as printed } from './transcribed.ts';

const SQRT2 = scalarFrom('sqrt(2)', env);

const planes = new Map<number, { U: DMatrix; V: DMatrix }>();

/** The planes of (22) as rows of coefficients over (X₁, Y₁, X₂, Y₂), read off the printed definitions by the engine (once per precision). */
export function modelTwoPlanes(digits: number): { U: DMatrix; V: DMatrix } {
  const known = planes.get(digits);
  if (known !== undefined) return known;
  const D = decimalContext(digits);
  const basis = OSCILLATOR_BASIS.map((n) => oscillator[n]);
  const omegaInverse = inverse(commutatorMatrix(basis));
  const root2 = new D(2).sqrt();
  const row = (name: string) =>
    coordinates(quadratures[name]!, basis, omegaInverse, name).map((c) => {
      // Each coefficient is a rational multiple of 1/√2: multiply by √2 exactly, divide in Decimal.
      const r = c.mul(SQRT2).constantValue();
      if (r === undefined || !r.isReal()) throw new Error(`${name}: coefficient ${c} is not a real multiple of 1/√2`);
      return new D(r.re.num.toString()).div(r.re.den.toString()).div(root2);
    });
  const made = { U: [row('U1'), row('U2')], V: [row('V1'), row('V2')] };
  planes.set(digits, made);
  return made;
}

/** S_UV from the full conditional covariance in (X₁, Y₁, X₂, Y₂). */
export function separabilityUV(digits: number, v: DMatrix): ProductSeparability {
  const { U, V } = modelTwoPlanes(digits);
  // In v's arithmetic where it is not decimal.js's (doubles or quad-doubles over a period).
  const A = arithmeticOf(v[0]![0]!, digits);
  return productSeparability(digits, v, toArithmetic(A, U), toArithmetic(A, V));
}

/** The drift blocks of (25) as printed, with χ₁, χ₂, γ from the printed (26)-(28). */
export const reducedDriftBlocks = (() => {
  let blocks: { U: RationalFunction[][]; V: RationalFunction[][] } | undefined;
  return () => {
    if (blocks === undefined) {
      const table = { chi1: printed.eq26.form, chi2: printed.eq27.form, gamma: printed.eq28.form };
      const m = printed.eq25.matrix.map((row) => row.map((x) => scalarFrom(substituted(x, table), env)));
      const pick = (k: number) => [0, 1].map((i) => [0, 1].map((j) => m[k + i]![k + j]!));
      blocks = { U: pick(0), V: pick(2) };
    }
    return blocks;
  };
})();

export interface ReducedSeparability {
  readonly variances: readonly [Dec, Dec];
  readonly angles: readonly [Dec, Dec];
  readonly S: Dec;
}

/**
 * The reduced equations (25)-(28) as printed at fixed γ₁, γ₂, Γ, χ, N, η (symbol values; μ, if
 * present, is ignored): the blocks and their stability are evaluated once, and `at(μ)` solves
 * each block's 2×2 Riccati equation and returns S_UV.
 */
export function reducedModelTwo(
  digits: number,
  values: ParameterValues,
  arithmetic: DecimalConstructor = decimalContext(digits),
): { at(mu: Dec): ReducedSeparability } {
  const D = arithmetic;
  const get = (s: RationalFunction) => {
    const v = values.get(s);
    if (v === undefined) throw new Error(`reduced equations: no value for ${s}`);
    return new D(v.num.toString()).div(v.den.toString());
  };
  const [g1, g2, n, eta] = [sym.gamma1, sym.gamma2, sym.N, sym.eta].map(get) as [Dec, Dec, Dec, Dec];
  const gamma = g1.plus(g2).div(2);
  const blocks = (['U', 'V'] as const).map((k) => {
    const block = reducedDriftBlocks()[k];
    const stable = stabilityRegime(evaluateExact(block, values).map((r) => r.map((x) => RationalFunction.from(x)))) === 'below-threshold';
    return { drift: toArithmetic(D, evaluateDecimal(digits, block, values)), stable };
  });
  const diagonal = (x: Dec) => [
    [x, new D(0)],
    [new D(0), x],
  ];
  return {
    at: (mu) => {
      const v0 = n.plus(0.5).plus(new D(mu).div(gamma.times(2))); // (14)
      const least = blocks.map(({ drift, stable }) =>
        optimalQuadrature(
          digits,
          riccatiSteadyState(digits, drift, diagonal(gamma.times(2).times(v0)), diagonal(eta.times(mu).times(4)), { driftStable: stable }).covariance,
        ),
      );
      const [u, v] = least as [LeastQuadrature, LeastQuadrature];
      return {
        variances: [u.variance, v.variance],
        get angles(): readonly [Dec, Dec] {
          return [u.angle, v.angle];
        },
        S: u.variance.times(v.variance).sqrt().times(2),
      };
    },
  };
}
