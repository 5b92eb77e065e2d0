/**
 * Quad-double arithmetic: a number as the unevaluated sum of four doubles, about 62 significant
 * digits, behind the part of decimal.js's interface that the periodic-state solvers use. It is the
 * algorithm set of Hida, Li and Bailey's QD library (the "sloppy" sum, whose error is bounded by
 * 2⁻²⁰⁹ times the larger operand rather than the result; the solvers are backward stable under
 * that bound), in plain doubles: about ten times faster than decimal.js at 40 digits (a multiply-add
 * 0.1 µs against 1 µs), which is what brings a lab-frame solve at 30 digits within seconds. +, −,
 * ×, ÷, √, sin and cos are native; the rarely called ln, acos, floor and non-integer powers go
 * through decimal.js at 80 digits. test/quadDouble.test.ts measures it against decimal.js.
 *
 * The error-free transformations (two-sum, quick-two-sum, two-product by Dekker's split) are
 * written out in place in normalised, sum and product rather than called: each returns two
 * doubles, and passing the second through shared state cost a third of the speed (measured).
 */
import { Decimal } from 'decimal.js';
import type { DecimalConstructor } from './context.ts';

/** The decimal.js context the conversions and the transcendental functions go through. */
const Wide = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
type Wide = InstanceType<typeof Wide>;

const SPLITTER = 134217729; // 2^27 + 1

const bitsView = new DataView(new ArrayBuffer(8));
const powersOfTwo = new Map<number, Wide>();

/** A double's binary value m·2^e in the wide context (m, below 2^53, is exact; 2^e rounded to 80 digits, cached). */
function wideOf(x: number): Wide {
  if (x === 0 || !Number.isFinite(x)) return new Wide(x);
  bitsView.setFloat64(0, x);
  const high = bitsView.getUint32(0);
  const biased = (high >>> 20) & 0x7ff;
  const fraction = (high & 0xfffff) * 2 ** 32 + bitsView.getUint32(4);
  const mantissa = biased === 0 ? fraction : fraction + 2 ** 52;
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  let power = powersOfTwo.get(exponent);
  if (power === undefined) {
    power = new Wide(2).pow(exponent);
    powersOfTwo.set(exponent, power);
  }
  return power.times(x < 0 ? -mantissa : mantissa);
}

type Operand = QD | number | string | { toString(): string };

/** The four limbs of an operand (a double is exact as one limb). */
function limbs(x: Operand): QD {
  if (x instanceof QD) return x;
  if (typeof x === 'number') return new QD(x, 0, 0, 0);
  return QD.fromText(x.toString());
}

