/**
 * Both models without the rotating-wave approximation: the lab-frame Hamiltonians (1) and (19)
 * taken to the paper's rotating frame with every term kept, the quantum optical baths
 * 2γ(N+1)D[a_j] + 2γN D[a_j†] (frame-invariant), and each oscillator's lab position measured,
 * 2μD[x_j] dt + √(2ημ)H[x_j] dW, where x_j = (a_j e^(−iω_f t) + a_j† e^(iω_f t))/√2 in the frame
 * rotating at ω_f. A(t), D(t) and M(t) are derived by the engine (src/gaussian/periodic.ts); their
 * constant parts are the RWA systems (2) and (20) with (9)-(12).
 */
import type { Matrix } from '../exact/matrix.ts';
import { q, RationalFunction as R } from '../exact/rationalFunction.ts';
import { periodicConditionalSystem, type PeriodicConditionalSystem, type PeriodicDissipator, type TrigMatrix } from '../gaussian/periodic.ts';
import type { Dec } from '../numeric/context.ts';
import { evaluateDecimal, type ParameterValues } from '../numeric/fromExact.ts';
import { periodicSteadyState, PeriodicSteadyStateError, seriesAt, type TrigSeries } from '../numeric/periodicRiccati.ts';
import { agreeingDigits, decimalContext } from '../numeric/context.ts';
import { dmaxAbs, dsub } from '../numeric/matrix.ts';
import { monodromySteadyState, MonodromyError } from '../numeric/monodromy.ts';
import type { DMatrix } from '../numeric/matrix.ts';
import { overPeriod, type OverPeriod } from '../numeric/overPeriod.ts';
import { Rational } from '../exact/rational.ts';
import { DetunedParampError } from '../exact/errors.ts';
import { logNegativityInvariant, separability } from '../entanglement/gaussianState.ts';
import { resolveParameters, type RawParameters } from '../models/parameters.ts';
import type { ModelPoint } from '../models/modelFile.ts';
import { regimeOf, solveModel } from '../app/solve.ts';
import { paperSymbolValues } from './paperSymbols.ts';
import { separabilityUV } from './separabilityUV.ts';
import { Operator } from '../operators/operator.ts';
import { INV_SQRT2 } from '../operators/quadratures.ts';
import { TimeDependentOperator } from '../operators/rotatingFrame.ts';
import { independentDamping, modelOneFromLab, modelTwoFromLab, rotatingFrameTerms, substituteAll } from './labFrame.ts';
import { a, b, oscillator, sym } from './symbols.ts';
import { transcribed as printed } from './transcribed.ts';

export type LabModel = 'modulated' | 'constant';

export interface LabSystem {
  /** The frame's rotation frequency ω_f (ω_d = ω_m − Δ for model one, ω_m for model two), in the parameters' symbols. */
  readonly frame: R;
  /** The coefficients as series in θ = ω_f t. */
  readonly system: PeriodicConditionalSystem;
  /** Every oscillating term of H/ħ the RWA drops: its multiple n of ω_f and the operator. */
  readonly dropped: ReadonlyArray<{ readonly harmonic: number; readonly term: Operator }>;
}

function harmonicsOf(h: TimeDependentOperator, frame: R, rates: ReadonlyArray<readonly [R, R]>): Map<number, Operator> {
  return new Map([...h.harmonics(frame)].map(([n, op]) => [n, substituteAll(op, rates)]));
}

/**
 * Which of the terms the RWA drops are kept: all of them, or only those of the measurement (the
 * Hamiltonian's secular part with the lab position measured), which isolates the quarter-cycle lag
 * between X and Y in the record from the counter-rotating terms of the drive and the coupling.
 */
export type KeptTerms = 'all' | 'measurement';

const cache = new Map<string, LabSystem>();

/**
 * The bath: the quantum optical master equation 2γ(N+1)D[a] + 2γN D[a†] (frame-invariant), or
 * quantum Brownian motion in the lab frame (Caldeira-Leggett with Diósi's minimal term):
 *   −iγ[x, {p, ρ}] − 2γ(N + ½)[x, [x, ρ]] − (γ/8(N + ½))[p, [p, ρ]],
 * momentum damping at 2γ (energy decays at 2γ, as in the optical equation), the high-temperature
 * diffusion with N + ½ in place of kT/ħω (so the free steady state has ⟨x²⟩ = ⟨p²⟩ = N + ½), and the
 * least position diffusion that makes it a Lindblad equation. It is D[αx + iβp] with α = 2√(γ(N+½)),
 * β = γ/α (αβ = γ, α²/2 and β²/2 the two diffusions), plus the Hamiltonian (γ/2){x, p} that turns
 * D's symmetric damping of x and p into damping of p alone.
 */
