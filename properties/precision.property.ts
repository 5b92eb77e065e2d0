/**
 * Every number solve prints holds the digits it claims: at parameter scales from 1e-30 to 1e30
 * and within 1e-40 of the threshold, in every model, what is printed at d digits agrees with a
 * run at d + 20 to d digits (one unit in the last place for the rounding of the print), or the
 * solve refuses with a PrecisionError.
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { decimalContext } from '../src/numeric/context.ts';
import { PrecisionError, solutionJson, solve, type ModelName, type ModelParameters } from '../src/index.ts';
import { runs } from './arbitraries.ts';

const DIGITS = 20;
const D = decimalContext(80);
/** 10^k, k uniform in [−30, 30] with two decimals: log-uniform scales. */
const scale = fc.integer({ min: -3000, max: 3000 }).map((k) =>
  new D(10)
    .pow(k / 100)
    .toSignificantDigits(6)
    .toString(),
);
const fraction = fc.integer({ min: 1, max: 99 }).map((n) => (n / 100).toString());
/** −1, 0 or +1 times 1e-40 of the threshold, or a fraction of it. */
const place = fc.oneof(fc.constantFrom('below', 'at', 'above'), fraction);

function chiNear(threshold: Decimal, where: string): string {
  const shift = where === 'below' ? -1 : where === 'above' ? 1 : 0;
  const value = where === 'below' || where === 'at' || where === 'above' ? threshold.times(new D(1).plus(new D(shift).times('1e-40'))) : threshold.times(where);
  return value.toSignificantDigits(60).toString();
}

const draw = fc.record({
  model: fc.constantFrom('modulated', 'constant', 'single', 'bae'),
  gamma: scale,
  shift: scale,
  nbar: scale,
  mu: scale,
  eta: fraction,
  place,
});
type Draw = typeof draw extends fc.Arbitrary<infer T> ? T : never;

function parameters(d: Draw): ModelParameters {
  const th = new D(d.gamma).pow(2).plus(new D(d.shift).pow(2)).sqrt();
  const common = { gamma: d.gamma, nbar: d.nbar, mu: d.mu, eta: d.eta };
  if (d.model === 'bae') return common;
  return { ...common, [d.model === 'constant' ? 'coupling' : 'delta']: d.shift, chi: chiNear(th, d.place) };
}

/** The printed numbers of a solution, each with the scale its d digits are relative to. */
function printed(j: Record<string, unknown>): Map<string, { value: Decimal; scale: Decimal }> {
  const out = new Map<string, { value: Decimal; scale: Decimal }>();
  const cov = j.covariance as string[][] | undefined;
  if (cov) {
    const largest = Decimal.max(...cov.flat().map((x) => new D(x).abs()));
    for (const [i, row] of cov.entries()) for (const [k, x] of row.entries()) out.set(`V${i}${k}`, { value: new D(x), scale: largest });
  }
  for (const key of ['S', 'S_UV', 'expMinusLogNegativity'])
    if (typeof j[key] === 'string') out.set(key, { value: new D(j[key] as string), scale: new D(j[key] as string).abs() });
  if (typeof j.logNegativity === 'string')
    out.set('logNegativity', { value: new D(j.logNegativity), scale: Decimal.max(new D(j.logNegativity).abs(), new D(10).pow(-DIGITS)) });
  return out;
}

describe('precision follows conditioning', () => {
  it(`S, E_N and the covariance printed at ${DIGITS} digits agree with ${DIGITS + 20} digits, at scales 1e-30 … 1e30 and within 1e-40 of the threshold`, () => {
    fc.assert(
      fc.property(draw, (d) => {
        const p = parameters(d);
        let coarse: Record<string, unknown>;
        try {
          coarse = solutionJson(solve(d.model as ModelName, p, { digits: DIGITS }));
        } catch (err) {
          expect(err).toBeInstanceOf(PrecisionError);
          return;
        }
        const fine = solutionJson(solve(d.model as ModelName, p, { digits: DIGITS + 20 }));
        expect(coarse.regime).toBe(fine.regime);
        const [a, b] = [printed(coarse), printed(fine)];
        expect([...a.keys()]).toEqual([...b.keys()]);
        for (const [key, { value, scale: size }] of a) {
          const other = b.get(key)!.value;
          expect(value.isFinite(), key).toBe(true);
          // One unit in the last printed place: the coarse print rounds a value the fine run has to more digits.
          expect(
            value
              .minus(other)
              .abs()
              .lte(size.times(new D(10).pow(1 - DIGITS))),
            `${key}: ${value} vs ${other}`,
          ).toBe(true);
        }
      }),
      runs(0.15),
    );
  }, 300_000);
});
