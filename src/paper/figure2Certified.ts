/**
 * Figure 2's minima proved: the least value over μ ∈ [10⁻³, 10³]γ of a curve, and where it is
 * attained, each enclosed (src/numeric/certifiedMinimum.ts) from enclosures of the conditional
 * state and its first two μ-derivatives over boxes of μ (src/numeric/riccatiAlong.ts), with S of
 * (15) or S_UV from the full covariance evaluated on jets (src/entanglement/enclosures.ts). A curve
 * whose parameter is a square root (Δ = √(χ² − γ²) at the threshold) is proved for the exact root:
 * the drift is enclosed over the root's interval, A being affine in it.
 */
import {
  congruenceOf,
  expMinusLogNegativityEnclosure,
  expMinusLogNegativityLowerBound,
  leastVarianceOf,
  logNegativityEnclosure,
  productSeparabilityEnclosure,
  productSeparabilityLowerBound,
  productSeparabilityOf,
  reducedSeparabilityLowerBound,
  separabilityEnclosure,
  separabilityLowerBound,
  separabilityOf,
  smallestSymplecticOf,
  twiceGeometricMean,
} from '../entanglement/enclosures.ts';
import { isPositiveSemidefinite } from '../exact/matrix.ts';
import { RationalFunction } from '../exact/rationalFunction.ts';
import { stabilityRegime } from '../gaussian/regime.ts';
import { Rational } from '../exact/rational.ts';
import { readings, regimeOf } from '../app/solve.ts';
import { resolveParameters } from '../models/parameters.ts';
import { parameterSymbol, type ModelPoint } from '../models/modelFile.ts';
import { certifiedLocalMinimum, certifiedRoot, provedLeast, type CertifiedMinimum } from '../numeric/certifiedMinimum.ts';
import { decimalContext, type Dec } from '../numeric/context.ts';
import { affineFamily, evaluateDecimal, evaluateExact, exactAffine, intervalMatrix, type AffineFamily } from '../numeric/fromExact.ts';
import { intervalArithmetic, IntervalError, type Interval, type IntervalArithmetic } from '../numeric/interval.ts';
import { intervalField, jetArithmetic, type Jet } from '../numeric/jet.ts';
import type { DMatrix } from '../numeric/matrix.ts';
import { encloseAlong, lowerStateOver, stabilisingAlong, type AffineBoxes, type AffinePoint, type AlongEnclosure } from '../numeric/riccatiAlong.ts';
import { encloseRiccatiOver } from '../numeric/riccatiEnclosure.ts';
import { exactStabilisingSolution } from '../numeric/exactSteadyState.ts';
import type { CurveSpec } from './figure2.ts';
import { paperSymbolValues } from './paperSymbols.ts';
import { reducedDriftBlocks } from './separabilityUV.ts';
import { sym } from './symbols.ts';

/** What a curve's minimum is of: the plotted S (model one, back-action evasion), model two's S_UV by the reduced equations (what it plots) or from the full covariance, or e^(−E_N) = 2ν̃₋ where the state is entangled. */
export type MinimisedQuantity = 'S' | 'S_UV' | 'S_UV_reduced' | 'expMinusLogNegativity';

type Box = ReadonlyArray<readonly Interval[]>;

/** The model at μ = 1 with its root parameter (if any) at each end of its enclosure: A over the root's interval is the hull of the two. */
function pointsOf(I: IntervalArithmetic, spec: CurveSpec, rounded: string | undefined): ModelPoint[] {
  if (spec.root === undefined) return [resolveParameters(spec.model, { ...spec.params, mu: '1' })];
  const square = Rational.parse(spec.root.square);
  const root = I.sqrt(I.exact(square));
  return [root.lo, root.hi, ...(rounded ? [rounded] : [])].map((x) =>
    resolveParameters(spec.model, { ...spec.params, [spec.root!.name]: x.toString(), mu: '1' }),
  );
}

const hull = (I: IntervalArithmetic, boxes: Box[]): Interval[][] =>
  boxes[0]!.map((row, i) => row.map((x, j) => boxes.slice(1).reduce((h, b) => I.hull(h, b[i]![j]!), x)));

