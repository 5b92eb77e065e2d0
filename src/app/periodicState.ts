/**
 * The periodic steady state of a system whose coefficients oscillate (a model without the
 * rotating-wave approximation), with figures of merit over one period against the RWA's steady
 * state, by two routes: harmonic balance (src/numeric/periodicRiccati.ts) and the monodromy of the
 * Hamiltonian system (src/numeric/monodromy.ts). What it prints is agreement, not certification.
 */
import { DetunedParampError } from '../exact/errors.ts';
import { decimalContext, type Dec, type DecimalConstructor } from '../numeric/context.ts';
import { isHurwitzStable } from '../numeric/eigen.ts';
import { fastestArithmetic, seriesToArithmetic, toArithmetic } from '../numeric/arithmetic.ts';
import { Float64Context } from '../numeric/float64.ts';
import { dadd, didentity, dinverse, dmaxAbs, dmul, dsub, SingularSystemError, type DMatrix } from '../numeric/matrix.ts';
import { monodromySteadyState, MonodromyError } from '../numeric/monodromy.ts';
import { overPeriod, type OverPeriod } from '../numeric/overPeriod.ts';
import { periodicSteadyState, PeriodicSteadyStateError, seriesAt, type TrigSeries } from '../numeric/periodicRiccati.ts';
import type { PeriodicSeries } from '../numeric/periodicSeries.ts';

export class PeriodicStateError extends DetunedParampError {
  constructor(message: string) {
    super('PERIODIC_STATE', message);
  }
}

/** A figure of merit of a covariance, at a working precision. */
export interface Figure {
  readonly name: string;
  of(digits: number, v: DMatrix): Dec;
}

export interface PeriodicProblem {
  /** The coefficients as series in θ = Ωt at a working precision (Ω > 0). */
  series(digits: number): PeriodicSeries;
  /** The RWA steady states at a working precision: the conditional one, and the unconditional one where the drift is stable. */
  rwa(digits: number): { readonly conditional?: DMatrix; readonly unconditional?: DMatrix };
  readonly driftStable: boolean;
  /** Digits the monodromy loses to Φ = I + O(1/Q): about log₁₀ of the frequency over the rates. */
  readonly lost: number;
  readonly figures: readonly Figure[];
}

export interface FiguresOverPeriod {
  /** Each figure over a period, in the order of the problem's figures, and its RWA value. */
  readonly periodic: readonly OverPeriod[];
  readonly rwa: readonly Dec[];
  at(theta: Dec): DMatrix;
  readonly harmonics: number;
  readonly sweeps: number;
}

const zeroSeries = (D: ReturnType<typeof decimalContext>, s: PeriodicSeries['measurement']) => ({
  cos: s.cos.map((m) => m.map((row) => row.map(() => new D(0)))),
  sin: s.sin.map((m) => m.map((row) => row.map(() => new D(0)))),
});

/**
 * A figure at phase θ (radians) of the covariance `v` there, carried to decimal.js at `digits`;
 * refused where it is not finite: the periodic solution is not a covariance at that phase.
 */
function figureAt(f: Figure, digits: number, v: DMatrix, theta: Dec): Dec {
  const D = decimalContext(digits);
  const value = f.of(digits, v);
  if (!value.isFinite())
    throw new PeriodicStateError(
      `${f.name} is not defined at phase ${theta.div(D.acos(-1).times(2)).toSignificantDigits(6)} of the period: the periodic solution there is not a covariance`,
    );
  return new D(value.toString());
}