/** Four limbs plus a fifth term, renormalised to four non-overlapping limbs (QD's renorm), into R. */
function renorm(c0: number, c1: number, c2: number, c3: number, c4: number): void {
  if (!Number.isFinite(c0)) {
    R[0] = c0;
    R[1] = R[2] = R[3] = 0;
    return;
  }
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  {
    const s_ = c3 + c4;
    c4 = c4 - (s_ - c3);
    s0 = s_;
  }
  {
    const s_ = c2 + s0;
    c3 = s0 - (s_ - c2);
    s0 = s_;
  }
  {
    const s_ = c1 + s0;
    c2 = s0 - (s_ - c1);
    s0 = s_;
  }
  {
    const s_ = c0 + s0;
    c1 = s0 - (s_ - c0);
    c0 = s_;
  }
  {
    const s_ = c0 + c1;
    s1 = c1 - (s_ - c0);
    s0 = s_;
  }
  if (s1 !== 0) {
    {
      const s_ = s1 + c2;
      s2 = c2 - (s_ - s1);
      s1 = s_;
    }
    if (s2 !== 0) {
      {
        const s_ = s2 + c3;
        s3 = c3 - (s_ - s2);
        s2 = s_;
      }
      if (s3 !== 0) s3 += c4;
      else {
        {
          const s_ = s2 + c4;
          s3 = c4 - (s_ - s2);
          s2 = s_;
        }
      }
    } else {
      {
        const s_ = s1 + c3;
        s2 = c3 - (s_ - s1);
        s1 = s_;
      }
      if (s2 !== 0) {
        {
          const s_ = s2 + c4;
          s3 = c4 - (s_ - s2);
          s2 = s_;
        }
      } else {
        {
          const s_ = s1 + c4;
          s2 = c4 - (s_ - s1);
          s1 = s_;
        }
      }
    }
  } else {
    {
      const s_ = s0 + c2;
      s1 = c2 - (s_ - s0);
      s0 = s_;
    }
    if (s1 !== 0) {
      {
        const s_ = s1 + c3;
        s2 = c3 - (s_ - s1);
        s1 = s_;
      }
      if (s2 !== 0) {
        {
          const s_ = s2 + c4;
          s3 = c4 - (s_ - s2);
          s2 = s_;
        }
      } else {
        {
          const s_ = s1 + c4;
          s2 = c4 - (s_ - s1);
          s1 = s_;
        }
      }
    } else {
      {
        const s_ = s0 + c3;
        s1 = c3 - (s_ - s0);
        s0 = s_;
      }
      if (s1 !== 0) {
        {
          const s_ = s1 + c4;
          s2 = c4 - (s_ - s1);
          s1 = s_;
        }
      } else {
        {
          const s_ = s0 + c4;
          s1 = c4 - (s_ - s0);
          s0 = s_;
        }
      }
    }
  }
  R[0] = s0;
  R[1] = s1;
  R[2] = s2;
  R[3] = s3;
}

/** a + b into R. */
function addLimbs(a0: number, a1: number, a2: number, a3: number, b0: number, b1: number, b2: number, b3: number): void {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let t0 = 0;
  let t1 = 0;
  let t2 = 0;
  let t3 = 0;
  {
    const s_ = a0 + b0;
    const v_ = s_ - a0;
    t0 = a0 - (s_ - v_) + (b0 - v_);
    s0 = s_;
  }
  {
    const s_ = a1 + b1;
    const v_ = s_ - a1;
    t1 = a1 - (s_ - v_) + (b1 - v_);
    s1 = s_;
  }
  {
    const s_ = a2 + b2;
    const v_ = s_ - a2;
    t2 = a2 - (s_ - v_) + (b2 - v_);
    s2 = s_;
  }
  {
    const s_ = a3 + b3;
    const v_ = s_ - a3;
    t3 = a3 - (s_ - v_) + (b3 - v_);
    s3 = s_;
  }
  {
    const s_ = s1 + t0;
    const v_ = s_ - s1;
    t0 = s1 - (s_ - v_) + (t0 - v_);
    s1 = s_;
  }
  {
    let u1 = 0,
      u2 = 0,
      u3 = 0;
    {
      const s_ = s2 + t0;
      const v_ = s_ - s2;
      u2 = s2 - (s_ - v_) + (t0 - v_);
      u1 = s_;
    }
    {
      const s_ = t1 + u1;
      const v_ = s_ - t1;
      u3 = t1 - (s_ - v_) + (u1 - v_);
      s2 = s_;
    }
    {
      const s_ = u2 + u3;
      const v_ = s_ - u2;
      t1 = u2 - (s_ - v_) + (u3 - v_);
      t0 = s_;
    }
  }
  {
    let u1 = 0,
      u2 = 0,
      u3 = 0;
    {
      const s_ = s3 + t0;
      const v_ = s_ - s3;
      u2 = s3 - (s_ - v_) + (t0 - v_);
      u1 = s_;
    }
    {
      const s_ = t2 + u1;
      const v_ = s_ - t2;
      u3 = t2 - (s_ - v_) + (u1 - v_);
      s3 = s_;
    }
    t0 = u2 + u3;
  }
  renorm(s0, s1, s2, s3, t0 + t1 + t3);
}

