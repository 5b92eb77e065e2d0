/**
 * A solve whose printed digits are proved. The steady states of src/app/solve.ts are enclosed
 * (src/numeric/riccatiEnclosure.ts: a Krawczyk proof over A, D and M enclosed from the exact
 * model, that the box holds the stabilising solution), and every figure of merit is enclosed from
 * the boxes in interval arithmetic (src/entanglement/enclosures.ts). Four proofs need no width:
 * entries that a signed-permutation symmetry of A, D and M forces to 0 (src/exact/signedSymmetry.ts),
 * a steady state that is rational and checked exactly (src/numeric/exactSteadyState.ts; a pure
 * state sits on the physical boundary, which no box of positive width decides), the unconditional
 * state, whose equation is linear with rational coefficients, solved exactly, and the
 * threshold's Sturm bracket. Working precision rises until every printed number holds `digits`
 * proved digits, or is proved 0; an enclosure that still holds 0 at the ceiling is printed as
 * the enclosure, and any other number short of its digits is a PrecisionError naming it.
 */
import {
  congruenceOf,
  expMinusLogNegativityEnclosure,
  leastQuadratureEnclosure,
  logNegativityEnclosure,
  physicalityEnclosure,
  productSeparabilityEnclosure,
  separabilityEnclosure,
  simonEnclosure,
  type LeastQuadratureEnclosure,
  type ProductSeparabilityEnclosure,
} from '../entanglement/enclosures.ts';
import type { Rational } from '../exact/rational.ts';
import { forcedZeros, signedPermutationSymmetries } from '../exact/signedSymmetry.ts';
import type { ModelPoint } from '../models/modelFile.ts';
import { MAX_CONTEXT_DIGITS, type Dec } from '../numeric/context.ts';
import { exactLyapunovSolution, exactStabilisingSolution } from '../numeric/exactSteadyState.ts';
import { evaluateDecimal, evaluateExact, holdsRoots, intervalMatrix, substituteValues } from '../numeric/fromExact.ts';
import { intervalArithmetic, IntervalError, type Interval, type IntervalArithmetic } from '../numeric/interval.ts';
import type { DMatrix } from '../numeric/matrix.ts';
import { intervalField } from '../numeric/jet.ts';
import { lyapunovSteadyState, riccatiSteadyState } from '../numeric/riccati.ts';
import { encloseLyapunovOver, encloseRiccatiOver, krawczyk } from '../numeric/riccatiEnclosure.ts';
import type { RationalFunction } from '../exact/rationalFunction.ts';
import { PrecisionError } from './certify.ts';
import { bipartitionLogNegativityEnclosure } from '../entanglement/symplecticEnclosure.ts';
import { readings, solveModel, thresholdEnclosure, type Solution } from './solve.ts';
import { provedDigits, renderSolution } from './solveReport.ts';

export type Box = ReadonlyArray<readonly Interval[]>;

export interface TwoModeEnclosures {
  readonly S: Interval;
  readonly vAlphaPlus: Interval;
  readonly vAlphaMinus: Interval;
  /** Absent when the box does not fix α (an isotropic (X₊, Y₊) plane, or 2α straddling ±π). */
  readonly alpha?: Interval;
  readonly logNegativity: Interval;
  readonly expMinusLogNegativity: Interval;
  readonly duan: Interval;
  readonly simon: Interval;
  readonly smallestSymplectic: Interval;
  /** E_N > 0 proved, E_N = 0 proved (2ν̃₋ ≥ 1), or neither. */
  readonly entanglement: 'entangled' | 'separable' | 'undecided';
}

