/** Symmetries that must leave S and E_N alone: swapping the oscillators, rotating both frames, rescaling every rate. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseTwoMode } from '../src/entanglement/analysis.ts';
import { agreeingDigits, decimalContext } from '../src/numeric/context.ts';
import { dmul, dtranspose, type DMatrix } from '../src/numeric/matrix.ts';
import { Rational } from '../src/exact/rational.ts';
import { solve } from '../src/index.ts';
import { belowFraction, modelOneDraw, modelOneParameters, runs } from './arbitraries.ts';

const D = decimalContext(40);

function transform(v: DMatrix, t: DMatrix): DMatrix {
  return dmul(dmul(t, v), dtranspose(t));
}

describe('invariances of S and E_N', () => {
  it('swapping the oscillators and rotating both frames by the same angle', () => {
    fc.assert(
      fc.property(modelOneDraw(belowFraction), fc.integer({ min: 0, max: 359 }), (d, degrees) => {
        const v = solve('modulated', modelOneParameters(d), { digits: 40 }).conditional!.covariance;
        const base = analyseTwoMode(40, v);
        const z = new D(0);
        const o = new D(1);
        const swap = [
          [z, z, o, z],
          [z, z, z, o],
          [o, z, z, z],
          [z, o, z, z],
        ];
        const theta = D.acos(-1).times(degrees).div(180);
        const [c, s] = [D.cos(theta), D.sin(theta)];
        const rotate = [
          [c, s, z, z],
          [s.neg(), c, z, z],
          [z, z, c, s],
          [z, z, s.neg(), c],
        ];
        for (const t of [swap, rotate]) {
          const moved = analyseTwoMode(40, transform(v, t));
          expect(agreeingDigits(moved.logNegativity.plus(1), base.logNegativity.plus(1), 40)).toBeGreaterThanOrEqual(30);
          expect(agreeingDigits(moved.S, base.S, 40)).toBeGreaterThanOrEqual(30);
        }
      }),
      runs(0.2),
    );
  });

  it('rescaling γ, Δ, χ and μ by one factor leaves S and E_N unchanged (rates only set the time unit)', () => {
    fc.assert(
      fc.property(
        modelOneDraw(belowFraction),
        fc.integer({ min: 2, max: 40 }).map((n) => Rational.of(n, 4)),
        (d, k) => {
          const p = modelOneParameters(d);
          const scaled = Object.fromEntries(
            Object.entries(p).map(([name, x]) => [name, ['gamma', 'delta', 'chi', 'mu'].includes(name) ? Rational.parse(x).mul(k).toDecimalString() : x]),
          );
          const a = solve('modulated', p, { digits: 40 }).analysis!;
          const b = solve('modulated', scaled, { digits: 40 }).analysis!;
          expect(agreeingDigits(a.S, b.S, 40)).toBeGreaterThanOrEqual(35);
          expect(agreeingDigits(a.logNegativity.plus(1), b.logNegativity.plus(1), 40)).toBeGreaterThanOrEqual(35);
        },
      ),
      runs(0.2),
    );
  });
});
