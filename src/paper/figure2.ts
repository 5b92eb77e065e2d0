/**
 * Figure 2 recomputed, in the paper's encoding: S against μ/γ (10⁻³ … 10³) for χ/γ = 25 (light)
 * and 50 (dark), N = 5, η = 1; model one solid (S of (15)), model two dashed (S_UV, its own
 * planes, from the reduced equations (25)-(28) as the paper plotted them), ideal two-mode
 * back-action evasion dot-dashed. The readings the caption leaves open come from the named
 * assumptions (figure2-detuning, figure2-asymmetry, bae-ideal-limit); the alternatives are
 * computed too. Every curve also carries e^(−E_N) and, for model two, S_UV from the full
 * covariance, S of (15) and the separable bound of S_UV.
 */
import { BoundedCache } from '../exact/boundedCache.ts';
import { Rational } from '../exact/rational.ts';
import { logNegativityInvariant, separability } from '../entanglement/gaussianState.ts';
import { agreeingDigits, decimalContext, type Dec } from '../numeric/context.ts';
import { affineFamily, type AffineFamily } from '../numeric/fromExact.ts';
import { riccatiSteadyState } from '../numeric/riccati.ts';
import type { Regime } from '../gaussian/regime.ts';
import { CONVENTIONS } from '../models/conventions.ts';
import { bindingCouplingSquared, FIGURE2_ASYMMETRY, FIGURE2_DETUNING, squareRoot, thresholdDetuningSquared } from './figure2Readings.ts';
import { reducedModelTwo, separabilityUV } from './separabilityUV.ts';
import { regimeOf } from '../app/solve.ts';
import { resolveParameters, type ModelName, type RawParameters } from '../models/parameters.ts';
import { parameterSymbol, type ModelPoint } from '../models/modelFile.ts';
import { paperSymbolValues } from './paperSymbols.ts';
import type { GlobalMinimumProof } from '../numeric/certifiedMinimum.ts';
import { certifiedCrossing, certifiedCurveMinimum, gridEnclosures, type GridEnclosure, type MinimisedQuantity } from './figure2Certified.ts';
import type { Interval } from '../numeric/interval.ts';
import type { DMatrix } from '../numeric/matrix.ts';
import { enclosureEnds, provedDigits, provedString, provedTo } from '../app/solveReport.ts';

/** A parameter the figure fixes by a formula: its exact form, and the value used (rounded far beyond the output digits). */
export interface ExactParameter {
  readonly name: 'delta' | 'coupling';
  readonly form: string;
  /** The rational whose square root it is (a string: curves travel between processes as JSON). */
  readonly square: string;
}

export interface CurveSpec {
  readonly id: string;
  readonly label: string;
  readonly model: ModelName;
  /** χ/γ, or null for the back-action-evasion curve (no drive). */
  readonly chi: string | null;
  readonly params: RawParameters;
  readonly root?: ExactParameter;
  /** Which named assumptions fix it, and whether it is the chosen reading or an alternative. */
  readonly assumption: string;
  readonly alternative: boolean;
}

export interface CurvePoint {
  readonly mu: Dec;
  /** What the figure plots: S of (15) for model one and back-action evasion, S_UV by the reduced equations for model two. */
  readonly plotted: Dec;
  readonly S: Dec;
  readonly logNegativity: Dec;
  readonly expMinusLogNegativity: Dec;
  /** Model two only. */
  readonly uv?: { readonly reduced: Dec; readonly fullCovariance: Dec; readonly separableBound: Dec };
  /** With --certify-grid: each value enclosed (src/paper/figure2Certified.ts); absent where the proof did not go through. */
  readonly enclosures?: GridEnclosure;
}

export interface Minimum {
  readonly mu: Dec;
  readonly value: Dec;
  /** The significant digits to which μ is located (the value, flat there, holds every digit). */
  readonly muDigits: number;
  /** The proof of a local minimum (src/paper/figure2Certified.ts), where it went through; `global` where it is also proved the least over 10⁻³ … 10³γ. */
  readonly enclosure?: { readonly value: Interval; readonly location: Interval; readonly neighbourhood: Interval; readonly global?: GlobalMinimumProof };
}

export interface Curve extends CurveSpec {
  readonly regime: string;
  readonly values: Readonly<Record<string, string>>;
  readonly points: CurvePoint[];
  readonly minimumPlotted: Minimum;
  readonly minimumExpMinusLogNegativity: Minimum;
  /** Model two: the least S_UV by the full covariance (the plotted one is by the reduced equations). */
  readonly minimumUVFullCovariance?: Minimum;
  /** Model two: the largest relative difference between S_UV by the reduced equations and by the full covariance, and the digits they share there. */
  readonly routeDifference?: { readonly relative: Dec; readonly digits: number };
}

