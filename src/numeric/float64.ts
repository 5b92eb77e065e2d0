/**
 * IEEE doubles behind the part of decimal.js's interface that the steady-state solvers use, so the
 * same code runs in fast double precision: Newton-Kleinman's first steps (a starting point for the
 * Decimal iteration), and periodic states asked for at 15 digits or fewer (the ledger's lab-frame
 * claims, which print three), where harmonic balance in doubles agrees with Decimal to about 10⁻¹⁰
 * (test/beyondRwa.test.ts measures it).
 */
import type { DecimalConstructor } from './context.ts';

type Operand = F64 | number | string;
const value = (x: Operand): number => (x instanceof F64 ? x.v : Number(x));

class F64 {
  static readonly precision = 16;
  readonly v: number;
  constructor(x: Operand | { toNumber(): number }) {
    this.v = typeof x === 'object' && !(x instanceof F64) ? x.toNumber() : value(x as Operand);
  }
  plus(o: Operand) {
    return new F64(this.v + value(o));
  }
  minus(o: Operand) {
    return new F64(this.v - value(o));
  }
  times(o: Operand) {
    return new F64(this.v * value(o));
  }
  div(o: Operand) {
    return new F64(this.v / value(o));
  }
  neg() {
    return new F64(-this.v);
  }
  abs() {
    return new F64(Math.abs(this.v));
  }
  sqrt() {
    return new F64(Math.sqrt(this.v));
  }
  cos() {
    return new F64(Math.cos(this.v));
  }
  sin() {
    return new F64(Math.sin(this.v));
  }
  ln() {
    return new F64(Math.log(this.v));
  }
  mod(o: Operand) {
    return new F64(this.v % value(o));
  }
  /** Σ xᵢyᵢ over xs (see src/numeric/matrix.ts's dot), on the numbers: no F64 per term. */
  static dot(xs: readonly F64[], ys: readonly F64[]) {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += xs[i]!.v * ys[i]!.v;
    return new F64(s);
  }
  static acos(x: Operand) {
    return new F64(Math.acos(value(x)));
  }
  pow(o: Operand) {
    return new F64(this.v ** value(o));
  }
  gt(o: Operand) {
    return this.v > value(o);
  }
  gte(o: Operand) {
    return this.v >= value(o);
  }
  lt(o: Operand) {
    return this.v < value(o);
  }
  lte(o: Operand) {
    return this.v <= value(o);
  }
  isZero() {
    return this.v === 0;
  }
  isFinite() {
    return Number.isFinite(this.v);
  }
  isNegative() {
    return this.v < 0;
  }
  isPositive() {
    return this.v > 0;
  }
  comparedTo(o: Operand) {
    return Math.sign(this.v - value(o));
  }
  toNumber() {
    return this.v;
  }
  toString() {
    return String(this.v);
  }
}

/** Typed as a Decimal constructor for the solvers; it implements the subset they call. */
export const Float64Context = F64 as unknown as DecimalConstructor;
