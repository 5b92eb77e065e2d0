/** The whole ledger, run as verify runs it: every equation has a verdict, no check crashed, the witnesses agreed, VERIFICATION.md is current, every form typesets. */
import { readFileSync } from 'node:fs';
import katex from 'katex';
import { printedLatex } from '../../src/render/unicodeLatex.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClaimResult } from '../../src/verify/claim.ts';
import { runAssumptions, runClaims } from '../../src/verify/runner.ts';
import { ALL_WITNESSES } from '../../src/verify/witnesses.ts';
import { DEFAULT_DIGITS } from '../../src/numeric/context.ts';
import { assumptions } from '../../proofs/assumptions.ts';
import { renderMarkdown } from '../../src/verify/report/markdown.ts';
import { claims } from '../../proofs/index.ts';

describe('the ledger', () => {
  let results: ClaimResult[];
  beforeAll(async () => {
    results = await runClaims(claims, { witnesses: ALL_WITNESSES, digits: DEFAULT_DIGITS });
  }, 120_000);

  it('has a verdict for every equation 1-8 and 19-28', () => {
    const numbers = [1, 2, 3, 4, 5, 6, 7, 8, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28];
    const missing = numbers.filter((n) => !results.some((r) => new RegExp(`^eq${n}(\\.|$)`).test(r.id)));
    expect(missing).toEqual([]);
  });
  it('no check crashed, and every witness agreed with the exact engine', () => {
    const crashed = results.filter((r) => r.verdict.status === 'unchecked' && r.verdict.reason.startsWith('the check could not run'));
    expect(crashed.map((r) => r.id)).toEqual([]);
    const disagreements = results.flatMap((r) => r.verdict.evidence.engines.filter((e) => !e.agreed).map((e) => `${r.id}: ${e.engine} ${e.detail}`));
    expect(disagreements).toEqual([]);
  });
  it('a symbolic claim that consults the witnesses consults all three; every checked claim has a route', () => {
    for (const r of results) {
      const engines = r.verdict.evidence.engines.map((e) => e.engine);
      if (r.verdict.status !== 'unchecked') expect(engines.length, r.id).toBeGreaterThan(0);
      if (engines.includes('nerdamer')) expect(engines.slice(0, 4), r.id).toEqual(['exact', 'nerdamer', 'algebrite', 'random-points']);
    }
  });
  it('the hand-derived errata are found: χ of (2), the lab constants of (19), the noise of (25), the C signs of (12)', () => {
    // By hand from (7): (AV + VAᵀ)₁₂ = −2γC − Δ(V_X − V_Y) ∓ χ(V_X + V_Y), against the printed ±Δ(…) ± χ(…).
    const status = Object.fromEntries(results.map((r) => [r.id, r.verdict.status]));
    const ids = ['eq2.chi', 'eq19.coupling', 'eq19.drive', 'eq25.noise', 'eq12', 'eq12.minus'];
    expect(ids.map((id) => status[id])).toEqual(ids.map(() => 'erratum'));
  });
  it('VERIFICATION.md is the current ledger (regenerate: npx detuned-paramp verify --markdown > VERIFICATION.md)', () => {
    expect(readFileSync('VERIFICATION.md', 'utf8')).toBe(renderMarkdown(results, runAssumptions(assumptions)));
  });
  it('every printed form that is not prose, and every engine value in a derived form, typesets in KaTeX with no error and no warning', () => {
    const problems: string[] = [];
    const typeset = (id: string, latex: string) => {
      try {
        katex.renderToString(latex, {
          throwOnError: true,
          strict: (code: string, message: string) => {
            problems.push(`${id}: ${code} ${message}`);
            return 'ignore';
          },
        });
      } catch (err) {
        problems.push(`${id}: ${(err as Error).message}`);
      }
    };
    let values = 0;
    for (const r of results) {
      const printed = printedLatex(r.printed);
      if (printed !== undefined) typeset(`${r.id} printed`, printed);
      for (const p of r.verdict.derivedMath ?? []) {
        if (p.latex === undefined) continue;
        values++;
        typeset(`${r.id} derived`, p.latex);
      }
      // The pieces are the derived text, cut up: nothing lost, nothing added.
      if (r.verdict.derivedMath) expect(r.verdict.derivedMath.map((p) => p.text).join('')).toBe(r.verdict.derived);
    }
    expect(problems).toEqual([]);
    // The symbolic claims keep their values: the matrices, operators and rational functions of at least 35 claims.
    expect(results.filter((r) => r.verdict.derivedMath).length).toBeGreaterThanOrEqual(35);
    expect(values).toBeGreaterThan(60);
  });
});

describe('the claims as data', () => {
  it('every assumption a claim names exists, and every assumption is named by some claim', () => {
    const ids = new Set(assumptions.map((a) => a.id));
    const named = claims.flatMap((c) => c.assumptions ?? []);
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
    expect([...ids].filter((id) => !named.includes(id))).toEqual([]);
  });
});