export interface SolutionEnclosures {
  /** The working precision of the interval arithmetic that proved these. */
  readonly workingDigits: number;
  /** χ_th (the parameter the model names), when the Sturm bracket proves it. */
  readonly threshold?: Interval;
  /** A coherent drive's steady means −A⁻¹b. */
  readonly means?: readonly Interval[];
  readonly covariance?: Box;
  readonly unconditionalCovariance?: Box;
  readonly analysis?: TwoModeEnclosures;
  readonly unconditional?: { readonly S: Interval; readonly logNegativity: Interval };
  readonly pairs: Readonly<Record<string, ProductSeparabilityEnclosure>>;
  readonly singleMode?: LeastQuadratureEnclosure;
  /** Three or more modes: E_N of each bipartition (src/entanglement/symplecticEnclosure.ts), in the model's order; undefined where the box is too wide. */
  readonly bipartitions?: ReadonlyArray<Interval | undefined>;
}

export type CertifiedSolution = Solution & { readonly enclosures: SolutionEnclosures };

/** What does not depend on the precision: the exact matrices' symmetries and, where rational, the exact conditional state. */
interface Structure {
  readonly conditionalZeros?: boolean[][];
  readonly unconditionalZeros?: boolean[][];
  readonly exactCovariance?: Rational[][];
  /** The unconditional state solved exactly: its equation is linear with rational coefficients. */
  readonly exactUnconditional?: Rational[][];
}

function structureOf(s: Solution): Structure {
  const { model, values } = s.point;
  const sys = model.system;
  if ([sys.drift, sys.diffusion, sys.measurement].some(holdsRoots)) {
    // The parameters substituted, the square roots left as symbols: the symmetries' comparisons stay exact.
    const substituted = (m: typeof sys.drift) => m.map((row) => row.map((x) => substituteValues(x, values)));
    const [a, d, m] = [substituted(sys.drift), substituted(sys.diffusion), substituted(sys.measurement)];
    return {
      conditionalZeros: forcedZeros(a.length, signedPermutationSymmetries([a, d, m])),
      unconditionalZeros: forcedZeros(a.length, signedPermutationSymmetries([a, d])),
    };
  }
  const real = (m: typeof sys.drift) => evaluateExact(m, values).map((row) => row.map((x) => x.re));
  const [a, d, m] = [real(sys.drift), real(sys.diffusion), real(sys.measurement)];
  const n = a.length;
  const exactCovariance = s.conditional ? exactStabilisingSolution(a, d, m, s.conditional.covariance, s.workingDigits) : undefined;
  const exactUnconditional = s.unconditional ? exactLyapunovSolution(a, d, s.unconditional.covariance, s.workingDigits) : undefined;
  return {
    ...(exactUnconditional ? { exactUnconditional } : {}),
    conditionalZeros: forcedZeros(n, signedPermutationSymmetries([a, d, m])),
    unconditionalZeros: forcedZeros(n, signedPermutationSymmetries([a, d])),
    ...(exactCovariance ? { exactCovariance } : {}),
  };
}

/** A proved box with the entries its symmetries force to 0 set to exactly 0 (each must already hold 0). */
function withZeros(I: IntervalArithmetic, box: Box, zeros: boolean[][] | undefined): Box {
  if (zeros === undefined) return box;
  return box.map((row, i) =>
    row.map((x, j) => {
      if (!zeros[i]![j]) return x;
      if (x.lo.gt(0) || x.hi.lt(0)) throw new Error(`a proved box excludes the symmetry's zero at (${i}, ${j}): a bug in one of the two proofs`);
      return I.of('0');
    }),
  );
}

function tryInterval<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (err) {
    if (err instanceof IntervalError) return undefined;
    throw err;
  }
}

function twoModeEnclosures(I: IntervalArithmetic, v: Box): TwoModeEnclosures | undefined {
  const e = tryInterval(() => logNegativityEnclosure(I, v));
  const separability = tryInterval(() => separabilityEnclosure(I, v));
  const physical = tryInterval(() => physicalityEnclosure(I, v));
  if (e === undefined || separability === undefined || physical === undefined) return undefined;
  return {
    S: separability.S,
    vAlphaPlus: separability.vAlphaPlus,
    vAlphaMinus: separability.vAlphaMinus,
    ...(separability.alpha ? { alpha: separability.alpha } : {}),
    logNegativity: e.logNegativity,
    expMinusLogNegativity: expMinusLogNegativityEnclosure(I, e),
    duan: separability.duan,
    simon: simonEnclosure(I, v),
    smallestSymplectic: physical.nu,
    entanglement: e.separable ? 'separable' : e.entangled ? 'entangled' : 'undecided',
  };
}

