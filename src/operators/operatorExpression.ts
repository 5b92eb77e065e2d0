/** Evaluates a parsed expression into operators: identifiers name operators or scalars; `i` is the imaginary unit. */
import { evaluate, parseExpression, render, type Algebra, type Expr } from '../exact/expression.ts';
import { Rational } from '../exact/rational.ts';
import { RationalFunction } from '../exact/rationalFunction.ts';
import { Operator } from './operator.ts';
import { SQRT2 } from './quadratures.ts';

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
