/**
 * Sparse multivariate polynomials with Gaussian-rational coefficients.
 * A monomial is a string whose k-th char code is the exponent of symbol k (trailing
 * zeros trimmed): products add char codes, and the string is a fast Map key.
 */
import { GaussianRational } from './gaussian.ts';
import { Rational } from './rational.ts';
import { declareSymbol, symbolAt, type SymbolOptions } from './symbols.ts';

export type Monomial = string;

function trim(codes: number[]): Monomial {
  let n = codes.length;
  while (n > 0 && codes[n - 1] === 0) n--;
  return String.fromCharCode(...codes.slice(0, n));
}

export function monomialMul(a: Monomial, b: Monomial): Monomial {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const long = a.length >= b.length ? a : b;
  const short = long === a ? b : a;
  let out = '';
  for (let k = 0; k < long.length; k++) {
    out += String.fromCharCode(long.charCodeAt(k) + (k < short.length ? short.charCodeAt(k) : 0));
  }
  return out;
}

/** a / b when b divides a, otherwise null. */
export function monomialDiv(a: Monomial, b: Monomial): Monomial | null {
  if (b.length > a.length) return null;
  const codes: number[] = [];
  for (let k = 0; k < a.length; k++) {
    const e = a.charCodeAt(k) - (k < b.length ? b.charCodeAt(k) : 0);
    if (e < 0) return null;
    codes.push(e);
  }
  return trim(codes);
}

export function monomialGcd(a: Monomial, b: Monomial): Monomial {
  const n = Math.min(a.length, b.length);
  const codes: number[] = [];
  for (let k = 0; k < n; k++) codes.push(Math.min(a.charCodeAt(k), b.charCodeAt(k)));
  return trim(codes);
}

export function exponent(m: Monomial, index: number): number {
  return index < m.length ? m.charCodeAt(index) : 0;
}

export function withExponent(m: Monomial, index: number, e: number): Monomial {
  const codes = Array.from({ length: Math.max(m.length, index + 1) }, (_, k) => exponent(m, k));
  codes[index] = e;
  return trim(codes);
}

/** Lexicographic order by symbol index: the order in which exact division works. */
function lexCompare(a: Monomial, b: Monomial): number {
  const n = Math.max(a.length, b.length);
  for (let k = 0; k < n; k++) {
    const d = exponent(a, k) - exponent(b, k);
    if (d !== 0) return d;
  }
  return 0;
}

export class Polynomial {
  private constructor(readonly terms: ReadonlyMap<Monomial, GaussianRational>) {}

  static readonly ZERO = new Polynomial(new Map());
  static readonly ONE = Polynomial.constant(GaussianRational.ONE);
  static readonly I = Polynomial.constant(GaussianRational.I);

  static fromTerms(terms: Map<Monomial, GaussianRational>): Polynomial {
    for (const [m, c] of terms) if (c.isZero()) terms.delete(m);
    return new Polynomial(terms);
  }

  static constant(c: GaussianRational | Rational | bigint | number): Polynomial {
    const g = c instanceof GaussianRational ? c : GaussianRational.of(c instanceof Rational ? c : Rational.of(c));
    return g.isZero() ? Polynomial.ZERO : new Polynomial(new Map([['', g]]));
  }

  /** The polynomial consisting of one symbol, declared on first use. */
  static symbol(name: string, options: SymbolOptions = {}): Polynomial {
    const s = declareSymbol(name, options);
    return Polynomial.monomial(withExponent('', s.index, 1));
  }

  static monomial(m: Monomial, c: GaussianRational = GaussianRational.ONE): Polynomial {
    return c.isZero() ? Polynomial.ZERO : new Polynomial(new Map([[m, c]]));
  }

  isZero(): boolean {
    return this.terms.size === 0;
  }
  /** The constant value if the polynomial has no symbol, otherwise undefined. */
  constantValue(): GaussianRational | undefined {
    if (this.terms.size === 0) return GaussianRational.ZERO;
    if (this.terms.size === 1) return this.terms.get('');
    return undefined;
  }
  isConstant(): boolean {
    return this.constantValue() !== undefined;
  }

  add(o: Polynomial): Polynomial {
    if (o.terms.size === 0) return this;
    if (this.terms.size === 0) return o;
    const out = new Map(this.terms);
    for (const [m, c] of o.terms) {
      const prev = out.get(m);
      if (prev === undefined) out.set(m, c);
      else {
        const s = prev.add(c);
        if (s.isZero()) out.delete(m);
        else out.set(m, s);
      }
    }
    return new Polynomial(out);
  }
  neg(): Polynomial {
    const out = new Map<Monomial, GaussianRational>();
    for (const [m, c] of this.terms) out.set(m, c.neg());
    return new Polynomial(out);
  }
  sub(o: Polynomial): Polynomial {
    return this.add(o.neg());
  }
  mul(o: Polynomial): Polynomial {
    if (this.terms.size === 0 || o.terms.size === 0) return Polynomial.ZERO;
    const out = new Map<Monomial, GaussianRational>();
    for (const [ma, ca] of this.terms) {
      for (const [mb, cb] of o.terms) {
        const m = monomialMul(ma, mb);
        const c = ca.mul(cb);
        const prev = out.get(m);
        out.set(m, prev === undefined ? c : prev.add(c));
      }
    }
    return Polynomial.fromTerms(out);
  }
  scale(c: GaussianRational): Polynomial {
    if (c.isZero()) return Polynomial.ZERO;
    if (c.isOne()) return this;
    const out = new Map<Monomial, GaussianRational>();
    for (const [m, k] of this.terms) out.set(m, k.mul(c));
    return new Polynomial(out);
  }
  mulMonomial(mono: Monomial): Polynomial {
    if (mono === '') return this;
    const out = new Map<Monomial, GaussianRational>();
    for (const [m, k] of this.terms) out.set(monomialMul(m, mono), k);
    return new Polynomial(out);
  }
  pow(k: number): Polynomial {
    let result = Polynomial.ONE;
    for (let j = 0; j < k; j++) result = result.mul(this);
    return result;
  }
  /** Complex conjugation of the coefficients; the symbols are real. */
  conj(): Polynomial {
    const out = new Map<Monomial, GaussianRational>();
    for (const [m, c] of this.terms) out.set(m, c.conj());
    return new Polynomial(out);
  }
  equals(o: Polynomial): boolean {
    return this.sub(o).isZero();
  }

