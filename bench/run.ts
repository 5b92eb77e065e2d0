/**
 * npm run bench: throughput of the exact and numeric layers, and the wall times the issues set
 * targets for (start-up, verify, verify --html, figure2, npm test). Figures are printed, never asserted.
 * `npm run bench -- --baseline REF` also measures the wall times at another commit;
 * `npm run bench -- --only TEXT` measures only the wall times whose label contains TEXT.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { q, RationalFunction as R } from '../src/exact/rationalFunction.ts';
import { Operator, mode } from '../src/operators/operator.ts';
import { momentumQuadrature, positionQuadrature } from '../src/operators/quadratures.ts';
import { riccatiSteadyState } from '../src/numeric/riccati.ts';
import { intervalMatrix } from '../src/numeric/fromExact.ts';
import { intervalArithmetic } from '../src/numeric/interval.ts';
import { encloseRiccatiOver } from '../src/numeric/riccatiEnclosure.ts';
import { modelMatrices, solveModel } from '../src/app/solve.ts';
import { solveCertified } from '../src/app/certifiedSolve.ts';
import { isQuantityPointer } from '../src/app/reference.ts';
import { simulate, simulationOf } from '../src/app/simulate.ts';
import { resolveParameters } from '../src/models/parameters.ts';

const onlyAt = process.argv.indexOf('--only');
const only = onlyAt < 0 ? undefined : process.argv[onlyAt + 1];
if (onlyAt >= 0 && only === undefined) throw new Error('--only needs a text to look for in the labels');

function rate(label: string, unit: string, seconds: number, body: () => void): void {
  if (only !== undefined) return;
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < seconds * 1000) {
    body();
    n++;
  }
  const perSecond = n / ((performance.now() - start) / 1000);
  console.log(`${label.padEnd(68)} ${Math.round(perSecond).toLocaleString('en-US').padStart(12)} ${unit}/s`);
}

const g = R.symbol('γ', { ascii: 'gamma', positive: true });
const d = R.symbol('Δ', { ascii: 'Delta' });
const c = R.symbol('χ', { ascii: 'chi', positive: true });
const p1 = g
  .add(d)
  .sub(c.mul(q(3, 2)))
  .asPolynomial()!;
const p2 = g
  .sub(d.mul(q(2)))
  .add(c)
  .add(q(1, 3))
  .asPolynomial()!;
const p3 = g.mul(g).add(d.mul(c)).sub(q(5)).asPolynomial()!;

console.log('exact layer');
rate('polynomial product, 3 terms × 4 terms (rational coefficients)', 'products', 1, () => p1.mul(p2));
rate('polynomial product, 4 terms × 3 terms, then × 3 terms', 'products', 1, () => p2.mul(p3).mul(p1));
rate('rational-function product with cancellation', 'products', 1, () => R.fraction(p1, p3).mul(R.fraction(p3, p2)));

const a = mode('bench_a');
const b = mode('bench_b');
const xp = positionQuadrature(a).add(positionQuadrature(b));
const ym = momentumQuadrature(a).sub(momentumQuadrature(b));
const hq = xp
  .mul(xp)
  .scale(d.add(c))
  .add(ym.mul(ym).scale(d.sub(c)));
const cubic = Operator.creation(a).mul(Operator.annihilation(a)).add(Operator.creation(b).pow(2));
rate('normal ordering: (X₁+X₂)² with √2 coefficients', 'products', 1, () => xp.mul(xp));
rate('normal ordering: quadratic H × quadratic H (symbolic coefficients)', 'products', 1, () => hq.mul(hq));
rate('normal ordering: (a†a + b†²)³', 'products', 1, () => cubic.mul(cubic).mul(cubic));

console.log('\nnumeric layer (model one: γ = 1, Δ = 30, χ = 25, N = 5, μ = 5, η = 1)');
const params = resolveParameters('modulated', { delta: '30', chi: '25', nbar: '5', mu: '5' });
for (const digits of [30, 50]) {
  const m = modelMatrices(params, digits);
  rate(`4×4 Riccati steady state at ${digits} digits (target at 50: < 5 ms each)`, 'solves', 2, () =>
    riccatiSteadyState(digits, m.drift, m.diffusion, m.measurement),
  );
}
rate('whole solve at 50 digits (threshold, Lyapunov, Riccati, S, E_N two ways)', 'solves', 2, () => solveModel(params, 50));
{
  const I = intervalArithmetic(50);
  const s = params.model.system;
  const [A, D, M] = [s.drift, s.diffusion, s.measurement].map((x) => intervalMatrix(I, x, params.values));
  const m = modelMatrices(params, 50);
  const v = riccatiSteadyState(50, m.drift, m.diffusion, m.measurement).covariance;
  rate('Krawczyk enclosure of that Riccati state at 50 digits (A, D, M exact)', 'proofs', 2, () => encloseRiccatiOver(I, A!, D!, M!, v));
}
// Issue 22's target: a certified solve ≤ 2× the whole solve above.
rate('certified solve at 50 digits: every printed number enclosed (what solve prints)', 'solves', 2, () => solveCertified(params, 50));
rate('certified, only the reference columns (reference, compare)', 'solves', 2, () => solveCertified(params, 50, isQuantityPointer));
const separable = resolveParameters('modulated', { delta: '30', chi: '25', nbar: '50', mu: '5' });
rate('certified solve, a separable state (N = 50): its E_N = 0 proved', 'solves', 2, () => solveCertified(separable, 50));
const weak = resolveParameters('modulated', { delta: '0', chi: '1e-60' });
rate('certified solve, weak entanglement (Δ = 0, χ = 10⁻⁶⁰): E_N to 50 digits', 'solves', 2, () => solveCertified(weak, 50));

console.log('\nsimulation (issue 12 target: 10⁶ steps of the 4×4 record and filter in < 2 s, doubles)');
{
  const setup = simulationOf(params);
  const start = performance.now();
  simulate(setup.record, setup.basis, { duration: 200, dt: 2e-4, seed: 1, steadyCovariance: setup.steady, startCovariance: setup.start });
  console.log(`${'10⁶ steps of simulation and Kalman-Bucy filter'.padEnd(68)} ${((performance.now() - start) / 1000).toFixed(2).padStart(8)} s`);
}

/** Wall seconds of one command run in `root` (a checkout of this repository). */
function seconds(root: string, command: string, args: string[]): { seconds: number; status: number | null; stdout: string } {
  const start = performance.now();
  const r = spawnSync(command, args, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { seconds: (performance.now() - start) / 1000, status: r.status, stdout: r.stdout };
}

/** solve --frame lab at one quality factor: either model at the paper's point (Δ = Γ = 30γ), 30 digits, both routes and the unconditional state. */
function labPoint(model: 'modulated' | 'constant', q: string, target: string): { label: string; target: string; command: string; args: string[] } {
  const point = [model === 'modulated' ? '--delta' : '--coupling', '30', '--chi', '25', '--nbar', '5', '--mu', '5'];
  return {
    label: `solve --frame lab --q ${q}, model ${model === 'modulated' ? 'one' : 'two'}, paper's point, 30 digits, both states`,
    target,
    command: process.execPath,
    args: ['bin/detuned-paramp.js', 'solve', '--model', model, ...point, '--frame', 'lab', '--q', q, '--json'],
  };
}

/** `npm run verify`'s node arguments (its V8 flags: a larger young generation saves verify about a twentieth in collecting garbage). */
const verifyArgs = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { verify: string } }).scripts.verify.split(' ').slice(1);

