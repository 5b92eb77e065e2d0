/**
 * Weak entanglement is proved, not printed as 0 (issue 22): where E_N is below the agreement floor
 * 10^-(digits+5), solve decides it from an enclosure of the conditional state. The expected values
 * are closed forms typed here: model one at Δ = 0 without measurement and at N = 0 decouples into
 * collective pairs with variances ½γ/(γ ± χ), so 2ν̃₋ = γ/(γ + χ) and E_N = ln(1 + χ/γ); ideal
 * back-action evasion at N = 0 and model one are symmetric states, E_N = −ln S with S from its
 * closed form.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { solveModel } from '../src/app/solve.ts';
import { simonInvariant } from '../src/entanglement/gaussianState.ts';
import { solutionJson, solutionText } from '../src/app/solveReport.ts';
import { resolveParameters } from '../src/models/parameters.ts';
import { independentBaeS, independentS } from './support/independentClosedForms.ts';

const Fine = Decimal.clone({ precision: 200 });
const relativeError = (x: Decimal, y: Decimal) => x.minus(y).abs().div(y.abs());

describe('weak entanglement', () => {
  it('model one at Δ = 0, χ = 10⁻⁶⁰γ: E_N = ln(1 + 10⁻⁶⁰) to 50 digits, proved entangled (the agreement of two precisions alone read 0)', () => {
    const s = solveModel(resolveParameters('modulated', { delta: '0', chi: '1e-60' }), 50);
    const expected = new Fine('1e-60').plus(1).ln();
    expect(s.logNegativityProof?.verdict).toBe('entangled');
    expect(relativeError(new Fine(s.analysis!.logNegativity), expected).lt('1e-50')).toBe(true);
    expect(s.analysis!.logNegativityCheck.route).toBe('interval');
    expect(s.bipartitions[0]!.logNegativity.eq(s.analysis!.logNegativity)).toBe(true);
    expect(solutionText(s)).toMatch(/logNegativity proof\s+entangled, E_N in \[9\.99999e-61, 1e-60\]/);
  });
  it('model one at Δ = 0, χ = 10⁻²⁵γ, 20 digits: E_N = 1.0e-25 (ln(1 + 10⁻²⁵)), not 0', () => {
    const s = solveModel(resolveParameters('modulated', { delta: '0', chi: '1e-25' }), 20);
    expect(relativeError(new Fine(s.analysis!.logNegativity), new Fine('1e-25').plus(1).ln()).lt('1e-20')).toBe(true);
    expect(new Fine(solutionJson(s).logNegativity as string).eq(new Fine('1e-25').plus(1).ln().toSignificantDigits(20))).toBe(true);
  });
  it("back-action evasion at N = 0, μ = 10⁻³⁰γ, 20 digits: E_N = −ln S of the closed form, ≈ 10⁻³⁰, and Simon's invariant −2.5e-61, not 0", () => {
    const s = solveModel(resolveParameters('bae', { nbar: '0', mu: '1e-30' }), 20);
    const expected = new Fine(independentBaeS('1', '0', '1e-30', '1', 60)).ln().neg();
    expect(s.logNegativityProof?.verdict).toBe('entangled');
    expect(relativeError(new Fine(s.analysis!.logNegativity), expected).lt('1e-20')).toBe(true);
    // Simon's invariant, about −E_N²/4 here, is proved too: −2.5e-61, not 0; to 20 digits it is the invariant of a 200-digit solve.
    const fine = solveModel(resolveParameters('bae', { nbar: '0', mu: '1e-30' }), 200);
    const reference = simonInvariant(400, fine.conditional!.covariance);
    expect(relativeError(new Fine(s.analysis!.simon), new Fine(reference)).lt('1e-20')).toBe(true);
    expect(relativeError(new Fine(s.analysis!.simon), new Fine('-2.5e-61')).lt('1e-25')).toBe(true);
  });
  it('model one at Δ = 30γ, χ = 25γ, N = 5, μ = 10²⁸γ, 50 digits: E_N = −ln S of (16)-(18) to 50 digits (the invariant route alone was wrong from the 28th digit)', () => {
    const s = solveModel(resolveParameters('modulated', { delta: '30', chi: '25', nbar: '5', mu: '1e28' }), 50);
    const expected = new Fine(independentS('1', '30', '25', '5', '1e28', '1', 90)).ln().neg();
    expect(s.logNegativityProof?.verdict).toBe('entangled');
    expect(relativeError(new Fine(s.analysis!.logNegativity), expected).lt('1e-50')).toBe(true);
  });
  it('a separable state (model one at N = 50): E_N proved exactly 0, the JSON says so with its enclosure', () => {
    const s = solveModel(resolveParameters('modulated', { delta: '30', chi: '25', nbar: '50', mu: '5' }), 30);
    expect(s.logNegativityProof?.verdict).toBe('separable');
    expect(s.analysis!.logNegativity.isZero()).toBe(true);
    const j = solutionJson(s) as { logNegativity: string; logNegativityProof: { verdict: string; enclosure: string[] } };
    expect(j.logNegativity).toBe('0');
    expect(j.logNegativityProof.enclosure).toEqual(['0', '0']);
  });
  it('a state on the boundary (back-action evasion at N = 5, μ = 10γ, where 2ν̃₋ is 1 to 150 digits and presumably exactly) is left undecided, with its enclosure in a note, not printed as proved', () => {
    const s = solveModel(resolveParameters('bae', { nbar: '5', mu: '10' }), 20);
    expect(s.logNegativityProof?.verdict).toBe('undecided');
    expect(s.logNegativityProof!.enclosure.lo.isZero()).toBe(true);
    expect(s.logNegativityProof!.enclosure.hi.lt('1e-100')).toBe(true);
    expect(s.notes.join('\n')).toMatch(/E_N is not decided: its enclosure at 160 working digits is \[0, [0-9.]+e-1[0-9]{2}\], which holds 0/);
  });
  it('a state entangled well above the floor is not touched: no proof, the two-route check stays', () => {
    const s = solveModel(resolveParameters('modulated', { delta: '30', chi: '25', nbar: '5', mu: '5' }), 30);
    expect(s.logNegativityProof).toBeUndefined();
    expect(s.analysis!.logNegativityCheck.route).toBe('partial-transpose');
  });
});