/** a·b (b a double) into R. */
function mulDoubleLimbs(a0: number, a1: number, a2: number, a3: number, b: number): void {
  let p0 = 0;
  let p1 = 0;
  let p2 = 0;
  let q0 = 0;
  let q1 = 0;
  let q2 = 0;
  let s1 = 0;
  let s2 = 0;
  {
    const p_ = a0 * b;
    let t_ = SPLITTER * a0;
    const ah = t_ - (t_ - a0);
    const al = a0 - ah;
    t_ = SPLITTER * b;
    const bh = t_ - (t_ - b);
    const bl = b - bh;
    q0 = ah * bh - p_ + ah * bl + al * bh + al * bl;
    p0 = p_;
  }
  {
    const p_ = a1 * b;
    let t_ = SPLITTER * a1;
    const ah = t_ - (t_ - a1);
    const al = a1 - ah;
    t_ = SPLITTER * b;
    const bh = t_ - (t_ - b);
    const bl = b - bh;
    q1 = ah * bh - p_ + ah * bl + al * bh + al * bl;
    p1 = p_;
  }
  {
    const p_ = a2 * b;
    let t_ = SPLITTER * a2;
    const ah = t_ - (t_ - a2);
    const al = a2 - ah;
    t_ = SPLITTER * b;
    const bh = t_ - (t_ - b);
    const bl = b - bh;
    q2 = ah * bh - p_ + ah * bl + al * bh + al * bl;
    p2 = p_;
  }
  const p3 = a3 * b;
  {
    const s_ = q0 + p1;
    const v_ = s_ - q0;
    s2 = q0 - (s_ - v_) + (p1 - v_);
    s1 = s_;
  }
  {
    let u1 = 0,
      u2 = 0,
      u3 = 0;
    {
      const s_ = s2 + q1;
      const v_ = s_ - s2;
      u2 = s2 - (s_ - v_) + (q1 - v_);
      u1 = s_;
    }
    {
      const s_ = p2 + u1;
      const v_ = s_ - p2;
      u3 = p2 - (s_ - v_) + (u1 - v_);
      s2 = s_;
    }
    {
      const s_ = u2 + u3;
      const v_ = s_ - u2;
      p2 = u2 - (s_ - v_) + (u3 - v_);
      q1 = s_;
    }
  }
  {
    let u1 = 0,
      u2 = 0,
      u3 = 0;
    {
      const s_ = q1 + q2;
      const v_ = s_ - q1;
      u2 = q1 - (s_ - v_) + (q2 - v_);
      u1 = s_;
    }
    {
      const s_ = p3 + u1;
      const v_ = s_ - p3;
      u3 = p3 - (s_ - v_) + (u1 - v_);
      q1 = s_;
    }
    q2 = u2 + u3;
  }
  renorm(p0, s1, s2, q1, q2 + p2);
}