const COMMON = { nbar: '5', eta: '1' };
const fraction = (x: string) => Rational.parse(x);

/** Γ that puts the more strongly driven pair of model two exactly at its threshold (χ₂² = γ² + Γ²). */
function bindingCoupling(chi: string, g1: string, g2: string): ExactParameter {
  return { name: 'coupling', form: '√(χ₂² − γ²), χ₂ = χ + |γ₁ − γ₂|/2', square: bindingCouplingSquared(chi, g1, g2).toString() };
}

/** Model one's Δ at which χ_th = √(γ² + Δ²) equals χ. */
function thresholdDetuning(chi: string): ExactParameter {
  return { name: 'delta', form: '√(χ² − γ²)', square: thresholdDetuningSquared(chi).toString() };
}

export function curveSpecs(): CurveSpec[] {
  const [, chosen] = FIGURE2_ASYMMETRY as [unknown, { label: string; g1: string; g2: string }];
  const specs: CurveSpec[] = [];
  for (const chi of ['25', '50']) {
    specs.push({
      id: `one-${chi}`,
      label: `model one, χ = ${chi}γ`,
      model: 'modulated',
      chi,
      params: { ...COMMON, gamma: '1', chi },
      root: thresholdDetuning(chi),
      assumption: `${FIGURE2_DETUNING.chosen}`,
      alternative: false,
    });
    specs.push({
      id: `two-${chi}`,
      label: `model two, χ = ${chi}γ`,
      model: 'constant',
      chi,
      params: { ...COMMON, gamma1: chosen.g1, gamma2: chosen.g2, chi },
      root: bindingCoupling(chi, chosen.g1, chosen.g2),
      assumption: `figure2-asymmetry: ${chosen.label}; Γ at the binding threshold`,
      alternative: false,
    });
  }
  specs.push({
    id: 'bae',
    label: 'back-action evasion',
    model: 'bae',
    chi: null,
    params: { ...COMMON, gamma: '1' },
    assumption: 'bae-ideal-limit',
    alternative: false,
  });
  for (const factor of FIGURE2_DETUNING.alternativeFactors) {
    const delta = Rational.parse(factor).mul(Rational.of(50)).toDecimalString();
    specs.push({
      id: `one-50-delta-${factor}`,
      label: `model one, χ = 50γ, Δ = ${factor}χ`,
      model: 'modulated',
      chi: '50',
      params: { ...COMMON, gamma: '1', delta, chi: '50' },
      assumption: `figure2-detuning: Δ = ${factor}χ`,
      alternative: true,
    });
  }
  for (const alt of [FIGURE2_ASYMMETRY[0]!, FIGURE2_ASYMMETRY[2]!]) {
    specs.push({
      id: `two-50-${alt.g1}-${alt.g2}`,
      label: `model two, χ = 50γ, γ₁ = ${alt.g1}γ, γ₂ = ${alt.g2}γ`,
      model: 'constant',
      chi: '50',
      params: { ...COMMON, gamma1: alt.g1, gamma2: alt.g2, chi: '50' },
      root: bindingCoupling('50', alt.g1, alt.g2),
      assumption: `figure2-asymmetry: ${alt.label}`,
      alternative: true,
    });
  }
  const shifted = fraction('50')
    .add(fraction(chosen.g1).sub(fraction(chosen.g2)).div(Rational.of(2)))
    .toDecimalString();
  specs.push({
    id: 'two-50-coupling-chi2',
    label: `model two, χ = 50γ, Γ = χ₂ = ${shifted}γ`,
    model: 'constant',
    chi: '50',
    params: { ...COMMON, gamma1: chosen.g1, gamma2: chosen.g2, coupling: shifted, chi: '50' },
    assumption: 'figure2-asymmetry: Γ = χ₂ (below threshold)',
    alternative: true,
  });
  return specs;
}

/** The parameters of a spec at working precision: a square-root parameter rounded to `digits` + 30 digits. */
export function parametersOf(spec: CurveSpec, digits: number): RawParameters {
  if (spec.root === undefined) return spec.params;
  return { ...spec.params, [spec.root.name]: squareRoot(Rational.parse(spec.root.square), digits + 30) };
}

/** μ/γ = 10^(−3 + 6k/(n − 1)), k = 0 … n − 1, each rounded to `digits` + 5 significant digits (the value used is the value printed). */
export function muGrid(points: number, digits: number): Dec[] {
  const D = decimalContext(digits + 5);
  return Array.from({ length: points }, (_, k) => new D(10).pow(new D(-3).plus(new D(6 * k).div(points - 1))).toSignificantDigits(digits + 5));
}

