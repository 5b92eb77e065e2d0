/**
 * The symplectic spectrum enclosure of any number of modes (src/entanglement/symplecticEnclosure.ts):
 * a thermal state of three modes (ν = 0.7, 1.5, 3.25) moved by a squeezer and a beam splitter with
 * exact entries keeps its symplectic spectrum, which the enclosures must hold and nearly pin; a
 * matrix that is not positive definite is refused; a two-mode squeezed vacuum's E_N is ln of its
 * squeezing, enclosed through the Loewner points of a box around it.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { bipartitionLogNegativityEnclosure, symplecticSpectrumOfPoint } from '../src/entanglement/symplecticEnclosure.ts';
import { intervalArithmetic } from '../src/numeric/interval.ts';
import { twoModeSqueezedVacuum } from './support/states.ts';

const D = Decimal.clone({ precision: 80 });
const mul = (a: Decimal[][], b: Decimal[][]) => a.map((row) => b[0]!.map((_, j) => row.reduce((s, x, k) => s.plus(x.times(b[k]![j]!)), new D(0))));
const transpose = (a: Decimal[][]) => a[0]!.map((_, j) => a.map((row) => row[j]!));
const matrix = (rows: Array<Array<number | string>>) => rows.map((row) => row.map((x) => new D(x)));

describe('the symplectic spectrum enclosure', () => {
  it('a squeezed, beam-split thermal state of three modes: each enclosure holds its ν (0.7, 1.5, 3.25) and is narrower than 10⁻⁴⁰', () => {
    const thermal = matrix([
      [0.7, 0, 0, 0, 0, 0],
      [0, 0.7, 0, 0, 0, 0],
      [0, 0, 1.5, 0, 0, 0],
      [0, 0, 0, 1.5, 0, 0],
      [0, 0, 0, 0, 3.25, 0],
      [0, 0, 0, 0, 0, 3.25],
    ]);
    // A squeezer diag(2, ½) on mode 1 and a beam splitter (cos, sin) = (0.6, 0.8) between modes 2 and 3: both symplectic.
    const S = matrix([
      [2, 0, 0, 0, 0, 0],
      [0, 0.5, 0, 0, 0, 0],
      [0, 0, 0.6, 0, 0.8, 0],
      [0, 0, 0, 0.6, 0, 0.8],
      [0, 0, -0.8, 0, 0.6, 0],
      [0, 0, 0, -0.8, 0, 0.6],
    ]);
    const v = mul(mul(S, thermal), transpose(S));
    const nus = symplecticSpectrumOfPoint(intervalArithmetic(60), v)!;
    for (const [k, nu] of ['0.7', '1.5', '3.25'].entries()) {
      expect(nus[k]!.lo.lte(nu) && nus[k]!.hi.gte(nu), `ν${k} = ${nu} in [${nus[k]!.lo}, ${nus[k]!.hi}]`).toBe(true);
      expect(nus[k]!.hi.minus(nus[k]!.lo).lt('1e-40')).toBe(true);
    }
    expect(
      symplecticSpectrumOfPoint(
        intervalArithmetic(60),
        matrix([
          [1, 2],
          [2, 1],
        ]),
      ),
    ).toBeUndefined();
  });
  it('a two-mode squeezed vacuum (cosh 2r = 5/4): E_N = 2r = ln 2 from a box of radius 10⁻³⁰ around it, and the other side gives the same', () => {
    // cosh 2r = 5/4, sinh 2r = 3/4: e^(−2r) = 1/2, so 2r = ln 2.
    const v = twoModeSqueezedVacuum(new D('0.625'), new D('0.375'));
    const I = intervalArithmetic(50);
    const box = v.map((row) => row.map((x) => ({ lo: x.minus('1e-30'), hi: x.plus('1e-30') })));
    const ln2 = new D(2).ln();
    for (const part of [[0], [1]]) {
      const e = bipartitionLogNegativityEnclosure(I, box, part)!;
      expect(e.lo.lte(ln2) && ln2.lte(e.hi), `E_N in [${e.lo}, ${e.hi}]`).toBe(true);
      expect(e.hi.minus(e.lo).lt('1e-28')).toBe(true);
    }
  });
});
