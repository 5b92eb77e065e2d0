/**
 * The parameters of the built-in models: their names, what each may be, and their exact
 * reading. Values are decimal strings or fractions read exactly; a value out of range is a
 * ParameterError naming the parameter (through a label the caller chooses: a flag, a column)
 * and its allowed range.
 */
import { Rational } from '../exact/rational.ts';
import type { RationalFunction as R } from '../exact/rationalFunction.ts';
import type { ParameterValues } from '../numeric/fromExact.ts';
import type { ModelName } from './measured.ts';
import { sym } from './symbols.ts';
import { builtInModel } from './builtIn.ts';

export class ParameterError extends Error {}

export const PARAMETERS = {
  gamma: 'damping rate γ of both oscillators (> 0; default 1)',
  gamma1: 'damping rate γ₁ of oscillator 1 (> 0), with --gamma2 instead of --gamma',
  gamma2: 'damping rate γ₂ of oscillator 2 (> 0), with --gamma1 instead of --gamma',
  delta: 'detuning Δ of the modulation (real; modulated and single models)',
  coupling: 'coupling rate Γ, half the normal-mode splitting (real; constant model)',
  delta1: 'extra detuning Δ₁ of oscillator 1 (real, default 0; modulated and constant models, our generalisation)',
  delta2: 'extra detuning Δ₂ of oscillator 2 (real, default 0; modulated and constant models, our generalisation)',
  chi: 'parametric drive rate χ (≥ 0; modulated, constant and single models)',
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
  bae: ['gamma', 'nbar', 'mu', 'eta'],
};
const REQUIRED: Record<ModelName, readonly ParameterName[]> = {
  modulated: ['delta', 'chi'],
  constant: ['coupling', 'chi'],
  single: ['delta', 'chi'],
  bae: [],
};
export const MODEL_NAMES = Object.keys(ALLOWED) as ModelName[];

/** The parameters a model takes. */
export function parametersOf(model: ModelName): readonly string[] {
  return ALLOWED[model];
}

/** What a parameter value may be: at most this many characters, and 0 or a magnitude in [10^-maxExponent, 10^maxExponent]. */
export const VALUE_LIMITS = { maxLength: 400, maxExponent: 300 } as const;
const LARGEST = Rational.of(10n ** BigInt(VALUE_LIMITS.maxExponent));
const SMALLEST = Rational.of(1n, 10n ** BigInt(VALUE_LIMITS.maxExponent));

/** How a message names a parameter: `--mu` on the command line, `column "mu"` in a file. */
export type ParameterLabel = (name: string) => string;
/** The library's default: `parameter mu`. */
export const parameterLabel: ParameterLabel = (name) => `parameter ${name}`;

function parse(name: ParameterName, text: string, label: ParameterLabel): Rational {
  return exactValue(name, text, label, PARAMETERS[name]);
}

/** A parameter value read exactly (a decimal or a fraction) within VALUE_LIMITS; `describe` says what the parameter may be. */
export function exactValue(name: string, text: string, label: ParameterLabel, describe: string): Rational {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  if (text.length > VALUE_LIMITS.maxLength) throw new ParameterError(`${label(name)}: "${shown}" is longer than ${VALUE_LIMITS.maxLength} characters`);
  let value: Rational;
  try {
    value = Rational.parse(text);
  } catch {
    throw new ParameterError(`${label(name)}: "${shown}" is not a number, or its exponent is beyond ±${VALUE_LIMITS.maxExponent} (${describe})`);
  }
  const size = value.abs();
  if (!value.isZero() && (size.compare(LARGEST) > 0 || size.compare(SMALLEST) < 0)) {
    throw new ParameterError(`${label(name)} = ${shown}: outside the supported magnitudes, 0 or 1e-${VALUE_LIMITS.maxExponent} ≤ |x| ≤ 1e${VALUE_LIMITS.maxExponent} (${describe})`);
  }
  return value;
}

export interface ResolvedParameters {
  readonly model: ModelName;
  readonly values: Readonly<Record<string, Rational>>;
}

