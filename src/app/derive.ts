/**
 * What `derive FILE` prints: the exact objects the engine derives from a model file, as text,
 * JSON (every value a string in the ASCII expression language) or LaTeX.
 */
import { Polynomial } from '../exact/polynomial.ts';
import { q, RationalFunction, symbolIndex } from '../exact/rationalFunction.ts';
import type { Matrix } from '../exact/matrix.ts';
import { covarianceEquations } from '../gaussian/conditional.ts';
import { lienardChipart, SYMBOLIC_STABILITY_ROWS } from '../gaussian/stability.ts';
import type { ModelFile } from '../models/modelFile.ts';
import { latexIdentifier, latexMatrix, latexOf } from '../render/latex.ts';

export interface Derivation {
  readonly basis: readonly string[];
  /** dr_i/dt = Σ_j A_ij r_j + noise, one per basis element. */
  readonly equationsOfMotion: ReadonlyArray<{
    readonly of: string;
    readonly terms: ReadonlyArray<{ readonly coefficient: RationalFunction; readonly of: string }>;
    readonly force: RationalFunction;
  }>;
  readonly drift: Matrix;
  readonly diffusion: Matrix;
  readonly measurement: Matrix;
  /** Ω_ij = −i[r_i, r_j]. */
  readonly commutators: Matrix;
  /** dV_ij/dt for i ≤ j, V_ij the symmetrised covariance of r_i and r_j. */
  readonly covarianceEquations: ReadonlyArray<{ readonly i: number; readonly j: number; readonly rate: RationalFunction }>;
  /** The drift is stable iff every one of these is > 0 (Liénard-Chipart); null above SYMBOLIC_STABILITY_ROWS rows. */
  readonly stabilityConditions: readonly RationalFunction[] | null;
  /**
   * Where a condition changes sign in the file's `threshold` parameter p, for the conditions with a
   * closed form: a polynomial in p² of degree 1, or of degree 2 with a double root. The threshold
   * is the least p at which any condition fails, which may be one without a closed form here.
   */
  readonly thresholdRoots: ReadonlyArray<{ readonly condition: number; readonly squared: RationalFunction }>;
}

export function derivation(model: ModelFile): Derivation {
  const s = model.system;
  const n = s.basis.length;
  const v: Matrix = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => covarianceSymbol(s.basis[Math.min(i, j)]!, s.basis[Math.max(i, j)]!)),
  );
  const rates = covarianceEquations(s, v);
  const conditions = s.drift.length > SYMBOLIC_STABILITY_ROWS ? null : lienardChipart(s.drift);
  return {
    basis: s.basis,
    equationsOfMotion: s.basis.map((of, i) => ({
      of,
      terms: s.basis.map((b, j) => ({ coefficient: s.drift[i]![j]!, of: b })).filter((t) => !t.coefficient.isZero()),
      force: s.force[i]!,
    })),
    drift: s.drift,
    diffusion: s.diffusion,
    measurement: s.measurement,
    commutators: s.symplectic,
    covarianceEquations: rates.flatMap((row, i) => row.flatMap((rate, j) => (j >= i ? [{ i, j, rate }] : []))),
    stabilityConditions: conditions,
    thresholdRoots: model.thresholdSymbol === undefined || conditions === null ? [] : squaredRoots(conditions, model.thresholdSymbol),
  };
}

/** Why a large drift's stability conditions are not printed. */
export const STABILITY_NOT_DERIVED = `not derived for a drift of more than ${SYMBOLIC_STABILITY_ROWS} rows (five modes): symbolic determinants of that size take too long; solve decides the regime exactly at each point, and the threshold with the other parameters given`;

/** p² at which each condition changes sign, where a closed form exists (see Derivation.thresholdRoots). */
function squaredRoots(conditions: readonly RationalFunction[], p: RationalFunction): Derivation['thresholdRoots'] {
  const k = symbolIndex(p);
  return conditions.flatMap((c, condition) => {
    if (!c.den.isConstant() || c.num.degreeIn(k) === 0) return [];
    const coefficient = (e: number) => RationalFunction.fraction(c.num.coefficientOf(k, e), Polynomial.ONE);
    const degree = c.num.degreeIn(k);
    if ([1, 3].some((e) => !c.num.coefficientOf(k, e).isZero())) return [];
    if (degree === 2) return [{ condition, squared: coefficient(0).neg().div(coefficient(2)) }];
    if (degree === 4) {
      const [a, b, c0] = [coefficient(4), coefficient(2), coefficient(0)];
      if (
        b
          .mul(b)
          .sub(a.mul(c0).mul(q(4)))
          .isZero()
      )
        return [{ condition, squared: b.neg().div(a.mul(q(2))) }];
    }
    return [];
  });
}

/** V(a,b), written V__a__b in the ASCII language (which the LaTeX renderer reads as V_{a b}). */
function covarianceSymbol(a: string, b: string): RationalFunction {
  return RationalFunction.symbol(`V(${a},${b})`, { ascii: `V__${a}__${b}` });
}

const matrixText = (m: Matrix) => m.map((row) => `  [${row.map((x) => x.toString()).join(', ')}]`).join('\n');
const motion = (d: Derivation, style: 'unicode' | 'ascii') =>
  d.equationsOfMotion.map(
    (e) =>
      `d${e.of}/dt = ${[...e.terms.map((t) => `(${t.coefficient.toString(style)})*${t.of}`), ...(e.force.isZero() ? [] : [`(${e.force.toString(style)})`])].join(' + ') || '0'} + noise`,
  );

/**
 * A lab-frame file: its frame, the rotating-frame Hamiltonian the RWA keeps, and each term it
 * drops with the frequency it oscillates at (the measured and jump operators' oscillating parts
 * are averaged the same way: their channels are named by the piece they keep).
 */