/** One curve's model along μ, prepared exactly once: its matrices (affine in μ) and its regime (its drift does not depend on μ). */
interface PreparedCurve {
  readonly regime: Regime;
  readonly families: readonly [AffineFamily, AffineFamily, AffineFamily];
  readonly point: ModelPoint;
  readonly model: ModelName;
}

/** The curves of the figure and its alternatives, each prepared once (and at most 64 kept). */
const prepared = new BoundedCache<PreparedCurve>(64);

function prepareCurve(spec: CurveSpec, params: RawParameters): PreparedCurve {
  return prepared.get(`${spec.id} ${JSON.stringify(params)}`, () => preparedCurve(spec, params));
}

function preparedCurve(spec: CurveSpec, params: RawParameters): PreparedCurve {
  const p = resolveParameters(spec.model, { ...params, mu: '1' });
  const system = p.model.system;
  const mu = parameterSymbol(p.model, 'mu');
  const families = [system.drift, system.diffusion, system.measurement].map((m) => affineFamily(m, p.values, mu)) as [AffineFamily, AffineFamily, AffineFamily];
  if (!families[0].constant) throw new Error(`curve ${spec.id}: the drift depends on μ, so its regime is not one for the whole curve`);
  return { regime: regimeOf(p), families, point: p, model: spec.model };
}

/**
 * The points of a prepared curve at `digits` digits: each costs only the Decimal solves; `state`
 * gives the point with its conditional covariance (at digits + 10), the midpoint of its enclosure.
 */
function sweep(
  spec: CurveSpec,
  params: RawParameters,
  digits: number,
): { regime: Regime; at(mu: Dec): CurvePoint; state(mu: Dec): { point: CurvePoint; covariance: DMatrix } } {
  const work = digits + 10;
  const { regime, families, point, model } = prepareCurve(spec, params);
  const [drift, diffusion, measurement] = families;
  const reduced = model === 'constant' ? reducedModelTwo(work, paperSymbolValues(point)) : undefined;
  const a = drift.at(work, new (decimalContext(work))(0));
  const state = (mu: Dec) => {
    const v = riccatiSteadyState(work, a, diffusion.at(work, mu), measurement.at(work, mu), { driftStable: regime === 'below-threshold' }).covariance;
    const en = logNegativityInvariant(work, v).logNegativity;
    const S = separability(work, v).S;
    const common = { mu, S, logNegativity: en, expMinusLogNegativity: en.neg().exp() };
    if (reduced === undefined) return { point: { ...common, plotted: S }, covariance: v };
    const r = reduced.at(mu).S;
    const full = separabilityUV(work, v);
    return { point: { ...common, plotted: r, uv: { reduced: r, fullCovariance: full.S, separableBound: full.separableBound } }, covariance: v };
  };
  return { regime, state, at: (mu) => state(mu).point };
}

/**
 * Precision is measured, not assumed: the first and last grid points and the minimum are
 * recomputed 20 digits finer, and each plotted value must agree to all but the last printed digit.
 */
function holdsItsDigits(spec: CurveSpec, params: RawParameters, digits: number, points: readonly CurvePoint[]): void {
  const fine = sweep(spec, params, digits + 20);
  for (const p of points) {
    const again = fine.at(p.mu).plotted;
    if (agreeingDigits(p.plotted, again, digits) < digits - 1) {
      throw new Error(
        `curve ${spec.id} at μ = ${p.mu.toSignificantDigits(8)}γ: ${p.plotted} at ${digits} digits but ${again.toSignificantDigits(digits)} at ${digits + 20}: it does not hold its digits`,
      );
    }
  }
}

/** Refines a grid minimum by golden-section search in log μ between the grid neighbours (one evaluation a step). */
function refine(grid: Dec[], values: Dec[], digits: number, at: (mu: Dec) => Dec): Minimum {
  let k = 0;
  values.forEach((v, i) => {
    if (v.lt(values[k]!)) k = i;
  });
  const D = decimalContext(digits + 5);
  const f = (x: Dec) => at(new D(10).pow(x).toSignificantDigits(digits + 5));
  const ratio = new D(5).sqrt().minus(1).div(2);
  let lo = grid[Math.max(0, k - 1)]!.log(10);
  let hi = grid[Math.min(grid.length - 1, k + 1)]!.log(10);
  let x1 = hi.minus(hi.minus(lo).times(ratio));
  let x2 = lo.plus(hi.minus(lo).times(ratio));
  let f1 = f(x1);
  let f2 = f(x2);
  // 0.1 decade × 0.618²⁶ ≈ 4e-7 in log μ: the minimum value (quadratic there) to about 13 digits.
  for (let step = 0; step < 26; step++) {
    if (f1.lt(f2)) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi.minus(hi.minus(lo).times(ratio));
      f1 = f(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo.plus(hi.minus(lo).times(ratio));
      f2 = f(x2);
    }
  }
  const best = f1.lt(f2) ? { x: x1, f: f1 } : { x: x2, f: f2 };
  // A minimum at the end of the grid is the end point itself, exactly where it was computed.
  if (values[k]!.lte(best.f)) return { mu: grid[k]!, value: values[k]!, muDigits: digits };
  return newtonMinimum(best.x, digits, f);
}