/** Reads and validates the parameters of one model; messages name each parameter through `label`. */
export function resolveParameters(model: ModelName, raw: RawParameters, label: ParameterLabel = parameterLabel): ResolvedParameters {
  if (!Object.hasOwn(ALLOWED, model)) throw new ParameterError(`${label('model')}: "${String(model).slice(0, 40)}" is not one of ${MODEL_NAMES.join(', ')}`);
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined) continue;
    if (!ALLOWED[model].includes(k as ParameterName)) throw new ParameterError(`${label(k)} does not apply to the ${model} model (it takes ${ALLOWED[model].map(label).join(', ')})`);
  }
  for (const r of REQUIRED[model]) if (raw[r] === undefined) throw new ParameterError(`${label(r)} is required for the ${model} model: ${PARAMETERS[r]}`);
  const get = (name: ParameterName, fallback: string) => parse(name, raw[name] ?? fallback, label);
  const check = (name: ParameterName, value: Rational, ok: boolean): Rational => {
    if (!ok) throw new ParameterError(`${label(name)} = ${raw[name] ?? value}: out of range; ${PARAMETERS[name]}`);
    return value;
  };
  const positive = (x: Rational) => x.sign() > 0;
  const nonNegative = (x: Rational) => x.sign() >= 0;
  if (raw.gamma !== undefined && (raw.gamma1 !== undefined || raw.gamma2 !== undefined)) {
    throw new ParameterError(`give either ${label('gamma')} or both ${label('gamma1')} and ${label('gamma2')}, not both`);
  }
  if ((raw.gamma1 === undefined) !== (raw.gamma2 === undefined)) throw new ParameterError(`${label('gamma1')} and ${label('gamma2')} go together`);
  const gammaName: ParameterName = raw.gamma1 !== undefined ? 'gamma1' : 'gamma';
  const gamma1 = get(gammaName, '1');
  const gamma2 = raw.gamma2 !== undefined ? get('gamma2', '1') : gamma1;
  const [chi, nbar, mu, eta] = [get('chi', '0'), get('nbar', '0'), get('mu', '0'), get('eta', '1')];
  const values: Record<string, Rational> = {
    gamma1: check(gammaName, gamma1, positive(gamma1)),
    gamma2: check('gamma2', gamma2, positive(gamma2)),
    ...(model === 'bae' ? {} : { chi: check('chi', chi, nonNegative(chi)) }),
    nbar: check('nbar', nbar, nonNegative(nbar)),
    mu: check('mu', mu, nonNegative(mu)),
    eta: check('eta', eta, nonNegative(eta) && eta.compare(Rational.ONE) <= 0),
  };
  if (model === 'modulated' || model === 'single') values.delta = get('delta', '0');
  if (model === 'constant') values.coupling = get('coupling', '0');
  if (model === 'modulated' || model === 'constant') {
    values.delta1 = get('delta1', '0');
    values.delta2 = get('delta2', '0');
  }
  return { model, values };
}

export function symbolValues(p: ResolvedParameters): ParameterValues {
  const v = p.values;
  const entries: Array<[R, Rational]> = [
    [sym.N, v.nbar!],
    [sym.mu, v.mu!],
    [sym.eta, v.eta!],
  ];
  if (v.chi !== undefined) entries.push([sym.chi, v.chi]);
  if (p.model === 'single' || p.model === 'bae') entries.push([sym.gamma, v.gamma1!]);
  else entries.push([sym.gamma1, v.gamma1!], [sym.gamma2, v.gamma2!], [sym.Delta1, v.delta1!], [sym.Delta2, v.delta2!]);
  if (v.delta !== undefined) entries.push([sym.Delta, v.delta]);
  if (v.coupling !== undefined) entries.push([sym.Gamma, v.coupling]);
  // The model file's own symbols (delta, coupling, nbar, … named like the flags), for its system.
  const byFlag: Record<string, Rational | undefined> = { ...v, gamma: v.gamma1 };
  for (const q of builtInModel(p.model).parameters) {
    const value = byFlag[q.name];
    if (value !== undefined) entries.push([q.symbol, value]);
  }
  return new Map(entries);
}

/** The symbol values of model one with γ₁ = γ₂ = γ as the single symbol γ (the collective-basis system uses γ). */
export function symbolValuesForCollective(p: ResolvedParameters): ParameterValues {
  const values = new Map(symbolValues(p));
  values.set(sym.gamma, p.values.gamma1!);
  return values;
}