export type Bath = 'optical' | 'brownian';

/** A lab position x = (a + a†)/√2 in the frame rotating at `frame`: a e^(−iωt)/√2 + a† e^(iωt)/√2. */
function labPosition(m: typeof a, frame: R): TimeDependentOperator {
  return TimeDependentOperator.oscillating(Operator.annihilation(m).scale(INV_SQRT2), frame, -1).add(
    TimeDependentOperator.oscillating(Operator.creation(m).scale(INV_SQRT2), frame, 1),
  );
}

/** p = −i(a − a†)/√2 in the rotating frame. */
function labMomentum(m: typeof a, frame: R): TimeDependentOperator {
  return TimeDependentOperator.oscillating(Operator.annihilation(m).scale(INV_SQRT2.mul(R.I.neg())), frame, -1).add(
    TimeDependentOperator.oscillating(Operator.creation(m).scale(INV_SQRT2.mul(R.I)), frame, 1),
  );
}

function brownianBath(m: typeof a, gamma: R, frame: R): { dissipator: PeriodicDissipator; hamiltonian: TimeDependentOperator } {
  const thermal = sym.N.add(q(1, 2));
  const root = R.sqrt(`√(${gamma.toString()}(N+½))`, gamma.mul(thermal), { ascii: `root_${gamma.toString('ascii')}_N` });
  const alpha = q(2).mul(root);
  const beta = gamma.div(alpha);
  const [x, p] = [labPosition(m, frame), labMomentum(m, frame)];
  const jump = x.scale(alpha).add(p.scale(beta.mul(R.I)));
  return {
    dissipator: { rate: q(1), harmonics: jump.harmonics(frame) },
    hamiltonian: x
      .mul(p)
      .add(p.mul(x))
      .scale(gamma.div(q(2))),
  };
}

/** The lab-frame system of model one or two in its rotating frame, every term kept (or only the measurement's). */
export function labSystem(model: LabModel, kept: KeptTerms = 'all', bath: Bath = 'optical'): LabSystem {
  const key = `${model}/${kept}/${bath}`;
  const done = cache.get(key);
  if (done) return done;
  let hamiltonian: Map<number, Operator>;
  let frame: R;
  if (model === 'modulated') {
    const { gForChi } = modelOneFromLab();
    // ω_d is the frame and the modulation's half-frequency; the static ω_m is ω_d + Δ.
    hamiltonian = harmonicsOf(rotatingFrameTerms(printed.eq1, sym.omega_d), sym.omega_d, [
      [sym.g, gForChi],
      [sym.omega_d, sym.omega_m.sub(sym.Delta)],
    ]);
    frame = sym.omega_m.sub(sym.Delta);
  } else {
    const { gammaLab, chiLab } = modelTwoFromLab();
    hamiltonian = harmonicsOf(rotatingFrameTerms(printed.eq19, sym.omega_m), sym.omega_m, [
      [sym.Gamma19, gammaLab],
      [sym.chi19, chiLab],
    ]);
    frame = sym.omega_m;
  }
  const frameSymbol = model === 'modulated' ? sym.omega_d : sym.omega_m;
  const measurements = [a, b].map((m, k) => ({
    name: `x${k + 1}`,
    harmonics: labPosition(m, frameSymbol).harmonics(frameSymbol),
    strength: q(2).mul(sym.mu),
    efficiency: sym.eta,
  }));
  const basis = Object.entries(oscillator).map(([name, op]) => ({ name, op }));
  const secular = new Map([[0, hamiltonian.get(0) ?? Operator.ZERO]]);
  const terms = kept === 'all' ? hamiltonian : secular;
  let system: PeriodicConditionalSystem;
  if (bath === 'optical') system = periodicConditionalSystem(terms, independentDamping(sym.gamma1, sym.gamma2), measurements, basis);
  else {
    const brownian = ([a, b] as const).map((m, k) => brownianBath(m, k === 0 ? sym.gamma1 : sym.gamma2, frameSymbol));
    const withCorrection = new Map(terms);
    for (const { hamiltonian: h } of brownian)
      for (const [n, op] of h.harmonics(frameSymbol)) withCorrection.set(n, (withCorrection.get(n) ?? Operator.ZERO).add(op));
    system = periodicConditionalSystem(
      withCorrection,
      brownian.map((x) => x.dissipator),
      measurements,
      basis,
    );
  }
  const dropped = [...hamiltonian]
    .filter(([n, op]) => n !== 0 && !op.isZero())
    .sort(([x], [y]) => x - y)
    .map(([harmonic, term]) => ({ harmonic, term }));
  const result = { frame, system, dropped };
  cache.set(key, result);
  return result;
}