  /** The greatest common monomial factor of all terms. */
  monomialContent(): Monomial {
    let g: Monomial | undefined;
    for (const m of this.terms.keys()) g = g === undefined ? m : monomialGcd(g, m);
    return g ?? '';
  }
  divMonomial(mono: Monomial): Polynomial {
    if (mono === '') return this;
    const out = new Map<Monomial, GaussianRational>();
    for (const [m, c] of this.terms) {
      const q = monomialDiv(m, mono);
      if (q === null) throw new Error('divMonomial: not a factor');
      out.set(q, c);
    }
    return new Polynomial(out);
  }

  leadingMonomial(): Monomial {
    let best: Monomial | undefined;
    for (const m of this.terms.keys()) if (best === undefined || lexCompare(m, best) > 0) best = m;
    if (best === undefined) throw new Error('leadingMonomial of zero');
    return best;
  }

  /** this / d when d divides this exactly, otherwise null. */
  divExact(d: Polynomial): Polynomial | null {
    if (d.isZero()) throw new RangeError('division by the zero polynomial');
    const dm = d.leadingMonomial();
    const dc = d.terms.get(dm)!;
    let rem: Polynomial = this;
    let quotient: Polynomial = Polynomial.ZERO;
    while (!rem.isZero()) {
      const rm = rem.leadingMonomial();
      const qm = monomialDiv(rm, dm);
      if (qm === null) return null;
      const term = Polynomial.monomial(qm, rem.terms.get(rm)!.div(dc));
      quotient = quotient.add(term);
      rem = rem.sub(term.mul(d));
    }
    return quotient;
  }

  /** Replaces symbol `index` by the polynomial q. */
  substitute(index: number, q: Polynomial): Polynomial {
    let out = Polynomial.ZERO;
    const powers: Polynomial[] = [Polynomial.ONE];
    for (const [m, c] of this.terms) {
      const e = exponent(m, index);
      while (powers.length <= e) powers.push(powers[powers.length - 1]!.mul(q));
      out = out.add(Polynomial.monomial(withExponent(m, index, 0), c).mul(powers[e]!));
    }
    return out;
  }

  /** Degree in one symbol. */
  degreeIn(index: number): number {
    let d = 0;
    for (const m of this.terms.keys()) d = Math.max(d, exponent(m, index));
    return d;
  }

  /** The coefficient of symbol^k, as a polynomial in the other symbols. */
  coefficientOf(index: number, k: number): Polynomial {
    const out = new Map<Monomial, GaussianRational>();
    for (const [m, c] of this.terms) if (exponent(m, index) === k) out.set(withExponent(m, index, 0), c);
    return new Polynomial(out);
  }

  /** Indices of the symbols that occur. */
  symbols(): number[] {
    const seen = new Set<number>();
    for (const m of this.terms.keys()) for (let k = 0; k < m.length; k++) if (m.charCodeAt(k) > 0) seen.add(k);
    return [...seen].sort((a, b) => a - b);
  }

  evaluate(values: ReadonlyMap<number, GaussianRational>): GaussianRational {
    let total = GaussianRational.ZERO;
    for (const [m, c] of this.terms) {
      let term = c;
      for (let k = 0; k < m.length; k++) {
        const e = m.charCodeAt(k);
        if (e === 0) continue;
        const v = values.get(k);
        if (v === undefined) throw new Error(`evaluate: no value for ${symbolAt(k).name}`);
        for (let j = 0; j < e; j++) term = term.mul(v);
      }
      total = total.add(term);
    }
    return total;
  }

  toString(style: 'unicode' | 'ascii' = 'unicode'): string {
    if (this.terms.size === 0) return '0';
    const parts: string[] = [];
    const sorted = [...this.terms.entries()].sort(([a], [b]) => lexCompare(b, a));
    for (const [m, c] of sorted) {
      const factors: string[] = [];
      for (let k = 0; k < m.length; k++) {
        const e = m.charCodeAt(k);
        if (e === 0) continue;
        const s = symbolAt(k);
        const name = style === 'ascii' ? s.ascii : s.name;
        factors.push(e === 1 ? name : `${name}^${e}`);
      }
      const coef = c.toString();
      const mono = factors.join('*');
      if (mono === '') parts.push(coef);
      else if (c.isOne()) parts.push(mono);
      else if (c.equals(GaussianRational.ONE.neg())) parts.push(`-${mono}`);
      else parts.push(`${coef}*${mono}`);
    }
    return parts.join(' + ').replace(/\+ -/g, '- ');
  }
}
