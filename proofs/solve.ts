/**
 * Steady states of the paper's models at a given parameter point: parameters read exactly,
 * validated with messages that name the parameter and its range, the model's symbolic
 * conditional system evaluated exactly, and the Lyapunov and Riccati steady states at
 * `digits` significant digits.
 */
import { Rational } from '../src/exact/rational.ts';
import type { RationalFunction, RationalFunction as R } from '../src/exact/rationalFunction.ts';
import { lienardChipart } from '../src/gaussian/stability.ts';
import { stabilityThreshold } from '../src/numeric/threshold.ts';
import type { ConditionalSystem } from '../src/gaussian/conditional.ts';
import { analyseTwoMode, type TwoModeAnalysis } from '../src/entanglement/analysis.ts';
import { optimalQuadrature } from '../src/entanglement/gaussianState.ts';
import { decimalContext, DEFAULT_DIGITS, type Dec } from '../src/numeric/context.ts';
import { isHurwitzStable } from '../src/numeric/eigen.ts';
import { evaluateDecimal, type ParameterValues } from '../src/numeric/fromExact.ts';
import type { DMatrix } from '../src/numeric/matrix.ts';
import { lyapunovSteadyState, riccatiSteadyState, type SteadyState } from '../src/numeric/riccati.ts';
import { constantCoupling, modulatedCoupling, singleMode, type ModelName } from './measuredModels.ts';
import { sym } from './paper.ts';

export class ParameterError extends Error {}

export const PARAMETERS = {
  gamma: 'damping rate γ of both oscillators (> 0; default 1)',
  gamma1: 'damping rate γ₁ of oscillator 1 (> 0), with --gamma2 instead of --gamma',
  gamma2: 'damping rate γ₂ of oscillator 2 (> 0), with --gamma1 instead of --gamma',
  delta: 'detuning Δ of the modulation (real; modulated and single models)',
  coupling: 'coupling rate Γ, half the normal-mode splitting (real; constant model)',
  delta1: 'extra detuning Δ₁ of oscillator 1 (real, default 0; modulated and constant models, our generalisation)',
  delta2: 'extra detuning Δ₂ of oscillator 2 (real, default 0; modulated and constant models, our generalisation)',
  chi: 'parametric drive rate χ (≥ 0)',
  nbar: 'bath occupation N (≥ 0; default 0)',
  mu: 'measurement strength μ (≥ 0; default 0, no measurement)',
  eta: 'measurement efficiency η (0 ≤ η ≤ 1; default 1)',
} as const;

export type ParameterName = keyof typeof PARAMETERS;
export type RawParameters = Partial<Record<ParameterName, string>>;

const ALLOWED: Record<ModelName, readonly ParameterName[]> = {
  modulated: ['gamma', 'gamma1', 'gamma2', 'delta', 'delta1', 'delta2', 'chi', 'nbar', 'mu', 'eta'],
  constant: ['gamma', 'gamma1', 'gamma2', 'coupling', 'delta1', 'delta2', 'chi', 'nbar', 'mu', 'eta'],
  single: ['gamma', 'delta', 'chi', 'nbar', 'mu', 'eta'],
};
const REQUIRED: Record<ModelName, readonly ParameterName[]> = {
  modulated: ['delta', 'chi'],
  constant: ['coupling', 'chi'],
  single: ['delta', 'chi'],
};

function parse(name: ParameterName, text: string): Rational {
  try {
    return Rational.parse(text);
  } catch {
    throw new ParameterError(`--${name}: "${text}" is not a number (${PARAMETERS[name]})`);
  }
}

function check(name: ParameterName, value: Rational, ok: boolean, raw: RawParameters): Rational {
  if (!ok) throw new ParameterError(`--${name} = ${raw[name] ?? value}: out of range; ${PARAMETERS[name]}`);
  return value;
}

export interface ResolvedParameters {
  readonly model: ModelName;
  readonly values: Readonly<Record<string, Rational>>;
}

/** Reads and validates the parameters of one model. */
export function resolveParameters(model: ModelName, raw: RawParameters): ResolvedParameters {
  if (!(model in ALLOWED)) throw new ParameterError(`--model: "${model}" is not one of modulated, constant, single`);
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined) continue;
    if (!ALLOWED[model].includes(k as ParameterName)) throw new ParameterError(`--${k} does not apply to the ${model} model (it takes ${ALLOWED[model].map((p) => `--${p}`).join(', ')})`);
  }
  for (const r of REQUIRED[model]) if (raw[r] === undefined) throw new ParameterError(`--${r} is required for the ${model} model: ${PARAMETERS[r]}`);
  const get = (name: ParameterName, fallback: string) => parse(name, raw[name] ?? fallback);
  const positive = (x: Rational) => x.sign() > 0;
  const nonNegative = (x: Rational) => x.sign() >= 0;
  if (raw.gamma !== undefined && (raw.gamma1 !== undefined || raw.gamma2 !== undefined)) {
    throw new ParameterError('give either --gamma or both --gamma1 and --gamma2, not both');
  }
  if ((raw.gamma1 === undefined) !== (raw.gamma2 === undefined)) throw new ParameterError('--gamma1 and --gamma2 go together');
  const gammaName: ParameterName = raw.gamma1 !== undefined ? 'gamma1' : 'gamma';
  const gamma1 = get(gammaName, '1');
  const gamma2 = raw.gamma2 !== undefined ? get('gamma2', '1') : gamma1;
  const [chi, nbar, mu, eta] = [get('chi', '0'), get('nbar', '0'), get('mu', '0'), get('eta', '1')];
  const values: Record<string, Rational> = {
    gamma1: check(gammaName, gamma1, positive(gamma1), raw),
    gamma2: check('gamma2', gamma2, positive(gamma2), raw),
    chi: check('chi', chi, nonNegative(chi), raw),
    nbar: check('nbar', nbar, nonNegative(nbar), raw),
    mu: check('mu', mu, nonNegative(mu), raw),
    eta: check('eta', eta, nonNegative(eta) && eta.compare(Rational.ONE) <= 0, raw),
  };
  if (model !== 'constant') values.delta = get('delta', '0');
  if (model === 'constant') values.coupling = get('coupling', '0');
  if (model !== 'single') {
    values.delta1 = get('delta1', '0');
    values.delta2 = get('delta2', '0');
  }
  return { model, values };
}