/** The RWA part of a lab system: its constant harmonic. */
export function secularSystem(s: LabSystem): { drift: Matrix; diffusion: Matrix; measurement: Matrix } {
  return { drift: s.system.drift.cos[0]!, diffusion: s.system.diffusion.cos[0]!, measurement: s.system.measurement.cos[0]! };
}

/**
 * The series of a lab system at parameter values (the paper's symbols, with ω_m), in θ = Ωt: Ω is
 * ω_f times the greatest common divisor of the harmonics present (2ω_f for both models: every
 * coefficient oscillates at even multiples of the frame's frequency), so no odd harmonic is carried.
 */
export function labSeries(
  s: LabSystem,
  digits: number,
  values: ParameterValues,
): { drift: TrigSeries; diffusion: TrigSeries; measurement: TrigSeries; fundamental: Dec } {
  const present = [s.system.drift, s.system.diffusion, s.system.measurement].flatMap((t) =>
    t.cos.map((_, k) => k).filter((k) => k > 0 && [t.cos[k]!, t.sin[k]!].some((m) => m.some((row) => row.some((x) => !x.isZero())))),
  );
  const step = present.reduce((g, k) => gcd(g, k), 0) || 1;
  const series = (t: TrigMatrix): TrigSeries => {
    const pick = (ms: readonly Matrix[]) => ms.filter((_, k) => k % step === 0).map((m) => evaluateDecimal(digits, m, values));
    return { cos: pick(t.cos), sin: pick(t.sin) };
  };
  const frame = evaluateDecimal(digits, [[s.frame]], values)[0]![0]!;
  return { drift: series(s.system.drift), diffusion: series(s.system.diffusion), measurement: series(s.system.measurement), fundamental: frame.times(step) };
}

function gcd(x: number, y: number): number {
  return y === 0 ? x : gcd(y, x % y);
}

export interface LabSolution {
  readonly model: LabModel;
  readonly Q: string;
  readonly bath: Bath;
  /** The figure of merit the paper uses for the model: S of (15) for model one, S_UV for model two. */
  readonly figure: 'S' | 'S_UV';
  readonly periodic: { readonly logNegativity: OverPeriod; readonly figure: OverPeriod };
  readonly rwa: { readonly logNegativity: Dec; readonly figure: Dec };
  /** The two routes: harmonic balance (when its sweeps contract) and the monodromy. */
  readonly routes: {
    readonly harmonicBalance: { readonly harmonics: number; readonly sweeps: number } | { readonly failed: string };
    readonly monodromy: { readonly newtonSteps: number; readonly workingDigits: number };
  };
  /** The digits to which the routes' covariances agree at the phases compared (or, without harmonic balance, the monodromy at two precisions). */
  readonly agreement: number;
  /** The digits printed: the agreement, at most the digits asked for. */
  readonly digits: number;
  /**
   * Below threshold, the unconditional periodic state (the periodic Lyapunov solution: back-action,
   * no conditioning) by harmonic balance at two working precisions, with the digits they agree on.
   */
  readonly unconditional?: { readonly periodic: PeriodicFigures['periodic']; readonly rwa: PeriodicFigures['rwa']; readonly digits: number };
}

export class LabFrameError extends RangeError {}

/** Phases (fractions of the period) at which the two routes' covariances are compared, besides each extremum. */
const COMPARED_PHASES = ['0', '0.125', '0.25', '0.375', '0.5', '0.625', '0.75', '0.875'];

