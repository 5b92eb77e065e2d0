/**
 * What `derive FILE` prints: the exact objects the engine derives from a model file, as text,
 * JSON (every value a string in the ASCII expression language) or LaTeX.
 */
import { RationalFunction } from '../exact/rationalFunction.ts';
import type { Matrix } from '../exact/matrix.ts';
import { covarianceEquations } from '../gaussian/conditional.ts';
import { lienardChipart } from '../gaussian/stability.ts';
import type { ModelFile } from '../models/modelFile.ts';
import { latexIdentifier, latexMatrix, latexOf } from './latex.ts';

export interface Derivation {
  readonly basis: readonly string[];
  /** dr_i/dt = Σ_j A_ij r_j + noise, one per basis element. */
  readonly equationsOfMotion: ReadonlyArray<{ readonly of: string; readonly terms: ReadonlyArray<{ readonly coefficient: RationalFunction; readonly of: string }> }>;
  readonly drift: Matrix;
  readonly diffusion: Matrix;
  readonly measurement: Matrix;
  /** Ω_ij = −i[r_i, r_j]. */
  readonly commutators: Matrix;
  /** dV_ij/dt for i ≤ j, V_ij the symmetrised covariance of r_i and r_j. */
  readonly covarianceEquations: ReadonlyArray<{ readonly i: number; readonly j: number; readonly rate: RationalFunction }>;
  /** The drift is stable iff every one of these is > 0 (Liénard-Chipart). */
  readonly stabilityConditions: readonly RationalFunction[];
}

export function derivation(model: ModelFile): Derivation {
  const s = model.system;
  const n = s.basis.length;
  const v: Matrix = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => covarianceSymbol(s.basis[Math.min(i, j)]!, s.basis[Math.max(i, j)]!)));
  const rates = covarianceEquations(s, v);
  return {
    basis: s.basis,
    equationsOfMotion: s.basis.map((of, i) => ({ of, terms: s.basis.map((b, j) => ({ coefficient: s.drift[i]![j]!, of: b })).filter((t) => !t.coefficient.isZero()) })),
    drift: s.drift,
    diffusion: s.diffusion,
    measurement: s.measurement,
    commutators: s.symplectic,
    covarianceEquations: rates.flatMap((row, i) => row.flatMap((rate, j) => (j >= i ? [{ i, j, rate }] : []))),
    stabilityConditions: lienardChipart(s.drift),
  };
}

/** V(a,b), written V__a__b in the ASCII language (which the LaTeX renderer reads as V_{a b}). */
function covarianceSymbol(a: string, b: string): RationalFunction {
  return RationalFunction.symbol(`V(${a},${b})`, { ascii: `V__${a}__${b}` });
}

const matrixText = (m: Matrix) => m.map((row) => `  [${row.map((x) => x.toString()).join(', ')}]`).join('\n');
const motion = (d: Derivation, style: 'unicode' | 'ascii') =>
  d.equationsOfMotion.map((e) => `d${e.of}/dt = ${e.terms.map((t) => `(${t.coefficient.toString(style)})*${t.of}`).join(' + ') || '0'} + noise`);

export function derivationText(model: ModelFile, d: Derivation): string {
  return [
    `${model.file}: modes ${model.modes.join(', ')}; parameters ${model.parameters.map((p) => `${p.name} (${p.domainText})`).join(', ')}`,
    `H/ħ = ${model.hamiltonianText}`,
    '',
    'equations of motion (Heisenberg-Langevin, rotating frame):',
    ...motion(d, 'unicode').map((l) => `  ${l}`),
    '',
    `drift A (basis ${d.basis.join(', ')}):`,
    matrixText(d.drift),
    'diffusion D:',
    matrixText(d.diffusion),
    'measurement M (conditional term −VMV):',
    matrixText(d.measurement),
    'commutators Ω_ij = −i[r_i, r_j]:',
    matrixText(d.commutators),
    '',
    'conditional covariance equations (dV/dt = AV + VAᵀ + D − VMV):',
    ...d.covarianceEquations.map((e) => `  dV(${d.basis[e.i]},${d.basis[e.j]})/dt = ${e.rate}`),
    '',
    'stable (below threshold) iff every one of these is > 0 (Liénard-Chipart):',
    ...d.stabilityConditions.map((c) => `  ${c} > 0`),
  ].join('\n');
}

export function derivationJson(model: ModelFile, d: Derivation): object {
  const m = (x: Matrix) => x.map((row) => row.map((y) => y.toString('ascii')));
  return {
    file: model.file,
    modes: model.modes,
    parameters: Object.fromEntries(model.parameters.map((p) => [p.name, p.domainText])),
    hamiltonian: model.hamiltonianText,
    basis: d.basis,
    equationsOfMotion: motion(d, 'ascii'),
    drift: m(d.drift),
    diffusion: m(d.diffusion),
    measurement: m(d.measurement),
    commutators: m(d.commutators),
    covarianceEquations: Object.fromEntries(d.covarianceEquations.map((e) => [`V__${d.basis[e.i]}__${d.basis[e.j]}`, e.rate.toString('ascii')])),
    stabilityConditions: d.stabilityConditions.map((c) => `${c.toString('ascii')} > 0`),
    conventions: 'X = (a + a†)/√2, Y = −i(a − a†)/√2; V_ij = ½⟨{δr_i, δr_j}⟩; dV/dt = AV + VAᵀ + D − VMV; rate·D[L] for each dissipator; μD[c] + √(ημ)H[c] for each measurement',
  };
}

export function derivationLatex(d: Derivation): string {
  const name = latexIdentifier;
  const cov = (i: number, j: number) => latexOf(covarianceSymbol(d.basis[i]!, d.basis[j]!));
  return [
    '\\begin{align}',
    ...d.equationsOfMotion.map((e) => `  \\dot{${name(e.of)}} &= ${e.terms.map((t) => `\\left(${latexOf(t.coefficient)}\\right) ${name(t.of)}`).join(' + ') || '0'} + \\text{noise} \\\\`),
    ...d.covarianceEquations.map((e) => `  \\dot{${cov(e.i, e.j)}} &= ${latexOf(e.rate)} \\\\`),
    '\\end{align}',
    `A = ${latexMatrix(d.drift)}, \\quad D = ${latexMatrix(d.diffusion)}, \\quad M = ${latexMatrix(d.measurement)}, \\quad \\Omega = ${latexMatrix(d.commutators)}`,
    '',
    `\\text{stable iff } ${d.stabilityConditions.map((c) => `${latexOf(c)} > 0`).join(',\\; ')}`,
  ].join('\n');
}