function systemOf(model: ModelName): ConditionalSystem {
  return model === 'modulated' ? modulatedCoupling() : model === 'constant' ? constantCoupling() : singleMode();
}

function symbolValues(p: ResolvedParameters, chi: Rational = p.values.chi!): ParameterValues {
  const v = p.values;
  const entries: Array<[R, Rational]> = [
    [sym.chi, chi],
    [sym.N, v.nbar!],
    [sym.mu, v.mu!],
    [sym.eta, v.eta!],
  ];
  if (p.model === 'single') entries.push([sym.gamma, v.gamma1!], [sym.Delta, v.delta!]);
  else entries.push([sym.gamma1, v.gamma1!], [sym.gamma2, v.gamma2!]);
  if (p.model === 'modulated') entries.push([sym.Delta, v.delta!]);
  if (p.model === 'constant') entries.push([sym.Gamma, v.coupling!]);
  if (p.model !== 'single') entries.push([sym.Delta1, v.delta1!], [sym.Delta2, v.delta2!]);
  return new Map(entries);
}

/** The symbol values of model one with γ₁ = γ₂ = γ as the single symbol γ (the collective-basis system uses γ). */
export function symbolValuesForCollective(p: ResolvedParameters): ParameterValues {
  const values = new Map(symbolValues(p));
  values.set(sym.gamma, p.values.gamma1!);
  return values;
}

const stabilityQuantities = new Map<ModelName, RationalFunction[]>();

/** The smallest χ ≥ 0 at which the drift stops being stable, to `digits` digits; null if none below 2⁶⁰. */
export function threshold(p: ResolvedParameters, digits: number): Dec | null {
  let quantities = stabilityQuantities.get(p.model);
  if (quantities === undefined) {
    quantities = lienardChipart(systemOf(p.model).drift);
    stabilityQuantities.set(p.model, quantities);
  }
  return stabilityThreshold(quantities, sym.chi, symbolValues(p), digits);
}

export interface ModelMatrices {
  readonly drift: DMatrix;
  readonly diffusion: DMatrix;
  readonly measurement: DMatrix;
}

export function modelMatrices(p: ResolvedParameters, digits: number): ModelMatrices {
  const s = systemOf(p.model);
  const values = symbolValues(p);
  return {
    drift: evaluateDecimal(digits, s.drift, values),
    diffusion: evaluateDecimal(digits, s.diffusion, values),
    measurement: evaluateDecimal(digits, s.measurement, values),
  };
}

export interface Solution {
  readonly parameters: ResolvedParameters;
  readonly digits: number;
  readonly stable: boolean;
  readonly chiTh: Dec | null;
  /** Present when stable: the unconditional (Lyapunov) steady state. */
  readonly unconditional?: SteadyState;
  /** The conditional (Riccati) steady state: exists above threshold too when every quadrature is measured. */
  readonly conditional?: SteadyState;
  readonly analysis?: TwoModeAnalysis;
  readonly singleMode?: { variance: Dec; angle: Dec };
  readonly notes: string[];
}

export function solveModel(p: ResolvedParameters, digits: number = DEFAULT_DIGITS): Solution {
  const work = digits + 10;
  const m = modelMatrices(p, work);
  const stable = isHurwitzStable(decimalContext(work), m.drift);
  const notes: string[] = [];
  const chiTh = threshold(p, digits);
  let unconditional: SteadyState | undefined;
  if (stable) unconditional = lyapunovSteadyState(work, m.drift, m.diffusion);
  else notes.push('above threshold: the drift has an eigenvalue with Re ≥ 0, so the unconditional state grows without bound and has no steady state');
  let conditional: SteadyState | undefined;
  try {
    conditional = riccatiSteadyState(work, m.drift, m.diffusion, m.measurement);
  } catch (err) {
    notes.push(`no conditional steady state: ${(err as Error).message}`);
  }
  if (!stable && conditional) {
    notes.push('the conditional covariance still converges (every quadrature is measured, so the Riccati equation has a stabilising solution), but the conditional means are driven by an unbounded unconditional motion: the linear model itself stops being valid');
  }
  const base = { parameters: p, digits, stable, chiTh, notes };
  const extra: Partial<Solution> = {};
  if (unconditional) Object.assign(extra, { unconditional });
  if (conditional) {
    Object.assign(extra, { conditional });
    if (p.model === 'single') Object.assign(extra, { singleMode: optimalQuadrature(work, conditional.covariance) });
    else Object.assign(extra, { analysis: analyseTwoMode(work, conditional.covariance) });
  }
  return { ...base, ...extra };
}