/** A point of a built-in model with its lab frequency: the paper's symbols' values, ω_m = Qγ. */
export function labValues(model: LabModel, raw: RawParameters, Q: string): { point: ModelPoint; values: ParameterValues } {
  const point = resolveParameters(model, raw);
  const values = new Map(paperSymbolValues(point));
  const gamma = values.get(sym.gamma);
  if (gamma === undefined) throw new LabFrameError('the lab frame needs both oscillators damped at one rate: give --gamma, not --gamma1 and --gamma2 apart');
  values.set(sym.omega_m, Rational.parse(Q).mul(gamma));
  return { point, values };
}

export interface PeriodicFigures {
  readonly periodic: { readonly logNegativity: OverPeriod; readonly figure: OverPeriod };
  readonly rwa: { readonly logNegativity: Dec; readonly figure: Dec };
  /** V at a phase (radians), from the series. */
  at(theta: Dec): DMatrix;
  readonly harmonics: number;
  readonly sweeps: number;
}

export interface FigureOptions {
  /** Which dropped terms are kept (default all). */
  readonly kept?: KeptTerms;
  /** The bath (default optical). */
  readonly bath?: Bath;
  /** The conditional state (default), or the unconditional one: the same motion, back-action included, with no record conditioned on (M = 0). */
  readonly state?: 'conditional' | 'unconditional';
}

/**
 * E_N and S (model one) or S_UV (model two) over a period of the lab system's periodic state by
 * harmonic balance at `digits` working digits, with the RWA values beside them.
 */
export function periodicFigures(model: LabModel, point: ModelPoint, values: ParameterValues, digits: number, options: FigureOptions = {}): PeriodicFigures {
  const D = decimalContext(digits);
  const s = labSeries(labSystem(model, options.kept ?? 'all', options.bath ?? 'optical'), digits, values);
  if (!s.fundamental.gt(0)) throw new LabFrameError('the frame frequency ω_m − Δ must be positive (Qγ > Δ)');
  const unconditional = options.state === 'unconditional';
  const measurement = unconditional
    ? { cos: s.measurement.cos.map((m) => m.map((row) => row.map(() => new D(0)))), sin: s.measurement.sin.map((m) => m.map((row) => row.map(() => new D(0)))) }
    : s.measurement;
  const state = periodicSteadyState(digits, s.drift, s.diffusion, measurement, s.fundamental, { driftStable: regimeOf(point) === 'below-threshold' });
  const at = (theta: Dec) => seriesAt(D, state.covariance, theta);
  const of = figureOf(model, digits);
  const solved = solveModel(point, digits, { agreement: false });
  const rwaState = unconditional ? solved.unconditional : solved.conditional;
  if (rwaState === undefined) throw new LabFrameError(`the RWA model has no ${unconditional ? 'unconditional' : 'conditional'} steady state here`);
  const samples = Math.max(16, 4 * state.harmonics);
  return {
    periodic: {
      logNegativity: overPeriod(D, (t) => logNegativityInvariant(digits, at(t)).logNegativity, samples),
      figure: overPeriod(D, (t) => of(at(t)), samples),
    },
    rwa: { logNegativity: logNegativityInvariant(digits, rwaState.covariance).logNegativity, figure: of(rwaState.covariance) },
    at,
    harmonics: state.harmonics,
    sweeps: state.sweeps,
  };
}

const figureOf = (model: LabModel, digits: number) => (v: DMatrix) => (model === 'modulated' ? separability(digits, v).S : separabilityUV(digits, v).S);

/**
 * The periodic conditional state of a built-in model in the lab frame at quality factor Q = ω_m/γ
 * (both oscillators damped at the same γ), with E_N(t) and S(t) or S_UV(t) over one period of the
 * coefficients (α re-optimised at each instant), against the RWA steady state.
 *
 * Two routes: the monodromy (src/numeric/monodromy.ts), which works at any Q, at digits + log₁₀Q + 8
 * working digits (Φ = I + O(1/Q) costs log₁₀Q of them), and harmonic balance
 * (src/numeric/periodicRiccati.ts) at digits + 8, whose sweeps contract only when the drive
 * frequency is well above the rates. The figures over the period are evaluated on harmonic balance's
 * series where it converged (cheap at every phase), else on the monodromy's dense output; what is
 * printed is the digits on which the two routes' covariances agree at eight phases and at each
 * extremum, or, where harmonic balance failed, on which the monodromy at two precisions agrees.
 */