/**
 * The minimum itself, from the golden-section bracket: Newton's method on dS/dx (x = log₁₀ μ) with
 * central differences of step h = 10^-(digits/3), at the working precision of the curve. The value
 * is flat at the minimum, so it holds every digit once x is known to half of them; μ is located to
 * the size of the last Newton step, and printed to that many digits, no more.
 */
function newtonMinimum(start: Dec, digits: number, f: (x: Dec) => Dec): Minimum {
  const D = decimalContext(digits + 5);
  const h = new D(10).pow(-Math.floor(digits / 3));
  let x = start;
  let step = new D(1);
  for (let k = 0; k < 12 && step.abs().gt(new D(10).pow(-(digits + 2))); k++) {
    const [fm, f0, fp] = [f(x.minus(h)), f(x), f(x.plus(h))];
    const slope = fp.minus(fm).div(h.times(2));
    const curvature = fp.minus(f0.times(2)).plus(fm).div(h.times(h));
    if (!curvature.gt(0)) break;
    step = slope.div(curvature);
    x = x.minus(step);
  }
  // The location is the zero of the differenced slope, whose error is O(h²) = 10^-(2·digits/3): μ
  // holds that many digits less one, or fewer if the last step was larger (at least the bracket's 6).
  const differenced = 2 * Math.floor(digits / 3) - 1;
  const located = step.isZero() ? differenced : Math.floor(-step.abs().log(10).toNumber());
  const muDigits = Math.max(6, Math.min(differenced, located));
  return { mu: new D(10).pow(x).toSignificantDigits(digits + 5), value: f(x), muDigits };
}

/** What computeCurve proves beyond each minimum's local proof: every grid value, each minimum over the whole range (announcing each through `progress`). */
export interface CurveOptions {
  readonly certifyGrid?: boolean;
  readonly certifyGlobal?: boolean;
  readonly progress?: (line: string) => void;
}

export function computeCurve(spec: CurveSpec, points: number, digits: number, options: CurveOptions = {}): Curve {
  const params = parametersOf(spec, digits);
  const rounded = spec.root ? params[spec.root.name] : undefined;
  const model = sweep(spec, params, digits);
  const regime = model.regime;
  const grid = muGrid(points, digits);
  const enclose = options.certifyGrid ? provedGrid(spec, params, rounded, digits) : undefined;
  const pts = grid.map((mu): CurvePoint => {
    const { point, covariance } = model.state(mu);
    const enclosures = enclose?.(mu, covariance);
    return enclosures ? { ...point, enclosures } : point;
  });
  const at = (pick: (p: CurvePoint) => Dec) => (mu: Dec) => pick(model.at(mu));
  let routeDifference: Curve['routeDifference'];
  for (const p of pts) {
    if (p.uv === undefined) continue;
    const relative = p.uv.reduced.minus(p.uv.fullCovariance).abs().div(p.uv.fullCovariance);
    if (routeDifference === undefined || relative.gt(routeDifference.relative))
      routeDifference = { relative, digits: agreeingDigits(p.uv.reduced, p.uv.fullCovariance, digits) };
  }
  const D = decimalContext(digits);
  const plotted = refine(
    grid,
    pts.map((x) => x.plotted),
    digits,
    at((x) => x.plotted),
  );
  holdsItsDigits(spec, params, digits, [pts[0]!, pts[pts.length - 1]!, { ...pts[0]!, mu: plotted.mu, plotted: plotted.value }]);
  const uvFull =
    spec.model === 'constant'
      ? refine(
          grid,
          pts.map((x) => x.uv!.fullCovariance),
          digits,
          at((x) => x.uv!.fullCovariance),
        )
      : undefined;
  return {
    ...spec,
    regime: spec.root ? `${regime} as rounded (${spec.root.form} to ${digits + 30} digits: the exact threshold)` : regime,
    values: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, spec.root?.name === k ? new D(v!).toString() : v!])),
    points: pts,
    minimumPlotted: proved(spec, plottedQuantity(spec), plotted, rounded, digits, options),
    ...(uvFull ? { minimumUVFullCovariance: proved(spec, 'S_UV', uvFull, rounded, digits, options) } : {}),
    // Where e^(−E_N) equals the plotted S at every grid point (model one, back-action evasion), its minimum is located at the same μ; it is proved on its own.
    minimumExpMinusLogNegativity: proved(
      spec,
      'expMinusLogNegativity',
      pts.every((x) => agreeingDigits(x.plotted, x.expMinusLogNegativity, digits) >= digits)
        ? plotted
        : refine(
            grid,
            pts.map((x) => x.expMinusLogNegativity),
            digits,
            at((x) => x.expMinusLogNegativity),
          ),
      rounded,
      digits,
      options,
    ),
    ...(routeDifference ? { routeDifference } : {}),
  };
}

