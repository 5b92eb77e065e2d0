import { Rational } from './rational.ts';

/** Gaussian rationals re + i·im: the exact numbers that operator algebra with i needs. */
export class GaussianRational {
  constructor(
    readonly re: Rational,
    readonly im: Rational = Rational.ZERO,
  ) {}

  static readonly ZERO = new GaussianRational(Rational.ZERO);
  static readonly ONE = new GaussianRational(Rational.ONE);
  static readonly I = new GaussianRational(Rational.ZERO, Rational.ONE);

  static of(re: bigint | number | Rational, im: bigint | number | Rational = 0n): GaussianRational {
    const r = re instanceof Rational ? re : Rational.of(re);
    const i = im instanceof Rational ? im : Rational.of(im);
    return new GaussianRational(r, i);
  }

  isZero(): boolean {
    return this.re.isZero() && this.im.isZero();
  }
  isReal(): boolean {
    return this.im.isZero();
  }
  isOne(): boolean {
    return this.re.isOne() && this.im.isZero();
  }

  add(o: GaussianRational): GaussianRational {
    return new GaussianRational(this.re.add(o.re), this.im.add(o.im));
  }
  sub(o: GaussianRational): GaussianRational {
    return new GaussianRational(this.re.sub(o.re), this.im.sub(o.im));
  }
  mul(o: GaussianRational): GaussianRational {
    if (this.im.isZero() && o.im.isZero()) return new GaussianRational(this.re.mul(o.re));
    return new GaussianRational(this.re.mul(o.re).sub(this.im.mul(o.im)), this.re.mul(o.im).add(this.im.mul(o.re)));
  }
  neg(): GaussianRational {
    return new GaussianRational(this.re.neg(), this.im.neg());
  }
  conj(): GaussianRational {
    return this.im.isZero() ? this : new GaussianRational(this.re, this.im.neg());
  }
  inv(): GaussianRational {
    const n = this.re.mul(this.re).add(this.im.mul(this.im));
    if (n.isZero()) throw new RangeError('GaussianRational: division by zero');
    return new GaussianRational(this.re.div(n), this.im.neg().div(n));
  }
  div(o: GaussianRational): GaussianRational {
    return this.mul(o.inv());
  }
  equals(o: GaussianRational): boolean {
    return this.re.equals(o.re) && this.im.equals(o.im);
  }
  toString(): string {
    if (this.im.isZero()) return this.re.toString();
    const im = this.im.isOne() ? 'i' : this.im.equals(Rational.ONE.neg()) ? '-i' : `${this.im}*i`;
    if (this.re.isZero()) return im;
    return `(${this.re}${im.startsWith('-') ? '' : '+'}${im})`;
  }
}
