/**
 * `solve --model-file`: the steady states of a model file at exact parameter values, with the
 * figures of merit the built-in models have (for two modes: S of (15), V_α±, α, E_N by two
 * routes, Duan, Simon) and the log-negativity of each bipartition the file names (any number of
 * modes, by two routes), to `digits` digits through the same precision escalation as solve.
 */
import { analyseTwoMode, type TwoModeAnalysis } from '../entanglement/analysis.ts';
import { logNegativityOfBipartition } from '../entanglement/gaussianState.ts';
import { inverse } from '../exact/matrix.ts';
import { RationalFunction } from '../exact/rationalFunction.ts';
import { commutatorMatrix, coordinates } from '../gaussian/linearSystem.ts';
import { productSeparability, type ProductSeparability } from '../entanglement/productCriterion.ts';
import { stabilityRegime, type Regime } from '../gaussian/regime.ts';
import { agreeingDigits, type Dec } from '../numeric/context.ts';
import { evaluateDecimal, evaluateExact, type ParameterValues } from '../numeric/fromExact.ts';
import { dmul, dtranspose, type DMatrix } from '../numeric/matrix.ts';
import { lyapunovSteadyState, NoSteadyStateError, riccatiSteadyState, type SteadyState } from '../numeric/riccati.ts';
import { CONVENTIONS } from '../models/conventions.ts';
import type { ModelFile } from '../models/modelFile.ts';
import { addAnalysisNumbers, addMatrixNumbers, holdingDigits, logNegativityFloorOf, type PrintedNumbers } from './certify.ts';
import { analysisJson, covarianceStrings, str } from './solveReport.ts';

export interface BipartitionEntanglement {
  /** The modes of one side. */
  readonly side: readonly string[];
  /** E_N from the symplectic eigenvalues of the partial transpose (Cholesky route). */
  readonly logNegativity: Dec;
  /** The same by the V^{1/2} route, and the digits the routes share. */
  readonly check: { readonly value: Dec; readonly digits: number };
}

export interface FileSolution {
  readonly model: ModelFile;
  readonly values: ParameterValues;
  readonly digits: number;
  readonly workingDigits: number;
  readonly regime: Regime;
  readonly stable: boolean;
  readonly unconditional?: SteadyState;
  readonly conditional?: SteadyState;
  /** Two modes: every figure of merit of the pair, read in the basis X_a, Y_a, X_b, Y_b. */
  readonly analysis?: TwoModeAnalysis;
  /** The product separability of each pair of planes the file names, with its separable bound. */
  readonly pairs: ReadonlyArray<{ readonly name: string; readonly separability: ProductSeparability }>;
  readonly bipartitions: readonly BipartitionEntanglement[];
  readonly notes: readonly string[];
}

export function solveModelFile(model: ModelFile, values: ParameterValues, digits: number): FileSolution {
  const s = model.system;
  const regime = stabilityRegime(evaluateExact(s.drift, values).map((row) => row.map((x) => RationalFunction.from(x))));
  // r_modes = T r_file: the covariance is read per mode (X_m, Y_m) for bipartitions and the two-mode analysis.
  const ops = model.basis.map((b) => b.op);
  const omegaInverse = inverse(s.symplectic);
  const toModes = model.modeBasis.map((b) => coordinates(b.op, ops, omegaInverse, b.name));
  // The planes as rows of coefficients over the mode basis (X_m, Y_m), where the separable bound is read.
  const modeOps = model.modeBasis.map((b) => b.op);
  const modeOmegaInverse = inverse(commutatorMatrix(modeOps));
  const planeRows = model.pairs.map((p) => [p.first, p.second].map((plane) => plane.map((op) => coordinates(op, modeOps, modeOmegaInverse, p.name))));
  const solveAt = (work: number): FileSolution => {
    const [a, d, m, t] = [s.drift, s.diffusion, s.measurement, toModes].map((x) => evaluateDecimal(work, x, values)) as [DMatrix, DMatrix, DMatrix, DMatrix];
    const stable = regime === 'below-threshold';
    const notes: string[] = [];
    const unconditional = stable ? lyapunovSteadyState(work, a, d, { driftStable: true }) : undefined;
    if (!stable) notes.push(`${regime}: the unconditional motion has no steady state`);
    let conditional: SteadyState | undefined;
    try {
      conditional = riccatiSteadyState(work, a, d, m, { driftStable: stable });
    } catch (err) {
      if (!(err instanceof NoSteadyStateError)) throw err;
      notes.push(`no steady state at all: ${err.message}`);
    }
    const perMode = conditional ? dmul(dmul(t, conditional.covariance), dtranspose(t)) : undefined;
    const bipartitions = perMode
      ? model.bipartitions.map((side) => {
          const part = side.map((mode) => model.modes.indexOf(mode));
          const value = logNegativityOfBipartition(work, perMode, part);
          const check = logNegativityOfBipartition(work, perMode, part, 'square-root');
          return { side, logNegativity: value, check: { value: check, digits: agreeingDigits(value, check, work) } };
        })
      : [];
    return {
      model,
      values,
      digits,
      workingDigits: work,
      regime,
      stable,
      ...(unconditional ? { unconditional } : {}),
      ...(conditional ? { conditional } : {}),
      ...(perMode && model.modes.length === 2 ? { analysis: analyseTwoMode(work, perMode) } : {}),
      bipartitions,
      pairs: perMode ? model.pairs.map((p, k) => ({ name: p.name, separability: productSeparability(work, perMode, ...(planeRows[k]!.map((rows) => evaluateDecimal(work, rows, values)) as [DMatrix, DMatrix])) })) : [],
      notes,
    };
  };
  return holdingDigits(digits, solveAt, printedNumbers);
}

