/**
 * The one solve pipeline, for a built-in model (a model file plus its parameter conventions,
 * src/models/parameters.ts) and for a user's model file alike: the symbolic conditional system
 * evaluated exactly at a point, its regime decided exactly, the Lyapunov and Riccati steady
 * states at `digits` significant digits, and the figures of merit the model has: for two modes
 * S of (15), V_α±, α, E_N by two routes, Duan and Simon; for one mode its least quadrature; the
 * product separability of each pair of planes the file names; and the log-negativity of each
 * bipartition, by two routes.
 */
import { analyseTwoMode, type SecondRoute, type TwoModeAnalysis } from '../entanglement/analysis.ts';
import { logNegativityInvariant, logNegativityOfBipartition, optimalQuadrature, separability, type LeastQuadrature } from '../entanglement/gaussianState.ts';
import { productSeparability, type ProductSeparability } from '../entanglement/productCriterion.ts';
import { inverse } from '../exact/matrix.ts';
import { RationalFunction, symbolIndex } from '../exact/rationalFunction.ts';
import { commutatorMatrix, coordinates } from '../gaussian/linearSystem.ts';
import { stabilityRegime, type Regime } from '../gaussian/regime.ts';
import { lienardChipart, SYMBOLIC_STABILITY_ROWS } from '../gaussian/stability.ts';
import type { ModelFile, ModelPoint } from '../models/modelFile.ts';
import { toArithmetic } from '../numeric/arithmetic.ts';
import { agreeingDigits, decimalContext, DEFAULT_DIGITS, WorkingPrecisionError, type Dec, type DecimalConstructor } from '../numeric/context.ts';
import { QUAD_DOUBLE_MAX_DIGITS, QuadDoubleContext } from '../numeric/quadDouble.ts';
import { evaluateDecimal, evaluateExact, holdsRoots, substituteValues } from '../numeric/fromExact.ts';
import { dmul, dsolve, dtranspose, type DMatrix } from '../numeric/matrix.ts';
import { lienardChipartValues } from '../numeric/eigen.ts';
import { lyapunovSteadyState, NoSteadyStateError, riccatiSteadyState, type SteadyState } from '../numeric/riccati.ts';
import { provedThreshold, thresholdBracket } from '../numeric/threshold.ts';
import { BoundedCache } from '../exact/boundedCache.ts';
import { intervalArithmetic, type Interval } from '../numeric/interval.ts';
import { addAnalysisNumbers, addMatrixNumbers, holdingDigits, logNegativityFloorOf, type PrintedNumbers } from './certify.ts';

export { MAX_WORKING_DIGITS, PrecisionError } from './certify.ts';

export interface ModelMatrices {
  readonly drift: DMatrix;
  readonly diffusion: DMatrix;
  readonly measurement: DMatrix;
}

/** The drift, diffusion and measurement matrices at a point, to `digits` digits. */
export function modelMatrices(point: ModelPoint, digits: number): ModelMatrices {
  const s = point.model.system;
  return {
    drift: evaluateDecimal(digits, s.drift, point.values),
    diffusion: evaluateDecimal(digits, s.diffusion, point.values),
    measurement: evaluateDecimal(digits, s.measurement, point.values),
  };
}

/** Digits at which a drift with square roots is evaluated to decide its regime, and below which a number counts as 0. */
const ROOT_DIGITS = 120;
const ROOT_ZERO = '1e-100';

/**
 * Below, at or above the instability threshold, decided exactly from the rational parameters; for
 * a drift that holds square roots (sqrt(2), sqrt(delta) in a model file), from each sign at 120
 * digits, a number below 10⁻¹⁰⁰ counting as 0 (`numerically` says so).
 */
export function regimeOf(point: ModelPoint): Regime {
  return regimeDecision(point).regime;
}

function regimeDecision(point: ModelPoint): { regime: Regime; numerically: boolean } {
  const { drift } = point.model.system;
  if (!holdsRoots(drift))
    return { regime: stabilityRegime(evaluateExact(drift, point.values).map((row) => row.map((x) => RationalFunction.from(x)))), numerically: false };
  if (drift.length > SYMBOLIC_STABILITY_ROWS) return { regime: numericRegime(evaluateDecimal(ROOT_DIGITS, drift, point.values)), numerically: true };
  const signOf = (x: RationalFunction) => {
    const v = evaluateDecimal(ROOT_DIGITS, [[x]], point.values)[0]![0]!;
    return v.abs().lt(ROOT_ZERO) ? 0 : v.isNegative() ? -1 : 1;
  };
  return { regime: stabilityRegime(drift, signOf), numerically: true };
}

