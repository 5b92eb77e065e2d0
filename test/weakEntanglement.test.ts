/**
 * Weak entanglement is proved, not printed as 0 (issue 22): where E_N is below the agreement floor
 * 10^-(digits+5), the certified solve decides it from an enclosure of the conditional state, and prints
 * exactly the digits the enclosure proves. The expected values
 * are closed forms typed here: model one at Δ = 0 without measurement and at N = 0 decouples into
 * collective pairs with variances ½γ/(γ ± χ), so 2ν̃₋ = γ/(γ + χ) and E_N = ln(1 + χ/γ); ideal
 * back-action evasion at N = 0 and model one are symmetric states, E_N = −ln S with S from its
 * closed form.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { solveCertified } from '../src/app/certifiedSolve.ts';
import { solveModel } from '../src/app/solve.ts';
import { simonInvariant } from '../src/entanglement/gaussianState.ts';
import { solutionJson, solutionText } from '../src/app/solveReport.ts';
import { resolveParameters } from '../src/models/parameters.ts';
import { independentBaeS, independentS } from './support/independentClosedForms.ts';

const Fine = Decimal.clone({ precision: 400 });

type Json = Record<string, unknown> & { enclosures: Record<string, [string, string]>; logNegativityProof: { verdict: string; enclosure: string[] } };

const solveJson = (model: string, params: Record<string, string>, digits: number) =>
  solutionJson(solveCertified(resolveParameters(model as 'modulated', params), digits)) as Json;

/**
 * A printed number is the true value correctly rounded to the digits printed, at least `digits` of
 * them, and the true value lies in its enclosure. The mantissa's digits are counted as printed.
 */
function expectProved(j: Json, pointer: string, printed: string, expected: Decimal, digits: number): void {
  const [lo, hi] = j.enclosures[pointer]!;
  expect(new Fine(lo).lte(expected) && expected.lte(new Fine(hi)), `${pointer}: ${expected} in [${lo}, ${hi}]`).toBe(true);
  const mantissa = printed.replace(/e.*$/, '').replace('-', '').replace('.', '').replace(/^0+/, '');
  expect(mantissa.length, `${pointer} printed ${printed}`).toBeGreaterThanOrEqual(digits);
  const value = new Fine(printed);
  const halfUlp = new Fine(10)
    .pow(
      value
        .abs()
        .log(10)
        .floor()
        .minus(mantissa.length - 1),
    )
    .div(2);
  expect(value.minus(expected).abs().lte(halfUlp), `${pointer}: ${printed} is ${expected} rounded`).toBe(true);
}

