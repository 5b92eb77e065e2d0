/**
 * detuned-paramp as a library: the steady states and figures of merit of the paper's models
 * (Szorkovszky, Clerk, Doherty, Bowen, New J. Phys. 16, 063043 (2014)), their exact derived
 * equations, and the engine's steady-state and entanglement routines for your own matrices.
 *
 * Conventions (CONVENTIONS holds them as text): ħ = 1; X = (a + a†)/√2, Y = −i(a − a†)/√2, so
 * the vacuum variance is ½; covariances are V_jk = ½⟨{δr_j, δr_k}⟩ in the order
 * r = (X₁, Y₁, X₂, Y₂); dV/dt = AV + VAᵀ + D − VMV. Rates are in any one unit (the examples use
 * γ = 1). Numbers come back as decimal.js Decimals, correct to `digits` significant digits
 * (default 50); solve's carry the extra digits of the working precision that certified them.
 *
 * Errors: every error thrown on purpose is a DetunedParampError with a `code` (ErrorCode) and its
 * class's `name`. An argument out of range is an InputError (code INPUT) or, for a model parameter,
 * a ParameterError, each naming the argument and its allowed range; NoSteadyStateError when
 * there is nothing to converge to; PrecisionError when a solution cannot hold its digits within
 * 980 working digits. No function prints, exits or reads global state.
 */
import type { Decimal } from 'decimal.js';
import { analyseTwoMode as analyse, type TwoModeAnalysis, type SecondRoute } from './entanglement/analysis.ts';
import { logNegativityInvariant, logNegativityPartialTranspose, separability as productS, type Separability } from './entanglement/gaussianState.ts';
import { agreeingDigits } from './numeric/context.ts';
import { lyapunovSteadyState as lyapunov, riccatiSteadyState as riccati, type SteadyState } from './numeric/riccati.ts';
import { builtInModel, MODEL_NAMES, type ModelName } from './models/builtIn.ts';
import { resolveParameters, type ParameterName } from './models/parameters.ts';
import { solveCertified, type CertifiedSolution } from './app/certifiedSolve.ts';
import { ParameterError, parameterLabel } from './models/values.ts';
import type { Regime } from './gaussian/regime.ts';
import { modelMatrices as matricesAt, regimeOf, solveModel, threshold as thresholdAt, type ModelMatrices, type Solution } from './app/solve.ts';
import { checkedDigits, InputError, physicalCovariance, realMatrix, symmetricMatrix, type MatrixInput } from './app/inputs.ts';
import { derivation, type Derivation } from './app/derive.ts';
import { resolveFileParameters, type ModelFile, type ModelPoint } from './models/modelFile.ts';
import { fileLabSolution, fileLabSolutionJson } from './app/labFile.ts';

export { Decimal } from 'decimal.js';
export { DetunedParampError, type ErrorCode } from './exact/errors.ts';
export { CONVENTIONS } from './models/conventions.ts';
export { DEFAULT_DIGITS, DIGITS_RANGE } from './numeric/context.ts';
export { MODEL_NAMES } from './models/builtIn.ts';
export { PARAMETERS } from './models/parameters.ts';
export { ParameterError, VALUE_LIMITS } from './models/values.ts';
export { PrecisionError } from './app/solve.ts';
export { PeriodicStateError } from './app/periodicState.ts';
export { NoSteadyStateError } from './numeric/riccati.ts';
export { InputError, NotPhysicalStateError } from './app/inputs.ts';
export { loadModelFile, ModelFileError } from './models/modelFile.ts';
export type { ModelFile, ModelParameter, ModelPoint, Domain } from './models/modelFile.ts';
export type { Derivation } from './app/derive.ts';
export { solutionJson } from './app/solveReport.ts';
export { Rational } from './exact/rational.ts';
export { RationalFunction } from './exact/rationalFunction.ts';
export type { Matrix } from './exact/matrix.ts';
export type { DMatrix } from './numeric/matrix.ts';
export type { BipartitionEntanglement, ModelMatrices, Solution, Threshold } from './app/solve.ts';
export type { CertifiedSolution, SolutionEnclosures, TwoModeEnclosures } from './app/certifiedSolve.ts';
export type { Interval } from './numeric/interval.ts';
export type { SteadyState } from './numeric/riccati.ts';
export type { SecondRoute, TwoModeAnalysis } from './entanglement/analysis.ts';
export type { LeastQuadrature, Separability } from './entanglement/gaussianState.ts';
export type { ProductSeparability } from './entanglement/productCriterion.ts';
export type { Regime } from './gaussian/regime.ts';
export type { ModelName } from './models/builtIn.ts';
export type { ParameterName } from './models/parameters.ts';
export type { MatrixInput, RealInput } from './app/inputs.ts';