/** a·b into R. */
function mulLimbs(a0: number, a1: number, a2: number, a3: number, b0: number, b1: number, b2: number, b3: number): void {
  if (b1 === 0 && b2 === 0 && b3 === 0) {
    mulDoubleLimbs(a0, a1, a2, a3, b0);
    return;
  }
  let p0 = 0;
  let p1 = 0;
  let p2 = 0;
  let p3 = 0;
  let p4 = 0;
  let p5 = 0;
  let q0 = 0;
  let q1 = 0;
  let q2 = 0;
  let q3 = 0;
  let q4 = 0;
  let q5 = 0;
  {
    const p_ = a0 * b0;
    let t_ = SPLITTER * a0;
    const ah = t_ - (t_ - a0);
    const al = a0 - ah;
    t_ = SPLITTER * b0;
    const bh = t_ - (t_ - b0);
    const bl = b0 - bh;
    q0 = ah * bh - p_ + ah * bl + al * bh + al * bl;
    p0 = p_;
  }
  {
    const p_ = a0 * b1;
    let t_ = SPLITTER * a0;
    const ah = t_ - (t_ - a0);
    const al = a0 - ah;
    t_ = SPLITTER * b1;
    const bh = t_ - (t_ - b1);
    const bl = b1 - bh;
    q1 = ah * bh - p_ + ah * bl + al * bh + al * bl;
    p1 = p_;
  }
  {
    const p_ = a1 * b0;
    let t_ = SPLITTER * a1;
    const ah = t_ - (t_ - a1);
    const al = a1 - ah;
    t_ = SPLITTER * b0;
    const bh = t_ - (t_ - b0);
    const bl = b0 - bh;
    q2 = ah * bh - p_ + ah * bl + al * bh + al * bl;
    p2 = p_;
  }
  {
    const p_ = a0 * b2;
    let t_ = SPLITTER * a0;
    const ah = t_ - (t_ - a0);
    const al = a0 - ah;
    t_ = SPLITTER * b2;
    const bh = t_ - (t_ - b2);
    const bl = b2 - bh;
    q3 = ah * bh - p_ + ah * bl + al * bh + al * bl;
    p3 = p_;
  }
  {
    const p_ = a1 * b1;
    let t_ = SPLITTER * a1;
    const ah = t_ - (t_ - a1);
    const al = a1 - ah;
    t_ = SPLITTER * b1;
    const bh = t_ - (t_ - b1);
    const bl = b1 - bh;
    q4 = ah * bh - p_ + ah * bl + al * bh + al * bl;
    p4 = p_;
  }
  {
    const p_ = a2 * b0;
    let t_ = SPLITTER * a2;
    const ah = t_ - (t_ - a2);
    const al = a2 - ah;
    t_ = SPLITTER * b0;
    const bh = t_ - (t_ - b0);
    const bl = b0 - bh;
    q5 = ah * bh - p_ + ah * bl + al * bh + al * bl;
    p5 = p_;
  }
  {
    let u1 = 0,
      u2 = 0,
      u3 = 0;
    {
      const s_ = p1 + p2;
      const v_ = s_ - p1;
      u2 = p1 - (s_ - v_) + (p2 - v_);
      u1 = s_;
    }
    {
      const s_ = q0 + u1;
      const v_ = s_ - q0;
      u3 = q0 - (s_ - v_) + (u1 - v_);
      p1 = s_;
    }
    {
      const s_ = u2 + u3;
      const v_ = s_ - u2;
      q0 = u2 - (s_ - v_) + (u3 - v_);
      p2 = s_;
    }
  }
  {
    let u1 = 0,
      u2 = 0,
      u3 = 0;
    {
      const s_ = p2 + q1;
      const v_ = s_ - p2;
      u2 = p2 - (s_ - v_) + (q1 - v_);
      u1 = s_;
    }
    {
      const s_ = q2 + u1;
      const v_ = s_ - q2;
      u3 = q2 - (s_ - v_) + (u1 - v_);
      p2 = s_;
    }
    {
      const s_ = u2 + u3;
      const v_ = s_ - u2;
      q2 = u2 - (s_ - v_) + (u3 - v_);
      q1 = s_;
    }
  }
  {
    let u1 = 0,
      u2 = 0,
      u3 = 0;
    {
      const s_ = p3 + p4;
      const v_ = s_ - p3;
      u2 = p3 - (s_ - v_) + (p4 - v_);
      u1 = s_;
    }
    {
      const s_ = p5 + u1;
      const v_ = s_ - p5;
      u3 = p5 - (s_ - v_) + (u1 - v_);
      p3 = s_;
    }
    {
      const s_ = u2 + u3;
      const v_ = s_ - u2;
      p5 = u2 - (s_ - v_) + (u3 - v_);
      p4 = s_;
    }
  }
  // (s0, s1, s2) = (p2, q1, q2) + (p3, p4, p5)
  let s0 = 0;
  let s1 = 0;
  let t0 = 0;
  let t1 = 0;
  {
    const s_ = p2 + p3;
    const v_ = s_ - p2;
    t0 = p2 - (s_ - v_) + (p3 - v_);
    s0 = s_;
  }
  {
    const s_ = q1 + p4;
    const v_ = s_ - q1;
    t1 = q1 - (s_ - v_) + (p4 - v_);
    s1 = s_;
  }
  let s2 = q2 + p5;
  {
    const s_ = s1 + t0;
    const v_ = s_ - s1;
    t0 = s1 - (s_ - v_) + (t0 - v_);
    s1 = s_;
  }
  s2 += t0 + t1;
  s1 += a0 * b3 + a1 * b2 + a2 * b1 + a3 * b0 + q0 + q3 + q4 + q5;
  renorm(p0, p1, s0, s1, s2);
}

