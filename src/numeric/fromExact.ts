/** Exact symbolic matrices evaluated at exact rational parameter values, then rounded once to Decimal. */
import { GaussianRational } from '../exact/gaussian.ts';
import type { Matrix } from '../exact/matrix.ts';
import type { Rational } from '../exact/rational.ts';
import { symbolIndex, type RationalFunction } from '../exact/rationalFunction.ts';
import { decimalContext } from './context.ts';
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