/**
 * The regime of a drift given at ROOT_DIGITS (one too large for the symbolic quantities in its
 * square roots): the signs of the Liénard-Chipart quantities of A scaled to a largest entry of 1
 * (a positive scaling keeps every sign), |q| < ROOT_ZERO counting as 0; where one is 0 and none
 * negative, those of A − εI at ε = 10⁻³⁰ decide between at and above the threshold (for small ε
 * each has the sign of its lowest power of ε, which stabilityRegime reads exactly).
 */
function numericRegime(a: DMatrix): Regime {
  const D = decimalContext(ROOT_DIGITS);
  const scale = a.flat().reduce((m: Dec, x) => (x.abs().gt(m) ? x.abs() : m), new D(0));
  if (scale.isZero()) return 'at-threshold';
  const unit = a.map((row) => row.map((x) => new D(x).div(scale)));
  const signs = (m: DMatrix) => lienardChipartValues(D, m).map((q) => (q.abs().lt(ROOT_ZERO) ? 0 : q.isNegative() ? -1 : 1));
  const atZero = signs(unit);
  if (atZero.every((x) => x > 0)) return 'below-threshold';
  if (atZero.some((x) => x < 0)) return 'above-threshold';
  return signs(unit.map((row, i) => row.map((x, j) => (i === j ? x.minus('1e-30') : x)))).every((x) => x > 0) ? 'at-threshold' : 'above-threshold';
}

/** Each model's stability conditions in every parameter, derived once while the model is alive. */
const stabilityOf = new WeakMap<ModelFile, RationalFunction[]>();
/** The threshold depends only on the drift's other parameters: a sweep along μ, η or N computes it once. */
const thresholdsOf = new WeakMap<ModelFile, BoundedCache<{ quantities: RationalFunction[]; bracket: { lo: Dec; hi: Dec } | null }>>();

export interface Threshold {
  /** The parameter the model file names in `threshold` (χ for the built-in models). */
  readonly parameter: string;
  /** The least value ≥ 0 of it at which the drift stops being stable; null if none below 2⁴⁰⁰⁰ does. */
  readonly value: Dec | null;
}

/**
 * The Liénard-Chipart quantities of the drift as polynomials in the threshold parameter, the
 * point's other values substituted: from the model's quantities in every parameter, derived once,
 * up to SYMBOLIC_STABILITY_ROWS rows; above, from the drift at the point (a polynomial in one
 * parameter, whose determinants src/exact/matrix.ts finds by evaluation and interpolation).
 */
function stabilityQuantitiesAt(point: ModelPoint, parameter: RationalFunction): RationalFunction[] {
  const { model } = point;
  const drift = model.system.drift;
  const substituted = (x: RationalFunction) => substituteValues(x, point.values, parameter);
  if (drift.length > SYMBOLIC_STABILITY_ROWS) return lienardChipart(drift.map((row) => row.map(substituted)));
  let quantities = stabilityOf.get(model);
  if (quantities === undefined) {
    quantities = lienardChipart(drift);
    stabilityOf.set(model, quantities);
  }
  return quantities.map(substituted);
}

const driftSymbols = new WeakMap<ModelFile, Set<number>>();
/** The parameters the drift depends on: the threshold's key. */
function driftSymbolsOf(model: ModelFile): Set<number> {
  let symbols = driftSymbols.get(model);
  if (symbols === undefined) {
    symbols = new Set(model.system.drift.flat().flatMap((x) => [...x.num.symbols(), ...x.den.symbols()]));
    driftSymbols.set(model, symbols);
  }
  return symbols;
}

/** The bisection's bracket of the threshold at the point's other values, and the quantities it bisected, computed once per model and values (solve and its proof share them). */
function bracketOf(point: ModelPoint, digits: number) {
  const { model } = point;
  const parameter = model.parameters.find((p) => p.name === model.threshold);
  // A large drift with square roots has no polynomial quantities in the parameter alone: no threshold.
  if (parameter === undefined || (model.system.drift.length > SYMBOLIC_STABILITY_ROWS && holdsRoots(model.system.drift))) return undefined;
  let cache = thresholdsOf.get(model);
  if (cache === undefined) {
    cache = new BoundedCache(256);
    thresholdsOf.set(model, cache);
  }
  const symbols = driftSymbolsOf(model);
  const key = `${digits}:${[...point.values]
    .filter(([s]) => symbols.has(symbolIndex(s)) && s !== parameter.symbol)
    .map(([s, v]) => `${symbolIndex(s)}=${v}`)
    .join(',')}`;
  return {
    parameter,
    ...cache.get(key, () => {
      const quantities = stabilityQuantitiesAt(point, parameter.symbol);
      return { quantities, bracket: thresholdBracket(quantities, parameter.symbol, point.values, digits) };
    }),
  };
}