/** A model's parameters by name (see PARAMETERS, or the model file's own names): exact decimal strings or fractions ("4/3"), bigints, or finite numbers (read from their shortest decimal form). */
export type ModelParameters = Partial<Record<ParameterName | string, string | number | bigint>>;

/** A built-in model by name, or a model file read by loadModelFile. */
export type Model = ModelName | ModelFile;

export interface PrecisionOptions {
  /** Significant digits of every returned number: an integer in DIGITS_RANGE (20-500); default 50. */
  readonly digits?: number;
}

function exactText(name: string, x: unknown): string {
  if (typeof x === 'string') return x;
  if (typeof x === 'bigint') return x.toString();
  if (typeof x === 'number' && Number.isFinite(x)) return String(x);
  throw new ParameterError(`parameter ${name} = ${String(x).slice(0, 40)}: a decimal string, a fraction, a bigint or a finite number`);
}

function exactTexts(parameters: Readonly<Record<string, string | number | bigint | undefined>>): Record<string, string> {
  if (typeof parameters !== 'object' || parameters === null) throw new ParameterError('parameters: an object of parameter values by name');
  return Object.fromEntries(
    Object.entries(parameters)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, exactText(k, v)]),
  );
}

function modelOf(model: Model): ModelFile {
  if (typeof model !== 'string') return model;
  if (!(MODEL_NAMES as readonly string[]).includes(model)) throw new ParameterError(`model "${String(model).slice(0, 40)}": one of ${MODEL_NAMES.join(', ')}`);
  return builtInModel(model);
}

/** A built-in model's parameters through its conventions (--gamma for γ₁ = γ₂), a model file's by its own names. */
function point(model: Model, parameters: ModelParameters): ModelPoint {
  const texts = exactTexts(parameters);
  return typeof model === 'string' ? resolveParameters(model, texts) : resolveFileParameters(model, texts, parameterLabel);
}

/**
 * The conditional (and, below threshold, unconditional) steady state of a model, with every
 * figure of merit solve prints.
 *
 * @param model `modulated` (model one), `constant` (model two), `single` (one-mode amplifier),
 *   `bae` (ideal two-mode back-action evasion), or a model file from loadModelFile.
 * @param parameters rates in units of your choice, e.g. `{ delta: '30', chi: 25, nbar: 5, mu: 5 }`;
 *   a parameter with a default (γ = 1, N = 0, μ = 0, η = 1 for the built-in models) may be left
 *   out. Each is checked against its domain: PARAMETERS says what each built-in one may be.
 * @returns the Solution: `regime` (decided exactly), `threshold` (χ_th for the built-in models),
 *   `conditional` and `unconditional` steady states (covariance in the model's basis, and
 *   residual), for two modes `analysis` (S, V_α±, α, E_N by two routes, Duan, Simon), `pairs`
 *   (model two: `pairs.UV`, S_UV), `bipartitions` (E_N of each, by two routes), for one mode
 *   `singleMode`, and the `workingDigits` that held the requested digits.
 * @throws ParameterError for an unknown model or a parameter out of range; InputError for
 *   digits out of range; PrecisionError if the digits cannot be held within 980 working digits.
 */
export function solve(model: Model, parameters: ModelParameters = {}, options: PrecisionOptions = {}): Solution {
  const digits = checkedDigits(options.digits);
  return solveModel(point(model, parameters), digits);
}