/** One state's proofs over boxes of μ. */
interface StateProof {
  /** The stabilising solution's jets V, V′, V″ over X. */
  readonly jets: (X: Interval) => Jet[][] | undefined;
  /**
   * Where D₁ ⪰ 0 and M₁ ⪰ 0 (the comparison holds): states below V(μ) for every μ in X in the
   * Loewner order, each a box. `first` is one, V₋ (first order in X's width); `second` gives two,
   * g(±r) with g(t) = V(c) + tV′(c) − ½t²w·1 (X ⊂ c ± r, V″ ⪰ −w·1 over X, w ≥ 0): V(c + t) ⪰ g(t) by
   * Taylor's theorem, and a quantity monotone and concave in V (every one bounded here: least
   * eigenvalues of congruences, their geometric means, the least symplectic eigenvalue) is, on g
   * over t ∈ [−r, r], least at t = ±r (g concave; a least variance clamped at 0 keeps this, as it is
   * positive between two ends where it is). That second-order bound holds near a minimum,
   * where the first-order one would need boxes of width of the order of the distance squared.
   * `inherited` is the same with the w of a box holding X that `second` has already bounded (V″
   * over X lies in V″ over it): two proofs instead of six, and undefined where there is none.
   */
  readonly below?: {
    readonly first: (X: Interval) => Box | undefined;
    readonly inherited: (X: Interval) => [Box, Box] | undefined;
    readonly second: (X: Interval) => [Box, Box] | undefined;
  };
}

/**
 * A state's proofs for one affine system: a jet's box proved at its own width (where the Krawczyk
 * proof over it fails and the comparison holds, from its Loewner bounds: back-action evasion's
 * one-sided neighbourhood of μ = 10³γ needs that), its stabilising branch carried from its centre
 * (whose enclosure, asked for again by the Taylor forms, is kept).
 */
function stateProof(I: IntervalArithmetic, system: AffineBoxes, point: AffinePoint, work: number, comparable: boolean, doublesFirst: boolean): StateProof {
  const fast = { doublesFirst };
  const atPoints = new Map<string, AlongEnclosure | undefined>();
  const enclosedAt = (c: Dec) => {
    const key = c.toString();
    if (!atPoints.has(key)) atPoints.set(key, encloseAlong(I, system, point, { lo: c, hi: c }, c, work, fast));
    return atPoints.get(key);
  };
  const jets = (X: Interval): Jet[][] | undefined => {
    const c = I.midpoint(X);
    const e = X.lo.eq(X.hi)
      ? enclosedAt(X.lo)
      : (encloseAlong(I, system, point, X, c, work, fast) ??
        (comparable ? encloseAlong(I, system, point, X, c, work, { ...fast, comparison: true }) : undefined));
    if (e === undefined) return undefined;
    if (!e.stabilising) {
      const centre = enclosedAt(c);
      if (centre === undefined || !stabilisingAlong(e, centre)) return undefined;
    }
    return e.value.map((row, i) => row.map((x, j) => ({ value: x, slope: e.slope[i]![j]!, curvature: e.curvature[i]![j]! })));
  };
  if (!comparable) return { jets };
  /** Each box whose V″ floor `second` has bounded, with w. */
  const floors: Array<{ readonly X: Interval; readonly w: Dec }> = [];
  const second = (X: Interval): [Box, Box] | undefined => {
    const over = encloseAlong(I, system, point, X, I.midpoint(X), work, { ...fast, comparison: true });
    if (over === undefined) return undefined;
    // V″ ⪰ −w·1 over X, by Gershgorin's discs: every eigenvalue ≥ V″_ii − Σ_{j≠i} |V″_ij| for some i.
    const discs = over.curvature.map((row, i) => row.reduce((left, x, j) => (i === j ? left : I.sub(left, I.abs(x))), row[i]!).lo);
    const least = discs.reduce((m, x) => (x.lt(m) ? x : m));
    const w = least.isNegative() ? least.neg() : least.mul(0);
    floors.push({ X, w });
    return taylorBelow(X, w);
  };
  const inherited = (X: Interval): [Box, Box] | undefined => {
    const parent = [...floors].reverse().find((f) => f.X.lo.lte(X.lo) && X.hi.lte(f.X.hi));
    return parent && taylorBelow(X, parent.w);
  };
  const taylorBelow = (X: Interval, w: Dec): [Box, Box] | undefined => {
    const c = I.midpoint(X);
    const at = enclosedAt(c);
    if (at === undefined || !at.stabilising) return undefined;
    const radius = I.abs(I.sub(X, { lo: c, hi: c })).hi;
    const drop = I.mul(I.mul(I.of('0.5'), I.mul({ lo: radius, hi: radius }, { lo: radius, hi: radius })), { lo: w, hi: w });
    const g = (t: Interval): Box =>
      at.value.map((row, i) => row.map((x, j) => (i === j ? I.sub(I.add(x, I.mul(t, at.slope[i]![j]!)), drop) : I.add(x, I.mul(t, at.slope[i]![j]!)))));
    return [g({ lo: radius.neg(), hi: radius.neg() }), g({ lo: radius, hi: radius })];
  };
  return { jets, below: { first: (X) => lowerStateOver(I, system, point, X, work, fast), inherited, second } };
}

