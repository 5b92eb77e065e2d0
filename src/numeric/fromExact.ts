/** Exact symbolic matrices evaluated at exact rational parameter values, then rounded once to Decimal. */
import { GaussianRational } from '../exact/gaussian.ts';
import type { Matrix } from '../exact/matrix.ts';
import { Rational } from '../exact/rational.ts';
import { symbolIndex, type RationalFunction } from '../exact/rationalFunction.ts';
import { decimalContext, type Dec } from './context.ts';
import type { DMatrix } from './matrix.ts';

export type ParameterValues = ReadonlyMap<RationalFunction, Rational>;

export function evaluateExact(m: Matrix, values: ParameterValues): GaussianRational[][] {
  const byIndex = new Map([...values].map(([s, v]) => [symbolIndex(s), GaussianRational.of(v)] as [number, GaussianRational]));
  return m.map((row) => row.map((x) => x.evaluate(byIndex)));
}

export function evaluateDecimal(digits: number, m: Matrix, values: ParameterValues): DMatrix {
  const D = decimalContext(digits);
  return evaluateExact(m, values).map((row) =>
    row.map((x) => {
      if (!x.isReal()) throw new Error('a covariance-equation matrix evaluated to a complex number');
      return new D(x.re.num.toString()).div(new D(x.re.den.toString()));
    }),
  );
}

/**
 * A matrix affine in one parameter s, M(s) = M₀ + s M₁, with every other parameter fixed:
 * evaluated exactly once, then at any s in Decimal by one multiply-add per entry (sweeps along
 * s cost no exact arithmetic). Throws if an entry is not affine in s.
 */
export function affineFamily(digits: number, m: Matrix, values: ParameterValues, parameter: RationalFunction): { readonly slope: DMatrix; at(s: Dec): DMatrix } {
  const index = symbolIndex(parameter);
  for (const row of m) {
    for (const x of row) {
      if (x.num.degreeIn(index) > 1 || x.den.degreeIn(index) > 0) throw new RangeError(`affineFamily: an entry is not affine in the parameter (${x})`);
    }
  }
  const fixed = new Map([...values].filter(([k]) => symbolIndex(k) !== index));
  const at0 = evaluateDecimal(digits, m, new Map([...fixed, [parameter, Rational.ZERO]]));
  const at1 = evaluateDecimal(digits, m, new Map([...fixed, [parameter, Rational.ONE]]));
  const slope = at1.map((row, i) => row.map((x, j) => x.minus(at0[i]![j]!)));
  return { slope, at: (s) => at0.map((row, i) => row.map((x, j) => x.plus(slope[i]![j]!.times(s)))) };
}