/**
 * A model file written in the lab frame (a frame section, t in cos and sin; docs/model-files.md)
 * without the rotating-wave approximation: its periodic state by harmonic balance and by the
 * monodromy, E_N over one period against the RWA, as `solve --model-file F --frame lab --json`
 * prints it. Agreement between the two routes, not certification. The paper's two models in the
 * lab frame ship as models/modulated-lab.yaml and models/constant-lab.yaml.
 *
 * @param model a model file with a frame section whose modes rotate at one frequency.
 * @param parameters as for solve, the frame's frequency among them.
 * @returns `periodic`, `rwa` and `deviation` of E_N (decimal strings), `digits`, `precision`,
 *   `routes`, and below threshold `unconditional`.
 * @throws ParameterError, InputError as solve (digits default 30); PeriodicStateError where no
 *   periodic state is found or the file cannot have one (no frame, no common period).
 */
export function solveLabFrame(model: ModelFile, parameters: ModelParameters = {}, options: PrecisionOptions = {}): Record<string, unknown> {
  const digits = checkedDigits(options.digits ?? 30);
  if (typeof model !== 'object' || model === null || !('system' in model))
    throw new InputError(
      'model: a model file read by loadModelFile, with a frame section (solve --model M --frame lab --q Q gives the built-in models without the RWA)',
    );
  return fileLabSolutionJson(fileLabSolution(point(model, parameters), digits));
}

/**
 * `solve` with every number it prints proved: the steady states enclosed by Krawczyk proofs over
 * the exact model, and each figure of merit enclosed from them (docs/architecture.md, "Proved
 * digits"). `solutionJson` of the result prints each number to exactly the digits its enclosure
 * proves, with `certified` and `enclosures`.
 *
 * @param model as for solve.
 * @param parameters as for solve.
 * @returns the Solution with `enclosures` (SolutionEnclosures): an Interval `{ lo, hi }` for each
 *   covariance entry, S, V_α±, α, E_N, Duan, Simon, ν₋, S_UV, χ_th, the means and the bipartitions.
 * @throws as solve; PrecisionError naming the first number that cannot be proved to `digits`.
 */
export function solveProved(model: Model, parameters: ModelParameters = {}, options: PrecisionOptions = {}): CertifiedSolution {
  const digits = checkedDigits(options.digits);
  return solveCertified(point(model, parameters), digits);
}

/**
 * The exact derivation of a model: equations of motion, A, D, M, the commutator table, the
 * covariance equations in components, the stability conditions (each entry a RationalFunction of
 * the model's parameters; `toString()` prints it). The stability conditions are null for a drift
 * of more than ten rows (more than five modes): symbolic determinants of that size take too long.
 * @throws ParameterError for an unknown model name.
 */
export function derive(model: Model): Derivation {
  return derivation(modelOf(model));
}

/**
 * Below, at or above the instability threshold, decided exactly (Liénard-Chipart conditions
 * of the drift at the rational parameter values): no rounding is involved.
 * @throws ParameterError as solve.
 */
export function regime(model: Model, parameters: ModelParameters = {}): Regime {
  return regimeOf(point(model, parameters));
}

/**
 * The threshold of the parameter the model names (χ_th for the built-in models): the smallest
 * value ≥ 0 at which the drift stops being stable, the other parameters held, to `digits`
 * digits; null for a model without one (bae) or when none below 2⁴⁰⁰⁰ destabilises it.
 * @throws ParameterError as solve (the threshold parameter itself may be left out).
 */
export function threshold(model: Model, parameters: ModelParameters = {}, options: PrecisionOptions = {}): Decimal | null {
  const digits = checkedDigits(options.digits);
  const file = modelOf(model);
  const named = file.threshold;
  // The threshold parameter's own value does not matter: any value in its domain stands in when it is left out.
  const filled = named !== undefined && parameters[named] === undefined ? { ...parameters, [named]: '0' } : parameters;
  return thresholdAt(point(model, filled), digits)?.value ?? null;
}

/**
 * The drift A, diffusion D and measurement M of a model at a parameter point, as Decimal matrices
 * of `digits` digits (each entry the exact value rounded once), in the basis of derive(model).
 * @throws ParameterError as solve.
 */
