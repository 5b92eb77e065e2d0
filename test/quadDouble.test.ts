import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalContext, type Dec } from '../src/numeric/context.ts';
import { QuadDoubleContext as Q } from '../src/numeric/quadDouble.ts';

// The reference: decimal.js at 90 digits, far beyond quad-double's 62.
const W = decimalContext(90);
const digitsOf = (x: Dec, exact: Dec, scale: Dec = exact.abs()) => {
  const gap = new W(x.toString()).minus(exact).abs();
  return gap.isZero() ? 90 : gap.div(scale).log(10).neg().toNumber();
};
// A decimal text of 40 significant digits and an exponent within ±30: more digits than a double holds, fewer than a quad-double.
const text = fc
  .tuple(fc.boolean(), fc.stringMatching(/^[1-9][0-9]{39}$/), fc.integer({ min: -30, max: 30 }))
  .map(([negative, digits, exponent]) => `${negative ? '-' : ''}${digits[0]}.${digits.slice(1)}e${exponent}`);

describe('quad-double arithmetic against decimal.js at 90 digits', () => {
  it('a decimal text reads to 62 significant digits and prints back', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(digitsOf(new Q(t), new W(t))).toBeGreaterThan(62);
      }),
    );
  });

  it('×, ÷ and √ hold 62 significant digits of the result; + and − 62 digits of the larger operand (the sloppy sum)', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const [qa, qb, wa, wb] = [new Q(a), new Q(b), new W(a), new W(b)];
        const larger = wa.abs().gt(wb.abs()) ? wa.abs() : wb.abs();
        expect(digitsOf(qa.plus(qb), wa.plus(wb), larger)).toBeGreaterThan(62);
        expect(digitsOf(qa.minus(qb), wa.minus(wb), larger)).toBeGreaterThan(62);
        expect(digitsOf(qa.times(qb), wa.times(wb))).toBeGreaterThan(62);
        expect(digitsOf(qa.times(3), wa.times(3))).toBeGreaterThan(62);
        expect(digitsOf(qa.div(qb), wa.div(wb))).toBeGreaterThan(62);
        expect(digitsOf(qa.abs().sqrt(), wa.abs().sqrt())).toBeGreaterThan(62);
        expect(qa.lt(qb)).toBe(wa.lt(wb));
      }),
    );
  });

  it('cos and sin of phases up to 200 to 10⁻⁵⁹, π to 63 digits, ln and exp (of x in ±[1, 100)) to 60, and integer powers', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9][0-9]{39}$/), fc.integer({ min: -200, max: 200 }), (digits, whole) => {
        const t = `${whole}.${digits}`;
        expect(digitsOf(new Q(t).cos(), new W(t).cos(), new W(1))).toBeGreaterThan(59);
        expect(digitsOf(new Q(t).sin(), new W(t).sin(), new W(1))).toBeGreaterThan(59);
      }),
      { numRuns: 40 },
    );
    expect(digitsOf(Q.acos(-1), W.acos(-1))).toBeGreaterThan(63);
    fc.assert(
      fc.property(text, (t) => {
        const x = new W(t).abs();
        expect(digitsOf(new Q(x.toString()).ln(), x.ln(), x.ln().abs().plus(1))).toBeGreaterThan(61);
        const y = new W(t).div(new W(10).pow(new W(t).abs().log(10).floor().toNumber() - 1));
        expect(digitsOf(new Q(y.toString()).exp(), y.exp())).toBeGreaterThan(60);
      }),
      { numRuns: 60 },
    );
    expect(digitsOf(new Q('1.1').pow(-37), new W('1.1').pow(-37))).toBeGreaterThan(61);
  });
});
