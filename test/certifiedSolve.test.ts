/**
 * The certified solve (issue 22): every printed number carries an enclosure that holds an
 * independent value, and prints the true value correctly rounded to at least `digits` digits.
 * Independent values: the closed forms (16)-(18) typed again in test/support, model two's S_UV
 * equal to model one's S under Δ ↔ Γ, χ_th = √(Δ² + γ²); the proofs without width (symmetry
 * zeros, Sturm brackets, rational states) each checked on a case where they must and must not hold.
 */
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { solveCertified } from '../src/app/certifiedSolve.ts';
import { solutionJson } from '../src/app/solveReport.ts';
import { solveModel } from '../src/app/solve.ts';
import { logNegativityOfBipartition, physicality } from '../src/entanglement/gaussianState.ts';
import { Rational } from '../src/exact/rational.ts';
import { forcedZeros, signedPermutationSymmetries } from '../src/exact/signedSymmetry.ts';
import { loadModelFile, resolveFileParameters } from '../src/models/modelFile.ts';
import { resolveParameters } from '../src/models/parameters.ts';
import { simplestRationalNear } from '../src/numeric/exactSteadyState.ts';
import { evaluateExact } from '../src/numeric/fromExact.ts';
import { independentS } from './support/independentClosedForms.ts';

const Fine = Decimal.clone({ precision: 200 });
type Json = Record<string, unknown> & { enclosures: Record<string, [string, string]>; certified: boolean; uncertified?: string[] };
const PAPER = { delta: '30', chi: '25', nbar: '5', mu: '5', eta: '1' };
const SINGLE = { delta: '3', chi: '2', nbar: '1', mu: '2' };

function expectIn(j: Json, pointer: string, expected: Decimal): void {
  const [lo, hi] = j.enclosures[pointer]!;
  expect(new Fine(lo).lte(expected) && expected.lte(new Fine(hi)), `${pointer}: ${expected} in [${lo}, ${hi}]`).toBe(true);
}

/** The printed string's own significant digits (trailing zeros count: they were proved). */
const printedDigits = (x: string) => x.replace(/e.*$/, '').replace('-', '').replace('.', '').replace(/^0+/, '').length;