/** The Decimal system along μ of exact affine families, for the midpoints. */
function affinePoint(work: number, families: readonly [AffineFamily, AffineFamily, AffineFamily], driftStable: boolean): AffinePoint {
  const [drift, diffusion, measurement] = families;
  const D = decimalContext(work);
  const [zero, one] = [new D(0), new D(1)];
  const slope = (f: AffineFamily) => f.at(work, one).map((row, i) => row.map((x, j) => x.minus(f.at(work, zero)[i]![j]!)));
  return {
    drift: drift.at(work, zero),
    driftStable,
    diffusion: (x) => diffusion.at(work, x),
    measurement: (x) => measurement.at(work, x),
    diffusionSlope: slope(diffusion),
    measurementSlope: slope(measurement),
  };
}

/** A curve's quantity over boxes of μ: its jet (value, slope, curvature) and lower bounds of its value. */
interface CurveProof {
  readonly I: IntervalArithmetic;
  readonly jet: (X: Interval) => Jet | undefined;
  /** Tried in turn, cheapest first: to first order in X's width, then to second with an inherited and with X's own V″ bound, from states below V(μ) (`StateProof.below`); none where the comparison does not hold. */
  readonly lowerBounds: ReadonlyArray<(X: Interval) => Dec | undefined>;
}

/** 1 + the widest relative width on which the second-order bound is tried: on Figure 2's curves it never proved a wider box (its V″ box is then too loose), at 7× the first-order one's cost. */
const SECOND_ORDER_WIDTH = '1.02';

/** Lower bounds of a quantity `of` the states' boxes, monotone and concave in each state, from the states below them (none if one has no comparison). */
function lowerBoundsOf(states: readonly StateProof[], of: (boxes: Box[]) => Dec | undefined): CurveProof['lowerBounds'] {
  const below = states.map((x) => x.below);
  if (below.some((x) => x === undefined)) return [];
  const first = (X: Interval) => {
    const boxes = below.map((b) => b!.first(X));
    return boxes.every((b) => b !== undefined) ? of(boxes as Box[]) : undefined;
  };
  const secondOrder = (kind: 'inherited' | 'second') => (X: Interval) => {
    if (X.hi.div(X.lo).gt(SECOND_ORDER_WIDTH)) return undefined;
    const pairs = below.map((b) => b![kind](X));
    if (pairs.some((p) => p === undefined)) return undefined;
    const ends = [0, 1].map((k) => of(pairs.map((p) => p![k]!)));
    return ends[0] && ends[1] && (ends[0].lt(ends[1]) ? ends[0] : ends[1]);
  };
  return [first, secondOrder('inherited'), secondOrder('second')];
}

/**
 * One curve's quantity as jets over boxes of μ, at `work` working digits; `rounded` is the root
 * parameter the numerical curve used (its midpoints). `doublesFirst`: every Krawczyk proof with its
 * preconditioner in doubles first (the branch and bound's many proofs, which need no point box).
 */
