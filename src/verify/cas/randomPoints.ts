/**
 * A numeric witness: evaluates an expression at random rational points in complex quad-double
 * arithmetic (about 62 digits, src/numeric/quadDouble.ts; decimal.js at 50 digits took ten times
 * as long) and calls it zero when every value is below 10^-35.
 * Derivatives are taken on the expression tree. Shares no algebra with the exact engine; it
 * parses and differentiates through the engine's expression module (docs/architecture.md).
 */
import type { Dec } from '../../numeric/context.ts';
import { QuadDoubleContext } from '../../numeric/quadDouble.ts';
import { differentiate, evaluate, identifiers, parseExpression, render, type Algebra } from '../../exact/expression.ts';
import type { Witness } from './witness.ts';

const D = QuadDoubleContext;
export type Complex = { re: Dec; im: Dec };

/** Complex quad-double arithmetic for the expression language; identifiers take complex values. */
export const complexAlgebra = (point: ReadonlyMap<string, Dec | Complex>): Algebra<Complex> => {
  const self: Algebra<Complex> = {
    number: (d) => ({ re: new D(d), im: new D(0) }),
    identifier: (name) => {
      if (name === 'i') return { re: new D(0), im: new D(1) };
      const v = point.get(name);
      if (v === undefined) throw new Error(`no value for ${name}`);
      return v instanceof D ? { re: v, im: new D(0) } : (v as Complex);
    },
    add: (a, b) => ({ re: a.re.plus(b.re), im: a.im.plus(b.im) }),
    sub: (a, b) => ({ re: a.re.minus(b.re), im: a.im.minus(b.im) }),
    mul: (a, b) => ({ re: a.re.times(b.re).minus(a.im.times(b.im)), im: a.re.times(b.im).plus(a.im.times(b.re)) }),
    div: (a, b) => {
      const n = b.re.times(b.re).plus(b.im.times(b.im));
      return { re: a.re.times(b.re).plus(a.im.times(b.im)).div(n), im: a.im.times(b.re).minus(a.re.times(b.im)).div(n) };
    },
    neg: (a) => ({ re: a.re.neg(), im: a.im.neg() }),
    sqrt: (arg) => {
      const v = evaluate(arg, self);
      if (!v.im.isZero() || v.re.isNegative()) throw new Error('sqrt of a non-positive value at a random point');
      return { re: v.re.sqrt(), im: new D(0) };
    },
  };
  return self;
};

export const complexArithmetic = D;

/** A deterministic generator, so a witness run is reproducible. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s;
  };
}

export function randomPointsWitness(points = 3, seed = 1402_6392): Witness {
  return {
    name: 'random-points',
    isZero(expression) {
      const e = parseExpression(expression);
      const names = [...identifiers(e)].filter((n) => n !== 'i');
      const next = lcg(seed);
      for (let k = 0; k < points; k++) {
        // Positive rationals in [1/2, 5/2): parameters such as γ, m, ħ stay in their domain.
        const point = new Map(names.map((n) => [n, new D(next() % 2000).div(1000).plus('0.5')] as [string, Dec]));
        const v = evaluate(e, complexAlgebra(point));
        if (v.re.abs().gt('1e-35') || v.im.abs().gt('1e-35')) return false;
      }
      return true;
    },
    derivative(expression, variable) {
      return render(differentiate(parseExpression(expression), variable));
    },
  };
}