/** The limbs of the last operation. */
const R = new Float64Array(4);
const result = (): QD => new QD(R[0]!, R[1]!, R[2]!, R[3]!);

function normalised(c0: number, c1: number, c2: number, c3: number, c4: number): QD {
  renorm(c0, c1, c2, c3, c4);
  return result();
}

function sum(a: QD, b: QD): QD {
  addLimbs(a.x0, a.x1, a.x2, a.x3, b.x0, b.x1, b.x2, b.x3);
  return result();
}

function productByDouble(a: QD, b: number): QD {
  mulDoubleLimbs(a.x0, a.x1, a.x2, a.x3, b);
  return result();
}

function product(a: QD, b: QD): QD {
  mulLimbs(a.x0, a.x1, a.x2, a.x3, b.x0, b.x1, b.x2, b.x3);
  return result();
}

/** Σ xᵢyᵢ, accumulated in limbs: no quad-double is made per term. */
function dot(xs: readonly QD[], ys: readonly QD[]): QD {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    // Structural zeros (a block-triangular system's empty block) cost nothing.
    if (x.x0 === 0 || y.x0 === 0) continue;
    mulLimbs(x.x0, x.x1, x.x2, x.x3, y.x0, y.x1, y.x2, y.x3);
    addLimbs(s0, s1, s2, s3, R[0]!, R[1]!, R[2]!, R[3]!);
    s0 = R[0]!;
    s1 = R[1]!;
    s2 = R[2]!;
    s3 = R[3]!;
  }
  return new QD(s0, s1, s2, s3);
}

function quotient(a: QD, b: QD): QD {
  const q0 = a.x0 / b.x0;
  let r = sum(a, productByDouble(b, -q0));
  const q1 = r.x0 / b.x0;
  r = sum(r, productByDouble(b, -q1));
  const q2 = r.x0 / b.x0;
  r = sum(r, productByDouble(b, -q2));
  const q3 = r.x0 / b.x0;
  r = sum(r, productByDouble(b, -q3));
  return normalised(q0, q1, q2, q3, r.x0 / b.x0);
}

class QD {
  static readonly precision = 62;
  readonly x0: number;
  readonly x1: number;
  readonly x2: number;
  readonly x3: number;

  /** From a number, a decimal string, a Decimal or a QD; or, with four arguments, from normalised limbs. */
  constructor(x: Operand, x1?: number, x2?: number, x3?: number) {
    if (typeof x === 'number' && x1 !== undefined) {
      this.x0 = x;
      this.x1 = x1;
      this.x2 = x2!;
      this.x3 = x3!;
      return;
    }
    const q = limbs(x);
    this.x0 = q.x0;
    this.x1 = q.x1;
    this.x2 = q.x2;
    this.x3 = q.x3;
  }

  /** The nearest quad-double to a decimal text: four successive roundings of the remainder. */
  static fromText(text: string): QD {
    let rest: Wide = new Wide(text);
    const out: number[] = [];
    for (let k = 0; k < 4; k++) {
      const limb = rest.toNumber();
      out.push(limb);
      if (limb === 0 || !Number.isFinite(limb)) break;
      rest = rest.minus(wideOf(limb));
    }
    while (out.length < 4) out.push(0);
    return normalised(out[0]!, out[1]!, out[2]!, out[3]!, 0);
  }

  /** Σ xᵢyᵢ of two equally long lists (see src/numeric/arithmetic.ts's dot). */
  static dot(xs: readonly QD[], ys: readonly QD[]): QD {
    return dot(xs, ys);
  }