function printedNumbers(f: FileSolution): PrintedNumbers {
  const out: PrintedNumbers = new Map();
  addMatrixNumbers(out, 'V', f.conditional?.covariance);
  addMatrixNumbers(out, 'U', f.unconditional?.covariance);
  if (f.analysis) addAnalysisNumbers(out, f.analysis, f.conditional!.covariance, f.digits);
  f.pairs.forEach((p, k) => {
    const s = p.separability;
    out.set(`pairS${k}`, { value: s.S, floor: 0 });
    out.set(`pairBound${k}`, { value: s.separableBound, floor: 1 });
    s.cos2Angles.forEach((x, j) => out.set(`pairCos${k}.${j}`, { value: x, floor: 1 }));
    s.sin2Angles.forEach((x, j) => out.set(`pairSin${k}.${j}`, { value: x, floor: 1 }));
  });
  f.bipartitions.forEach((b, k) => {
    out.set(`en${k}`, { value: b.logNegativity, floor: logNegativityFloorOf(f.digits) });
    out.set(`enCheck${k}`, { value: b.check.value, floor: logNegativityFloorOf(f.digits) });
  });
  return out;
}

/** The JSON of a model-file solution: the built-in keys where they apply, and `bipartitions`. */
export function fileSolutionJson(f: FileSolution): Record<string, unknown> {
  const d = f.digits;
  return {
    model: f.model.file,
    params: Object.fromEntries(f.model.parameters.map((p) => [p.name, f.values.get(p.symbol)!.toDecimalString()])),
    digits: d,
    workingDigits: f.workingDigits,
    conventions: { ...CONVENTIONS, basis: `covariance rows and columns in the order (${f.model.basis.map((b) => b.name).join(', ')}); a bipartition flips the momenta of the modes on the side named` },
    regime: f.regime,
    stable: f.stable,
    notes: f.notes,
    ...(f.conditional ? { covariance: covarianceStrings(f.conditional.covariance, d), residual: f.conditional.residual.toExponential(3) } : {}),
    ...(f.unconditional ? { unconditionalCovariance: covarianceStrings(f.unconditional.covariance, d) } : {}),
    ...(f.analysis ? analysisJson(f.analysis, d) : {}),
    pairs: f.pairs.map((p) => ({ name: p.name, S: str(p.separability.S, d), variances: p.separability.variances.map((x) => str(x, d)), separableBound: str(p.separability.separableBound, d) })),
    bipartitions: f.bipartitions.map((b) => ({
      side: b.side,
      logNegativity: str(b.logNegativity, d),
      logNegativitySquareRootRoute: str(b.check.value, d),
      routesAgreeToDigits: b.check.digits,
    })),
  };
}

export function fileSolutionText(f: FileSolution): string {
  const j = fileSolutionJson(f);
  const lines = [`model ${j.model}  ${Object.entries(j.params as object).map(([k, v]) => `${k}=${v}`).join(' ')}  (${f.digits} digits)`, `regime: ${f.regime}`];
  if (!f.conditional) lines.push('no steady state (see the notes)');
  for (const key of ['S', 'Valpha', 'alpha', 'logNegativity', 'expMinusLogNegativity', 'duan', 'simon', 'residual'] as const) {
    if (j[key] !== undefined) lines.push(`${key.padEnd(22)} ${Array.isArray(j[key]) ? (j[key] as string[]).join(', ') : String(j[key])}`);
  }
  for (const p of f.pairs) lines.push(`S(${p.name})`.padEnd(23) + `${str(p.separability.S, f.digits)} (separable states: ≥ ${str(p.separability.separableBound, f.digits)})`);
  for (const b of f.bipartitions) lines.push(`E_N(${b.side.join(', ')} | rest)`.padEnd(23) + str(b.logNegativity, f.digits));
  if (j.covariance) lines.push(`covariance (${f.model.basis.map((b) => b.name).join(', ')}):`, ...(j.covariance as string[][]).map((r) => `  ${r.join('  ')}`));
  for (const n of f.notes) lines.push(`note: ${n}`);
  return lines.join('\n');
}