/**
 * The grid's enclosures at digits + 10 working digits around the sweep's covariance; where a value
 * (not holding 0) proves fewer than `digits` digits (back-action evasion near μ = 10³γ, whose
 * covariance entries cancel), the point again at digits + 40 around a midpoint solved 30 digits finer.
 */
function provedGrid(
  spec: CurveSpec,
  params: RawParameters,
  rounded: string | undefined,
  digits: number,
): (mu: Dec, covariance: DMatrix) => GridEnclosure | undefined {
  const first = gridEnclosures(spec, rounded, digits + 10);
  let finer: { states: ReturnType<typeof sweep>; enclose: ReturnType<typeof gridEnclosures> } | undefined;
  const short = (e: GridEnclosure) =>
    [e.plotted, e.S, e.logNegativity, e.expMinusLogNegativity, ...(e.uv ? [e.uv.reduced, e.uv.fullCovariance, e.uv.separableBound] : [])].some(
      (x) => x !== undefined && (x.lo.gt(0) || x.hi.lt(0)) && provedDigits(x) < digits,
    );
  return (mu, covariance) => {
    const e = first(mu, covariance);
    if (e !== undefined && !short(e)) return e;
    finer ??= { states: sweep(spec, params, digits + 30), enclose: gridEnclosures(spec, rounded, digits + 40) };
    return finer.enclose(mu, finer.states.state(mu).covariance) ?? e;
  };
}

/** What a curve plots: S of (15), or for model two S_UV by the reduced equations. */
const plottedQuantity = (spec: CurveSpec): MinimisedQuantity => (spec.model === 'constant' ? 'S_UV_reduced' : 'S');

/**
 * A numerical minimum with its proof attached where the proof goes through: at digits + 15 working
 * digits, then twice that (back-action evasion at μ = 10³γ, whose covariance entries of ±250 cancel
 * to S ≈ 0.1, needs about 90). With `certifyGlobal`, its branch and bound over the range too,
 * announced through `progress`.
 */
function proved(spec: CurveSpec, quantity: MinimisedQuantity, m: Minimum, rounded: string | undefined, digits: number, options: CurveOptions): Minimum {
  const global = options.certifyGlobal ?? false;
  const start = Date.now();
  const result = withProof(m, digits, (work) => certifiedCurveMinimum(spec, quantity, m.mu, rounded, work, { global }));
  const proof = result.enclosure?.global;
  if (global)
    options.progress?.(
      `  ${spec.id}: least ${quantity} ${proof ? `proved the least over 10⁻³ … 10³γ (${boxesText(proof)})` : 'not proved over the whole range: a local minimum'}, ${((Date.now() - start) / 1000).toFixed(1)} s`,
    );
  return result;
}

/** A minimum or crossing with the first proof that goes through at digits + 15, then twice that, attached; as it is if none does. */
function withProof(m: Minimum, digits: number, prove: (work: number) => Minimum['enclosure']): Minimum {
  for (const work of [digits + 15, 2 * (digits + 15)]) {
    const enclosure = prove(work);
    if (enclosure) return { ...m, enclosure };
  }
  return m;
}

/**
 * Where back-action evasion overtakes a parametric curve: the μ above which its S is the lower,
 * by regula falsi in log μ from the first grid interval where the order changes, then proved a
 * unique crossing near there by interval Newton on the two plotted curves; null if the order never
 * changes on the grid.
 */