/** The threshold of the parameter the model file names (`threshold: chi`), at the point's other values, to `digits` digits. */
export function threshold(point: ModelPoint, digits: number): Threshold | undefined {
  const known = bracketOf(point, digits);
  if (known === undefined) return undefined;
  return { parameter: known.parameter.name, value: known.bracket === null ? null : new (decimalContext(digits))(known.bracket.lo) };
}

/**
 * The threshold enclosed (src/numeric/threshold.ts: a Sturm proof in exact rationals that the
 * drift is stable up to the bracket's lower end and not at its upper); undefined where the model
 * names no threshold, nothing destabilises, or the proof does not go through.
 */
export function thresholdEnclosure(point: ModelPoint, digits: number): Interval | undefined {
  const known = bracketOf(point, digits);
  if (known?.bracket == null) return undefined;
  const proved = provedThreshold(known.quantities, known.parameter.symbol, point.values, known.bracket);
  if (!proved) return undefined;
  const I = intervalArithmetic(digits + 10);
  return { lo: I.exact(proved.lo).lo, hi: I.exact(proved.hi).hi };
}

export interface BipartitionEntanglement {
  /** The modes of one side. */
  readonly side: readonly string[];
  /** E_N from the symplectic eigenvalues of the partial transpose (Cholesky route). */
  readonly logNegativity: Dec;
  /** The same by the V^{1/2} route, and the digits the routes share. */
  readonly logNegativityCheck: SecondRoute;
}

export interface Solution {
  readonly point: ModelPoint;
  readonly digits: number;
  /** The working precision whose numbers agreed with a lower one's to `digits`. */
  readonly workingDigits: number;
  readonly regime: Regime;
  /** regime === 'below-threshold': the unconditional motion has a steady state. */
  readonly stable: boolean;
  /** Where the model file names a threshold parameter. */
  readonly threshold?: Threshold;
  /** Present when stable: the unconditional (Lyapunov) steady state. */
  readonly unconditional?: SteadyState;
  /** A coherent drive (force b ≠ 0), stable: the steady means −A⁻¹b of the basis, which the conditional means average to. */
  readonly means?: readonly Dec[];
  /** The conditional (Riccati) steady state: it exists at and above threshold too when the measurement sees every unstable mode. */
  readonly conditional?: SteadyState;
  /** Two modes: every figure of merit of the pair, read in the basis X_a, Y_a, X_b, Y_b. */
  readonly analysis?: TwoModeAnalysis;
  /** Two modes, stable: S of (15) and E_N of the unconditional state (what an unmeasured, or η = 0, experiment sees). */
  readonly unconditionalAnalysis?: { readonly S: Dec; readonly logNegativity: Dec };
  /** One mode: the least-variance quadrature of the conditional state. */
  readonly singleMode?: LeastQuadrature;
  /** The product separability of each pair of planes the file names (model two: UV), by name. */
  readonly pairs: Readonly<Record<string, ProductSeparability>>;
  readonly bipartitions: readonly BipartitionEntanglement[];
  readonly notes: readonly string[];
}

const REGIME_NOTES: Record<Exclude<Regime, 'below-threshold'>, string> = {
  'at-threshold':
    'at threshold: the drift has an eigenvalue with real part exactly 0, so the unconditional variance of one collective quadrature grows without bound (linearly in time) and has no steady state; the conditional covariance is stationary when the measurement sees every unstable mode',
  'above-threshold':
    'above threshold: the drift has an eigenvalue with Re > 0, so the unconditional motion grows exponentially and has no steady state; the conditional covariance still converges when the measurement sees every unstable mode, but the conditional means ride on an unbounded motion, where the linear model itself stops being valid',
};

/** What a model file fixes for every point: the change to the per-mode basis and the planes of its pairs. */
export interface Readings {
  /** r_modes = T r_file: the covariance read per mode (X_m, Y_m) for bipartitions and the two-mode analysis. */
  readonly toModes: RationalFunction[][];
  readonly planes: ReadonlyArray<readonly [RationalFunction[][], RationalFunction[][]]>;
}
const readingsOf = new WeakMap<ModelFile, Readings>();