export function modelMatrices(model: Model, parameters: ModelParameters = {}, options: PrecisionOptions = {}): ModelMatrices {
  const digits = checkedDigits(options.digits);
  return matricesAt(point(model, parameters), digits);
}

/**
 * The stabilising solution of AV + VAᵀ + D − VMV = 0 (Newton-Kleinman from a stabilising start).
 * @param drift A, n×n real. @param diffusion D, n×n symmetric. @param measurement M, n×n symmetric (≥ 0).
 * @returns the covariance at `digits` digits, the residual max|AV + VAᵀ + D − VMV| and the step count.
 * @throws InputError for a malformed matrix; NoSteadyStateError when there is none.
 */
export function riccatiSteadyState(drift: MatrixInput, diffusion: MatrixInput, measurement: MatrixInput, options: PrecisionOptions = {}): SteadyState {
  const digits = checkedDigits(options.digits);
  const a = realMatrix('drift', drift, digits + 10);
  const n = a.length;
  return rounded(
    riccati(digits, a, symmetricMatrix('diffusion', diffusion, digits + 10, n), symmetricMatrix('measurement', measurement, digits + 10, n)),
    digits,
  );
}

/** The covariance to `digits` significant digits: what was asked for, not the working precision's tail. */
function rounded(s: SteadyState, digits: number): SteadyState {
  return { ...s, covariance: s.covariance.map((row) => row.map((x) => x.toSignificantDigits(digits))) };
}

/**
 * The unconditional steady state, AV + VAᵀ + D = 0.
 * @throws InputError for a malformed matrix; NoSteadyStateError when the drift is not stable.
 */
export function lyapunovSteadyState(drift: MatrixInput, diffusion: MatrixInput, options: PrecisionOptions = {}): SteadyState {
  const digits = checkedDigits(options.digits);
  const a = realMatrix('drift', drift, digits + 10);
  return rounded(lyapunov(digits, a, symmetricMatrix('diffusion', diffusion, digits + 10, a.length)), digits);
}

export interface LogNegativity {
  /** E_N = max(0, −ln 2ν̃₋), from the symplectic invariants. */
  readonly logNegativity: Decimal;
  /** The same from the explicit partial transpose (a matrix route), and the digits the two routes share: the shape of every second route. */
  readonly logNegativityCheck: SecondRoute;
}

/**
 * The log-negativity of a two-mode Gaussian state, by two routes.
 * @param covariance 4×4 in the order (X₁, Y₁, X₂, Y₂), vacuum ½·1.
 * @throws InputError if it is not 4×4 symmetric; NotPhysicalStateError if it is not a quantum state.
 */
export function logNegativity(covariance: MatrixInput, options: PrecisionOptions = {}): LogNegativity {
  const digits = checkedDigits(options.digits);
  const v = physicalCovariance('covariance', covariance, digits);
  const invariant = logNegativityInvariant(digits, v);
  const transposed = logNegativityPartialTranspose(digits, v);
  return {
    logNegativity: invariant.logNegativity,
    logNegativityCheck: { route: 'partial-transpose', value: transposed.logNegativity, digits: agreeingDigits(invariant.nu, transposed.nu, digits) },
  };
}

/**
 * S = 2√(V_α₊ V_α₋) of the paper's (15), from the least variances of the (X₊, Y₊) and (X₋, Y₋) planes.
 * @throws as logNegativity.
 */
export function separability(covariance: MatrixInput, options: PrecisionOptions = {}): Separability {
  const digits = checkedDigits(options.digits);
  return productS(digits, physicalCovariance('covariance', covariance, digits));
}

/**
 * Every figure of merit of a two-mode state: S with V_α± and α, E_N by two routes, e^(−E_N),
 * Duan's sum, Simon's invariant, the smallest symplectic eigenvalue.
 * @throws as logNegativity.
 */
export function analyseTwoMode(covariance: MatrixInput, options: PrecisionOptions = {}): TwoModeAnalysis {
  const digits = checkedDigits(options.digits);
  return analyse(digits, physicalCovariance('covariance', covariance, digits));
}