/** The figures over a period of the conditional (or unconditional: no record conditioned on, M = 0) periodic state by harmonic balance at `digits` working digits. */
export function figuresOverPeriod(problem: PeriodicProblem, digits: number, state: 'conditional' | 'unconditional' = 'conditional'): FiguresOverPeriod {
  const D = decimalContext(digits);
  // The sweeps and the figures run in the fastest arithmetic that holds the digits (doubles, quad-doubles); the figures' values are then carried to Decimal.
  const A = fastestArithmetic(digits);
  const s = problem.series(digits);
  const inA = (x: TrigSeries) => seriesToArithmetic(A, x);
  const measurement = state === 'unconditional' ? zeroSeries(D, s.measurement) : s.measurement;
  const solved = periodicSteadyState(A === Float64Context ? 15 : digits, inA(s.drift), inA(s.diffusion), inA(measurement), new A(s.fundamental.toString()), {
    driftStable: problem.driftStable,
    arithmetic: A,
  });
  // Every figure is sampled at the same phases: V at each once.
  const seen = new Map<string, DMatrix>();
  const inArithmetic = (theta: Dec) => {
    const key = theta.toString();
    if (!seen.has(key)) seen.set(key, seriesAt(A, solved.covariance, new A(key)));
    return seen.get(key)!;
  };
  const rwaState = problem.rwa(digits)[state];
  if (rwaState === undefined) throw new PeriodicStateError(`the RWA model has no ${state} steady state here`);
  const samples = Math.max(16, 4 * solved.harmonics);
  return {
    periodic: problem.figures.map((f) => overPeriod(D, (t) => figureAt(f, digits, inArithmetic(t), t), samples)),
    rwa: problem.figures.map((f) => f.of(digits, rwaState)),
    at: (theta) => toArithmetic(D, inArithmetic(theta)),
    harmonics: solved.harmonics,
    sweeps: solved.sweeps,
  };
}

/** One state (conditional or unconditional) over a period by both routes. */
export interface PeriodicStateByRoutes {
  readonly periodic: readonly OverPeriod[];
  readonly rwa: readonly Dec[];
  /** The two routes: harmonic balance (when its sweeps contract) and the monodromy. */
  readonly routes: {
    readonly harmonicBalance: { readonly harmonics: number; readonly sweeps: number } | { readonly failed: string };
    readonly monodromy: { readonly newtonSteps: number; readonly workingDigits: number };
  };
  /** The digits to which the routes' covariances agree at the phases compared (without harmonic balance, the monodromy at two precisions). */
  readonly agreement: number;
  /** The digits printed: the agreement, at most the digits asked for. */
  readonly digits: number;
}

export interface PeriodicSolution extends PeriodicStateByRoutes {
  /** Where the drift is stable: the unconditional periodic state (the periodic Lyapunov solution), by the same two routes. */
  readonly unconditional?: PeriodicStateByRoutes;
  /** Where the RWA drift is stable but the lab-frame one is not (a Floquet multiplier on or outside the unit circle): why there is no unconditional periodic state. */
  readonly noUnconditional?: string;
}

/**
 * Whether every eigenvalue of a monodromy Ψ (Floquet multipliers) lies inside the unit circle:
 * exactly when the Cayley transform (Ψ − I)(Ψ + I)⁻¹ is Hurwitz, which Routh-Hurwitz decides
 * without eigenvalues. A multiplier −1 (Ψ + I singular) is on the circle: not stable.
 */
function floquetStable(block: DMatrix): boolean {
  const D = block[0]![0]!.constructor as DecimalConstructor;
  const identity = didentity(D, block.length);
  try {
    return isHurwitzStable(D, dmul(dsub(block, identity), dinverse(D, dadd(block, identity))));
  } catch (err) {
    if (err instanceof SingularSystemError) return false;
    throw err;
  }
}

/** Phases (fractions of the period) at which the two routes' covariances are compared, besides each extremum. */
const COMPARED_PHASES = ['0', '0.125', '0.25', '0.375', '0.5', '0.625', '0.75', '0.875'];

/**
 * One state by both routes: the monodromy at digits + lost + 8 working digits, which works at any
 * frequency, from the RWA state; harmonic balance at digits + 8, whose sweeps contract only when
 * the frequency is well above the rates. The figures come from harmonic balance's series where it
 * converged (cheap at every phase), else from the monodromy's dense output; the digits printed are
 * those on which the covariances agree at eight phases and at each extremum.
 */