const TARGETS: ReadonlyArray<{ label: string; target: string; command: string; args: string[] }> = [
  { label: 'CLI start-up: --help', target: '≤ 0.3 s', command: process.execPath, args: ['bin/detuned-paramp.js', '--help'] },
  {
    label: 'verify, every claim, exact engine only (--no-witnesses)',
    target: '',
    command: process.execPath,
    args: [...verifyArgs, '--no-witnesses'],
  },
  {
    label: 'the same with --html (the audit page)',
    target: '≤ the line above + 1 s',
    command: process.execPath,
    args: [...verifyArgs, '--no-witnesses', '--html', mkdtempSync(join(tmpdir(), 'bench-html-'))],
  },
  { label: 'npm run verify: every claim with every witness', target: '7-8 s, goal 5 s', command: process.execPath, args: verifyArgs },
  { label: 'the same as npx detuned-paramp verify (no V8 flags)', target: '', command: process.execPath, args: ['bin/detuned-paramp.js', 'verify'] },
  {
    label: 'derive, a two-mode model file',
    target: '< 1 s',
    command: process.execPath,
    args: ['bin/detuned-paramp.js', 'derive', 'models/one-oscillator-measured.yaml'],
  },
  {
    label: 'derive, a three-mode model file',
    target: '< 3 s',
    command: process.execPath,
    args: ['bin/detuned-paramp.js', 'derive', 'models/two-oscillators-cavity.yaml'],
  },
  {
    label: 'derive, the eight-mode ring (the most modes a file may have)',
    target: '< 5 s',
    command: process.execPath,
    args: ['bin/detuned-paramp.js', 'derive', 'models/ring-of-eight.yaml'],
  },
  {
    label: 'solve, the eight-mode ring, certified (50 digits, 8 bipartitions, χ_th)',
    target: '≤ 30 s',
    command: process.execPath,
    args: ['bin/detuned-paramp.js', 'solve', '--model-file', 'models/ring-of-eight.yaml', '--set', 'delta=3', '--set', 'chi=1', '--set', 'nbar=1'],
  },
  {
    label: 'simulate: 10⁶ steps of the 4×4 record and filter (whole process)',
    target: '< 2 s',
    command: process.execPath,
    args: [
      'bin/detuned-paramp.js',
      'simulate',
      '--model',
      'modulated',
      '--delta',
      '30',
      '--chi',
      '25',
      '--nbar',
      '5',
      '--mu',
      '5',
      '--duration',
      '200',
      '--dt',
      '2e-4',
      '--seed',
      '1',
      '--out',
      mkdtempSync(join(tmpdir(), 'bench-sim-')),
    ],
  },
  {
    label: 'figure2 at 30 digits, 121 points, minima proved',
    target: '< 10 s',
    command: process.execPath,
    args: ['bin/detuned-paramp.js', 'figure2', '--out', mkdtempSync(join(tmpdir(), 'bench-fig-'))],
  },
  {
    label: 'figure2 --certify-global: every plotted minimum proved the least over the range',
    target: '',
    command: process.execPath,
    args: ['bin/detuned-paramp.js', 'figure2', '--certify-global', '--out', mkdtempSync(join(tmpdir(), 'bench-fig-global-'))],
  },
  {
    label: 'figure2 --certify-grid: every grid value proved too',
    target: '',
    command: process.execPath,
    args: ['bin/detuned-paramp.js', 'figure2', '--certify-grid', '--out', mkdtempSync(join(tmpdir(), 'bench-fig-grid-'))],
  },
  ...(
    [
      ['modulated', '1e3', '≤ 2 s'],
      ['modulated', '1e9', '≤ 2 s'],
      ['constant', '1e3', '≤ 2 s'],
      ['constant', '1e9', '≤ 2 s'],
      ['modulated', '100', '≤ 10 s'],
    ] as const
  ).map(([model, q, target]) => labPoint(model, q, target)),
  { label: 'npm test', target: '≤ 20 s', command: process.execPath, args: ['node_modules/vitest/vitest.mjs', 'run', '--reporter=dot'] },
];

