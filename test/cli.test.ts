import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) => spawnSync(process.execPath, ['bin/detuned-paramp.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('detuned-paramp', () => {
  it('--help explains verify and its options', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    for (const word of ['verify', '--json', '--only', '--witnesses', 'erratum', 'Exit codes']) expect(r.stdout).toContain(word);
  });
  it('a usage error exits 2 with a one-line message and no stack trace', () => {
    for (const args of [['verify', '--bogus'], ['verify', '--only', 'nope'], ['frobnicate'], ['verify', '--witnesses', 'maple']]) {
      const r = run(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^detuned-paramp: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
  it('verify --json prints the claims with the documented keys', () => {
    const r = run('verify', '--json', '--only', 'eq6', '--only', 'eq2.chi');
    expect(r.status).toBe(0);
    const ledger = JSON.parse(r.stdout);
    expect(ledger.claims.map((c: { id: string }) => c.id)).toEqual(['eq2.chi', 'eq6']);
    for (const c of ledger.claims) for (const key of ['id', 'equation', 'status', 'printed', 'derived', 'evidence']) expect(c).toHaveProperty(key);
    expect(ledger.conventions.quadratures).toContain('[X, Y] = i');
  }, 60_000);
});