/** Every enclosure at working precision `work` around the midpoints given; undefined when a box is not proved there. */
function encloseAt(
  s: Solution,
  structure: Structure,
  work: number,
  midpoints: { conditional?: DMatrix; unconditional?: DMatrix },
): SolutionEnclosures | undefined {
  const { model, values } = s.point;
  const sys = model.system;
  const I = intervalArithmetic(work);
  const [A, D, M] = [sys.drift, sys.diffusion, sys.measurement].map((m) => intervalMatrix(I, m, values)) as [Interval[][], Interval[][], Interval[][]];
  let covariance: Box | undefined;
  if (structure.exactCovariance) covariance = structure.exactCovariance.map((row) => row.map((x) => I.exact(x)));
  else if (midpoints.conditional) {
    const proved = encloseRiccatiOver(I, A, D, M, midpoints.conditional);
    if (!proved?.stabilising) return undefined;
    covariance = withZeros(I, proved.box, structure.conditionalZeros);
  }
  let unconditionalCovariance: Box | undefined;
  if (structure.exactUnconditional) unconditionalCovariance = structure.exactUnconditional.map((row) => row.map((x) => I.exact(x)));
  else if (midpoints.unconditional) {
    const proved = encloseLyapunovOver(I, A, D, midpoints.unconditional);
    if (!proved?.stabilising) return undefined;
    unconditionalCovariance = withZeros(I, proved.box, structure.unconditionalZeros);
  }
  let means: Interval[] | undefined;
  if (s.means) {
    // A m = −b, linear: Krawczyk with the constant Jacobian A (Hurwitz here, so nonsingular).
    const b = intervalMatrix(I, [sys.force as RationalFunction[]], values)[0]!;
    const m = s.means.map((x) => I.of(x.toString()));
    const residual = A.map((row, i) => row.reduce((acc, x, k) => I.add(acc, I.mul(x, m[k]!)), b[i]!));
    const proved = krawczyk(
      I,
      residual,
      () => A,
      A,
      m.reduce((acc: Dec, x) => (x.hi.abs().gt(acc) ? x.hi.abs() : acc), m[0]!.hi.abs()),
    );
    if (proved === undefined) return undefined;
    means = m.map((x, k) => I.add(x, proved.correction[k]!));
  }
  const { toModes, planes } = readings(model);
  const t = intervalMatrix(I, toModes, values);
  const [v, u] = [covariance, unconditionalCovariance].map((box) => box && congruenceOf(intervalField(I), t, box));
  const twoModes = model.modes.length === 2;
  const analysis = v && twoModes ? twoModeEnclosures(I, v) : undefined;
  if (v && twoModes && analysis === undefined) return undefined;
  const unconditional = u && twoModes ? twoModeEnclosures(I, u) : undefined;
  if (u && twoModes && unconditional === undefined) return undefined;
  const pairs: Record<string, ProductSeparabilityEnclosure> = {};
  if (v)
    for (const [k, p] of model.pairs.entries()) {
      const [first, second] = planes[k]!.map((rows) => intervalMatrix(I, rows, values));
      const e = tryInterval(() => productSeparabilityEnclosure(I, v, first!, second!));
      if (e === undefined) return undefined;
      pairs[p.name] = e;
    }
  const singleMode = v && model.modes.length === 1 ? tryInterval(() => leastQuadratureEnclosure(I, v)) : undefined;
  const bipartitions =
    v && model.modes.length > 2
      ? model.bipartitions.map((side) =>
          tryInterval(() =>
            bipartitionLogNegativityEnclosure(
              I,
              v,
              side.map((mode) => model.modes.indexOf(mode)),
            ),
          ),
        )
      : undefined;
  return {
    workingDigits: work,
    ...(means ? { means } : {}),
    ...(covariance ? { covariance } : {}),
    ...(unconditionalCovariance ? { unconditionalCovariance } : {}),
    ...(analysis ? { analysis } : {}),
    ...(unconditional ? { unconditional: { S: unconditional.S, logNegativity: unconditional.logNegativity } } : {}),
    pairs,
    ...(singleMode ? { singleMode } : {}),
    ...(bipartitions ? { bipartitions } : {}),
  };
}

