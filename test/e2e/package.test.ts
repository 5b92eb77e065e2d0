/**
 * The package as a user gets it: `npm pack`, installed into a scratch project, imported from
 * plain Node ESM and from TypeScript (typechecked against the shipped declarations with no
 * @types, then run). The numbers are checked against the closed form (16)-(18) typed
 * independently in test/support, and E_N = −ln S for model one.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Decimal as Decimal20 } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { independentS } from '../support/independentClosedForms.ts';

const Decimal = Decimal20.clone({ precision: 60 });
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let project: string;

const USE_MJS = `
import { readFileSync } from 'node:fs';
import { solve, solveProved, solutionJson, derive, logNegativity, InputError, loadModelFile } from 'detuned-paramp';
const proved = solutionJson(solveProved('modulated', { delta: '30', chi: '25', nbar: '5', mu: '5' }, { digits: 30 }));
const s = solve('modulated', { delta: '30', chi: '25', nbar: '5', mu: '5' }, { digits: 30 });
let refused = '';
try { logNegativity([[1, 0], [0, 1]]); } catch (err) { refused = err instanceof InputError ? err.message : 'another error'; }
const cavity = loadModelFile(readFileSync('node_modules/detuned-paramp/models/two-oscillators-cavity.yaml', 'utf8'), 'cavity.yaml');
const f = solve(cavity, { gamma: 1, delta: 30, chi: 25, nbar: 5, g: 0, kappa: 2, mu: 5, eta: 1 }, { digits: 30 });
console.log(JSON.stringify({ S: s.analysis.S.toString(), EN: logNegativity(s.conditional.covariance).logNegativity.toString(), basis: derive('constant').basis, refused, cavityEN: f.bipartitions[0].logNegativity.toString(), certified: proved.certified, provedS: proved.enclosures['/S'] }));
`;

const USE_TS = `
import { solve, derive, analyseTwoMode, type Derivation, type Matrix, type Solution, type TwoModeAnalysis } from 'detuned-paramp';
const s: Solution = solve('modulated', { delta: 30, chi: 25, nbar: 5, mu: 5 });
const d: Derivation = derive('modulated');
const drift: Matrix = d.drift;
const a: TwoModeAnalysis = analyseTwoMode(s.conditional!.covariance);
const a0 = a.S;
// @ts-expect-error: results are readonly
s.conditional!.covariance[0]![0] = a0;
// @ts-expect-error: results are readonly
s.notes.push('changed');
const regime: 'below-threshold' | 'at-threshold' | 'above-threshold' = s.regime;
// @ts-expect-error: null above ten rows, so a consumer must say what it does then
d.stabilityConditions.length;
console.log(JSON.stringify({ regime, conditions: d.stabilityConditions?.length ?? 'not derived', size: drift.length, S: a.S.toString() }));
`;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'detuned-paramp-package-'));
  // dist/ is current (test/globalSetup.ts), so packing needs no second build.
  execFileSync(NPM, ['pack', '--ignore-scripts', '--silent', '--pack-destination', project], { stdio: 'ignore' });
  const tarball = readdirSync(project).find((f) => f.endsWith('.tgz'))!;
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  execFileSync(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent', `./${tarball}`], { cwd: project, stdio: 'ignore' });
  writeFileSync(join(project, 'use.mjs'), USE_MJS);
  writeFileSync(join(project, 'use.ts'), USE_TS);
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, types: [] },
      files: ['use.ts'],
    }),
  );
}, 120_000);

afterAll(() => rmSync(project, { recursive: true, force: true }));

const expectedS = independentS('1', '30', '25', '5', '5', '1');

describe('the packed package', () => {
  it('imports from plain Node ESM: solve, solveProved, derive, logNegativity with entry checks, and a shipped model file', () => {
    const out = JSON.parse(execFileSync(process.execPath, ['use.mjs'], { cwd: project, encoding: 'utf8' })) as {
      S: string;
      EN: string;
      basis: string[];
      refused: string;
      cavityEN: string;
      certified: boolean;
      provedS: [string, string];
    };
    expect(new Decimal(out.S).toSignificantDigits(28).toString()).toBe(new Decimal(expectedS).toSignificantDigits(28).toString());
    expect(new Decimal(out.EN).minus(new Decimal(expectedS).ln().neg()).abs().lt('1e-27')).toBe(true);
    expect(out.basis).toEqual(['X1', 'Y1', 'X2', 'Y2']);
    expect(out.refused).toMatch(/^covariance: a 4×4/);
    // solveProved: every printed number enclosed, and S's enclosure holds the closed form.
    expect(out.certified).toBe(true);
    const fineS = new Decimal(independentS('1', '30', '25', '5', '5', '1', 80));
    expect(new Decimal(out.provedS[0]).lte(fineS) && fineS.lte(new Decimal(out.provedS[1]))).toBe(true);
    // A shipped three-mode model file, its cavity uncoupled: model one's E_N again.
    expect(new Decimal(out.cavityEN).minus(new Decimal(expectedS).ln().neg()).abs().lt('1e-27')).toBe(true);
  });
  it('typechecks against its declarations from TypeScript, with no @types, and runs', () => {
    execFileSync(process.execPath, [resolve('node_modules/typescript/bin/tsc'), '-p', '.'], { cwd: project, encoding: 'utf8' });
    const out = JSON.parse(
      execFileSync(process.execPath, ['--import', resolve('node_modules/tsx/dist/esm/index.mjs'), 'use.ts'], { cwd: project, encoding: 'utf8' }),
    ) as { regime: string; conditions: number; S: string };
    expect(out.regime).toBe('below-threshold');
    expect(out.conditions).toBeGreaterThan(0);
    expect((out as { size?: number }).size).toBe(4);
    expect(new Decimal(out.S).toSignificantDigits(40).toString()).toBe(expectedS);
  });
  it('writes the audit page from the installed command: KaTeX and the shipped figures found, no commit claimed', () => {
    execFileSync(
      process.execPath,
      ['node_modules/detuned-paramp/bin/detuned-paramp.js', 'verify', '--no-witnesses', '--only', 'eq25.noise', '--html', 'audit'],
      { cwd: project, stdio: 'ignore' },
    );
    const page = readFileSync(join(project, 'audit', 'index.html'), 'utf8');
    expect(page).toContain('id="eq25.noise" data-status="erratum"');
    expect(page).toContain('class="katex"');
    expect((page.match(/<img src="data:image\/svg\+xml;base64,/g) ?? []).length).toBe(3);
    expect(page).toContain('commit <code>none (not a git checkout of detuned-paramp)</code>');
  });
});