export function overtaking(bae: Curve, other: Curve, digits: number): Minimum | null {
  const k = other.points.findIndex((p, i) => i > 0 && bae.points[i]!.plotted.lt(p.plotted) && !bae.points[i - 1]!.plotted.lt(other.points[i - 1]!.plotted));
  if (k < 0) return null;
  const D = decimalContext(digits + 5);
  const [first, second] = [sweep(bae, parametersOf(bae, digits), digits), sweep(other, parametersOf(other, digits), digits)];
  const gap = (logMu: Dec) => {
    const mu = new D(10).pow(logMu).toSignificantDigits(digits + 5);
    return first.at(mu).plotted.minus(second.at(mu).plotted);
  };
  // Regula falsi with the Illinois halving: superlinear, so a few evaluations give μ to the working digits.
  let [lo, hi] = [other.points[k - 1]!.mu.log(10), other.points[k]!.mu.log(10)];
  let [glo, ghi] = [gap(lo), gap(hi)];
  let side = 0;
  let x = lo;
  const tolerance = new D(10).pow(-(digits + 2));
  for (let step = 0; step < 60; step++) {
    const next = hi.minus(ghi.times(hi.minus(lo)).div(ghi.minus(glo)));
    const settled = next.minus(x).abs().lte(tolerance);
    x = next;
    if (settled) break;
    const gx = gap(x);
    if (gx.isZero()) break;
    if (gx.isNegative() === ghi.isNegative()) {
      [hi, ghi] = [x, gx];
      if (side === 1) glo = glo.div(2);
      side = 1;
    } else {
      [lo, glo] = [x, gx];
      if (side === -1) ghi = ghi.div(2);
      side = -1;
    }
  }
  const mu = new D(10).pow(x).toSignificantDigits(digits + 5);
  const found = { mu, value: first.at(mu).plotted, muDigits: digits };
  const plottedOf = (c: CurveSpec) => ({ spec: c, quantity: plottedQuantity(c), rounded: c.root ? parametersOf(c, digits)[c.root.name] : undefined });
  return withProof(found, digits, (work) => certifiedCrossing(plottedOf(bae), plottedOf(other), mu, work));
}

const s = (x: Dec, digits: number) => x.toSignificantDigits(digits).toString();

/**
 * A minimum as JSON: proved, its value and μ to the digits their enclosures prove, the enclosures
 * (5 digits further, rounded outward) and the neighbourhood the proof covers; not proved, its
 * computed digits and `certified: false`.
 */
function minimumJson(m: Minimum, digits: number, proved: 'local' | 'unique crossing' = 'local'): Record<string, unknown> {
  if (m.enclosure === undefined) return { mu: s(m.mu, m.muDigits), value: s(m.value, digits), certified: false };
  const { value, location, neighbourhood, global } = m.enclosure;
  return {
    mu: provedString(location),
    value: provedString(value),
    certified: global ? 'global' : proved,
    ...(global ? { branchAndBound: { boxes: global.boxes } } : {}),
    enclosure: { mu: enclosureEnds(location), value: enclosureEnds(value) },
    neighbourhood: [neighbourhood.lo.toString(), neighbourhood.hi.toString()],
  };
}

const boxesText = (proof: GlobalMinimumProof) => `${proof.boxes} box${proof.boxes === 1 ? '' : 'es'}`;

/** A minimum on the console: value to 25 and μ to 12 proved digits, or its computed 15 marked so. */
export function minimumText(m: Minimum, proved = 'a local minimum'): string {
  if (m.enclosure === undefined) return `${s(m.value, 15)} at μ = ${s(m.mu, Math.min(15, m.muDigits))}γ (computed, not proved)`;
  const what = m.enclosure.global ? `the least over 10⁻³ … 10³γ, by branch and bound on ${boxesText(m.enclosure.global)}` : proved;
  return `${provedTo(m.enclosure.value, 25)} at μ = ${provedTo(m.enclosure.location, 12)}γ (proved, ${what})`;
}

