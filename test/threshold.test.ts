/** The regime decided exactly, and what solve reports at, near and beyond the threshold. */
import { describe, expect, it } from 'vitest';
import { RationalFunction } from '../src/exact/rationalFunction.ts';
import { stabilityRegime } from '../src/gaussian/regime.ts';
import { agreeingDigits } from '../src/numeric/context.ts';
import { solveModel } from '../src/app/solve.ts';
import { resolveParameters } from '../src/models/parameters.ts';
import { solutionJson } from '../src/app/solveReport.ts';

const exact = (rows: number[][]) => rows.map((r) => r.map((x) => RationalFunction.from(x)));

describe('stabilityRegime', () => {
  it('reads below, at and above threshold off the eigenvalues exactly', () => {
    expect(
      stabilityRegime(
        exact([
          [-1, 0],
          [0, -2],
        ]),
      ),
    ).toBe('below-threshold');
    expect(
      stabilityRegime(
        exact([
          [0, 1],
          [-1, 0],
        ]),
      ),
    ).toBe('at-threshold'); // ±i
    expect(
      stabilityRegime(
        exact([
          [0, 0],
          [0, -1],
        ]),
      ),
    ).toBe('at-threshold'); // 0, −1
    expect(
      stabilityRegime(
        exact([
          [-1, 3],
          [0, -1],
        ]),
      ),
    ).toBe('below-threshold');
    expect(
      stabilityRegime(
        exact([
          [1, 0],
          [0, -5],
        ]),
      ),
    ).toBe('above-threshold');
    expect(
      stabilityRegime(
        exact([
          [-1, 2],
          [2, -1],
        ]),
      ),
    ).toBe('above-threshold'); // 1, −3
    // Model one's (X₊, Y₊) block (7) at γ = 7, Δ = 24, χ = 25: eigenvalues −γ ± √(χ² − Δ²) = 0, −14.
    expect(
      stabilityRegime(
        exact([
          [-7, -1],
          [-49, -7],
        ]),
      ),
    ).toBe('at-threshold');
  });

  it('refuses a drift that still holds a parameter', () => {
    expect(() => stabilityRegime([[RationalFunction.symbol('γ', { ascii: 'gamma', positive: true })]])).toThrow(/numeric entries/);
  });
});

describe('solve at and near the threshold', () => {
  const at = (model: 'modulated' | 'constant', shift: string, chi: string, mu: string, digits = 30) =>
    solveModel(resolveParameters(model, { gamma: '7', [model === 'modulated' ? 'delta' : 'coupling']: shift, chi, nbar: '5', mu }), digits);

  it('exactly at threshold (γ, Δ, χ) = (7, 24, 25): the conditional numbers under the usual keys, no unconditional state', () => {
    for (const model of ['modulated', 'constant'] as const) {
      const s = at(model, '24', '25', '5');
      expect(s.regime).toBe('at-threshold');
      const j = solutionJson(s);
      expect(j.regime).toBe('at-threshold');
      for (const key of ['covariance', 'S', 'logNegativity', 'expMinusLogNegativity', 'residual']) expect(j[key], `${model} ${key}`).toBeDefined();
      expect(j.unconditionalCovariance).toBeUndefined();
      expect(j.conditionalAboveThreshold).toBeUndefined();
      expect((j.notes as string[]).join(' ')).toMatch(/real part exactly 0/);
      if (model === 'constant') expect(j.S_UV).toBeDefined();
    }
  });

  it('at threshold with nothing measured: a clear "no steady state", no numbers', () => {
    const s = at('modulated', '24', '25', '0');
    expect(s.conditional).toBeUndefined();
    expect(solutionJson(s).S).toBeUndefined();
    expect(s.notes.join(' ')).toMatch(/no steady state/);
  });

  it('within 1e-40 of the threshold on either side, both models, with and without measurement: no crash, and the digits hold', () => {
    for (const model of ['modulated', 'constant'] as const) {
      for (const chi of ['24.9999999999999999999999999999999999999999', '25.0000000000000000000000000000000000000001']) {
        for (const mu of ['0', '1']) {
          const expected = chi.startsWith('24') ? 'below-threshold' : 'above-threshold';
          const s = at(model, '24', chi, mu, 20);
          expect(s.regime).toBe(expected);
          if (mu === '0' && expected === 'above-threshold') {
            expect(s.conditional).toBeUndefined();
            continue;
          }
          // The same point at 40 more digits: every printed number agrees to the 20 asked for.
          const fine = at(model, '24', chi, mu, 60);
          const a = s.analysis!;
          const b = fine.analysis!;
          for (const [x, y] of [
            [a.S, b.S],
            [a.vAlphaPlus, b.vAlphaPlus],
            [s.conditional!.covariance[0]![0]!, fine.conditional!.covariance[0]![0]!],
          ] as const) {
            expect(x.isFinite()).toBe(true);
            expect(agreeingDigits(x, y, 20), `${model} χ = ${chi} μ = ${mu}`).toBeGreaterThanOrEqual(19);
          }
          expect(a.logNegativity.isFinite()).toBe(true);
          expect(a.logNegativity.minus(b.logNegativity).abs().lte('1e-19')).toBe(true);
        }
      }
    }
  }, 60_000);

  it('with μ = 0 below threshold the conditional covariance is the unconditional one', () => {
    const s = at('modulated', '24', '24.9999999999999999999999999999999999999999', '0', 20);
    const scale = s.unconditional!.covariance[0]![0]!.abs();
    for (const [i, row] of s.conditional!.covariance.entries())
      for (const [j, x] of row.entries()) expect(x.minus(s.unconditional!.covariance[i]![j]!).abs().lte(scale.times('1e-19'))).toBe(true);
  });
});
