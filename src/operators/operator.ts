/**
 * Normal-ordered polynomials in bosonic ladder operators with [a_j, a_k†] = δ_jk and
 * exact rational-function coefficients. A ladder monomial is a string whose chars 2k and
 * 2k+1 are the exponents of a_k† and a_k, in the order ∏_k a_k†^p a_k^q (modes commute).
 */
import { BoundedCache } from '../exact/boundedCache.ts';
import { GaussianRational } from '../exact/gaussian.ts';
import { RationalFunction, type ScalarInput } from '../exact/rationalFunction.ts';

export interface Mode {
  readonly name: string;
  readonly index: number;
}

const modes: Mode[] = [];

/** The bosonic mode of that name, created on first use. */
export function mode(name: string): Mode {
  const found = modes.find((m) => m.name === name);
  if (found) return found;
  const m = { name, index: modes.length };
  modes.push(m);
  return m;
}

type LadderMonomial = string;

function exponentsOf(m: LadderMonomial, k: number): [number, number] {
  return [m.charCodeAt(2 * k) || 0, m.charCodeAt(2 * k + 1) || 0];
}

function ladderMonomial(pairs: number[]): LadderMonomial {
  let n = pairs.length;
  while (n > 0 && pairs[n - 1] === 0) n--;
  return String.fromCharCode(...pairs.slice(0, n));
}

function binomial(n: number, k: number): bigint {
  let r = 1n;
  for (let j = 1; j <= k; j++) r = (r * BigInt(n - k + j)) / BigInt(j);
  return r;
}

function factorial(n: number): bigint {
  let r = 1n;
  for (let j = 2; j <= n; j++) r *= BigInt(j);
  return r;
}

/**
 * a†^p a^q · a†^r a^s = Σ_k C(q,k) C(r,k) k! a†^(p+r−k) a^(q+s−k): Wick's theorem for one mode.
 * Products of whole monomials are memoised (the most recent 20 000); the operator algebra spends its time here.
 */
const productCache = new BoundedCache<Array<[LadderMonomial, bigint]>>(20_000);

function monomialProduct(x: LadderMonomial, y: LadderMonomial): Array<[LadderMonomial, bigint]> {
  return productCache.get(`${x}|${y}`, () => wickProduct(x, y));
}

function wickProduct(x: LadderMonomial, y: LadderMonomial): Array<[LadderMonomial, bigint]> {
  const nModes = Math.ceil(Math.max(x.length, y.length) / 2);
  let partial: Array<[number[], bigint]> = [[[], 1n]];
  for (let k = 0; k < nModes; k++) {
    const [p, q] = exponentsOf(x, k);
    const [r, s] = exponentsOf(y, k);
    const next: Array<[number[], bigint]> = [];
    for (let j = 0; j <= Math.min(q, r); j++) {
      const c = binomial(q, j) * binomial(r, j) * factorial(j);
      for (const [pairs, coeff] of partial) next.push([[...pairs, p + r - j, q + s - j], coeff * c]);
    }
    partial = next;
  }
  return partial.map(([pairs, c]) => [ladderMonomial(pairs), c] as [LadderMonomial, bigint]);
}

export class Operator {
  private constructor(readonly terms: ReadonlyMap<LadderMonomial, RationalFunction>) {}

  static readonly ZERO = new Operator(new Map());
  static readonly IDENTITY = Operator.scalar(1);

  static scalar(c: ScalarInput): Operator {
    const r = RationalFunction.from(c);
    return r.isZero() ? Operator.ZERO : new Operator(new Map([['', r]]));
  }
  static annihilation(m: Mode): Operator {
    const pairs = Array<number>(2 * m.index + 2).fill(0);
    pairs[2 * m.index + 1] = 1;
    return new Operator(new Map([[ladderMonomial(pairs), RationalFunction.ONE]]));
  }
  static creation(m: Mode): Operator {
    return Operator.annihilation(m).adjoint();
  }

  private static collect(entries: Iterable<[LadderMonomial, RationalFunction]>): Operator {
    const out = new Map<LadderMonomial, RationalFunction>();
    for (const [m, c] of entries) {
      const prev = out.get(m);
      const sum = prev === undefined ? c : prev.add(c);
      if (sum.isZero()) out.delete(m);
      else out.set(m, sum);
    }
    return new Operator(out);
  }