  static acos(x: Operand): QD {
    const q = limbs(x);
    return q.eq(-1) ? pi() : fromWide(Wide.acos(q.wide()));
  }

  /** The exact value of the four limbs, rounded to 80 digits. */
  wide(): Wide {
    return wideOf(this.x0).plus(wideOf(this.x1)).plus(wideOf(this.x2)).plus(wideOf(this.x3));
  }

  plus(o: Operand): QD {
    return sum(this, limbs(o));
  }
  minus(o: Operand): QD {
    return sum(this, limbs(o).neg());
  }
  times(o: Operand): QD {
    return typeof o === 'number' ? productByDouble(this, o) : product(this, limbs(o));
  }
  div(o: Operand): QD {
    return quotient(this, limbs(o));
  }
  neg(): QD {
    return new QD(-this.x0, -this.x1, -this.x2, -this.x3);
  }
  abs(): QD {
    return this.x0 < 0 ? this.neg() : this;
  }
  sqrt(): QD {
    if (this.x0 === 0) return new QD(0, 0, 0, 0);
    if (this.x0 < 0) return new QD(Number.NaN, 0, 0, 0);
    // Newton on 1/√a, each step doubling the digits (53 → 106 → 212), then √a = a·(1/√a).
    let r = new QD(1 / Math.sqrt(this.x0), 0, 0, 0);
    const half = this.times(0.5);
    for (let k = 0; k < 3; k++) r = sum(r, product(r, sum(new QD(0.5, 0, 0, 0), product(half, product(r, r)).neg())));
    return product(this, r);
  }
  /** x^y: by repeated squaring for an integer y, else through decimal.js. */
  pow(o: Operand): QD {
    const y = typeof o === 'number' ? o : limbs(o).toNumber();
    if (!Number.isInteger(y) || Math.abs(y) > 2 ** 31) return fromWide(this.wide().pow(limbs(o).wide()));
    let base: QD = this;
    let out = new QD(1, 0, 0, 0);
    for (let e = Math.abs(y); e > 0; e = Math.floor(e / 2)) {
      if (e % 2 === 1) out = product(out, base);
      if (e > 1) base = product(base, base);
    }
    return y < 0 ? quotient(new QD(1, 0, 0, 0), out) : out;
  }
  cos(): QD {
    return sinCos(this).cos;
  }
  sin(): QD {
    return sinCos(this).sin;
  }
  ln(): QD {
    return logarithm(this);
  }
  log(base?: Operand): QD {
    return fromWide(this.wide().log(base === undefined ? 10 : limbs(base).wide()));
  }
  exp(): QD {
    return exponential(this);
  }
  mod(o: Operand): QD {
    return fromWide(this.wide().mod(limbs(o).wide()));
  }
  floor(): QD {
    return fromWide(this.wide().floor());
  }
  ceil(): QD {
    return fromWide(this.wide().ceil());
  }
  comparedTo(o: Operand): number {
    const d = sum(this, limbs(o).neg()).x0;
    return d > 0 ? 1 : d < 0 ? -1 : 0;
  }
  gt(o: Operand): boolean {
    return this.comparedTo(o) > 0;
  }
  gte(o: Operand): boolean {
    return this.comparedTo(o) >= 0;
  }
  lt(o: Operand): boolean {
    return this.comparedTo(o) < 0;
  }
  lte(o: Operand): boolean {
    return this.comparedTo(o) <= 0;
  }
  eq(o: Operand): boolean {
    return this.comparedTo(o) === 0;
  }
  isZero(): boolean {
    return this.x0 === 0;
  }
  isNegative(): boolean {
    return this.x0 < 0;
  }
  isPositive(): boolean {
    return this.x0 > 0;
  }
  isFinite(): boolean {
    return Number.isFinite(this.x0);
  }
  toNumber(): number {
    return this.x0 + this.x1;
  }
  toExponential(digits?: number): string {
    return this.wide().toExponential(digits);
  }
  toString(): string {
    return this.wide().toSignificantDigits(64).toString();
  }
}

