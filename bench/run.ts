/**
 * npm run bench: throughput of the exact layer and wall times of verify. Figures are printed,
 * never asserted. Targets (issue 2): ≥ 100,000 small-polynomial products per second; the
 * symbolic verify under 3 s on 2 cores.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { q, RationalFunction as R } from '../src/exact/rationalFunction.ts';
import { Operator, mode } from '../src/operators/operator.ts';
import { momentumQuadrature, positionQuadrature } from '../src/operators/quadratures.ts';
import { riccatiSteadyState } from '../src/numeric/riccati.ts';
import { modelMatrices, solveModel } from '../src/app/solve.ts';
import { resolveParameters } from '../src/models/parameters.ts';
import { claims } from '../proofs/index.ts';

function rate(label: string, unit: string, seconds: number, body: () => void): void {
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
const p1 = g.add(d).sub(c.mul(q(3, 2))).asPolynomial()!;
const p2 = g.sub(d.mul(q(2))).add(c).add(q(1, 3)).asPolynomial()!;
const p3 = g.mul(g).add(d.mul(c)).sub(q(5)).asPolynomial()!;

console.log('exact layer');
rate('polynomial product, 3 terms × 4 terms (rational coefficients)', 'products', 1, () => p1.mul(p2));
rate('polynomial product, 4 terms × 3 terms, then × 3 terms', 'products', 1, () => p2.mul(p3).mul(p1));
rate('rational-function product with cancellation', 'products', 1, () => R.fraction(p1, p3).mul(R.fraction(p3, p2)));

const a = mode('bench_a');
const b = mode('bench_b');
const xp = positionQuadrature(a).add(positionQuadrature(b));
const ym = momentumQuadrature(a).sub(momentumQuadrature(b));
const hq = xp.mul(xp).scale(d.add(c)).add(ym.mul(ym).scale(d.sub(c)));
const cubic = Operator.creation(a).mul(Operator.annihilation(a)).add(Operator.creation(b).pow(2));
rate('normal ordering: (X₁+X₂)² with √2 coefficients', 'products', 1, () => xp.mul(xp));
rate('normal ordering: quadratic H × quadratic H (symbolic coefficients)', 'products', 1, () => hq.mul(hq));
rate('normal ordering: (a†a + b†²)³', 'products', 1, () => cubic.mul(cubic).mul(cubic));

console.log('\nnumeric layer (model one: γ = 1, Δ = 30, χ = 25, N = 5, μ = 5, η = 1)');
const params = resolveParameters('modulated', { delta: '30', chi: '25', nbar: '5', mu: '5' });
for (const digits of [30, 50]) {
  const m = modelMatrices(params, digits);
  rate(`4×4 Riccati steady state at ${digits} digits (target at 50: < 5 ms each)`, 'solves', 2, () => riccatiSteadyState(digits, m.drift, m.diffusion, m.measurement));
}
rate('whole solve at 50 digits (threshold, Lyapunov, Riccati, S, E_N two ways)', 'solves', 2, () => solveModel(params, 50));

function wall(label: string, args: string[]): void {
  const start = performance.now();
  const r = spawnSync(process.execPath, ['bin/detuned-paramp.js', ...args], { encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  const inner = /^([\d.]+) s$/m.exec(r.stdout)?.[1];
  console.log(`${label.padEnd(68)} ${seconds.toFixed(2).padStart(8)} s wall (${inner === undefined ? '' : `claims ${inner} s, `}exit ${r.status})`);
}

console.log('\nverify (every claim), whole process including start-up; targets: symbolic < 3 s, all < 10 s');
const symbolic = claims.filter((c) => /^[257]\. /.test(c.section)).flatMap((c) => ['--only', c.id]);
wall(`symbolic claims of Eqs. 1-8, 19-28 (${symbolic.length / 2}), exact engine only, target < 3 s`, ['verify', '--no-witnesses', ...symbolic]);
wall('every claim, exact engine only (--no-witnesses, 1 process)', ['verify', '--no-witnesses']);
wall('exact + all three witnesses, numeric claims at 50 digits (default, 2 processes)', ['verify']);
wall('exact + all three witnesses, 1 process', ['verify', '--jobs', '1']);
wall('exact + all three witnesses, numeric claims at 30 digits', ['verify', '--digits', '30']);

console.log('\nfigure2 (11 curves × 121 points in two processes, minima refined, back-action crossings), target < 10 s at 30 digits');
wall('detuned-paramp figure2 --out <tmp> at 30 digits', ['figure2', '--out', mkdtempSync(join(tmpdir(), 'bench-fig-'))]);
