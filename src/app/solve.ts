/**
 * Steady states of the built-in models at a parameter point (read and checked by
 * models/parameters): the model's symbolic conditional system evaluated exactly, its regime
 * decided exactly, and the Lyapunov and Riccati steady states at `digits` significant digits.
 */
import { RationalFunction, symbolIndex } from '../exact/rationalFunction.ts';
import { lienardChipart } from '../gaussian/stability.ts';
import { stabilityThreshold } from '../numeric/threshold.ts';
import type { ConditionalSystem } from '../gaussian/conditional.ts';
import { analyseTwoMode, type TwoModeAnalysis } from '../entanglement/analysis.ts';
import { logNegativityInvariant, optimalQuadrature, separability, type LeastQuadrature } from '../entanglement/gaussianState.ts';
import { DEFAULT_DIGITS, type Dec } from '../numeric/context.ts';
import { addAnalysisNumbers, addMatrixNumbers, holdingDigits, logNegativityFloorOf, type PrintedNumbers } from './certify.ts';
export { MAX_WORKING_DIGITS, PrecisionError } from './certify.ts';
import { evaluateDecimal, evaluateExact } from '../numeric/fromExact.ts';
import type { DMatrix } from '../numeric/matrix.ts';
import { lyapunovSteadyState, NoSteadyStateError, riccatiSteadyState, type SteadyState } from '../numeric/riccati.ts';
import type { ProductSeparability } from '../entanglement/productCriterion.ts';
import { stabilityRegime, type Regime } from '../gaussian/regime.ts';
import type { ModelName } from '../models/measured.ts';
import { builtInModel } from '../models/builtIn.ts';
import { separabilityUV } from './separabilityUV.ts';
import { sym } from '../models/symbols.ts';
import { symbolValues, type ResolvedParameters } from '../models/parameters.ts';

/** A built-in model's system, from its model file (src/models/builtIn.ts). */
export function conditionalSystemOf(model: ModelName): ConditionalSystem {
  return builtInModel(model).system;
}

const stabilityQuantities = new Map<ModelName, { quantities: RationalFunction[]; symbols: Set<number> }>();
/** χ_th depends only on the drift's parameters: a sweep along μ, η or N computes it once. */
const thresholds = new Map<string, Dec | null>();

/** The smallest χ ≥ 0 at which the drift stops being stable, to `digits` digits; null if the model has no drive or no χ below 2⁴⁰⁰⁰ destabilises it. */
export function threshold(p: ResolvedParameters, digits: number): Dec | null {
  if (p.values.chi === undefined) return null;
  let stability = stabilityQuantities.get(p.model);
  if (stability === undefined) {
    const quantities = lienardChipart(conditionalSystemOf(p.model).drift);
    stability = { quantities, symbols: new Set(quantities.flatMap((q) => [...q.num.symbols(), ...q.den.symbols()])) };
    stabilityQuantities.set(p.model, stability);
  }
  const values = symbolValues(p);
  const key = `${p.model}@${digits}:${[...values].filter(([s]) => stability.symbols.has(symbolIndex(s)) && s !== sym.chi).map(([s, v]) => `${symbolIndex(s)}=${v}`).join(',')}`;
  if (!thresholds.has(key)) thresholds.set(key, stabilityThreshold(stability.quantities, sym.chi, values, digits));
  return thresholds.get(key)!;
}

export interface ModelMatrices {
  readonly drift: DMatrix;
  readonly diffusion: DMatrix;
  readonly measurement: DMatrix;
}

export function modelMatrices(p: ResolvedParameters, digits: number): ModelMatrices {
  const s = conditionalSystemOf(p.model);
  const values = symbolValues(p);
  return {
    drift: evaluateDecimal(digits, s.drift, values),
    diffusion: evaluateDecimal(digits, s.diffusion, values),
    measurement: evaluateDecimal(digits, s.measurement, values),
  };
}

/** The model's drift at the parameter point, exactly (rational entries). */
function exactDrift(p: ResolvedParameters): RationalFunction[][] {
  return evaluateExact(conditionalSystemOf(p.model).drift, symbolValues(p)).map((row) => row.map((x) => RationalFunction.from(x)));
}

/** Below, at or above the instability threshold, decided exactly from the rational parameters. */
export function regimeOf(p: ResolvedParameters): Regime {
  return stabilityRegime(exactDrift(p));
}

const REGIME_NOTES: Record<Exclude<Regime, 'below-threshold'>, string> = {
  'at-threshold':
    'at threshold: the drift has an eigenvalue with real part exactly 0, so the unconditional variance of one collective quadrature grows without bound (linearly in time) and has no steady state; the conditional covariance is stationary when every quadrature is measured (μ > 0, η > 0)',
  'above-threshold':
    'above threshold: the drift has an eigenvalue with Re > 0, so the unconditional motion grows exponentially and has no steady state; the conditional covariance still converges when every quadrature is measured (μ > 0, η > 0), but the conditional means ride on an unbounded motion, where the linear model itself stops being valid',
};

