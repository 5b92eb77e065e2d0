/**
 * Rational functions num/den of polynomials, over Gaussian rationals, in named real
 * parameters, some of which may be declared square roots (√2, √(ħ/2mω)). Every value is
 * kept reduced: a root appears at most to the first power and never in a denominator, so
 * a difference is zero exactly when its numerator is the zero polynomial.
 *
 * Common factors are cancelled when they are monomials, numbers, or when the denominator
 * divides the numerator; no general polynomial gcd is taken (not needed for equality).
 */
import type { GaussianRational } from './gaussian.ts';
import { exponent, monomialGcd, Polynomial, withExponent, type Monomial } from './polynomial.ts';
import { Rational } from './rational.ts';
import { declareSymbol, isRadical, symbolAt, type SymbolOptions } from './symbols.ts';

export type ScalarInput = RationalFunction | Polynomial | GaussianRational | Rational | bigint | number;

// Only normalise() may build a value without reducing it; it gets the constructor here.
let build: (num: Polynomial, den: Polynomial) => RationalFunction;

export class RationalFunction {
  static {
    build = (num, den) => new RationalFunction(num, den);
  }

  private constructor(
    readonly num: Polynomial,
    readonly den: Polynomial,
  ) {}

  static readonly ZERO = new RationalFunction(Polynomial.ZERO, Polynomial.ONE);
  static readonly ONE = new RationalFunction(Polynomial.ONE, Polynomial.ONE);
  static readonly I = new RationalFunction(Polynomial.I, Polynomial.ONE);

  static from(x: ScalarInput): RationalFunction {
    if (x instanceof RationalFunction) return x;
    if (x instanceof Polynomial) return RationalFunction.fraction(x, Polynomial.ONE);
    return new RationalFunction(Polynomial.constant(x), Polynomial.ONE);
  }

  static fraction(num: Polynomial, den: Polynomial): RationalFunction {
    if (den.isZero()) throw new RangeError('rational function with zero denominator');
    return normalise(num, den);
  }

  static symbol(name: string, options: SymbolOptions = {}): RationalFunction {
    return new RationalFunction(Polynomial.symbol(name, options), Polynomial.ONE);
  }

  /** A new symbol standing for √radicand; its square reduces to the radicand everywhere. */
  static sqrt(name: string, radicand: RationalFunction, options: SymbolOptions = {}): RationalFunction {
    for (const k of [...radicand.num.symbols(), ...radicand.den.symbols()]) {
      if (isRadical(k)) throw new Error(`√ of an expression holding a root (${name})`);
    }
    const info = declareSymbol(name, { ...options, positive: true }, { num: radicand.num, den: radicand.den });
    return RationalFunction.from(Polynomial.monomial(withExponent('', info.index, 1)));
  }

  isZero(): boolean {
    return this.num.isZero();
  }
  constantValue(): GaussianRational | undefined {
    return this.den.isConstant() ? this.num.constantValue() : undefined;
  }
  /** The value as a polynomial when the denominator is 1. */
  asPolynomial(): Polynomial | undefined {
    return this.den.constantValue()?.isOne() ? this.num : undefined;
  }

  add(o: RationalFunction): RationalFunction {
    if (o.isZero()) return this;
    if (this.isZero()) return o;
    if (this.den.equals(o.den)) return normalise(this.num.add(o.num), this.den);
    return normalise(this.num.mul(o.den).add(o.num.mul(this.den)), this.den.mul(o.den));
  }
  sub(o: RationalFunction): RationalFunction {
    return this.add(o.neg());
  }
  neg(): RationalFunction {
    return new RationalFunction(this.num.neg(), this.den);
  }
  mul(o: RationalFunction): RationalFunction {
    if (this.isZero() || o.isZero()) return RationalFunction.ZERO;
    return normalise(this.num.mul(o.num), this.den.mul(o.den));
  }
  scale(c: GaussianRational): RationalFunction {
    return c.isZero() ? RationalFunction.ZERO : new RationalFunction(this.num.scale(c), this.den);
  }
  inv(): RationalFunction {
    if (this.isZero()) throw new RangeError('division by zero');
    return normalise(this.den, this.num);
  }
  div(o: RationalFunction): RationalFunction {
    return this.mul(o.inv());
  }
  pow(k: number): RationalFunction {
    if (k < 0) return this.inv().pow(-k);
    let r = RationalFunction.ONE;
    for (let j = 0; j < k; j++) r = r.mul(this);
    return r;
  }
  conj(): RationalFunction {
    return new RationalFunction(this.num.conj(), this.den.conj());
  }
  equals(o: RationalFunction): boolean {
    return this.sub(o).isZero();
  }
  substitute(name: number, value: RationalFunction): RationalFunction {
    const sub = (p: Polynomial): RationalFunction => {
      const d = p.degreeIn(name);
      let acc = RationalFunction.ZERO;
      for (let k = 0; k <= d; k++) acc = acc.add(RationalFunction.from(p.coefficientOf(name, k)).mul(value.pow(k)));
      return acc;
    };
    return sub(this.num).div(sub(this.den));
  }
  evaluate(values: ReadonlyMap<number, GaussianRational>): GaussianRational {
    const d = this.den.evaluate(values);
    if (d.isZero()) throw new RangeError('evaluation at a pole');
    return this.num.evaluate(values).div(d);
  }
  toString(style: 'unicode' | 'ascii' = 'unicode'): string {
    const n = this.num.toString(style);
    if (this.den.constantValue()?.isOne()) return n;
    const d = this.den.toString(style);
    const wrap = (s: string, p: Polynomial) => (p.terms.size > 1 || /[*/]/.test(s) ? `(${s})` : s);
    return `${this.num.terms.size > 1 ? `(${n})` : n}/${wrap(d, this.den)}`;
  }
}