function byRoutes(problem: PeriodicProblem, digits: number, state: 'conditional' | 'unconditional'): PeriodicStateByRoutes {
  const start = problem.rwa(digits + 8)[state];
  if (start === undefined) throw new PeriodicStateError(`the RWA model has no ${state} steady state here, so there is no start for the periodic one`);
  const monodromyAt = (work: number) => {
    const s = problem.series(work);
    const measurement = state === 'unconditional' ? zeroSeries(decimalContext(work), s.measurement) : s.measurement;
    try {
      const state = monodromySteadyState(work, s.drift, s.diffusion, measurement, s.fundamental, start, { arithmetic: fastestArithmetic(work) });
      const D = decimalContext(work);
      return { ...state, at: (theta: Dec) => toArithmetic(D, state.at(theta)) };
    } catch (err) {
      if (err instanceof MonodromyError || err instanceof DetunedParampError)
        throw new PeriodicStateError(`no stabilising periodic state found near the RWA one (${err.message})`);
      throw err;
    }
  };
  const monodromyWork = digits + problem.lost + 8;
  const monodromy = monodromyAt(monodromyWork);
  if (!floquetStable(monodromy.closedLoop))
    throw new PeriodicStateError(
      state === 'unconditional'
        ? 'no unconditional periodic state: the lab-frame drift has a Floquet multiplier on or outside the unit circle (the terms the RWA drops destabilise the unmeasured motion at this Q, though the RWA drift is stable)'
        : 'no stabilising periodic state near the RWA one: the closed loop A − VM of the periodic solution found has a Floquet multiplier on or outside the unit circle',
    );
  const hbWork = digits + 8;
  let harmonic: FiguresOverPeriod | undefined;
  let failure = '';
  try {
    harmonic = figuresOverPeriod(problem, hbWork, state);
  } catch (err) {
    if (!(err instanceof PeriodicSteadyStateError || err instanceof DetunedParampError)) throw err;
    failure = err.message;
  }
  const work = harmonic ? hbWork : monodromyWork;
  const D = decimalContext(work);
  const periodic = harmonic?.periodic ?? problem.figures.map((f) => overPeriod(D, (t) => figureAt(f, work, monodromy.at(t), t), 48));
  const at = harmonic?.at ?? monodromy.at;
  const twoPi = D.acos(-1).times(2);
  const phases = [...COMPARED_PHASES.map((x) => new D(x)), ...periodic.flatMap((o) => [o.min.phase, o.max.phase].filter((x) => x !== undefined))].map((x) =>
    twoPi.times(x),
  );
  const other = harmonic ? monodromy.at : monodromyAt(monodromyWork + 10).at;
  const agreement = Math.min(
    ...phases.map((theta) => {
      const [x, y] = [at(theta), other(theta)];
      const gap = dmaxAbs(dsub(x, y));
      return gap.isZero() ? work : Math.max(0, Math.floor(dmaxAbs(x).div(gap).log(10).toNumber()));
    }),
  );
  return {
    periodic,
    rwa: problem.figures.map((f) => f.of(work, start)),
    routes: {
      harmonicBalance: harmonic ? { harmonics: harmonic.harmonics, sweeps: harmonic.sweeps } : { failed: failure },
      monodromy: { newtonSteps: monodromy.newtonSteps, workingDigits: monodromyWork },
    },
    agreement,
    digits: Math.min(digits, agreement),
  };
}

/** The conditional periodic state by both routes, and below threshold the unconditional one too (where the lab-frame motion is stable). */
export function periodicSolution(problem: PeriodicProblem, digits: number): PeriodicSolution {
  const conditional = byRoutes(problem, digits, 'conditional');
  if (!problem.driftStable) return conditional;
  try {
    return { ...conditional, unconditional: byRoutes(problem, digits, 'unconditional') };
  } catch (err) {
    if (!(err instanceof PeriodicStateError)) throw err;
    return { ...conditional, noUnconditional: err.message };
  }
}

/**
 * periodic, rwa and deviation of figures over a period, each number to `digits` (a deviation to
 * the absolute precision of the values it is taken from), keyed by the figures' names.
 */
