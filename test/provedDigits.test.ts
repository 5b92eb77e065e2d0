/** Printing an enclosure: exactly the digits both its ends round to (trailing zeros kept), the point 0 as 0, and an interval that holds 0 as itself. */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { provedDigits, provedString } from '../src/app/solveReport.ts';

const D = Decimal.clone({ precision: 100 });
const iv = (lo: string, hi: string) => ({ lo: new D(lo), hi: new D(hi) });

describe('proved digits', () => {
  it('counts the digits both ends round to, and prints the true value correctly rounded to them', () => {
    expect(provedDigits(iv('0.71532360526536070155', '0.71532360526536070162'))).toBe(19);
    expect(provedString(iv('0.71532360526536070155', '0.71532360526536070162'))).toBe('0.7153236052653607016');
    // Ends either side of a rounding boundary: 0.1249 and 0.1251 agree at 3 digits (0.125), not at 2.
    expect(provedString(iv('0.1249', '0.1251'))).toBe('0.125');
    expect(provedString(iv('-2.50000000001e-61', '-2.49999999999e-61'))).toBe('-2.5000000000e-61');
    // Trailing zeros are proved digits: an enclosure of width 10⁻²⁰ around ½ prints 20 of them, an exact ½ as 0.5.
    expect(provedString(iv('0.500000000000000000001', '0.500000000000000000002'))).toBe('0.50000000000000000000');
    expect(provedString(iv('0.5', '0.5'))).toBe('0.5');
    expect(provedString(iv('1234.4', '1234.6'))).toBe('1.23e+3');
  });
  it('a point is exact; the point 0 prints as 0; an interval holding 0 prints as the interval, never a digit', () => {
    expect(provedDigits(iv('0.5', '0.5'))).toBe(Number.POSITIVE_INFINITY);
    expect(provedString(iv('0', '0'))).toBe('0');
    expect(provedString(iv('0', '1.23456789e-150'))).toBe('[0, 1.23457e-150]');
    expect(provedString(iv('-1e-70', '2e-70'))).toBe('[-1e-70, 2e-70]');
    expect(provedDigits(iv('0.9', '2'))).toBe(0);
  });
});