export function readings(model: ModelFile): Readings {
  let r = readingsOf.get(model);
  if (r === undefined) {
    const omegaInverse = inverse(model.system.symplectic);
    const ops = model.basis.map((b) => b.op);
    const modeOps = model.modeBasis.map((b) => b.op);
    const modeOmegaInverse = inverse(commutatorMatrix(modeOps));
    r = {
      toModes: model.modeBasis.map((b) => coordinates(b.op, ops, omegaInverse, b.name)),
      planes: model.pairs.map(
        (p) =>
          [p.first, p.second].map((plane) => plane.map((op) => coordinates(op, modeOps, modeOmegaInverse, p.name))) as [
            RationalFunction[][],
            RationalFunction[][],
          ],
      ),
    };
    readingsOf.set(model, r);
  }
  return r;
}

interface SolveAtOptions {
  /** Quad-doubles, for the reference precision holdingDigits compares against (default decimal.js at `work`). */
  readonly arithmetic?: DecimalConstructor;
  /** Only the conditional state: no unconditional one, no steady means, even below threshold. */
  readonly conditionalOnly?: boolean;
}

/** The steady states and their figures of merit at one working precision `work`. */
function solveAt(point: ModelPoint, digits: number, work: number, regime: Regime, found: Threshold | undefined, options: SolveAtOptions = {}): Solution {
  const { arithmetic } = options;
  const { model, values } = point;
  const inArithmetic = (x: DMatrix) => (arithmetic ? toArithmetic(arithmetic, x) : x);
  const evaluate = (rows: RationalFunction[][]) => inArithmetic(evaluateDecimal(work, rows, values));
  const decimal = modelMatrices(point, work);
  const m = { drift: inArithmetic(decimal.drift), diffusion: inArithmetic(decimal.diffusion), measurement: inArithmetic(decimal.measurement) };
  const { toModes, planes } = readings(model);
  const stable = regime === 'below-threshold';
  const notes: string[] = [];
  const unconditional = stable && !options.conditionalOnly ? lyapunovSteadyState(work, m.drift, m.diffusion, { driftStable: true }) : undefined;
  if (!stable) notes.push(REGIME_NOTES[regime]);
  const driven = model.system.force.some((b) => !b.isZero());
  const force = driven ? evaluate([model.system.force as RationalFunction[]])[0]! : [];
  const means =
    driven && stable && !options.conditionalOnly
      ? dsolve(
          m.drift,
          force.map((b) => b.neg()),
        )
      : undefined;
  if (driven && !stable)
    notes.push(
      'the coherent drive has no steady mean: the drift is not stable, so the means grow without bound; the conditional covariance does not depend on them',
    );
  let conditional: SteadyState | undefined;
  try {
    conditional = riccatiSteadyState(work, m.drift, m.diffusion, m.measurement, { driftStable: stable });
  } catch (err) {
    if (!(err instanceof NoSteadyStateError)) throw err;
    notes.push(`no steady state at all: ${err.message}`);
  }
  const t = evaluate(toModes);
  const perMode = (v: DMatrix) => dmul(dmul(t, v), dtranspose(t));
  const twoModes = model.modes.length === 2;
  const v = conditional ? perMode(conditional.covariance) : undefined;
  const u = unconditional ? perMode(unconditional.covariance) : undefined;
  const analysis = v && twoModes ? analyseTwoMode(work, v) : undefined;
  return {
    point,
    digits,
    workingDigits: work,
    regime,
    stable,
    ...(found ? { threshold: found } : {}),
    ...(unconditional ? { unconditional } : {}),
    ...(means ? { means } : {}),
    ...(conditional ? { conditional } : {}),
    ...(analysis ? { analysis } : {}),
    ...(u && twoModes ? { unconditionalAnalysis: { S: separability(work, u).S, logNegativity: logNegativityInvariant(work, u).logNegativity } } : {}),
    ...(v && model.modes.length === 1 ? { singleMode: optimalQuadrature(work, v) } : {}),
    pairs: v
      ? Object.fromEntries(
          model.pairs.map((p, k) => [p.name, productSeparability(work, v, ...(planes[k]!.map((rows) => evaluate(rows)) as [DMatrix, DMatrix]))]),
        )
      : {},
    bipartitions: v
      ? model.bipartitions.map((side) => {
          // Two modes: the one bipartition is the pair's, whose E_N the analysis has by its two routes.
          if (analysis) return { side, logNegativity: analysis.logNegativity, logNegativityCheck: analysis.logNegativityCheck };
          const part = side.map((mode) => model.modes.indexOf(mode));
          const value = logNegativityOfBipartition(work, v, part);
          const check = logNegativityOfBipartition(work, v, part, 'square-root');
          return { side, logNegativity: value, logNegativityCheck: { route: 'square-root', value: check, digits: agreeingDigits(value, check, work) } };
        })
      : [],
    notes,
  };
}

