/** Renders exact values as CAS input: roots as sqrt(radicand), i as the imaginary unit, ascii symbol names. */
import type { GaussianRational } from '../../exact/gaussian.ts';
import type { Polynomial } from '../../exact/polynomial.ts';
import type { RationalFunction } from '../../exact/rationalFunction.ts';
import { symbolAt } from '../../exact/symbols.ts';
import type { Operator } from '../../operators/operator.ts';

function number(c: GaussianRational): string {
  const re = `(${c.re})`;
  const im = `(${c.im})*i`;
  return c.im.isZero() ? re : c.re.isZero() ? im : `(${re}+${im})`;
}

function symbolText(index: number): string {
  const s = symbolAt(index);
  return s.radicand ? `sqrt((${polynomialToCas(s.radicand.num)})/(${polynomialToCas(s.radicand.den)}))` : s.ascii;
}

export function polynomialToCas(p: Polynomial): string {
  if (p.isZero()) return '0';
  return [...p.terms]
    .map(([m, c]) => {
      const factors = [number(c)];
      for (let k = 0; k < m.length; k++) {
        const e = m.charCodeAt(k);
        if (e > 0) factors.push(e === 1 ? symbolText(k) : `${symbolText(k)}^${e}`);
      }
      return factors.join('*');
    })
    .join('+');
}

export function scalarToCas(r: RationalFunction): string {
  return `((${polynomialToCas(r.num)})/(${polynomialToCas(r.den)}))`;
}

/** A normal-ordered operator as a commutative expression in ladder names (mode a -> a, ad). */
export function operatorToCas(op: Operator): string {
  if (op.isZero()) return '0';
  return op
    .termList()
    .map(({ factors, coefficient }) => {
      const parts = [scalarToCas(coefficient)];
      for (const [m, p, q] of factors) {
        if (p > 0) parts.push(`${m.name}d^${p}`);
        if (q > 0) parts.push(`${m.name}^${q}`);
      }
      return parts.join('*');
    })
    .join('+');
}