export function figureJson(curves: readonly Curve[], crossings: ReadonlyArray<{ curve: string; crossing: Minimum | null }>, digits: number): object {
  return {
    figure: 'Figure 2 of Szorkovszky, Clerk, Doherty, Bowen, NJP 16, 063043 (2014)',
    conventions: {
      ...CONVENTIONS,
      rates: 'in units of γ (for model two, of the mean damping (γ₁ + γ₂)/2)',
      plotted:
        'model one and back-action evasion: S of Eq. (15) from the full conditional covariance; model two: S_UV, Eq. (15) built from its own planes (U₁, U₂), (V₁, V₂) of Eq. (22), each at its least-variance angle, by the reduced equations (25)-(28) as printed (what the paper plotted)',
      S_UV_fullCovariance: 'the same S_UV from the exact 4×4 conditional covariance (with the noise correlation of eq25.noise)',
      S_UV_separableBound:
        'the least S_UV of any separable state for the two least-variance quadratures: S_UV below it certifies entanglement, S_UV < 1 alone does not (claim s-uv-witness)',
      expMinusLogNegativity: 'e^(−E_N), E_N from the smallest symplectic eigenvalue of the partial transpose (natural logarithm)',
    },
    digits,
    curves: curves.map((c) => ({
      id: c.id,
      label: c.label,
      model: c.model,
      parameters: c.params,
      ...(c.root ? { exactParameter: { [c.root.name]: c.root.form, square: c.root.square } } : {}),
      valuesUsed: c.values,
      regime: c.regime,
      assumption: c.assumption,
      alternative: c.alternative,
      minimumPlotted: minimumJson(c.minimumPlotted, digits),
      ...(c.minimumUVFullCovariance ? { minimumS_UV_fullCovariance: minimumJson(c.minimumUVFullCovariance, digits) } : {}),
      minimumExpMinusLogNegativity: minimumJson(c.minimumExpMinusLogNegativity, digits),
      ...(c.routeDifference
        ? { S_UV_routes: { largestRelativeDifference: c.routeDifference.relative.toSignificantDigits(3).toString(), digitsShared: c.routeDifference.digits } }
        : {}),
      points: c.points.map((x) => {
        const values = gridValues(x).filter((v): v is [string, Dec, Interval | undefined] => v[1] !== undefined);
        const enclosed = values.filter((v): v is [string, Dec, Interval] => v[2] !== undefined);
        return {
          mu: x.mu.toString(),
          ...Object.fromEntries(values.map(([name, value, enclosure]) => [name, gridValue(value, enclosure, digits)])),
          ...(enclosed.length > 0 ? { enclosures: Object.fromEntries(enclosed.map(([name, , enclosure]) => [name, enclosureEnds(enclosure)])) } : {}),
        };
      }),
    })),
    backActionEvasionOvertakes: crossings.map((x) => {
      if (x.crossing === null) return { curve: x.curve, mu: null, S: null };
      const { mu, value, ...rest } = minimumJson(x.crossing, digits, 'unique crossing');
      return { curve: x.curve, mu, S: value, ...rest };
    }),
  };
}

/** The values figure2.csv and figure2.json print at one grid point, each with its enclosure where --certify-grid proved it. */
function gridValues(x: CurvePoint): Array<[string, Dec | undefined, Interval | undefined]> {
  const e = x.enclosures;
  return [
    ['plotted', x.plotted, e?.plotted],
    ['S', x.S, e?.S],
    ['logNegativity', x.logNegativity, e?.logNegativity],
    ['expMinusLogNegativity', x.expMinusLogNegativity, e?.expMinusLogNegativity],
    ['S_UV_reduced', x.uv?.reduced, e?.uv?.reduced],
    ['S_UV_fullCovariance', x.uv?.fullCovariance, e?.uv?.fullCovariance],
    ['S_UV_separableBound', x.uv?.separableBound, e?.uv?.separableBound],
  ];
}

/** A grid value as printed: to the digits its enclosure proves (as solve prints), else as computed, to `digits`. */
const gridValue = (value: Dec, enclosure: Interval | undefined, digits: number) => (enclosure ? provedString(enclosure) : s(value, digits));

/** A CSV field, quoted where it holds a comma (an enclosure printed as [lo, hi], where it proves no digit). */
const csvCell = (x: string) => (x.includes(',') || x.includes('"') ? `"${x.replaceAll('"', '""')}"` : x);

/** Whether any grid point was enclosed (--certify-grid): the CSV then has K_lo, K_hi beside each value column K. */
const certifiedGrid = (curves: readonly Curve[]) => curves.some((c) => c.points.some((x) => x.enclosures !== undefined));

