/** Exact symbolic matrices evaluated at exact rational parameter values, then rounded once to Decimal. */
import { GaussianRational } from '../exact/gaussian.ts';
import type { Matrix } from '../exact/matrix.ts';
import { Rational } from '../exact/rational.ts';
import type { Polynomial } from '../exact/polynomial.ts';
import { RationalFunction, symbolIndex } from '../exact/rationalFunction.ts';
import { symbolAt } from '../exact/symbols.ts';
import { decimalContext, type Dec, type DecimalConstructor } from './context.ts';
import type { Interval, IntervalArithmetic } from './interval.ts';
import type { DMatrix } from './matrix.ts';

export type ParameterValues = ReadonlyMap<RationalFunction, Rational>;

/** x with the parameters' values substituted, all but `except` (square roots left as symbols). */
export function substituteValues(x: RationalFunction, values: ParameterValues, except?: RationalFunction): RationalFunction {
  const skip = except === undefined ? undefined : symbolIndex(except);
  let r = x;
  for (const [s, v] of values) if (symbolIndex(s) !== skip) r = r.substitute(symbolIndex(s), RationalFunction.from(v));
  return r;
}

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

/**
 * An exact symbolic matrix at exact parameter values as intervals of `I`'s digits: a rational
 * entry rounded outward (a proof), an entry with square roots evaluated 20 digits finer and widened
 * by 10^-(digits+18) of its size on each side (a margin, not a proof: an entry whose terms cancel
 * by more than 17 digits is not held for certain; no built-in model's A, D or M has roots).
 */
export function intervalMatrix(I: IntervalArithmetic, m: Matrix, values: ParameterValues): Interval[][] {
  if (!holdsRoots(m))
    return evaluateExact(m, values).map((row) =>
      row.map((x) => {
        if (!x.isReal()) throw new Error('an interval matrix of a complex number');
        return I.exact(x.re);
      }),
    );
  const fine = evaluateDecimal(I.digits + 20, m, values);
  const unit = (x: Dec) =>
    x.isZero()
      ? x
      : new (decimalContext(I.digits + 20))(10).pow(
          x
            .abs()
            .log(10)
            .floor()
            .minus(I.digits + 18),
        );
  return fine.map((row) => row.map((x) => ({ lo: I.of(x.minus(unit(x)).toString()).lo, hi: I.of(x.plus(unit(x)).toString()).hi })));
}

export function evaluateDecimal(digits: number, m: Matrix, values: ParameterValues): DMatrix {
  if (m.some((row) => row.some((x) => hasRoot(x)))) return m.map((row) => row.map((x) => realWithRoots(decimalContext(digits), x, values)));
  return toDecimal(decimalContext(digits), evaluateExact(m, values));
}

const hasRoot = (x: RationalFunction) => [...x.num.symbols(), ...x.den.symbols()].some((k) => symbolAt(k).radicand !== undefined);

/** Whether a matrix holds square-root symbols, which exact evaluation at rational values cannot reduce. */
export function holdsRoots(m: Matrix): boolean {
  return m.some((row) => row.some(hasRoot));
}

/**
 * A real value with square-root symbols (√2 from sqrt(2) in a model file), in Decimal: each root is
 * the square root of its radicand at the same values, rounded once per use.
 */
function realWithRoots(D: DecimalConstructor, x: RationalFunction, values: ParameterValues): Dec {
  const byIndex = new Map([...values].map(([s, v]) => [symbolIndex(s), v] as [number, Rational]));
  const symbolValue = (k: number): Dec => {
    const info = symbolAt(k);
    if (info.radicand) return polynomial(info.radicand.num).div(polynomial(info.radicand.den)).sqrt();
    const v = byIndex.get(k);
    if (v === undefined) throw new Error(`no value for ${info.name}`);
    return new D(v.num.toString()).div(v.den.toString());
  };
  const polynomial = (p: Polynomial): Dec => {
    let sum = new D(0);
    for (const [monomial, c] of p.terms) {
      if (!c.isReal()) throw new Error('a covariance-equation matrix evaluated to a complex number');
      let term = new D(c.re.num.toString()).div(c.re.den.toString());
      for (let k = 0; k < monomial.length; k++) if (monomial.charCodeAt(k) > 0) term = term.times(symbolValue(k).pow(monomial.charCodeAt(k)));
      sum = sum.plus(term);
    }
    return sum;
  };
  return polynomial(x.num).div(polynomial(x.den));
}

/** A matrix affine in one parameter s, M(s) = M₀ + s M₁, with every other parameter fixed. */
export interface AffineFamily {
  /** True when the matrix does not depend on s. */
  readonly constant: boolean;
  /** M(s) at `digits` digits: one multiply-add per entry. */
  at(digits: number, s: Dec): DMatrix;
}

/** M₀ and M₁ of M(s) = M₀ + s M₁, exactly, every other parameter at its value. Throws if an entry is not affine in s. */
export function exactAffine(m: Matrix, values: ParameterValues, parameter: RationalFunction): { at0: GaussianRational[][]; slope: GaussianRational[][] } {
  const index = symbolIndex(parameter);
  for (const row of m) {
    for (const x of row) {
      if (x.num.degreeIn(index) > 1 || x.den.degreeIn(index) > 0) throw new RangeError(`affineFamily: an entry is not affine in the parameter (${x})`);
    }
  }
  const fixed = new Map([...values].filter(([k]) => symbolIndex(k) !== index));
  const at0 = evaluateExact(m, new Map([...fixed, [parameter, Rational.ZERO]]));
  const slope = evaluateExact(m, new Map([...fixed, [parameter, Rational.ONE]])).map((row, i) => row.map((x, j) => x.sub(at0[i]![j]!)));
  return { at0, slope };
}

/**
 * M(s) evaluated exactly once (at s = 0 and s = 1), then at any s and precision in Decimal, so
 * that sweeps along s cost no exact arithmetic. Throws if an entry is not affine in s.
 */
export function affineFamily(m: Matrix, values: ParameterValues, parameter: RationalFunction): AffineFamily {
  const { at0, slope } = exactAffine(m, values, parameter);
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
