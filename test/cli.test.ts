import { spawnSync } from 'node:child_process';
import { optimalMu } from '../proofs/closedForms.ts';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  it('solve --json holds the documented keys, every number a decimal string', () => {
    const r = run('solve', '--model', 'modulated', '--delta', '30', '--chi', '25', '--nbar', '5', '--mu', '5', '--digits', '30', '--json');
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout);
    for (const key of ['model', 'params', 'conventions', 'stable', 'chiTh', 'S', 'Valpha', 'alpha', 'logNegativity', 'expMinusLogNegativity', 'covariance', 'residual']) expect(s).toHaveProperty(key);
    expect(s.stable).toBe(true);
    expect(s.Valpha).toHaveLength(2);
    expect(s.covariance).toHaveLength(4);
    expect(typeof s.S).toBe('string');
    // χ_th = √(γ² + Δ²) = √901 = 30.01666203960726…
    expect(s.chiTh.startsWith('30.0166620396072687')).toBe(true);
  }, 30_000);
  it('solve above threshold: "stable": false, no steady-state numbers, the conditional state reported apart', () => {
    const s = JSON.parse(run('solve', '--model', 'modulated', '--delta', '3', '--chi', '25', '--mu', '1', '--digits', '20', '--json').stdout);
    expect(s.stable).toBe(false);
    expect(s).not.toHaveProperty('S');
    expect(s).not.toHaveProperty('covariance');
    expect(s.conditionalAboveThreshold).toHaveProperty('S');
    expect(s.notes.join(' ')).toMatch(/above threshold/);
  }, 30_000);
  it('solve refuses bad input with exit 2, naming the parameter and its range', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--model', 'modulated', '--delta', '3', '--chi', '1', '--eta', '1.5'], /--eta = 1\.5: out of range; .*0 ≤ η ≤ 1/],
      [['--model', 'modulated', '--delta', '3', '--chi', '1', '--mu=-1'], /--mu = -1: out of range/],
      [['--model', 'modulated', '--chi', '1'], /--delta is required/],
      [['--model', 'modulated', '--delta', 'abc', '--chi', '1'], /--delta: "abc" is not a number/],
      [['--model', 'constant', '--delta', '3', '--chi', '1', '--coupling', '2'], /--delta does not apply to the constant model/],
      [['--model', 'bogus', '--chi', '1'], /--model/],
      [['--model', 'single', '--delta', '1', '--chi', '1', '--digits', '5'], /--digits = 5/],
      [['--model', 'modulated', '--delta', '1', '--chi', '1', '--gamma', '0'], /--gamma = 0: out of range/],
    ];
    for (const [args, message] of cases) {
      const r = run('solve', ...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at |NaN|Infinity/);
    }
  }, 60_000);
  it('figure2 writes its data and plots, with the minimum of each curve', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fig-'));
    const r = run('figure2', '--out', dir, '--points', '7');
    expect(r.status).toBe(0);
    for (const f of ['figure2.json', 'figure2.csv', 'figure2.svg', 'figure2-alternatives.svg']) expect(existsSync(join(dir, f))).toBe(true);
    const data = JSON.parse(readFileSync(join(dir, 'figure2.json'), 'utf8'));
    expect(data.curves.length).toBeGreaterThanOrEqual(4);
    expect(data.curves[0].points).toHaveLength(7);
    expect(data.curves[0].points[0].S.replace(/[-.]/g, '').replace(/e.*$/, '').length).toBeGreaterThanOrEqual(25);
    expect(readFileSync(join(dir, 'figure2.svg'), 'utf8')).toMatch(/^<svg/);
    // The refined minimum of the Riccati curve against the closed form (16)-(18) minimised over μ.
    const closed = optimalMu({ gamma: '1', delta: '25', chi: '25', nbar: '5', eta: '1' });
    const one25 = data.curves.find((c: { id: string }) => c.id === 'one-25');
    expect(Number(one25.minimumS.S)).toBeCloseTo(closed.S, 6);
    expect(Number(one25.minimumS.mu)).toBeCloseTo(closed.mu, 2);
  }, 60_000);
  it('reference then compare: exit 0 on its own data, 1 on a changed value, 2 on a malformed file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ref-'));
    expect(run('reference', '--out', dir).status).toBe(0);
    const csvPath = join(dir, 'reference.csv');
    expect(run('compare', csvPath).status).toBe(0);
    const lines = readFileSync(csvPath, 'utf8').split('\n');
    const header = lines[0]!.split(',');
    const cells = lines[1]!.split(',');
    const k = header.indexOf('S');
    cells[k] = String(Number(cells[k]) * 1.01);
    writeFileSync(join(dir, 'changed.csv'), `${lines[0]}\n${cells.join(',')}\n`);
    const changed = run('compare', join(dir, 'changed.csv'), '--json');
    expect(changed.status).toBe(1);
    expect(JSON.parse(changed.stdout).failed).toBe(1);
    writeFileSync(join(dir, 'bad.csv'), 'model,chi,S\nmodulated,x,1\n');
    const bad = run('compare', join(dir, 'bad.csv'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/line 2, column 2 \(chi\)/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(run('compare', join(dir, 'missing.csv')).status).toBe(2);
  }, 60_000);
});