/**
 * `npm run bench -- --baseline REF` measures the same commands in a worktree of REF (npm ci run
 * there), so that before and after come from one run on one machine.
 */
function baselineCheckout(): { ref: string; root: string } | undefined {
  const k = process.argv.indexOf('--baseline');
  if (k < 0) return undefined;
  const ref = process.argv[k + 1];
  if (ref === undefined) throw new Error('--baseline needs a git ref');
  const root = mkdtempSync(join(tmpdir(), 'bench-baseline-'));
  for (const [command, args] of [
    ['git', ['worktree', 'add', '--detach', root, ref]],
    ['npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund']],
  ] as const) {
    const r = spawnSync(command, [...args], { cwd: command === 'git' ? '.' : root, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${root}`);
  }
  return { ref, root };
}

const baseline = baselineCheckout();
console.log(`\nwall times, whole process including start-up${baseline ? `; before = ${baseline.ref}` : ''}`);
for (const t of TARGETS.filter((x) => only === undefined || x.label.includes(only))) {
  const now = seconds('.', t.command, t.args);
  const before = baseline ? seconds(baseline.root, t.command, t.args) : undefined;
  const inner = /^([\d.]+) s$/m.exec(now.stdout)?.[1];
  console.log(
    `${`${t.label}${t.target ? ` (target ${t.target})` : ''}`.padEnd(68)} ${now.seconds.toFixed(2).padStart(7)} s (exit ${now.status}${inner ? `, claims ${inner} s` : ''})${before ? `   before ${before.seconds.toFixed(2)} s (exit ${before.status})` : ''}`,
  );
}
if (baseline) spawnSync('git', ['worktree', 'remove', '--force', baseline.root], { stdio: 'ignore' });