describe('the certified solve', () => {
  it("model one at the paper's point: S, V_α±, Duan, E_N = −ln S and χ_th = √901 are each in their enclosure, printed to ≥ 30 proved digits", () => {
    const j = solutionJson(solveCertified(resolveParameters('modulated', PAPER), 30)) as Json;
    expect(j.certified).toBe(true);
    const S = new Fine(independentS('1', '30', '25', '5', '5', '1', 80));
    expectIn(j, '/S', S);
    expectIn(j, '/Valpha/0', S.div(2));
    expectIn(j, '/Valpha/1', S.div(2));
    expectIn(j, '/duan', S);
    expectIn(j, '/logNegativity', S.ln().neg());
    expectIn(j, '/expMinusLogNegativity', S);
    expectIn(j, '/chiTh', new Fine(901).sqrt());
    for (const pointer of ['/S', '/logNegativity', '/chiTh', '/alpha', '/simon', '/covariance/0/2']) {
      const printed = pointer
        .split('/')
        .slice(1)
        .reduce((x: unknown, k) => (x as Record<string, unknown>)[k], j) as string;
      expect(printedDigits(printed), `${pointer} = ${printed}`).toBeGreaterThanOrEqual(30);
    }
    // The unconditional state, solved in exact rationals, against its 2×2 Lyapunov equations solved by hand: each pair
    // (X±, Y±) has drift [[−γ, a], [−b, −γ]] and diffusion d·1, so ⟨X²⟩ = (d + 2aq)/(2γ), q = −(b − a)d/(4(γ² + ab));
    // here (a, b) = (Δ − χ, Δ + χ) for X₊ and (Δ + χ, Δ − χ) for X₋, d = 2γ(N + ½) + μ, and U₁₁ = (⟨X₊²⟩ + ⟨X₋²⟩)/2.
    const [g, delta, chi, d] = [new Fine(1), new Fine(30), new Fine(25), new Fine(2 * 5.5 + 5)];
    const xSquared = (a: Decimal, b: Decimal) =>
      d
        .plus(
          a.times(2).times(
            b
              .minus(a)
              .times(d)
              .neg()
              .div(g.pow(2).plus(a.times(b)).times(4)),
          ),
        )
        .div(g.times(2));
    expectIn(
      j,
      '/unconditionalCovariance/0/0',
      xSquared(delta.minus(chi), delta.plus(chi))
        .plus(xSquared(delta.plus(chi), delta.minus(chi)))
        .div(2),
    );
    // Structural zeros: V_X1Y1 and V_X2Y2 are 0 by a symmetry of A, D and M, printed as 0 with a point enclosure.
    expect((j.covariance as string[][])[0]![1]).toBe('0');
    expect(j.enclosures['/covariance/2/3']).toEqual(['0', '0']);
  });

  it("ν₋ of model one's degenerate symplectic spectrum (ν₋ = ν₊) holds its digits without doubling the precision (the Loewner bound), and holds the matrix route's ν₋ at 80 digits", () => {
    const s = solveCertified(resolveParameters('modulated', PAPER), 30);
    expect(s.enclosures.workingDigits).toBe(40);
    const j = solutionJson(s) as Json;
    expect(printedDigits(j.smallestSymplecticEigenvalue as string)).toBeGreaterThanOrEqual(30);
    const fine = physicality(80, solveModel(resolveParameters('modulated', PAPER), 80).conditional!.covariance).smallestSymplectic;
    expectIn(j, '/smallestSymplecticEigenvalue', new Fine(fine));
  });

  it("model two at Γ = 30γ: S_UV from its own U, V quadratures equals model one's S at Δ = 30γ (Δ ↔ Γ), inside its enclosure", () => {
    const j = solutionJson(solveCertified(resolveParameters('constant', { coupling: '30', chi: '25', nbar: '5', mu: '5', eta: '1' }), 30)) as Json;
    expect(j.certified).toBe(true);
    expectIn(j, '/S_UV', new Fine(independentS('1', '30', '25', '5', '5', '1', 80)));
    expect(printedDigits(j.S_UV as string)).toBeGreaterThanOrEqual(30);
  });

  it("a one-mode model file prints its least quadrature certified; a three-mode file's bipartitions are enclosed (Loewner bounds and a verified symmetric eigenproblem), each holding E_N at 45 digits", () => {
    const one = loadModelFile(readFileSync('models/single.yaml', 'utf8'), 'single.yaml');
    const single = solutionJson(
      solveCertified(
        resolveFileParameters(one, SINGLE, (k) => k),
        25,
      ),
    ) as Json;
    expect(single.certified).toBe(true);
    expect(Object.keys(single.enclosures)).toEqual(expect.arrayContaining(['/Valpha/0', '/squeezing', '/covariance/0/0']));
    const three = loadModelFile(readFileSync('models/two-oscillators-cavity.yaml', 'utf8'), 'cavity.yaml');
    const point = resolveFileParameters(three, { gamma: '1', delta: '30', chi: '25', nbar: '5', g: '2', kappa: '10', mu: '5', eta: '1' }, (k) => k);
    const j = solutionJson(solveCertified(point, 20)) as Json;
    expect(j.certified).toBe(true);
    expect(Object.keys(j.enclosures)).toContain('/covariance/4/5');
    const fine = solveModel(point, 45);
    for (const [k, side] of three.bipartitions.entries()) {
      const exact = logNegativityOfBipartition(
        45,
        fine.conditional!.covariance,
        side.map((m) => three.modes.indexOf(m)),
      );
      expectIn(j, `/bipartitions/${k}/logNegativity`, new Fine(exact));
    }
    expect((j.bipartitions as Array<{ logNegativity: string }>)[0]!.logNegativity.replace(/^0\.0*/, '').length).toBeGreaterThanOrEqual(20);
  });

  it('symmetry zeros: two uncoupled modes force the cross entries to 0; a generic coupling forces none', () => {
    const r = (rows: number[][]) => rows.map((row) => row.map((x) => Rational.of(x)));
    const uncoupled = r([
      [-1, 0],
      [0, -2],
    ]);
    expect(
      forcedZeros(
        2,
        signedPermutationSymmetries([
          uncoupled,
          r([
            [3, 0],
            [0, 5],
          ]),
        ]),
      ),
    ).toEqual([
      [false, true],
      [true, false],
    ]);
    const coupled = r([
      [-1, 2],
      [3, -2],
    ]);
    expect(
      forcedZeros(
        2,
        signedPermutationSymmetries([
          coupled,
          r([
            [3, 1],
            [1, 5],
          ]),
        ]),
      )
        .flat()
        .some(Boolean),
    ).toBe(false);
  });

  it("symmetry zeros of four uncoupled copies of model one (16 × 16): each copy's own zeros (V_X1Y1 and the rest that one copy alone forces) and every entry between copies, however many symmetries the last copies have", () => {
    const one = resolveParameters('modulated', PAPER);
    const sys = one.model.system;
    const [a, d, m] = [sys.drift, sys.diffusion, sys.measurement].map((x) => evaluateExact(x, one.values).map((row) => row.map((y) => y.re)));
    const single = forcedZeros(4, signedPermutationSymmetries([a!, d!, m!]));
    expect(single.flat().some(Boolean)).toBe(true);
    const zero = Rational.of(0);
    const copies = (x: Rational[][]) =>
      Array.from({ length: 16 }, (_, i) => Array.from({ length: 16 }, (_, j) => (i >> 2 === j >> 2 ? x[i % 4]![j % 4]! : zero)));
    const four = forcedZeros(16, signedPermutationSymmetries([copies(a!), copies(d!), copies(m!)]));
    for (let i = 0; i < 16; i++) for (let j = 0; j < 16; j++) expect(four[i]![j], `(${i}, ${j})`).toBe(i >> 2 === j >> 2 ? single[i % 4]![j % 4]! : true);
  });

  it('rational reconstruction: 11/2 from its 40-digit decimal; √2 has no small-denominator rational within 10⁻³⁵', () => {
    const tolerance = Rational.parse('1e-35');
    expect(simplestRationalNear(Rational.parse('5.5000000000000000000000000000000000000001'), tolerance)?.toString()).toBe('11/2');
    expect(simplestRationalNear(Rational.parse(new Fine(2).sqrt().toFixed(60)), tolerance)).toBeUndefined();
  });
});