export interface Solution {
  readonly parameters: ResolvedParameters;
  readonly digits: number;
  /** The working precision whose numbers agreed with a lower one's to `digits`. */
  readonly workingDigits: number;
  readonly regime: Regime;
  /** regime === 'below-threshold': the unconditional motion has a steady state. */
  readonly stable: boolean;
  readonly chiTh: Dec | null;
  /** Present when stable: the unconditional (Lyapunov) steady state. */
  readonly unconditional?: SteadyState;
  /** The conditional (Riccati) steady state: exists at and above threshold too when every quadrature is measured. */
  readonly conditional?: SteadyState;
  readonly analysis?: TwoModeAnalysis;
  /** Two-mode models below threshold: S of (15) and E_N of the unconditional state (what an unmeasured, or η = 0, experiment sees). */
  readonly unconditionalAnalysis?: { readonly S: Dec; readonly logNegativity: Dec };
  /** Model two: S_UV, (15) built from its own planes (U₁, U₂) and (V₁, V₂). */
  readonly separabilityUV?: ProductSeparability;
  readonly singleMode?: LeastQuadrature;
  readonly notes: string[];
}

/** The steady states and their figures of merit at one working precision `work`. */
function solveAt(p: ResolvedParameters, digits: number, work: number, regime: Regime, chiTh: Dec | null): Solution {
  const m = modelMatrices(p, work);
  const stable = regime === 'below-threshold';
  const notes: string[] = [];
  let unconditional: SteadyState | undefined;
  if (regime === 'below-threshold') unconditional = lyapunovSteadyState(work, m.drift, m.diffusion, { driftStable: true });
  else notes.push(REGIME_NOTES[regime]);
  let conditional: SteadyState | undefined;
  try {
    conditional = riccatiSteadyState(work, m.drift, m.diffusion, m.measurement, { driftStable: stable });
  } catch (err) {
    if (!(err instanceof NoSteadyStateError)) throw err;
    notes.push(`no steady state at all: ${err.message}`);
  }
  const base = { parameters: p, digits, workingDigits: work, regime, stable, chiTh, notes };
  const extra: Partial<Solution> = {};
  if (unconditional) {
    Object.assign(extra, { unconditional });
    if (p.model !== 'single') Object.assign(extra, { unconditionalAnalysis: { S: separability(work, unconditional.covariance).S, logNegativity: logNegativityInvariant(work, unconditional.covariance).logNegativity } });
  }
  if (conditional) {
    Object.assign(extra, { conditional });
    if (p.model === 'single') Object.assign(extra, { singleMode: optimalQuadrature(work, conditional.covariance) });
    else Object.assign(extra, { analysis: analyseTwoMode(work, conditional.covariance) });
    if (p.model === 'constant') Object.assign(extra, { separabilityUV: separabilityUV(work, conditional.covariance) });
  }
  return { ...base, ...extra };
}

/**
 * Every number a solution prints, by name, with the scale on which two precisions must agree:
 * its own size (relative), or a natural floor for numbers that may be exactly 0 and then come
 * out as rounding residue (angles: 1; E_N: 10^-(digits+5); Simon's invariant: (largest variance)⁴; a
 * covariance entry: the largest entry).
 */
function printedNumbers(s: Solution): PrintedNumbers {
  const out: PrintedNumbers = new Map();
  const logNegativityFloor = logNegativityFloorOf(s.digits);
  addMatrixNumbers(out, 'V', s.conditional?.covariance);
  addMatrixNumbers(out, 'U', s.unconditional?.covariance);
  if (s.analysis) addAnalysisNumbers(out, s.analysis, s.conditional!.covariance, s.digits);
  const u = s.unconditionalAnalysis;
  if (u) {
    out.set('uS', { value: u.S, floor: 0 });
    out.set('uEN', { value: u.logNegativity, floor: logNegativityFloor });
  }
  const uv = s.separabilityUV;
  if (uv) {
    for (const [k, x] of Object.entries({ suv: uv.S, u0: uv.variances[0], u1: uv.variances[1] })) out.set(k, { value: x, floor: 0 });
    for (const [k, x] of Object.entries({ c0: uv.cos2Angles[0], c1: uv.cos2Angles[1], s0: uv.sin2Angles[0], s1: uv.sin2Angles[1], bound: uv.separableBound })) out.set(k, { value: x, floor: 1 });
  }
  if (s.singleMode) {
    out.set('variance', { value: s.singleMode.variance, floor: 0 });
    out.set('cos2', { value: s.singleMode.cos2, floor: 1 });
    out.set('sin2', { value: s.singleMode.sin2, floor: 1 });
  }
  return out;
}

/**
 * The steady states at `digits` significant digits. Precision follows conditioning: the model is
 * solved at two working precisions, raised (digits + 10, + 30, + 70, …) until every printed
 * number agrees between them to `digits`; a singular solve or a Newton-Kleinman that does not
 * settle at one precision is retried at the next.
 */
export function solveModel(p: ResolvedParameters, digits: number = DEFAULT_DIGITS): Solution {
  const regime = regimeOf(p);
  const chiTh = threshold(p, digits);
  return holdingDigits(digits, (work) => solveAt(p, digits, work, regime, chiTh), printedNumbers);
}
