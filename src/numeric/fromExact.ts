/** Exact symbolic matrices evaluated at exact rational parameter values, then rounded once to Decimal. */
import { GaussianRational } from '../exact/gaussian.ts';
import type { Matrix } from '../exact/matrix.ts';
import { Rational } from '../exact/rational.ts';
import { symbolIndex, type RationalFunction } from '../exact/rationalFunction.ts';
import { decimalContext, type Dec, type DecimalConstructor } from './context.ts';
import type { DMatrix } from './matrix.ts';

export type ParameterValues = ReadonlyMap<RationalFunction, Rational>;

export function evaluateExact(m: Matrix, values: ParameterValues): GaussianRational[][] {
  const byIndex = new Map([...values].map(([s, v]) => [symbolIndex(s), GaussianRational.of(v)] as [number, GaussianRational]));
  return m.map((row) => row.map((x) => x.evaluate(byIndex)));
}

/** An exact real matrix rounded once to Decimal. */
function toDecimal(D: DecimalConstructor, g: readonly GaussianRational[][]): DMatrix {
  return g.map((row) =>
    row.map((x) => {
      if (!x.isReal()) throw new Error('a covariance-equation matrix evaluated to a complex number');
      return new D(x.re.num.toString()).div(new D(x.re.den.toString()));
    }),
  );
}

export function evaluateDecimal(digits: number, m: Matrix, values: ParameterValues): DMatrix {
  return toDecimal(decimalContext(digits), evaluateExact(m, values));
}

/** A matrix affine in one parameter s, M(s) = M₀ + s M₁, with every other parameter fixed. */
export interface AffineFamily {
  /** True when the matrix does not depend on s. */
  readonly constant: boolean;
  /** M(s) at `digits` digits: one multiply-add per entry. */
  at(digits: number, s: Dec): DMatrix;
}

/**
 * M(s) evaluated exactly once (at s = 0 and s = 1), then at any s and precision in Decimal, so
 * that sweeps along s cost no exact arithmetic. Throws if an entry is not affine in s.
 */
export function affineFamily(m: Matrix, values: ParameterValues, parameter: RationalFunction): AffineFamily {
  const index = symbolIndex(parameter);
  for (const row of m) {
    for (const x of row) {
      if (x.num.degreeIn(index) > 1 || x.den.degreeIn(index) > 0) throw new RangeError(`affineFamily: an entry is not affine in the parameter (${x})`);
    }
  }
  const fixed = new Map([...values].filter(([k]) => symbolIndex(k) !== index));
  const at0 = evaluateExact(m, new Map([...fixed, [parameter, Rational.ZERO]]));
  const slope = evaluateExact(m, new Map([...fixed, [parameter, Rational.ONE]])).map((row, i) => row.map((x, j) => x.sub(at0[i]![j]!)));
  const decimal = new Map<number, { at0: DMatrix; slope: DMatrix }>();
  return {
    constant: slope.every((row) => row.every((x) => x.isZero())),
    at: (digits, s) => {
      let d = decimal.get(digits);
      if (d === undefined) {
        const D = decimalContext(digits);
        d = { at0: toDecimal(D, at0), slope: toDecimal(D, slope) };
        decimal.set(digits, d);
      }
      const { at0: a, slope: b } = d;
      return a.map((row, i) => row.map((x, j) => x.plus(b[i]![j]!.times(s))));
    },
  };
}