function curveJet(spec: CurveSpec, quantity: MinimisedQuantity, rounded: string | undefined, work: number, doublesFirst = false): CurveProof {
  const I = intervalArithmetic(work);
  const points = pointsOf(I, spec, rounded);
  const exactPoints = rounded ? points.slice(0, 2) : points;
  const midpointModel = points[points.length - 1]!;
  const J = jetArithmetic(I);
  if (quantity === 'S_UV_reduced') {
    // The reduced equations (25)-(28) as printed: per plane a 2×2 Riccati equation with the printed
    // drift, diffusion 2γV₀ = 2γ(N + ½) + μ and measurement 4ημ (src/paper/separabilityUV.ts).
    const values = exactPoints.map(paperSymbolValues);
    const [g1, g2, n, eta] = [sym.gamma1, sym.gamma2, sym.N, sym.eta].map((x) => values[0]!.get(x)!);
    const gamma = g1!.add(g2!).div(Rational.of(2));
    const diagonal = (x: Interval) => [
      [x, I.of('0')],
      [I.of('0'), x],
    ];
    const blocks = (['U', 'V'] as const).map((k) => {
      const block = reducedDriftBlocks()[k];
      const exact = (m: typeof block) => evaluateExact(m, paperSymbolValues(midpointModel)).map((row) => row.map((x) => RationalFunction.from(x)));
      const system: AffineBoxes = {
        drift: hull(
          I,
          values.map((v) => intervalMatrix(I, block, v)),
        ),
        diffusion: [diagonal(I.exact(gamma.mul(Rational.of(2)).mul(n!.add(Rational.of(1, 2))))), diagonal(I.of('1'))],
        measurement: [diagonal(I.of('0')), diagonal(I.exact(eta!.mul(Rational.of(4))))],
      };
      const D = decimalContext(work);
      const dec = (x: Rational) => new D(x.num.toString()).div(x.den.toString());
      const constantFamily = (m: DMatrix): AffineFamily => ({ constant: true, at: () => m });
      const linearFamily = (c: Dec, slope: Dec): AffineFamily => ({
        constant: false,
        at: (_, x) => [
          [c.plus(slope.times(x)), new D(0)],
          [new D(0), c.plus(slope.times(x))],
        ],
      });
      const point = affinePoint(
        work,
        [
          constantFamily(evaluateDecimal(work, block, paperSymbolValues(midpointModel))),
          linearFamily(dec(gamma.mul(Rational.of(2)).mul(n!.add(Rational.of(1, 2)))), new D(1)),
          linearFamily(new D(0), dec(eta!.mul(Rational.of(4)))),
        ],
        stabilityRegime(exact(block)) === 'below-threshold',
      );
      // D₁ = 1 and M₁ = 4η·1 (η ≥ 0): the comparison holds.
      return stateProof(I, system, point, work, true, doublesFirst);
    });
    const jet = (X: Interval): Jet | undefined => {
      const [u, v] = blocks.map((b) => b.jets(X));
      if (u === undefined || v === undefined) return undefined;
      return twiceGeometricMean(J, leastVarianceOf(J, u).variance, leastVarianceOf(J, v).variance);
    };
    return { I, jet, lowerBounds: lowerBoundsOf(blocks, ([u, v]) => reducedSeparabilityLowerBound(I, u!, v!)) };
  }
  const model = points[0]!.model;
  const mu = parameterSymbol(model, 'mu');
  const s = model.system;
  const at = (p: ModelPoint, m: 'drift' | 'diffusion' | 'measurement', value: string) =>
    intervalMatrix(I, s[m], new Map(p.values).set(mu, Rational.parse(value)));
  // Each matrix over the root parameter's interval: the hull at its two ends (A, D and M are affine in it).
  const affine = (m: 'diffusion' | 'measurement'): [Box, Box] => {
    const [zero, one] = ['0', '1'].map((value) =>
      hull(
        I,
        exactPoints.map((p) => at(p, m, value)),
      ),
    ) as [Interval[][], Interval[][]];
    return [zero, one.map((row, i) => row.map((x, j) => I.sub(x, zero[i]![j]!)))];
  };
  const system: AffineBoxes = {
    drift: hull(
      I,
      exactPoints.map((p) => at(p, 'drift', '0')),
    ),
    diffusion: affine('diffusion'),
    measurement: affine('measurement'),
  };
  const families = [s.drift, s.diffusion, s.measurement].map((m) => affineFamily(m, midpointModel.values, mu)) as [AffineFamily, AffineFamily, AffineFamily];
  const point = affinePoint(work, families, regimeOf(midpointModel) === 'below-threshold');
  const comparable = exactPoints.every((p) =>
    (['diffusion', 'measurement'] as const).every((m) => {
      const m1 = exactAffine(s[m], p.values, mu).slope;
      return m1.every((row) => row.every((x) => x.im.isZero())) && isPositiveSemidefinite(m1.map((row) => row.map((x) => x.re)));
    }),
  );
  const state = stateProof(I, system, point, work, comparable, doublesFirst);
  const constant = (x: Interval): Jet => ({ value: x, slope: I.of('0'), curvature: I.of('0') });
  const { toModes, planes } = readings(model);
  const modes = intervalMatrix(I, toModes, points[0]!.values);
  const t = modes.map((row) => row.map(constant));
  const uv = model.pairs.findIndex((p) => p.name === 'UV');
  const planeBox = (k: 0 | 1) => intervalMatrix(I, planes[uv]![k], points[0]!.values);
  const plane = (k: 0 | 1) => planeBox(k).map((row) => row.map(constant));
  const jet = (X: Interval): Jet | undefined => {
    const v = state.jets(X);
    if (v === undefined) return undefined;
    const perMode = congruenceOf(J, t, v);
    if (quantity === 'S') return separabilityOf(J, perMode).S;
    if (quantity === 'S_UV') return productSeparabilityOf(J, perMode, plane(0), plane(1)).S;
    // e^(−E_N) = min(1, 2ν̃₋): 2ν̃₋ itself only where it is proved below 1 over the box.
    const twice = J.mul(J.of('2'), smallestSymplecticOf(J, perMode, true));
    return twice.value.hi.lt(1) ? twice : undefined;
  };
  if (quantity === 'S_UV' && uv < 0) throw new RangeError(`curve ${spec.id}: the model has no UV planes`);
  const below = ([v]: Box[]): Dec | undefined => {
    const perMode = congruenceOf(intervalField(I), modes, v!);
    if (quantity === 'S') return separabilityLowerBound(I, perMode);
    if (quantity === 'S_UV') return productSeparabilityLowerBound(I, perMode, planeBox(0), planeBox(1));
    return expMinusLogNegativityLowerBound(I, perMode);
  };
  return { I, jet, lowerBounds: lowerBoundsOf([state], below) };
}