export function labSolution(model: LabModel, raw: RawParameters, Q: string, digits: number, bath: Bath = 'optical'): LabSolution {
  const { point, values } = labValues(model, raw, Q);
  const figure = model === 'modulated' ? 'S' : 'S_UV';
  const rwaState = solveModel(point, digits + 8, { agreement: false }).conditional;
  if (rwaState === undefined) throw new LabFrameError('the RWA model has no conditional steady state here, so there is no start for the periodic one');
  const lost = Math.max(0, Math.ceil(Math.log10(Number(Q))));
  const monodromyAt = (work: number) => {
    const s = labSeries(labSystem(model, 'all', bath), work, values);
    if (!s.fundamental.gt(0)) throw new LabFrameError(`--q ${Q}: the frame frequency ω_m − Δ must be positive (Qγ > Δ)`);
    try {
      return monodromySteadyState(work, s.drift, s.diffusion, s.measurement, s.fundamental, rwaState.covariance);
    } catch (err) {
      if (err instanceof MonodromyError || err instanceof DetunedParampError)
        throw new LabFrameError(`--q ${Q}: no stabilising periodic state found near the RWA one (${err.message})`);
      throw err;
    }
  };
  const monodromyWork = digits + lost + 8;
  const monodromy = monodromyAt(monodromyWork);
  const hbWork = digits + 8;
  let figures: PeriodicFigures | undefined;
  let failure = '';
  try {
    figures = periodicFigures(model, point, values, hbWork, { bath });
  } catch (err) {
    if (!(err instanceof PeriodicSteadyStateError || err instanceof DetunedParampError)) throw err;
    failure = err.message;
  }
  const work = figures ? hbWork : monodromyWork;
  const D = decimalContext(work);
  const of = figureOf(model, work);
  const periodic = figures?.periodic ?? {
    logNegativity: overPeriod(D, (t) => logNegativityInvariant(work, monodromy.at(t)).logNegativity, 48),
    figure: overPeriod(D, (t) => of(monodromy.at(t)), 48),
  };
  const at = figures?.at ?? monodromy.at;
  const twoPi = D.acos(-1).times(2);
  const phases = [...COMPARED_PHASES.map((x) => new D(x)), ...[periodic.logNegativity, periodic.figure].flatMap((o) => [o.min.phase, o.max.phase])].map((x) =>
    twoPi.times(x),
  );
  const other = figures ? monodromy.at : monodromyAt(monodromyWork + 10).at;
  const agreement = Math.min(
    ...phases.map((theta) => {
      const [x, y] = [at(theta), other(theta)];
      const size = dmaxAbs(x);
      const gap = dmaxAbs(dsub(x, y));
      return gap.isZero() ? work : Math.max(0, Math.floor(size.div(gap).log(10).toNumber()));
    }),
  );
  const unconditional = regimeOf(point) === 'below-threshold' ? unconditionalFigures(model, point, values, digits, bath) : undefined;
  return {
    model,
    Q,
    bath,
    figure,
    ...(unconditional ? { unconditional } : {}),
    periodic,
    rwa: { logNegativity: logNegativityInvariant(work, rwaState.covariance).logNegativity, figure: of(rwaState.covariance) },
    routes: {
      harmonicBalance: figures ? { harmonics: figures.harmonics, sweeps: figures.sweeps } : { failed: failure },
      monodromy: { newtonSteps: monodromy.newtonSteps, workingDigits: monodromyWork },
    },
    agreement,
    digits: Math.min(digits, agreement),
  };
}

function unconditionalFigures(
  model: LabModel,
  point: ModelPoint,
  values: ParameterValues,
  digits: number,
  bath: Bath,
): NonNullable<LabSolution['unconditional']> {
  const [coarse, fine] = [digits + 8, digits + 16].map((work) => periodicFigures(model, point, values, work, { state: 'unconditional', bath })) as [
    PeriodicFigures,
    PeriodicFigures,
  ];
  const numbers = (f: PeriodicFigures) => [f.periodic.logNegativity, f.periodic.figure].flatMap((o) => [o.mean, o.min.value, o.max.value]);
  const [x, y] = [numbers(coarse), numbers(fine)];
  const agreed = Math.min(...x.map((v, k) => agreeingDigits(v, y[k]!, digits + 8)));
  return { periodic: fine.periodic, rwa: fine.rwa, digits: Math.min(digits, agreed) };
}