describe('weak entanglement', () => {
  it('model one at Δ = 0, χ = 10⁻⁶⁰γ: E_N = ln(1 + 10⁻⁶⁰) printed to ≥ 50 proved digits, proved entangled (the agreement of two precisions alone read 0)', () => {
    const s = solveCertified(resolveParameters('modulated', { delta: '0', chi: '1e-60' }), 50);
    const j = solutionJson(s) as Json;
    const expected = new Fine('1e-60').plus(1).ln();
    expect(j.logNegativityProof.verdict).toBe('entangled');
    expectProved(j, '/logNegativity', j.logNegativity as string, expected, 50);
    expectProved(j, '/bipartitions/0/logNegativity', (j.bipartitions as Array<{ logNegativity: string }>)[0]!.logNegativity, expected, 50);
    expect(j.certified).toBe(true);
    expect(solutionText(s)).toMatch(/logNegativity proof\s+entangled, E_N in \[9\.99999e-61, 1e-60\]/);
  });
  it('model one at Δ = 0, χ = 10⁻²⁵γ, 20 digits: E_N = 1.0e-25 (ln(1 + 10⁻²⁵)), not 0', () => {
    const j = solveJson('modulated', { delta: '0', chi: '1e-25' }, 20);
    expectProved(j, '/logNegativity', j.logNegativity as string, new Fine('1e-25').plus(1).ln(), 20);
  });
  it("back-action evasion at N = 0, μ = 10⁻³⁰γ, 20 digits: E_N = −ln S of the closed form, ≈ 10⁻³⁰, and Simon's invariant −2.5e-61, not 0", () => {
    const j = solveJson('bae', { nbar: '0', mu: '1e-30' }, 20);
    expect(j.logNegativityProof.verdict).toBe('entangled');
    expectProved(j, '/logNegativity', j.logNegativity as string, new Fine(independentBaeS('1', '0', '1e-30', '1', 150)).ln().neg(), 20);
    // Simon's invariant, about −E_N²/4 here: the invariant of a 200-digit solve, evaluated at 400 digits, is the reference.
    const fine = solveModel(resolveParameters('bae', { nbar: '0', mu: '1e-30' }), 200);
    const reference = new Fine(simonInvariant(400, fine.conditional!.covariance));
    const [lo, hi] = j.enclosures['/simon']!;
    expect(new Fine(lo).lte(reference.plus('1e-250')) && reference.minus('1e-250').lte(new Fine(hi))).toBe(true);
    expect(new Fine(j.simon as string).div('-2.5e-61').minus(1).abs().lt('1e-25')).toBe(true);
  });
  it('model one at Δ = 30γ, χ = 25γ, N = 5, μ = 10²⁸γ, 50 digits: E_N = −ln S of (16)-(18) (the invariant route alone was wrong from the 28th digit)', () => {
    const j = solveJson('modulated', { delta: '30', chi: '25', nbar: '5', mu: '1e28' }, 50);
    const S = new Fine(independentS('1', '30', '25', '5', '1e28', '1', 120));
    expectProved(j, '/logNegativity', j.logNegativity as string, S.ln().neg(), 50);
    expectProved(j, '/S', j.S as string, S, 50);
  });
  it('a separable state (model one at N = 50): E_N proved exactly 0, the JSON says so with its enclosure', () => {
    const j = solveJson('modulated', { delta: '30', chi: '25', nbar: '50', mu: '5' }, 30);
    expect(j.logNegativityProof.verdict).toBe('separable');
    expect(j.logNegativity).toBe('0');
    expect(j.enclosures['/logNegativity']).toEqual(['0', '0']);
    expect(j.expMinusLogNegativity).toBe('1');
  });
  it('a state on the boundary (back-action evasion at N = 5, μ = 10γ, 2ν̃₋ = 1 to 150 digits) is proved separable exactly: its covariance is rational (5.5 and ±5), checked in exact arithmetic', () => {
    const j = solveJson('bae', { nbar: '5', mu: '10' }, 20);
    expect(j.logNegativityProof.verdict).toBe('separable');
    expect(j.logNegativity).toBe('0');
    // By hand: the measured X₊ and Y₋ have variance S/2, S of the closed form ([√(1 + 8·10·5.5) − 1]/20 = 1 exactly);
    // the unmeasured X₋ and Y₊ carry the back-action, V₀ = N + ½ + μ/2γ = 10.5 of (14). Then V₁₁ = (S/2 + V₀)/2,
    // V₁₃ = (S/2 − V₀)/2, V₂₄ = (V₀ − S/2)/2 with X₁,₂ = (X₊ ± X₋)/√2, Y₁,₂ = (Y₊ ± Y₋)/√2.
    const S = new Fine(independentBaeS('1', '5', '10', '1', 60));
    expect(S.eq(1)).toBe(true);
    const [half, v0] = [S.div(2), new Fine('10.5')];
    const [diagonal, cross] = [half.plus(v0).div(2).toString(), half.minus(v0).div(2)];
    expect(j.S).toBe(S.toString());
    expect(j.covariance).toEqual([
      [diagonal, '0', cross.toString(), '0'],
      ['0', diagonal, '0', cross.neg().toString()],
      [cross.toString(), '0', diagonal, '0'],
      ['0', cross.neg().toString(), '0', diagonal],
    ]);
    expect(j.certified).toBe(true);
  });
  it('the vacuum (back-action evasion at N = 0, μ = 0) is proved exactly: V = ½·1 in exact rationals, E_N = 0 and S = 1 exactly, α not fixed (every angle is least)', () => {
    const j = solveJson('bae', { nbar: '0', mu: '0' }, 30);
    expect(j.logNegativity).toBe('0');
    expect(j.S).toBe('1');
    expect(j.enclosures['/S']).toEqual(['1', '1']);
    expect(j.enclosures['/covariance/0/0']).toEqual(['0.5', '0.5']);
    expect(j.physical).toBe(true);
    expect(j.certified).toBe(false);
    expect(j.uncertified).toEqual(['/alpha']);
  });
});