/** The branch and bound's working digits: the gaps it proves near X₀ are about 10⁻¹² of S. */
const GLOBAL_WORK = 25;

/**
 * The proved local minimum of one curve's quantity over μ ∈ [10⁻³, 10³] near the numerical
 * minimiser `guess`; undefined when the proof does not go through. With `global`, also proved the
 * least over the whole range by branch and bound (`provedLeast`, at 25 digits, from the lower
 * bounds of `StateProof.below`) where that goes through: `global` is then set.
 */
export function certifiedCurveMinimum(
  spec: CurveSpec,
  quantity: MinimisedQuantity,
  guess: Dec,
  rounded: string | undefined,
  work: number,
  options: { readonly global?: boolean } = {},
): CertifiedMinimum | undefined {
  const { I, jet } = curveJet(spec, quantity, rounded, work);
  const D = decimalContext(work);
  const range = [new D('0.001'), new D('1000')] as const;
  const local = certifiedLocalMinimum(I, jet, range, guess);
  if (local === undefined || !options.global) return local;
  const coarse = curveJet(spec, quantity, rounded, GLOBAL_WORK, true);
  if (coarse.lowerBounds.length === 0) return local;
  const global = provedLeast(coarse.I, local, range, coarse.lowerBounds);
  return global ? { ...local, global } : local;
}

/**
 * Where two curves cross (each its plotted quantity), proved by interval Newton on their
 * difference near `guess`, with the value there enclosed from the first curve; undefined when the
 * proof does not go through.
 */
export function certifiedCrossing(
  first: { spec: CurveSpec; quantity: MinimisedQuantity; rounded: string | undefined },
  second: { spec: CurveSpec; quantity: MinimisedQuantity; rounded: string | undefined },
  guess: Dec,
  work: number,
): { value: Interval; location: Interval; neighbourhood: Interval } | undefined {
  const a = curveJet(first.spec, first.quantity, first.rounded, work);
  const b = curveJet(second.spec, second.quantity, second.rounded, work);
  const J = jetArithmetic(a.I);
  const gap = (X: Interval) => {
    const [x, y] = [a.jet(X), b.jet(X)];
    return x && y && J.sub(x, y);
  };
  const root = certifiedRoot(a.I, gap, guess);
  const at = root && a.jet(root.location);
  return root && at ? { value: at.value, ...root } : undefined;
}