/** The steady states at working precision `work`, the midpoints of the next enclosure. */
function midpointsAt(s: Solution, work: number): { conditional?: DMatrix; unconditional?: DMatrix } {
  const { values } = s.point;
  const sys = s.point.model.system;
  const [a, d, m] = [sys.drift, sys.diffusion, sys.measurement].map((x) => evaluateDecimal(work, x, values)) as [Dec[][], Dec[][], Dec[][]];
  return {
    ...(s.conditional ? { conditional: riccatiSteadyState(work, a, d, m, { driftStable: s.stable }).covariance } : {}),
    ...(s.unconditional ? { unconditional: lyapunovSteadyState(work, a, d, { driftStable: true }).covariance } : {}),
  };
}

/**
 * The first printed number that does not yet hold `digits` proved digits, and whether it may still
 * be 0 (its enclosure holds 0: printed as the enclosure at the ceiling) or must have its digits.
 */
function shortOf(s: CertifiedSolution, wanted: (pointer: string) => boolean): { pointer: string; holdsZero: boolean } | undefined {
  let holding: { pointer: string; holdsZero: boolean } | undefined;
  for (const [pointer, x] of renderSolution(s).enclosures) {
    if (!wanted(pointer) || provedDigits(x) >= s.digits) continue;
    const holdsZero = !x.lo.gt(0) && !x.hi.lt(0);
    if (!holdsZero) return { pointer, holdsZero };
    holding ??= { pointer, holdsZero };
  }
  return holding;
}

/**
 * The enclosures of a solution, at rising working precision: digits + 10 first (the solve's own
 * covariance, solved at that precision, the midpoint), so that a number prints about `digits` + 7
 * proved digits; then doubling up to 4·digits + 80, each at a midpoint solved at that precision.
 * `wanted` picks the JSON pointers that must hold their digits (reference and compare need only
 * their columns: a number they do not print cannot raise the precision).
 * @throws PrecisionError naming the first number that does not hold its digits by the ceiling.
 */
export function certify(s: Solution, wanted: (pointer: string) => boolean = () => true): CertifiedSolution {
  const structure = structureOf(s);
  const threshold = thresholdEnclosure(s.point, s.digits);
  const start = s.digits + 10;
  const ceiling = Math.min(MAX_CONTEXT_DIGITS - 30, Math.max(start, 4 * s.digits + 80));
  for (let work = start; ; work = Math.min(2 * work, ceiling)) {
    const midpoints = work === start ? { conditional: s.conditional?.covariance, unconditional: s.unconditional?.covariance } : midpointsAt(s, work);
    const e = encloseAt(s, structure, work, midpoints as { conditional?: DMatrix; unconditional?: DMatrix });
    if (e) {
      const last: CertifiedSolution = { ...s, enclosures: { ...e, ...(threshold ? { threshold } : {}) } };
      const short = shortOf(last, wanted);
      if (short === undefined) return last;
      if (work === ceiling) {
        if (short.holdsZero) return last;
        throw new PrecisionError(`${short.pointer} did not hold ${s.digits} proved digits up to ${ceiling} working digits`);
      }
    } else if (work === ceiling) throw new PrecisionError(`no enclosure of the steady state was proved up to ${ceiling} working digits`);
  }
}

/** solveModel, then certify: what `solve` prints (every number, or those `wanted`). */
export function solveCertified(point: ModelPoint, digits: number, wanted?: (pointer: string) => boolean): CertifiedSolution {
  return certify(solveModel(point, digits, { agreement: false }), wanted);
}
