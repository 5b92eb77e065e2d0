/**
 * Both models without the rotating-wave approximation: the lab-frame Hamiltonians (1) and (19)
 * taken to the paper's rotating frame with every term kept, the quantum optical baths
 * 2γ(N+1)D[a_j] + 2γN D[a_j†] (frame-invariant), and each oscillator's lab position measured,
 * 2μD[x_j] dt + √(2ημ)H[x_j] dW, where x_j = (a_j e^(−iω_f t) + a_j† e^(iω_f t))/√2 in the frame
 * rotating at ω_f. A(t), D(t) and M(t) are derived by the engine (src/gaussian/periodic.ts); their
 * constant parts are the RWA systems (2) and (20) with (9)-(12).
 */
import { BoundedCache } from '../exact/boundedCache.ts';
import type { Matrix } from '../exact/matrix.ts';
import { q, RationalFunction as R } from '../exact/rationalFunction.ts';
import { periodicConditionalSystem, type PeriodicConditionalSystem, type PeriodicDissipator } from '../gaussian/periodic.ts';
import type { ParameterValues } from '../numeric/fromExact.ts';
import { periodicSeries, type PeriodicSeries } from '../numeric/periodicSeries.ts';
import { Rational } from '../exact/rational.ts';
import { logNegativityInvariant, separability } from '../entanglement/gaussianState.ts';
import { resolveParameters, type RawParameters } from '../models/parameters.ts';
import type { ModelPoint } from '../models/modelFile.ts';
import { regimeOf, solveModel } from '../app/solve.ts';
import {
  figuresOverPeriod,
  periodicSolution,
  periodicSolutionJson,
  periodicSolutionText,
  PeriodicStateError,
  type FiguresOverPeriod,
  type PeriodicProblem,
  type PeriodicSolution,
} from '../app/periodicState.ts';
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

/** The series of a lab system at parameter values (the paper's symbols, with ω_m), in θ = Ωt (src/numeric/periodicSeries.ts). */
export function labSeries(s: LabSystem, digits: number, values: ParameterValues): PeriodicSeries {
  return periodicSeries(s.system, s.frame, digits, values);
}

/** RWA steady states by model point and digits: a scan over Q, the terms kept or the bath shares them. */
const rwaSolutions = new BoundedCache<ReturnType<typeof solveModel>>(64);

/** A point of a built-in model with its lab frequency: the paper's symbols' values, ω_m = Qγ̄ (γ̄ the mean of γ₁ and γ₂). */
export function labValues(model: LabModel, raw: RawParameters, Q: string): { point: ModelPoint; values: ParameterValues } {
  const point = resolveParameters(model, raw);
  const values = new Map(paperSymbolValues(point));
  // Q = ω_m/γ̄, γ̄ the mean damping rate (γ when the two are equal).
  const gamma = values.get(sym.gamma) ?? values.get(sym.gamma1)!.add(values.get(sym.gamma2)!).div(Rational.of(2));
  values.set(sym.gamma, gamma);
  values.set(sym.omega_m, Rational.parse(Q).mul(gamma));
  return { point, values };
}

export interface LabOptions {
  /** Which dropped terms are kept (default all). */
  readonly kept?: KeptTerms;
  /** The bath (default optical). */
  readonly bath?: Bath;
}

/** The figure of merit the paper uses for each model beside E_N: S of (15) for model one, S_UV for model two. */
export const figureName = (model: LabModel): 'S' | 'S_UV' => (model === 'modulated' ? 'S' : 'S_UV');

/**
 * A built-in model without the RWA as a periodic problem (src/app/periodicState.ts): its series at
 * any precision, the RWA states it is measured against, and E_N with S (model one) or S_UV (model two).
 */
export function labProblem(model: LabModel, point: ModelPoint, values: ParameterValues, options: LabOptions = {}): PeriodicProblem {
  const pointKey = `${point.model.name}|${[...point.values].map(([k, v]) => `${k}=${v}`).join(',')}`;
  const rwa = (digits: number) => {
    const s = rwaSolutions.get(`${pointKey}|${digits}`, () => solveModel(point, digits, { agreement: false }));
    return { ...(s.conditional ? { conditional: s.conditional.covariance } : {}), ...(s.unconditional ? { unconditional: s.unconditional.covariance } : {}) };
  };
  const omega = values.get(sym.omega_m)!;
  const gamma = values.get(sym.gamma)!;
  return {
    series: (digits) => {
      const s = labSeries(labSystem(model, options.kept ?? 'all', options.bath ?? 'optical'), digits, values);
      if (!s.fundamental.gt(0)) throw new PeriodicStateError('the frame frequency ω_m − Δ must be positive (Qγ > Δ)');
      return s;
    },
    rwa,
    driftStable: regimeOf(point) === 'below-threshold',
    lost: Math.max(0, Math.ceil(Math.log10(omega.div(gamma).toNumber()))),
    figures: [
      { name: 'logNegativity', of: (digits, v) => logNegativityInvariant(digits, v).logNegativity },
      { name: figureName(model), of: (digits, v) => (model === 'modulated' ? separability(digits, v).S : separabilityUV(digits, v).S) },
    ],
  };
}

/** E_N and S (S_UV) over a period by harmonic balance at `digits` working digits (the ledger's route): periodic[0] and rwa[0] are E_N's. */
export function periodicFigures(
  model: LabModel,
  point: ModelPoint,
  values: ParameterValues,
  digits: number,
  options: LabOptions & { state?: 'conditional' | 'unconditional' } = {},
): FiguresOverPeriod {
  return figuresOverPeriod(labProblem(model, point, values, options), digits, options.state);
}

export interface LabSolution {
  readonly model: LabModel;
  readonly Q: string;
  readonly bath: Bath;
  readonly solution: PeriodicSolution;
}

/**
 * The periodic conditional state of a built-in model in the lab frame at quality factor Q = ω_m/γ
 * (both oscillators damped at the same γ), with E_N(t) and S(t) or S_UV(t) over one period of the
 * coefficients (α re-optimised at each instant), against the RWA steady state, by both routes.
 */
export function labSolution(model: LabModel, raw: RawParameters, Q: string, digits: number, bath: Bath = 'optical'): LabSolution {
  const { point, values } = labValues(model, raw, Q);
  return { model, Q, bath, solution: periodicSolution(labProblem(model, point, values, { bath }), digits) };
}

/** The JSON of `solve --frame lab`. */
export function labSolutionJson(s: LabSolution): Record<string, unknown> {
  return {
    model: s.model,
    frame: 'lab',
    Q: s.Q,
    bath: s.bath,
    ...periodicSolutionJson(['logNegativity', figureName(s.model)], s.solution),
    phase: 'minPhase and maxPhase are fractions of the coefficients\u2019 period π/ω_f (ω_f = ω_m − Δ for model one, ω_m for model two)',
  };
}

export function labSolutionText(s: LabSolution): string {
  return periodicSolutionText(`${s.model} in the lab frame at Q = ${s.Q} (${s.bath} baths)`, ['logNegativity', figureName(s.model)], s.solution);
}