/** Rewrites every s^e of a root s as s^(e mod 2)·radicand^(e div 2); returns num/den. */
function reduceRoots(p: Polynomial, roots: number[]): [Polynomial, Polynomial] {
  let num = p;
  let den = Polynomial.ONE;
  for (const r of roots) {
    if (num.degreeIn(r) < 2) continue;
    const { num: rn, den: rd } = symbolAt(r).radicand!;
    const byPower = new Map<number, Map<Monomial, GaussianRational>>();
    for (const [m, c] of num.terms) {
      const e = exponent(m, r);
      const j = Math.floor(e / 2);
      if (!byPower.has(j)) byPower.set(j, new Map());
      byPower.get(j)!.set(withExponent(m, r, e % 2), c);
    }
    const top = Math.max(...byPower.keys());
    let acc = Polynomial.ZERO;
    for (const [j, terms] of byPower) {
      acc = acc.add(
        Polynomial.fromTerms(terms)
          .mul(rn.pow(j))
          .mul(rd.pow(top - j)),
      );
    }
    num = acc;
    den = den.mul(rd.pow(top));
  }
  return [num, den];
}

function normalise(num: Polynomial, den: Polynomial): RationalFunction {
  if (num.isZero()) return RationalFunction.ZERO;
  const roots = [...new Set([...num.symbols(), ...den.symbols()])].filter(isRadical);
  if (roots.length > 0) {
    const [n1, d1] = reduceRoots(num, roots);
    const [n2, d2] = reduceRoots(den, roots);
    num = n1.mul(d2);
    den = n2.mul(d1);
    // Rationalise: for den = d0 + d1·s multiply through by d0 − d1·s, once per root in den.
    for (const r of roots) {
      if (den.degreeIn(r) === 0) continue;
      const conjugate = den.coefficientOf(r, 0).sub(den.coefficientOf(r, 1).mulMonomial(withExponent('', r, 1)));
      const [nn, nd] = reduceRoots(num.mul(conjugate), roots);
      const [dn, dd] = reduceRoots(den.mul(conjugate), roots);
      num = nn.mul(dd);
      den = dn.mul(nd);
    }
  }
  const c = den.constantValue();
  if (c !== undefined) return build(c.isOne() ? num : num.scale(c.inv()), Polynomial.ONE);
  const g = monomialGcd(num.monomialContent(), den.monomialContent());
  if (g !== '') {
    num = num.divMonomial(g);
    den = den.divMonomial(g);
  }
  const q = den.terms.size > 1 ? num.divExact(den) : null;
  if (q !== null) return build(q, Polynomial.ONE);
  // A monic denominator makes the representation of equal values alike.
  const lead = den.terms.get(den.leadingMonomial())!.inv();
  return build(num.scale(lead), den.scale(lead));
}

/** Shorthand for building exact scalars in derivations and tests. */
export function q(n: bigint | number, d: bigint | number = 1): RationalFunction {
  return RationalFunction.from(Rational.of(n, d));
}

/**
 * Solves expr(s) = target for a symbol s that expr is affine in: s = (target − expr(0)) / k.
 * Used to express a lab-frame constant through the rate it produces.
 */
export function solveAffine(expr: RationalFunction, symbol: RationalFunction, target: RationalFunction): RationalFunction {
  const index = symbolIndex(symbol);
  if (expr.den.degreeIn(index) > 0 || expr.num.degreeIn(index) !== 1) throw new Error(`solveAffine: not affine in ${symbolAt(index).name}`);
  const slope = RationalFunction.fraction(expr.num.coefficientOf(index, 1), expr.den);
  const offset = RationalFunction.fraction(expr.num.coefficientOf(index, 0), expr.den);
  return target.sub(offset).div(slope);
}

/** The index of a value that is a single symbol. */
export function symbolIndex(symbol: RationalFunction): number {
  const p = symbol.asPolynomial();
  const [index] = p?.symbols() ?? [];
  if (p === undefined || index === undefined || p.terms.size !== 1 || p.degreeIn(index) !== 1) throw new Error(`${symbol} is not a single symbol`);
  return index;
}
