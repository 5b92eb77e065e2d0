/**
 * Model files at the limit of eight modes, certified: four uncoupled copies of model one, each pair
 * with its own drive, so that E_N of each oscillator against the other seven is model one's −ln S
 * from the closed form (16)-(18) typed independently in test/support, and a pair against the rest
 * is a product state (E_N proved 0); and models/ring-of-eight.yaml, whose eight oscillators are
 * alike by its symmetry, and whose threshold is that of a ring of two-mode drives.
 */
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { solveCertified } from '../../src/app/certifiedSolve.ts';
import { solutionJson } from '../../src/app/solveReport.ts';
import { loadModelFile, resolveFileParameters } from '../../src/models/modelFile.ts';
import { independentS } from '../support/independentClosedForms.ts';

const Fine = Decimal.clone({ precision: 200 });
type Json = Record<string, unknown> & { enclosures: Record<string, [string, string]>; certified: boolean; bipartitions: Array<{ logNegativity: string }> };

const pairs = [
  ['a', 'b', 'chi1'],
  ['c', 'd', 'chi2'],
  ['e', 'f', 'chi3'],
  ['g', 'h', 'chi4'],
] as const;
const modes = pairs.flatMap((pair) => pair.slice(0, 2));
const FOUR_COPIES = [
  `modes: [${modes.join(', ')}]`,
  'parameters:',
  '  gamma: "> 0"',
  '  delta: real',
  ...pairs.map(([, , chi]) => `  ${chi}: ">= 0"`),
  '  nbar: ">= 0"',
  '  mu: ">= 0"',
  `hamiltonian: "${[...modes.map((m) => `delta*${m}d*${m}`), ...pairs.map(([x, y, chi]) => `${chi}*(${x}*${y} + ${x}d*${y}d)`)].join(' + ')}"`,
  'dissipators:',
  ...modes.flatMap((m) => [`  - { rate: "2*gamma*(nbar + 1)", jump: ${m} }`, `  - { rate: "2*gamma*nbar", jump: ${m}d }`]),
  'measurements:',
  ...modes.flatMap((m) => [`  - { operator: X_${m}, strength: mu, efficiency: 1 }`, `  - { operator: Y_${m}, strength: mu, efficiency: 1 }`]),
  'bipartitions: [[a], [c], [e], [g], [a, b]]',
  '',
].join('\n');

describe('eight modes, certified', () => {
  it("four uncoupled copies of model one (χ = 25, 22, 20, 15; Δ = 30, N = 5, μ = 5): E_N(one oscillator | the other seven) is each copy's max(0, −ln S) of the closed form, in its enclosure and printed to 30 digits, or 0 where S > 1; a pair against the rest prints 0", () => {
    const model = loadModelFile(FOUR_COPIES, 'four-copies.yaml');
    const chis = ['25', '22', '20', '15'];
    const point = resolveFileParameters(
      model,
      { gamma: '1', delta: '30', nbar: '5', mu: '5', ...Object.fromEntries(chis.map((c, k) => [`chi${k + 1}`, c])) },
      (k) => k,
    );
    const j = solutionJson(solveCertified(point, 30)) as Json;
    expect(j.certified).toBe(true);
    for (const [k, chi] of chis.entries()) {
      // E_N = max(0, −ln S) for these symmetric states: χ = 15 is not entangled at μ = 5.
      const expected = Decimal.max(0, new Fine(independentS('1', '30', chi, '5', '5', '1', 80)).ln().neg()) as Decimal;
      if (expected.isZero()) {
        expect(j.bipartitions[k]!.logNegativity, `χ = ${chi}`).toBe('0');
        continue;
      }
      // The closed form holds 80 digits; the enclosure may be far narrower (here the conditional
      // state is rational, proved exactly), so it must come within 10⁻⁷⁸ of the closed form.
      const [lo, hi] = j.enclosures[`/bipartitions/${k}/logNegativity`]!.map((x) => new Fine(x)) as [Decimal, Decimal];
      const slack = expected.times('1e-78');
      expect(lo.minus(slack).lte(expected) && expected.lte(hi.plus(slack)), `χ = ${chi}: ${expected} in [${lo}, ${hi}]`).toBe(true);
      // Printed correctly rounded to at least 30 significant digits.
      const printed = j.bipartitions[k]!.logNegativity;
      expect(printed.replace(/^0\.0*/, '').length).toBeGreaterThanOrEqual(30);
      expect(new Fine(printed).minus(expected).abs().lte(expected.times('1e-29'))).toBe(true);
    }
    expect(j.bipartitions[4]!.logNegativity).toBe('0');
  }, 120_000);

  it('the ring with √2 in every link (a drift that holds square roots): its regime decided numerically at 120 digits on either side of χ_th = √5/2 (2√2χ = (γ² + δ²)^½), no symbolic threshold attempted, the symmetry zeros proved with the root left as a symbol, certified', () => {
    const text = readFileSync('models/ring-of-eight.yaml', 'utf8').replace(/chi\*\(/g, 'sqrt(2)*chi*(');
    const model = loadModelFile(text, 'ring-root.yaml');
    for (const [chi, regime] of [
      ['1', 'below-threshold'],
      ['1.2', 'above-threshold'],
    ] as const) {
      const s = solveCertified(
        resolveFileParameters(model, { delta: '3', chi, nbar: '1' }, (k) => k),
        20,
      );
      const j = solutionJson(s) as Json & { regime: string; workingDigits: number };
      expect(j.regime, `χ = ${chi}`).toBe(regime);
      expect(j.certified).toBe(true);
      expect(j).not.toHaveProperty('chiTh');
      // The symmetry zeros are proved (printed 0), so no entry holds the precision up to its ceiling.
      expect((j.covariance as string[][])[0]![1]).toBe('0');
      expect(s.enclosures.workingDigits).toBe(30);
    }
  }, 120_000);

  it('models/ring-of-eight.yaml: all eight oscillators alike (E_N of each against the rest agrees to its printed digits), χ_th = (γ² + δ²)^½ / 2 for a ring of two-mode drives of an even number of modes, certified', () => {
    const model = loadModelFile(readFileSync('models/ring-of-eight.yaml', 'utf8'), 'ring-of-eight.yaml');
    const j = solutionJson(
      solveCertified(
        resolveFileParameters(model, { delta: '3', chi: '1', nbar: '1' }, (k) => k),
        30,
      ),
    ) as Json;
    expect(j.certified).toBe(true);
    const printed = j.bipartitions.map((b) => b.logNegativity);
    expect(new Set(printed).size).toBe(1);
    // The ring's collective modes k couple a_k to a_{−k} at 2χ cos k: the first to go unstable is k = 0, at 2χ = √(γ² + δ²).
    const [lo, hi] = j.enclosures['/chiTh']!;
    const expected = new Fine(10).sqrt().div(2);
    expect(new Fine(lo).lte(expected) && expected.lte(new Fine(hi)), `${expected} in [${lo}, ${hi}]`).toBe(true);
  }, 120_000);
});