export function figureCsv(curves: readonly Curve[], digits: number): string {
  const certified = certifiedGrid(curves);
  const names = gridValues(curves[0]!.points[0]!).map(([name]) => name);
  const lines = [['curve,model,chi,alternative,mu', ...names.flatMap((n) => (certified ? [n, `${n}_lo`, `${n}_hi`] : [n]))].join(',')];
  for (const c of curves) {
    for (const x of c.points) {
      const cells = gridValues(x).flatMap(([, value, enclosure]) => {
        const printed = value === undefined ? '' : gridValue(value, enclosure, digits);
        return certified ? [printed, ...(enclosure ? enclosureEnds(enclosure) : ['', ''])] : [printed];
      });
      lines.push([c.id, c.model, c.chi ?? '', c.alternative, x.mu.toString(), ...cells.map(csvCell)].join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Each curve's proved (or computed) minima as CSV: value and μ, each with its enclosure in K_lo, K_hi where proved. */
export function minimaCsv(curves: readonly Curve[], digits: number): string {
  const lines = ['curve,quantity,certified,mu,mu_lo,mu_hi,value,value_lo,value_hi'];
  for (const c of curves) {
    const minima: Array<[string, Minimum | undefined]> = [
      [c.model === 'constant' ? 'S_UV_reduced' : 'S', c.minimumPlotted],
      ['S_UV_fullCovariance', c.minimumUVFullCovariance],
      ['expMinusLogNegativity', c.minimumExpMinusLogNegativity],
    ];
    for (const [quantity, m] of minima) {
      if (m === undefined) continue;
      const j = minimumJson(m, digits) as { mu: string; value: string; certified: string | false; enclosure?: { mu: string[]; value: string[] } };
      const e = j.enclosure ?? { mu: ['', ''], value: ['', ''] };
      lines.push([c.id, quantity, j.certified || 'no', j.mu, ...e.mu, j.value, ...e.value].join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The paper's encoding: one hue, light for χ/γ = 25 and dark for 50; solid model one, dashed model two, dot-dashed back-action evasion. */
export function paperStyles(curves: readonly Curve[]): Array<{ series: string; color: string; dash: number[] }> {
  const color = (c: Curve) => (c.chi === '25' ? '#6baed6' : c.chi === '50' ? '#08306b' : '#000000');
  const dash = (c: Curve) => (c.model === 'modulated' ? [1, 0] : c.model === 'constant' ? [7, 4] : [9, 3, 2, 3]);
  return curves.map((c) => ({ series: c.label, color: color(c), dash: dash(c) }));
}

export function plotRows(
  curves: readonly Curve[],
  pick: (c: Curve, p: CurvePoint) => Dec = (_, p) => p.plotted,
  suffix = '',
): Array<Record<string, number | string>> {
  return curves.flatMap((c) => c.points.map((x) => ({ mu: x.mu.toNumber(), value: pick(c, x).toNumber(), series: `${c.label}${suffix}` })));
}

/** A computed curve read back from JSON (Decimals as strings): how a figure2 worker process hands its curves over. */
export function curveFromJson(data: unknown, digits: number): Curve {
  const D = decimalContext(digits + 10);
  const c = data as Curve & { points: Array<Record<string, unknown>> };
  const dec = (x: unknown) => new D(x as string);
  const interval = (x: Interval) => ({ lo: dec(x.lo), hi: dec(x.hi) });
  const minimum = (m: Minimum): Minimum => ({
    mu: dec(m.mu),
    value: dec(m.value),
    muDigits: m.muDigits,
    ...(m.enclosure
      ? {
          enclosure: {
            value: interval(m.enclosure.value),
            location: interval(m.enclosure.location),
            neighbourhood: interval(m.enclosure.neighbourhood),
            ...(m.enclosure.global ? { global: m.enclosure.global } : {}),
          },
        }
      : {}),
  });
  return {
    ...c,
    points: c.points.map((p) => {
      const uv = p.uv as Record<string, string> | undefined;
      const point = {
        mu: dec(p.mu),
        plotted: dec(p.plotted),
        S: dec(p.S),
        logNegativity: dec(p.logNegativity),
        expMinusLogNegativity: dec(p.expMinusLogNegativity),
      };
      const e = p.enclosures as (Omit<GridEnclosure, 'uv'> & { uv?: Record<string, Interval> }) | undefined;
      const enclosures: GridEnclosure | undefined = e && {
        plotted: interval(e.plotted),
        S: interval(e.S),
        logNegativity: interval(e.logNegativity),
        expMinusLogNegativity: interval(e.expMinusLogNegativity),
        ...(e.uv
          ? {
              uv: {
                reduced: interval(e.uv.reduced!),
                fullCovariance: interval(e.uv.fullCovariance!),
                ...(e.uv.separableBound ? { separableBound: interval(e.uv.separableBound) } : {}),
              },
            }
          : {}),
      };
      const withUv = uv
        ? { ...point, uv: { reduced: dec(uv.reduced), fullCovariance: dec(uv.fullCovariance), separableBound: dec(uv.separableBound) } }
        : point;
      return enclosures ? { ...withUv, enclosures } : withUv;
    }),
    minimumPlotted: minimum(c.minimumPlotted),
    minimumExpMinusLogNegativity: minimum(c.minimumExpMinusLogNegativity),
    ...(c.minimumUVFullCovariance ? { minimumUVFullCovariance: minimum(c.minimumUVFullCovariance) } : {}),
    ...(c.routeDifference ? { routeDifference: { relative: dec(c.routeDifference.relative), digits: c.routeDifference.digits } } : {}),
  };
}
