import { describe, expect, it } from 'vitest';
import { driftMismatches, equalUpToConstant, poissonBracketVanishes } from '../src/verify/cas/classical.ts';
import { randomPointsWitness } from '../src/verify/cas/randomPoints.ts';
import { algebriteWitness, nerdamerWitness } from '../src/verify/cas/witness.ts';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fastAlgebrite, publishedAlgebrite } from '../src/verify/cas/algebriteModule.ts';
// @ts-expect-error: a plain .mjs script, no declarations
import { vendoredSource } from '../scripts/vendor-algebrite.mjs';
import { differentiate, parseExpression, render } from '../src/exact/expression.ts';

const witnesses = [nerdamerWitness, algebriteWitness, randomPointsWitness()];

describe('expression language', () => {
  it('parses precedence and renders fully parenthesised', () => {
    expect(render(parseExpression('a + b*c^2 - -d/2'))).toBe('((a+(b*(c)^2))-((-d)/2))');
  });
  it('differentiates: d/dx (x²y + x/y) = 2xy + 1/y', () => {
    const d = differentiate(parseExpression('x^2*y + x/y'), 'x');
    expect(randomPointsWitness().isZero(`(${render(d)}) - (2*x*y + 1/y)`)).toBe(true);
  });
  it('reports syntax errors with their position', () => {
    expect(() => parseExpression('a + * b')).toThrow(/unexpected/);
    expect(() => parseExpression('(a + b')).toThrow(/expected "\)"/);
  });
});

describe.each(witnesses)('witness $name', (w) => {
  it('decides zero and non-zero with i and sqrt(2)', () => {
    expect(w.isZero('((X+i*Y)/sqrt(2))*((X-i*Y)/sqrt(2)) - (X^2+Y^2)/2')).toBe(true);
    expect(w.isZero('g/(2*m*w) - g/(4*m*w)')).toBe(false);
  });
  it('a damped harmonic oscillator: ẋ = ωy − γx, ẏ = −ωx − γy', () => {
    const model = { variables: { pairs: [['x', 'y']] as [string, string][] }, hamiltonian: 'omega/2*(x^2 + y^2)', damping: ['gamma'], noise: ['0'] };
    expect(
      driftMismatches(
        w,
        model,
        ['x', 'y'],
        [
          ['-gamma', 'omega'],
          ['-omega', '-gamma'],
        ],
      ),
    ).toEqual([]);
    expect(
      driftMismatches(
        w,
        model,
        ['x', 'y'],
        [
          ['-gamma', '-omega'],
          ['omega', '-gamma'],
        ],
      ),
    ).toEqual(['(1,2)', '(2,1)']);
  });
  it('every parameter name the paper uses is a plain symbol (algebrite would read Gamma as its gamma function)', () => {
    for (const name of ['Gamma', 'gamma', 'Delta', 'chi', 'N', 'mu', 'eta', 'hbar', 'omega_m']) {
      expect(w.isZero(`2*${name} - ${name} - ${name}`), name).toBe(true);
      expect(w.isZero(`(${w.derivative(`${name}*X1*X2`, 'X2')}) - ${name}*X1`), name).toBe(true);
      expect(w.isZero(`(${w.derivative(`${name}*X1*X2`, 'X2')}) - 2*${name}*X1`), name).toBe(false);
      expect(w.derivative(`${name}*X1*X2`, 'X2'), name).not.toMatch(new RegExp(`\\b${name}\\s*\\(`));
    }
  });
  it('Poisson brackets and equality up to a constant', () => {
    expect(poissonBracketVanishes(w, 'x', 'x^2 + z', { pairs: [['x', 'y']] })).toBe(true);
    expect(poissonBracketVanishes(w, 'x', 'y^2', { pairs: [['x', 'y']] })).toBe(false);
    expect(equalUpToConstant(w, 'x^2 + 1', 'x^2 - 3', ['x'])).toBe(true);
    expect(equalUpToConstant(w, 'x^2 + x', 'x^2', ['x'])).toBe(false);
  });
});

describe('algebrite with its stack written back in place', () => {
  it("gives exactly the published module's output, on expressions of the kinds the ledger sends", () => {
    const expressions = [
      'expand(((X1 + i*Y1)/sqrt(2))*((X1 - i*Y1)/sqrt(2)) - (X1^2 + Y1^2)/2)',
      'expand((chi - Gamma_symbol)*(X1 + Y2)/sqrt(2) - (chi + Gamma_symbol)*(X1 - Y2)/sqrt(2))',
      'd(((Delta+chi)/2)*(((X1 + X2)/sqrt(2))^2 + ((Y1 - Y2)/sqrt(2))^2), X1)',
      'simplify(g/(2*m*w) - g/(4*m*w))',
      'expand(wtau0*((1/2^(1/2))*(2*gamma1*N + gamma1)*(1/2^(1/2)) - (gamma1*N + gamma1/2)) + wtau1*(x^3 - x*x^2))',
      'expand((a + b + c)^3 - (a^3 + b^3 + c^3))',
    ];
    const [published, fast] = [publishedAlgebrite(), fastAlgebrite()];
    expect(fast).not.toBe(published);
    // The vendored file is exactly the published one with the in-place fix (regenerate: node scripts/vendor-algebrite.mjs).
    const published1 = readFileSync(createRequire(import.meta.url).resolve('algebrite'), 'utf8');
    expect((vendoredSource as (s: string) => string)(published1) === readFileSync('vendor/algebrite/algebrite.cjs', 'utf8')).toBe(true);
    for (const e of expressions) {
      published.run('clearall');
      fast.run('clearall');
      expect(fast.run(e), e).toBe(published.run(e));
    }
  });
});