function fromWide(x: Wide): QD {
  return QD.fromText(x.toString());
}

let ln2Value: QD | undefined;
const ln2 = (): QD => {
  ln2Value ??= fromWide(new Wide(2).ln());
  return ln2Value;
};

/**
 * e^x: x = k ln 2 + r with |r| ≤ ln 2 / 2, then e^(r/1024) by its Taylor series (terms below 2⁻²¹²
 * of the first) squared ten times, then the power of two.
 */
function exponential(x: QD): QD {
  if (x.x0 > 709) return new QD(Number.POSITIVE_INFINITY, 0, 0, 0);
  if (x.x0 < -745) return new QD(0, 0, 0, 0);
  const k = Math.round(x.x0 / Math.LN2);
  const r = productByDouble(sum(x, productByDouble(ln2(), -k)), 1 / 1024);
  let [total, term] = [new QD(1, 0, 0, 0), new QD(1, 0, 0, 0)];
  for (let i = 1; Math.abs(term.x0) > 1e-66; i++) {
    term = quotient(product(term, r), new QD(i, 0, 0, 0));
    total = sum(total, term);
  }
  for (let i = 0; i < 10; i++) total = product(total, total);
  // 2^k in two factors, each a double, so that neither overflows where e^x does not.
  const half = Math.trunc(k / 2);
  return productByDouble(productByDouble(total, 2 ** half), 2 ** (k - half));
}

/** ln a by Newton's method on e^x = a from the double's logarithm: x ← x + a e^(−x) − 1, three steps (53 → 106 → 212 bits). */
function logarithm(a: QD): QD {
  if (a.x0 <= 0) return new QD(a.x0 === 0 ? Number.NEGATIVE_INFINITY : Number.NaN, 0, 0, 0);
  let x = new QD(Math.log(a.x0), 0, 0, 0);
  for (let i = 0; i < 3; i++) x = sum(sum(x, product(a, exponential(x.neg()))), new QD(-1, 0, 0, 0));
  return x;
}

let piValue: QD | undefined;
const pi = (): QD => {
  piValue ??= fromWide(Wide.acos(-1));
  return piValue;
};

/**
 * sin x and cos x: x reduced by the nearest multiple of π/2 (in quad-double, so a few digits are
 * lost per decade of |x| above 1; the solvers' phases are below a few hundred), then both Taylor
 * series on |r| ≤ π/4, to the term below 2⁻²¹² of the first.
 */
function sinCos(x: QD): { sin: QD; cos: QD } {
  const halfPi = pi().times(0.5);
  const k = Math.round(x.x0 / halfPi.x0);
  const r = sum(x, productByDouble(halfPi, -k));
  const minusR2 = product(r, r).neg();
  let [s, c] = [r, new QD(1, 0, 0, 0)];
  let [sTerm, cTerm] = [r, new QD(1, 0, 0, 0)];
  for (let i = 1; Math.abs(sTerm.x0) + Math.abs(cTerm.x0) > 1e-66; i++) {
    cTerm = quotient(product(cTerm, minusR2), new QD((2 * i - 1) * 2 * i, 0, 0, 0));
    sTerm = quotient(product(sTerm, minusR2), new QD(2 * i * (2 * i + 1), 0, 0, 0));
    c = sum(c, cTerm);
    s = sum(s, sTerm);
  }
  const quadrant = ((k % 4) + 4) % 4;
  return [
    { sin: s, cos: c },
    { sin: c, cos: s.neg() },
    { sin: s.neg(), cos: c.neg() },
    { sin: c.neg(), cos: s },
  ][quadrant]!;
}

/** Quad-double arithmetic typed as a Decimal constructor for the solvers; it implements the subset they call. */
export const QuadDoubleContext = QD as unknown as DecimalConstructor;

/** The most working digits quad-double arithmetic is used for (its own are about 62; the rest is margin for rounding the solvers amplify). */
export const QUAD_DOUBLE_MAX_DIGITS = 56;