function periodJson(names: readonly string[], periodic: readonly OverPeriod[], rwa: readonly Dec[], digits: number) {
  const n = (x: Dec) => x.toSignificantDigits(digits).toString();
  // A smooth extremum's value fixes its place to about half its digits; a flat one (a whole interval) has no place.
  const phaseText = (x: Dec | undefined) => (x === undefined ? null : x.toSignificantDigits(Math.max(1, Math.min(12, Math.floor(digits / 2)))).toString());
  const over = (o: OverPeriod) => ({
    // The mean holds the digits the quadrature holds too (fewer where the figure has a kink).
    mean: o.mean.toSignificantDigits(Math.max(1, Math.min(digits, o.meanDigits))).toString(),
    min: n(o.min.value),
    minPhase: phaseText(o.min.phase),
    max: n(o.max.value),
    maxPhase: phaseText(o.max.phase),
  });
  const absolute = (x: Dec, of: Dec, held = digits) => {
    const size = of.abs().gt(x.abs()) ? of.abs() : x.abs();
    return size.isZero() ? '0' : x.toDecimalPlaces(Math.max(0, held - 1 - size.log(10).floor().toNumber())).toString();
  };
  const byName = <T>(f: (k: number) => T) => Object.fromEntries(names.map((name, k) => [name, f(k)]));
  return {
    periodic: byName((k) => over(periodic[k]!)),
    rwa: byName((k) => n(rwa[k]!)),
    deviation: byName((k) => ({
      mean: absolute(periodic[k]!.mean.minus(rwa[k]!), rwa[k]!, Math.min(digits, periodic[k]!.meanDigits)),
      ripple: absolute(periodic[k]!.max.value.minus(periodic[k]!.min.value).div(2), periodic[k]!.max.value),
    })),
  };
}

/** The JSON of a periodic solution: the conditional state's numbers to the digits its two routes agree on, the unconditional one's to those of its two precisions. */
export function periodicSolutionJson(names: readonly string[], s: PeriodicSolution): Record<string, unknown> {
  return {
    ...periodJson(names, s.periodic, s.rwa, s.digits),
    ...(s.unconditional
      ? {
          unconditional: {
            ...periodJson(names, s.unconditional.periodic, s.unconditional.rwa, s.unconditional.digits),
            digits: s.unconditional.digits,
            routes: s.unconditional.routes,
          },
        }
      : {}),
    ...(s.noUnconditional ? { noUnconditional: s.noUnconditional } : {}),
    digits: s.digits,
    precision: `agreement, not certification: each number is printed to the ${s.digits} digits to which ${'failed' in s.routes.harmonicBalance ? 'the monodromy at two working precisions agrees (harmonic balance did not converge here)' : 'the covariances of harmonic balance and of the monodromy agree'} at eight phases and at each extremum${s.unconditional ? "; the unconditional state's likewise, by the same two routes" : ''}`,
    routes: s.routes,
  };
}

/** The same as text: one block per state, two lines per figure. */
export function periodicSolutionText(title: string, names: readonly string[], s: PeriodicSolution): string {
  const block = (heading: string, j: ReturnType<typeof periodJson>): string[] => [
    heading,
    ...names.flatMap((k) => {
      const p = j.periodic[k]!;
      return [
        `  ${k.padEnd(14)} mean ${p.mean}  min ${p.min} (phase ${p.minPhase ?? 'none: flat'})  max ${p.max} (phase ${p.maxPhase ?? 'none: flat'})`,
        `  ${''.padEnd(14)} RWA ${j.rwa[k]}  mean − RWA ${j.deviation[k]!.mean}  ripple ${j.deviation[k]!.ripple}`,
      ];
    }),
  ];
  return [
    ...block(`${title}, conditional state; ${s.digits} digits, on which two routes agree (not certified)`, periodJson(names, s.periodic, s.rwa, s.digits)),
    ...(s.unconditional
      ? block(
          `unconditional state; ${s.unconditional.digits} digits, on which two routes agree`,
          periodJson(names, s.unconditional.periodic, s.unconditional.rwa, s.unconditional.digits),
        )
      : []),
    ...(s.noUnconditional ? [`unconditional state: ${s.noUnconditional}`] : []),
  ].join('\n');
}
