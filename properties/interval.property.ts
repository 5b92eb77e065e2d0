/**
 * Interval arithmetic contains the exact result: + − × ÷ against exact rationals, √ by squaring
 * the ends exactly, ln and exp against a run at three times the digits; and its ends are tight
 * (no wider than a few units in the last place).
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../src/exact/rational.ts';
import { type Interval, intervalArithmetic } from '../src/numeric/interval.ts';
import { runs } from './arbitraries.ts';

const DIGITS = 20;
const I = intervalArithmetic(DIGITS);
const exactOf = (d: Decimal) => Rational.parse(d.toFixed());
/** A rational with numerator and denominator up to 10^30: most are not representable in 20 digits. */
const rational = fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 30n })).map(([n, d]) => Rational.of(n, d));
const nonZero = rational.filter((r) => !r.isZero());
const contains = (a: Interval, x: Rational) => exactOf(a.lo).compare(x) <= 0 && x.compare(exactOf(a.hi)) <= 0;
/** The width in units of the last place of the larger end: tight ends are a few units apart. */
const ulps = (a: Interval) => {
  const scale = Decimal.max(a.lo.abs(), a.hi.abs());
  return scale.isZero()
    ? 0
    : new Decimal(a.hi)
        .minus(a.lo)
        .div(
          new Decimal(10).pow(
            scale
              .log(10)
              .floor()
              .minus(DIGITS - 1),
          ),
        )
        .toNumber();
};

describe('interval arithmetic', () => {
  it('+, −, ×, ÷ of exact rationals contain the exact result, within a few units in the last place', () => {
    fc.assert(
      fc.property(rational, nonZero, (x, y) => {
        const [a, b] = [I.exact(x), I.exact(y)];
        const width = (r: Interval) => new Decimal(r.hi).minus(r.lo);
        for (const [result, exact, tight] of [
          // A sum is as wide as its operands together (cancellation makes that many units of the result), plus its own rounding.
          [I.add(a, b), x.add(y), width(I.add(a, b)).lte(width(a).plus(width(b)).times(2)) || ulps(I.add(a, b)) <= 4],
          [I.sub(a, b), x.sub(y), width(I.sub(a, b)).lte(width(a).plus(width(b)).times(2)) || ulps(I.sub(a, b)) <= 4],
          // A product or quotient is a few units wide, relative to itself.
          [I.mul(a, b), x.mul(y), ulps(I.mul(a, b)) <= 25],
          [I.div(a, b), x.div(y), ulps(I.div(a, b)) <= 25],
        ] as const) {
          expect(contains(result, exact)).toBe(true);
          expect(tight).toBe(true);
        }
      }),
      runs(1),
    );
  });
  it('√ contains the exact root: lo² ≤ x ≤ hi², exactly', () => {
    fc.assert(
      fc.property(rational, (x) => {
        const r = I.sqrt(I.exact(x.abs()));
        expect(exactOf(r.lo).mul(exactOf(r.lo)).compare(x.abs())).toBeLessThanOrEqual(0);
        expect(exactOf(r.hi).mul(exactOf(r.hi)).compare(x.abs())).toBeGreaterThanOrEqual(0);
      }),
      runs(1),
    );
  });
  it('ln and exp contain the value computed at three times the digits', () => {
    const Fine = Decimal.clone({ precision: 3 * DIGITS });
    fc.assert(
      fc.property(
        nonZero.map((r) => r.abs()),
        fc.integer({ min: -200, max: 200 }).map((k) => Rational.of(k, 7)),
        (x, y) => {
          const fine = (r: Rational) => new Fine(r.num.toString()).div(r.den.toString());
          const ln = I.ln(I.exact(x));
          expect(ln.lo.lte(fine(x).ln()) && fine(x).ln().lte(ln.hi)).toBe(true);
          const exp = I.exp(I.exact(y));
          expect(exp.lo.lte(fine(y).exp()) && fine(y).exp().lte(exp.hi)).toBe(true);
          // Tight up to the condition of exp: |y| units from the operand's own last place.
          expect(ulps(exp)).toBeLessThanOrEqual(12 + 10 * Math.abs(y.toNumber()));
        },
      ),
      runs(1),
    );
  });
  it('atan2 of a box clear of the origin and the negative x-axis holds the angle of every point in it (corners and a point inside)', () => {
    const Fine = Decimal.clone({ precision: 3 * DIGITS });
    const fine = (r: Rational) => new Fine(r.num.toString()).div(r.den.toString());
    fc.assert(
      fc.property(
        rational,
        rational,
        rational,
        rational,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (y1, y2, x1, x2, s, t) => {
          const [ylo, yhi] = y1.compare(y2) <= 0 ? [y1, y2] : [y2, y1];
          const [xlo, xhi] = x1.compare(x2) <= 0 ? [x1, x2] : [x2, x1];
          const y = { lo: I.exact(ylo).lo, hi: I.exact(yhi).hi };
          const x = { lo: I.exact(xlo).lo, hi: I.exact(xhi).hi };
          const crosses = !x.lo.gt(0) && !y.lo.gt(0) && !y.hi.lt(0);
          if (crosses) {
            expect(() => I.atan2(y, x)).toThrow(/origin or crosses/);
            return;
          }
          const angle = I.atan2(y, x);
          const inside = (a: Rational, b: Rational, f: number) => a.add(b.sub(a).mul(Rational.parse(f.toFixed(6))));
          for (const [py, px] of [
            [ylo, xlo],
            [yhi, xhi],
            [ylo, xhi],
            [yhi, xlo],
            [inside(ylo, yhi, s), inside(xlo, xhi, t)],
          ] as const) {
            const exact = Fine.atan2(fine(py), fine(px));
            expect(angle.lo.lte(exact) && exact.lte(angle.hi)).toBe(true);
          }
        },
      ),
      runs(1),
    );
  });
  it('comparisons decide only what the intervals decide; a division by an interval holding 0, √ and ln of negatives are refused', () => {
    const [one, two, third] = [I.of('1'), I.of('2'), I.exact(Rational.of(1, 3))];
    expect(I.lt(one, two)).toBe(true);
    expect(I.lt(two, one)).toBe(false);
    const threeThirds = I.mul(third, I.of('3'));
    expect(I.contains(threeThirds, new Decimal(1))).toBe(true);
    expect(I.lt(threeThirds, one)).toBeUndefined();
    expect(() => I.div(one, I.sub(threeThirds, one))).toThrow(/contains 0/);
    expect(() => I.sqrt(I.of('-1e-30'))).toThrow(/below 0/);
    expect(() => I.ln(I.of('0'))).toThrow(/reaches 0/);
  });
});