/** Every value one point of figure2.csv prints, enclosed (S_UV's separable bound absent where the box does not fix its angles). */
export interface GridEnclosure {
  readonly plotted: Interval;
  readonly S: Interval;
  readonly logNegativity: Interval;
  readonly expMinusLogNegativity: Interval;
  /** Model two. */
  readonly uv?: { readonly reduced: Interval; readonly fullCovariance: Interval; readonly separableBound?: Interval };
}

/**
 * One curve's grid values at μ enclosed, from the sweep's covariance there (the midpoint): the
 * conditional state proved for the exact model at μ (the root parameter over its interval, as for
 * the minima), then S of (15), E_N and e^(−E_N) from it, and for model two S_UV from the full
 * covariance with its separable bound, and by the reduced equations (their 2×2 states proved on
 * their own). Undefined where a proof does not go through at `work` digits.
 */
export function gridEnclosures(spec: CurveSpec, rounded: string | undefined, work: number): (at: Dec, covariance: DMatrix) => GridEnclosure | undefined {
  const I = intervalArithmetic(work);
  const points = pointsOf(I, spec, rounded);
  const exactPoints = rounded ? points.slice(0, 2) : points;
  const model = points[0]!.model;
  const mu = parameterSymbol(model, 'mu');
  const s = model.system;
  const { toModes, planes } = readings(model);
  const t = intervalMatrix(I, toModes, points[0]!.values);
  const uv = model.pairs.findIndex((p) => p.name === 'UV');
  const uvPlanes = uv < 0 ? undefined : planes[uv]!.map((rows) => intervalMatrix(I, rows, points[0]!.values));
  const reduced = uvPlanes && curveJet(spec, 'S_UV_reduced', rounded, work).jet;
  const provedState = (A: Box, D: Box, M: Box, covariance: DMatrix): Box | undefined => {
    const proved = encloseRiccatiOver(I, A, D, M, covariance);
    return proved?.stabilising ? proved.box : undefined;
  };
  // A rational state proved exactly (a box of positive width cannot prove back-action evasion's
  // 2ν̃₋ = 1 at μ = 10γ, and so its E_N = 0); not for a root parameter, whose model is irrational.
  const exactState = (values: ReadonlyArray<ReadonlyMap<RationalFunction, Rational>>, covariance: DMatrix): Box | undefined => {
    if (rounded !== undefined) return undefined;
    const [a, d, m] = [s.drift, s.diffusion, s.measurement].map((x) => evaluateExact(x, values[0]!).map((row) => row.map((y) => y.re)));
    const exact = exactStabilisingSolution(a!, d!, m!, covariance, work);
    return exact?.map((row) => row.map((x) => I.exact(x)));
  };
  return (at, covariance) => {
    const values = exactPoints.map((p) => new Map(p.values).set(mu, Rational.parse(at.toString())));
    const matrix = (m: 'drift' | 'diffusion' | 'measurement') =>
      hull(
        I,
        values.map((v) => intervalMatrix(I, s[m], v)),
      );
    try {
      const box = exactState(values, covariance) ?? provedState(matrix('drift'), matrix('diffusion'), matrix('measurement'), covariance);
      if (box === undefined) return undefined;
      const perMode = congruenceOf(intervalField(I), t, box);
      const { S } = separabilityEnclosure(I, perMode);
      const e = logNegativityEnclosure(I, perMode);
      const common = { S, logNegativity: e.logNegativity, expMinusLogNegativity: expMinusLogNegativityEnclosure(I, e) };
      if (reduced === undefined || uvPlanes === undefined) return { ...common, plotted: S };
      const r = reduced({ lo: at, hi: at })?.value;
      if (r === undefined) return undefined;
      const full = productSeparabilityEnclosure(I, perMode, uvPlanes[0]!, uvPlanes[1]!);
      return { ...common, plotted: r, uv: { reduced: r, fullCovariance: full.S, ...(full.separableBound ? { separableBound: full.separableBound } : {}) } };
    } catch (err) {
      if (err instanceof IntervalError) return undefined;
      throw err;
    }
  };
}
