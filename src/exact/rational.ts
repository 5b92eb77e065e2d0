/** Exact rationals over BigInt, always in lowest terms with a positive denominator. */

export function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

export class Rational {
  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    const n = BigInt(num);
    const d = BigInt(den);
    if (d === 0n) throw new RangeError('Rational: zero denominator');
    return Rational.normalised(n, d);
  }

  /** The largest decimal exponent parse accepts: 10^100000 already has a 100 000-digit numerator. */
  static readonly MAX_PARSE_EXPONENT = 100_000;

  /** Reads "3", "-2/7", "1.25", "6.02e23" exactly; refuses an exponent beyond ±MAX_PARSE_EXPONENT (RangeError). */
  static parse(text: string): Rational {
    const s = text.trim();
    const frac = /^([+-]?\d+)\s*\/\s*(\d+)$/.exec(s);
    if (frac) return Rational.of(BigInt(frac[1]!), BigInt(frac[2]!));
    const dec = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
    if (!dec || (dec[2] === '' && (dec[3] ?? '') === '')) {
      throw new RangeError(`not an exact decimal or fraction: "${text}"`);
    }
    const digits = (dec[2] ?? '') + (dec[3] ?? '');
    if (dec[4] !== undefined && Math.abs(Number(dec[4])) > Rational.MAX_PARSE_EXPONENT)
      throw new RangeError(`exponent ${dec[4]} beyond ±${Rational.MAX_PARSE_EXPONENT}: "${text.slice(0, 40)}"`);
    let exp = BigInt(dec[4] ?? '0') - BigInt((dec[3] ?? '').length);
    let n = BigInt(digits === '' ? '0' : digits);
    if (dec[1] === '-') n = -n;
    if (exp >= 0n) return Rational.of(n * 10n ** exp);
    exp = -exp;
    return Rational.of(n, 10n ** exp);
  }

  private static normalised(n: bigint, d: bigint): Rational {
    if (n === 0n) return Rational.ZERO;
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    if (d === 1n) return new Rational(n, 1n);
    const g = gcd(n, d);
    return g === 1n ? new Rational(n, d) : new Rational(n / g, d / g);
  }

  isZero(): boolean {
    return this.num === 0n;
  }
  isOne(): boolean {
    return this.num === 1n && this.den === 1n;
  }
  isInteger(): boolean {
    return this.den === 1n;
  }
  sign(): -1 | 0 | 1 {
    return this.num > 0n ? 1 : this.num < 0n ? -1 : 0;
  }

  add(o: Rational): Rational {
    if (this.den === 1n && o.den === 1n) return new Rational(this.num + o.num, 1n);
    return Rational.normalised(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Rational): Rational {
    return this.add(o.neg());
  }
  mul(o: Rational): Rational {
    if (this.den === 1n && o.den === 1n) {
      const n = this.num * o.num;
      return n === 0n ? Rational.ZERO : new Rational(n, 1n);
    }
    return Rational.normalised(this.num * o.num, this.den * o.den);
  }
  abs(): Rational {
    return this.num < 0n ? this.neg() : this;
  }
  neg(): Rational {
    return this.num === 0n ? this : new Rational(-this.num, this.den);
  }
  inv(): Rational {
    if (this.num === 0n) throw new RangeError('Rational: division by zero');
    return Rational.normalised(this.den, this.num);
  }
  div(o: Rational): Rational {
    return this.mul(o.inv());
  }
  pow(k: number): Rational {
    if (k < 0) return this.inv().pow(-k);
    return Rational.normalised(this.num ** BigInt(k), this.den ** BigInt(k));
  }
  /** The exact square root of a non-negative rational whose numerator and denominator are perfect squares; undefined otherwise. */
  squareRoot(): Rational | undefined {
    if (this.num < 0n) return undefined;
    const root = (n: bigint): bigint | undefined => {
      if (n < 2n) return n;
      // Newton's method on integers, from above.
      let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
      for (;;) {
        const y = (x + n / x) >> 1n;
        if (y >= x) break;
        x = y;
      }
      return x * x === n ? x : undefined;
    };
    const [n, d] = [root(this.num), root(this.den)];
    return n === undefined || d === undefined ? undefined : Rational.of(n, d);
  }

  equals(o: Rational): boolean {
    return this.num === o.num && this.den === o.den;
  }
  compare(o: Rational): number {
    const d = this.num * o.den - o.num * this.den;
    return d > 0n ? 1 : d < 0n ? -1 : 0;
  }
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }
  /** The exact decimal expansion when it terminates (denominator 2^a 5^b), else "n/d". */
  toDecimalString(): string {
    let d = this.den;
    let twos = 0;
    let fives = 0;
    while (d % 2n === 0n) {
      d /= 2n;
      twos++;
    }
    while (d % 5n === 0n) {
      d /= 5n;
      fives++;
    }
    if (d !== 1n) return this.toString();
    const places = Math.max(twos, fives);
    const scaled = (this.num * 10n ** BigInt(places)) / this.den;
    const negative = scaled < 0n;
    const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, '0');
    const body = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
    return negative ? `-${body}` : body;
  }
  toNumber(): number {
    return Number(this.num) / Number(this.den);
  }
}