/**
 * Every number a solution prints, by name, with the scale on which two precisions must agree:
 * its own size (floor 0), or a natural floor for numbers that may be exactly 0 and then come
 * out as rounding residue (angles: 1; E_N: 10^-(digits+5); Simon's invariant: (largest
 * variance)⁴; a covariance entry: the largest entry).
 */
function printedNumbers(s: Solution): PrintedNumbers {
  const out: PrintedNumbers = new Map();
  const logNegativityFloor = logNegativityFloorOf(s.digits);
  addMatrixNumbers(out, 'V', s.conditional?.covariance);
  addMatrixNumbers(out, 'U', s.unconditional?.covariance);
  if (s.means) addMatrixNumbers(out, 'm', [s.means as Dec[]]);
  if (s.analysis) addAnalysisNumbers(out, s.analysis, s.conditional!.covariance, s.digits);
  const u = s.unconditionalAnalysis;
  if (u) {
    out.set('uS', { value: u.S, floor: 0 });
    out.set('uEN', { value: u.logNegativity, floor: logNegativityFloor });
  }
  for (const [name, p] of Object.entries(s.pairs)) {
    out.set(`pairS.${name}`, { value: p.S, floor: 0 });
    for (const [j, x] of p.variances.entries()) out.set(`pairV.${name}.${j}`, { value: x, floor: 0 });
    out.set(`pairBound.${name}`, { value: p.separableBound, floor: 1 });
    for (const [j, x] of p.cos2Angles.entries()) out.set(`pairCos.${name}.${j}`, { value: x, floor: 1 });
    for (const [j, x] of p.sin2Angles.entries()) out.set(`pairSin.${name}.${j}`, { value: x, floor: 1 });
  }
  s.bipartitions.forEach((b, k) => {
    out.set(`en${k}`, { value: b.logNegativity, floor: logNegativityFloor });
    out.set(`enCheck${k}`, { value: b.logNegativityCheck.value, floor: logNegativityFloor });
  });
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
 * settle at one precision is retried at the next. With `agreement: false` (the certified solve,
 * which proves its digits by enclosures and so needs only a midpoint) it is solved once at
 * digits + 10, and by the agreement of two only where that one fails. With `conditionalOnly` the
 * unconditional state is left out even below threshold: near threshold it is huge (of order the
 * inverse distance) and needs that many more digits, which a caller of the conditional state alone
 * need not pay.
 */
export function solveModel(
  point: ModelPoint,
  digits: number = DEFAULT_DIGITS,
  options: { readonly agreement?: boolean; readonly conditionalOnly?: boolean } = {},
): Solution {
  const { regime, numerically } = regimeDecision(point);
  const found = threshold(point, digits);
  const only = { conditionalOnly: options.conditionalOnly === true };
  // The reference precision: quad-doubles (about 62 digits, src/numeric/quadDouble.ts) in place of
  // a second, higher decimal.js precision, where digits + 10 is within their reach.
  const reference =
    digits + 10 <= QUAD_DOUBLE_MAX_DIGITS
      ? () => solveAt(point, digits, QUAD_DOUBLE_MAX_DIGITS, regime, found, { ...only, arithmetic: QuadDoubleContext })
      : undefined;
  const agreed = () => holdingDigits(digits, (work) => solveAt(point, digits, work, regime, found, only), printedNumbers, reference);
  let solution: Solution;
  if (options.agreement === false) {
    try {
      solution = solveAt(point, digits, digits + 10, regime, found, only);
    } catch (err) {
      if (!(err instanceof WorkingPrecisionError)) throw err;
      solution = agreed();
    }
  } else solution = agreed();
  return numerically
    ? {
        ...solution,
        notes: [
          ...solution.notes,
          `the regime was decided from the drift at ${ROOT_DIGITS} digits (it holds square roots), a number below ${ROOT_ZERO} counting as 0`,
        ],
      }
    : solution;
}