  isZero(): boolean {
    return this.terms.size === 0;
  }
  add(o: Operator): Operator {
    return Operator.collect([...this.terms, ...o.terms]);
  }
  sub(o: Operator): Operator {
    return this.add(o.neg());
  }
  neg(): Operator {
    return this.scale(-1);
  }
  scale(c: ScalarInput): Operator {
    const r = RationalFunction.from(c);
    if (r.isZero()) return Operator.ZERO;
    return Operator.collect([...this.terms].map(([m, k]) => [m, k.mul(r)] as [LadderMonomial, RationalFunction]));
  }
  mul(o: Operator): Operator {
    const entries: Array<[LadderMonomial, RationalFunction]> = [];
    for (const [mx, cx] of this.terms) {
      for (const [my, cy] of o.terms) {
        const c = cx.mul(cy);
        for (const [m, k] of monomialProduct(mx, my)) {
          entries.push([m, k === 1n ? c : c.scale(GaussianRational.of(k))]);
        }
      }
    }
    return Operator.collect(entries);
  }
  pow(k: number): Operator {
    let r = Operator.IDENTITY;
    for (let j = 0; j < k; j++) r = r.mul(this);
    return r;
  }
  /** (c a†^p a^q)† = c* a†^q a^p; parameters are real, so only i changes sign. */
  adjoint(): Operator {
    const entries: Array<[LadderMonomial, RationalFunction]> = [];
    for (const [m, c] of this.terms) {
      const pairs: number[] = [];
      for (let k = 0; k < m.length / 2; k++) {
        const [p, q] = exponentsOf(m, k);
        pairs.push(q, p);
      }
      entries.push([ladderMonomial(pairs), c.conj()]);
    }
    return Operator.collect(entries);
  }
  equals(o: Operator): boolean {
    return this.sub(o).isZero();
  }
  isHermitian(): boolean {
    return this.equals(this.adjoint());
  }

  /** Total number of ladder operators in the highest term. */
  degree(): number {
    let d = 0;
    for (const m of this.terms.keys()) {
      let n = 0;
      for (let k = 0; k < m.length; k++) n += m.charCodeAt(k);
      d = Math.max(d, n);
    }
    return d;
  }
  /** The identity's coefficient. */
  constantPart(): RationalFunction {
    return this.terms.get('') ?? RationalFunction.ZERO;
  }
  /** The value if this is a multiple of the identity, otherwise undefined. */
  cNumber(): RationalFunction | undefined {
    if (this.terms.size === 0) return RationalFunction.ZERO;
    return this.terms.size === 1 ? this.terms.get('') : undefined;
  }
  withoutConstant(): Operator {
    return Operator.collect([...this.terms].filter(([m]) => m !== ''));
  }
  /** The coefficient of one normal-ordered monomial given as (mode, a† exponent, a exponent) triples. */
  coefficient(factors: ReadonlyArray<[Mode, number, number]>): RationalFunction {
    const pairs: number[] = [];
    for (const [m, p, q] of factors) {
      while (pairs.length < 2 * m.index + 2) pairs.push(0);
      pairs[2 * m.index] = p;
      pairs[2 * m.index + 1] = q;
    }
    return this.terms.get(ladderMonomial(pairs)) ?? RationalFunction.ZERO;
  }
  /** Maps every coefficient, e.g. to substitute a parameter. */
  mapCoefficients(f: (c: RationalFunction) => RationalFunction): Operator {
    return Operator.collect([...this.terms].map(([m, c]) => [m, f(c)] as [LadderMonomial, RationalFunction]));
  }
  /** Splits by the charge p − q of one mode: the power of e^(iωt) its terms gain when a -> a e^(−iωt). */
  partitionByCharge(m: Mode): Map<number, Operator> {
    const groups = new Map<number, Array<[LadderMonomial, RationalFunction]>>();
    for (const [mono, c] of this.terms) {
      const [p, q] = exponentsOf(mono, m.index);
      const list = groups.get(p - q) ?? [];
      list.push([mono, c]);
      groups.set(p - q, list);
    }
    return new Map([...groups].map(([charge, entries]) => [charge, Operator.collect(entries)]));
  }
  /** Each normal-ordered term with its coefficient, for renderers and witnesses. */
  termList(): Array<{ factors: Array<[Mode, number, number]>; coefficient: RationalFunction }> {
    return [...this.terms].map(([m, c]) => {
      const factors: Array<[Mode, number, number]> = [];
      for (let k = 0; k < m.length / 2; k++) {
        const [p, q] = exponentsOf(m, k);
        if (p + q > 0) factors.push([modes[k]!, p, q]);
      }
      return { factors, coefficient: c };
    });
  }
  toString(): string {
    if (this.terms.size === 0) return '0';
    return this.termList()
      .map(({ factors, coefficient }) => {
        const ops = factors
          .map(([m, p, q]) => {
            const pow = (s: string, e: number) => (e === 0 ? '' : e === 1 ? s : `${s}^${e}`);
            return [pow(`${m.name}†`, p), pow(m.name, q)].filter(Boolean).join(' ');
          })
          .join(' ');
        return ops === '' ? `(${coefficient})` : `(${coefficient}) ${ops}`;
      })
      .join(' + ');
  }

  /** The operator in a model file's language: (coefficient)*ad^2*b + …, each mode written by `name` (its creation operator with a d appended). */
  toFileText(name: (m: Mode) => string): string {
    if (this.terms.size === 0) return '0';
    return this.termList()
      .map(({ factors, coefficient }) => {
        const ops = factors.flatMap(([m, p, q]) => {
          const pow = (s: string, e: number) => (e === 0 ? [] : [e === 1 ? s : `${s}^${e}`]);
          return [...pow(`${name(m)}d`, p), ...pow(name(m), q)];
        });
        return [`(${coefficient.toString('ascii')})`, ...ops].join('*');
      })
      .join(' + ');
  }
}

export function commutator(x: Operator, y: Operator): Operator {
  return x.mul(y).sub(y.mul(x));
}

export function anticommutator(x: Operator, y: Operator): Operator {
  return x.mul(y).add(y.mul(x));
}