function frameText(model: ModelFile): string[] {
  if (!model.frame) return [];
  return [
    '',
    `frame: ${model.frame.frequencies.map((f) => `${f.mode} rotates at ${f.frequency}`).join(', ')}; the rotating-wave approximation keeps`,
    `  H̃/ħ = ${rwaHamiltonianText(model)}`,
    `and drops ${model.frame.dropped.length} oscillating term${model.frame.dropped.length === 1 ? '' : 's'}:`,
    ...model.frame.dropped.map((x) => `  e^(i(${x.phase})*t): ${x.term.toFileText(model.frame!.modeName)}`),
  ];
}

const rwaHamiltonianText = (model: ModelFile): string => model.frame?.rwaHamiltonian.toFileText(model.frame.modeName) ?? '';

export function derivationText(model: ModelFile, d: Derivation): string {
  return [
    `${model.file}: modes ${model.modes.join(', ')}; parameters ${model.parameters.map((p) => `${p.name} (${p.domainText}${p.default === undefined ? '' : `, default ${p.default.toDecimalString()}`})`).join(', ')}`,
    `H/ħ = ${model.hamiltonianText}`,
    ...frameText(model),
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
    ...(d.stabilityConditions === null
      ? [`stability conditions: ${STABILITY_NOT_DERIVED}`]
      : ['stable (below threshold) iff every one of these is > 0 (Liénard-Chipart):', ...d.stabilityConditions.map((c) => `  ${c} > 0`)]),
    ...(model.threshold === undefined || d.stabilityConditions === null
      ? []
      : [
          `where the conditions change sign in ${model.threshold}, for those with a closed form (the threshold is the least ${model.threshold} at which any condition fails):`,
          ...d.stabilityConditions.map((_, k) => {
            const r = d.thresholdRoots.find((x) => x.condition === k);
            return `  condition ${k + 1}: ${r ? `${model.threshold}² = ${r.squared}` : `no closed form here${d.stabilityConditions![k]!.num.degreeIn(symbolIndex(model.thresholdSymbol!)) === 0 ? ` (does not depend on ${model.threshold})` : ''}`}`;
          }),
        ]),
  ].join('\n');
}

export function derivationJson(model: ModelFile, d: Derivation): object {
  const m = (x: Matrix) => x.map((row) => row.map((y) => y.toString('ascii')));
  return {
    file: model.file,
    modes: model.modes,
    parameters: Object.fromEntries(model.parameters.map((p) => [p.name, p.domainText])),
    hamiltonian: model.hamiltonianText,
    ...(model.frame
      ? {
          frame: {
            frequencies: Object.fromEntries(model.frame.frequencies.map((f) => [f.mode, f.frequency])),
            rwaHamiltonian: rwaHamiltonianText(model),
            dropped: model.frame.dropped.map((x) => ({ phase: x.phase, term: x.term.toFileText(model.frame!.modeName) })),
          },
        }
      : {}),
    basis: d.basis,
    equationsOfMotion: motion(d, 'ascii'),
    drift: m(d.drift),
    diffusion: m(d.diffusion),
    measurement: m(d.measurement),
    commutators: m(d.commutators),
    covarianceEquations: Object.fromEntries(d.covarianceEquations.map((e) => [`V__${d.basis[e.i]}__${d.basis[e.j]}`, e.rate.toString('ascii')])),
    stabilityConditions: d.stabilityConditions?.map((c) => `${c.toString('ascii')} > 0`) ?? null,
    ...(d.stabilityConditions === null ? { stabilityConditionsNote: STABILITY_NOT_DERIVED } : {}),
    thresholdRoots: d.thresholdRoots.map((r) => ({ condition: r.condition + 1, squared: r.squared.toString('ascii') })),
    conventions:
      'X = (a + a†)/√2, Y = −i(a − a†)/√2; V_ij = ½⟨{δr_i, δr_j}⟩; dV/dt = AV + VAᵀ + D − VMV; rate·D[L] for each dissipator; μD[c] + √(ημ)H[c] for each measurement',
  };
}

export function derivationLatex(d: Derivation, threshold?: string): string {
  const name = (x: string) => latexIdentifier(x);
  const cov = (i: number, j: number) => latexOf(covarianceSymbol(d.basis[i]!, d.basis[j]!));
  return [
    '\\begin{align}',
    ...d.equationsOfMotion.map(
      (e) =>
        `  \\dot{${name(e.of)}} &= ${[...e.terms.map((t) => `\\left(${latexOf(t.coefficient)}\\right) ${name(t.of)}`), ...(e.force.isZero() ? [] : [`\\left(${latexOf(e.force)}\\right)`])].join(' + ') || '0'} + \\text{noise} \\\\`,
    ),
    ...d.covarianceEquations.map((e) => `  \\dot{${cov(e.i, e.j)}} &= ${latexOf(e.rate)} \\\\`),
    '\\end{align}',
    `A = ${latexMatrix(d.drift)}, \\quad D = ${latexMatrix(d.diffusion)}, \\quad M = ${latexMatrix(d.measurement)}, \\quad \\Omega = ${latexMatrix(d.commutators)}`,
    '',
    d.stabilityConditions === null
      ? `\\text{stability conditions ${STABILITY_NOT_DERIVED}}`
      : `\\text{stable iff } ${d.stabilityConditions.map((c) => `${latexOf(c)} > 0`).join(',\\; ')}`,
    ...d.thresholdRoots.map((r) => `\\text{condition ${r.condition + 1} changes sign at } ${latexIdentifier(threshold ?? 'p')}^{2} = ${latexOf(r.squared)}`),
  ].join('\n');
}