/** periodic, rwa and deviation of one state, each number to `digits` (a deviation to the absolute precision of the values it is taken from). */
function periodJson(periodic: PeriodicFigures['periodic'], rwa: PeriodicFigures['rwa'], figure: string, digits: number) {
  const n = (x: Dec) => x.toSignificantDigits(digits).toString();
  const over = (o: OverPeriod) => ({
    mean: n(o.mean),
    min: n(o.min.value),
    minPhase: o.min.phase.toSignificantDigits(12).toString(),
    max: n(o.max.value),
    maxPhase: o.max.phase.toSignificantDigits(12).toString(),
  });
  // A difference holds the absolute precision of the values it is taken from (the larger), not its own relative one.
  const absolute = (x: Dec, of: Dec) => {
    const size = of.abs().gt(x.abs()) ? of.abs() : x.abs();
    return size.isZero() ? '0' : x.toDecimalPlaces(Math.max(0, digits - 1 - size.log(10).floor().toNumber())).toString();
  };
  const deviation = (o: OverPeriod, r: Dec) => ({ mean: absolute(o.mean.minus(r), r), ripple: absolute(o.max.value.minus(o.min.value).div(2), o.max.value) });
  return {
    periodic: { logNegativity: over(periodic.logNegativity), [figure]: over(periodic.figure) },
    rwa: { logNegativity: n(rwa.logNegativity), [figure]: n(rwa.figure) },
    deviation: { logNegativity: deviation(periodic.logNegativity, rwa.logNegativity), [figure]: deviation(periodic.figure, rwa.figure) },
  };
}

/** The JSON of `solve --frame lab`: the conditional state's numbers to the digits its two routes agree on, the unconditional one's to those of its two precisions. */
export function labSolutionJson(s: LabSolution): Record<string, unknown> {
  return {
    model: s.model,
    frame: 'lab',
    Q: s.Q,
    bath: s.bath,
    ...periodJson(s.periodic, s.rwa, s.figure, s.digits),
    ...(s.unconditional
      ? { unconditional: { ...periodJson(s.unconditional.periodic, s.unconditional.rwa, s.figure, s.unconditional.digits), digits: s.unconditional.digits } }
      : {}),
    digits: s.digits,
    precision: `agreement, not certification: each number is printed to the ${s.digits} digits to which ${'failed' in s.routes.harmonicBalance ? 'the monodromy at two working precisions agrees (harmonic balance did not converge here)' : 'the covariances of harmonic balance and of the monodromy agree'} at eight phases and at each extremum; the unconditional state's to those on which harmonic balance at two working precisions agrees`,
    routes: s.routes,
    phase: 'minPhase and maxPhase are fractions of the coefficients\u2019 period π/ω_f (ω_f = ω_m − Δ for model one, ω_m for model two)',
  };
}

export function labSolutionText(s: LabSolution): string {
  type Block = ReturnType<typeof periodJson>;
  const block = (title: string, j: Block): string[] => [
    title,
    ...['logNegativity', s.figure].flatMap((k) => {
      const p = j.periodic[k]!;
      return [
        `  ${k.padEnd(14)} mean ${p.mean}  min ${p.min} (phase ${p.minPhase})  max ${p.max} (phase ${p.maxPhase})`,
        `  ${''.padEnd(14)} RWA ${j.rwa[k]}  mean − RWA ${j.deviation[k]!.mean}  ripple ${j.deviation[k]!.ripple}`,
      ];
    }),
  ];
  return [
    ...block(
      `${s.model} in the lab frame at Q = ${s.Q} (${s.bath} baths), conditional state; ${s.digits} digits, on which two routes agree (not certified)`,
      periodJson(s.periodic, s.rwa, s.figure, s.digits),
    ),
    ...(s.unconditional
      ? block(
          `unconditional state; ${s.unconditional.digits} digits`,
          periodJson(s.unconditional.periodic, s.unconditional.rwa, s.figure, s.unconditional.digits),
        )
      : []),
  ].join('\n');
}
