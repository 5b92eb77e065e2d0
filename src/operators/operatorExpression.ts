/** Evaluates a parsed expression into operators: identifiers name operators or scalars; `i` is the imaginary unit. */
import { evaluate, parseExpression, render, type Algebra, type Expr } from '../exact/expression.ts';
import { Rational } from '../exact/rational.ts';
import { RationalFunction } from '../exact/rationalFunction.ts';
import { Polynomial, withExponent } from '../exact/polynomial.ts';
import { Operator } from './operator.ts';
import { SQRT2 } from './quadratures.ts';
import { TimeDependentOperator } from './rotatingFrame.ts';

export type Environment = ReadonlyMap<string, Operator | RationalFunction>;

function asScalar(x: Operator, what: string): RationalFunction {
  const c = x.cNumber();
  if (c === undefined) throw new Error(`${what} must be a c-number, got an operator`);
  return c;
}

export function scalarSquareRoot(arg: Expr, env: Environment): RationalFunction {
  const value = asScalar(evaluate(arg, operatorAlgebra(env)), 'the argument of sqrt');
  if (value.equals(RationalFunction.from(2))) return SQRT2;
  const c = value.constantValue();
  if (c !== undefined) {
    if (!c.isReal()) throw new Error(`sqrt of the complex number ${c}: only real arguments have a square root here`);
    // √(−x) = i√x for a negative number: the Hamiltonian is then checked for hermiticity like any other.
    if (c.re.sign() < 0) return RationalFunction.I.mul(scalarSquareRoot({ kind: 'neg', arg }, env));
    const root = c.re.squareRoot();
    if (root !== undefined) return RationalFunction.from(root);
  }
  const text = render(arg);
  return RationalFunction.sqrt(`√(${text})`, value, { ascii: `sqrt_${text.replace(/[^A-Za-z0-9]+/g, '_')}` });
}

export function operatorAlgebra(env: Environment): Algebra<Operator> {
  return {
    number: (d) => Operator.scalar(Rational.parse(d)),
    identifier: (name) => {
      if (name === 'i') return Operator.scalar(RationalFunction.I);
      const v = env.get(name);
      if (v === undefined) throw new Error(`unknown identifier "${name}" (known: i, ${[...env.keys()].join(', ')})`);
      return v instanceof Operator ? v : Operator.scalar(v);
    },
    add: (a, b) => a.add(b),
    sub: (a, b) => a.sub(b),
    mul: (a, b) => a.mul(b),
    div: (a, b) => a.scale(asScalar(b, 'a divisor').inv()),
    neg: (a) => a.neg(),
    sqrt: (arg) => Operator.scalar(scalarSquareRoot(arg, env)),
  };
}

export function operatorFrom(text: string, env: Environment): Operator {
  return evaluate(parseExpression(text), operatorAlgebra(env));
}

export function scalarFrom(text: string, env: Environment): RationalFunction {
  return asScalar(operatorFrom(text, env), `"${text}"`);
}

/**
 * A lab-frame expression with time: cos(·) and sin(·) of ω·t, ω an integer combination of
 * parameters (cos(2*omega*t), sin((omega1 + omega2)*t)), anywhere a scalar may stand; t itself
 * only inside them. `time` is the symbol t is read as while an argument is checked.
 */
export function timeDependentFrom(text: string, env: Environment, time: RationalFunction): TimeDependentOperator {
  const staticAlgebra = operatorAlgebra(env);
  const constant = (op: Operator) => TimeDependentOperator.constant(op);
  const scalarPart = (x: TimeDependentOperator, what: string): RationalFunction => {
    const parts = [...x.parts.values()];
    if (parts.length > 1 || parts.some((p) => p.phase.size > 0 && [...p.phase.values()].some((n) => n !== 0)))
      throw new Error(`${what} must not depend on time`);
    return asScalar(parts[0]?.op ?? Operator.ZERO, what);
  };
  const algebra: Algebra<TimeDependentOperator> = {
    number: (d) => constant(staticAlgebra.number(d)),
    identifier: (name) => {
      if (name === 't') throw new Error('t stands only inside cos(…) or sin(…), as in cos(2*omega*t)');
      return constant(staticAlgebra.identifier(name));
    },
    add: (a, b) => a.add(b),
    sub: (a, b) => a.sub(b),
    mul: (a, b) => a.mul(b),
    div: (a, b) => a.scale(scalarPart(b, 'a divisor').inv()),
    neg: (a) => a.scale(-1),
    sqrt: (arg) => constant(staticAlgebra.sqrt(arg)),
    trig: (fn, arg) => {
      const phase = frequencyOf(asScalar(evaluate(arg, operatorAlgebra(new Map([...env, ['t', time]]))), `the argument of ${fn}`), time, fn);
      const half = Operator.scalar(RationalFunction.from(1).div(RationalFunction.from(2)));
      const minus = phase.map(([f, n]) => [f, -n] as const);
      return fn === 'cos'
        ? TimeDependentOperator.phased(half, phase).add(TimeDependentOperator.phased(half, minus))
        : TimeDependentOperator.phased(half.scale(RationalFunction.I.neg()), phase).add(TimeDependentOperator.phased(half.scale(RationalFunction.I), minus));
    },
  };
  return evaluate(parseExpression(text), algebra);
}

/** The frequency of an argument ω·t as integer multiples of parameter symbols; refused otherwise (a phase, a t², a fraction of a parameter). */
function frequencyOf(argument: RationalFunction, time: RationalFunction, fn: string): Array<[RationalFunction, number]> {
  const poly = argument.asPolynomial();
  const t = time.asPolynomial()!.symbols()[0]!;
  const refuse = (why: string): never => {
    throw new Error(
      `${fn}(${argument.toString('ascii')}): the argument must be ω·t with ω an integer combination of parameters, as in ${fn}(2*omega*t) (${why})`,
    );
  };
  if (poly === undefined || poly.degreeIn(t) !== 1 || !poly.coefficientOf(t, 0).isZero()) return refuse('it is not a multiple of t');
  const omega = poly.coefficientOf(t, 1);
  const terms: Array<[RationalFunction, number]> = [];
  let rebuilt = Polynomial.ZERO;
  for (const s of omega.symbols()) {
    const c = omega.coefficientOf(s, 1).constantValue();
    if (c === undefined || !c.isReal() || c.re.den !== 1n || omega.degreeIn(s) !== 1) return refuse('a coefficient is not an integer');
    const symbol = RationalFunction.fraction(Polynomial.monomial(withExponent('', s, 1)), Polynomial.ONE);
    terms.push([symbol, Number(c.re.num)]);
    rebuilt = rebuilt.add(omega.coefficientOf(s, 1).mul(Polynomial.monomial(withExponent('', s, 1))));
  }
  if (terms.length === 0 || !rebuilt.equals(omega)) return refuse('no frequency, or a constant phase');
  return terms;
}
