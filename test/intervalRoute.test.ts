/**
 * The ledger's interval route: an enclosure of the derived quantity against the printed one read as
 * an interval. A slip of 10⁻²⁰ in a printed closed form is an erratum there, though two decimal
 * routes agreeing to 18 digits would have called it verified.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { intervalRoute } from '../proofs/shared.ts';
import { resolveParameters } from '../src/models/parameters.ts';
import { intervalField } from '../src/numeric/jet.ts';
import { closedFormOf } from '../src/paper/closedForms.ts';
import { intervalDecision, intervalVerdict } from '../src/verify/verdicts.ts';

const PAPER = { gamma: '1', delta: '30', chi: '25', nbar: '5', mu: '5', eta: '1' };
const at = (lo: string, hi: string) => ({ lo: new Decimal(lo), hi: new Decimal(hi) });

describe('the interval route', () => {
  it('(16) as printed overlaps the enclosure; the same form 10⁻²⁰ off is disjoint from it, an erratum', () => {
    const point = resolveParameters('modulated', PAPER);
    const exact = intervalRoute([{ name: 'paper', point, closed: (I) => closedFormOf(intervalField(I), PAPER, 1).S }], (e) => e.analysis?.S);
    expect(exact.decision).toBe('overlap');
    const slipped = intervalRoute(
      [{ name: 'paper', point, closed: (I) => I.mul(closedFormOf(intervalField(I), PAPER, 1).S, I.of('1.00000000000000000001')) }],
      (e) => e.analysis?.S,
    );
    expect(slipped.decision).toBe('disjoint');
    expect(slipped.report.agreed).toBe(false);
    const verdict = intervalVerdict({ decision: slipped.decision, derived: 'S', reports: [slipped.report] }, 'a slip', 'undecided');
    expect(verdict.status).toBe('erratum');
  }, 30_000);
  it('decides overlap, disjoint and undecided (no enclosure)', () => {
    expect(intervalDecision(at('1', '2'), at('2', '3'))).toBe('overlap');
    expect(intervalDecision(at('1', '2'), at('2.0000001', '3'))).toBe('disjoint');
    expect(intervalDecision(undefined, at('2', '3'))).toBe('undecided');
    expect(intervalVerdict({ decision: 'undecided', derived: '', reports: [] }, 'c', 'no enclosure').status).toBe('unchecked');
  });
});
