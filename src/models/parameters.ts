/**
 * The built-in models' parameter conventions, on top of their model files: what each flag means
 * (for help and messages), and `gamma`, which sets γ₁ = γ₂ = γ in a file that declares gamma1 and
 * gamma2. Domains, defaults and which parameters a model takes are the file's; a value out of
 * range is a ParameterError naming the parameter (through a label the caller chooses: a flag, a
 * column) and its allowed range.
 */
import { builtInModel, MODEL_NAMES, type ModelName } from './builtIn.ts';
import { resolveFileParameters, type ModelPoint } from './modelFile.ts';
import { ParameterError, parameterLabel, type ParameterLabel } from './values.ts';

export { MODEL_NAMES, type ModelName } from './builtIn.ts';

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

/** A file with γ₁ and γ₂ takes --gamma for both. */
const hasPairedDamping = (model: ModelName) => ['gamma1', 'gamma2'].every((n) => builtInModel(model).parameters.some((p) => p.name === n));

/** The flags a built-in model takes: its file's parameters, and gamma where the file has gamma1 and gamma2. */
export function parametersOf(model: ModelName): readonly string[] {
  const names = builtInModel(model).parameters.map((p) => p.name);
  return hasPairedDamping(model) ? ['gamma', ...names] : names;
}

/** Reads and validates the parameters of one built-in model; messages name each parameter through `label`. */
export function resolveParameters(model: ModelName, raw: RawParameters, label: ParameterLabel = parameterLabel): ModelPoint {
  if (!(MODEL_NAMES as readonly string[]).includes(model))
    throw new ParameterError(`${label('model')}: "${String(model).slice(0, 40)}" is not one of ${MODEL_NAMES.join(', ')}`);
  const taken = parametersOf(model);
  const given = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as Record<string, string>;
  for (const k of Object.keys(given)) {
    if (!taken.includes(k)) throw new ParameterError(`${label(k)} does not apply to the ${model} model (it takes ${taken.map(label).join(', ')})`);
  }
  if (given.gamma !== undefined && (given.gamma1 !== undefined || given.gamma2 !== undefined)) {
    throw new ParameterError(`give either ${label('gamma')} or both ${label('gamma1')} and ${label('gamma2')}, not both`);
  }
  if ((given.gamma1 === undefined) !== (given.gamma2 === undefined)) throw new ParameterError(`${label('gamma1')} and ${label('gamma2')} go together`);
  const viaGamma = given.gamma !== undefined && hasPairedDamping(model);
  const { gamma, ...rest } = given;
  const values = viaGamma ? { ...rest, gamma1: gamma!, gamma2: gamma! } : given;
  // γ₁ and γ₂ set by --gamma are named by that flag.
  const flag = (name: string) => (viaGamma && (name === 'gamma1' || name === 'gamma2') ? 'gamma' : name);
  return resolveFileParameters(
    builtInModel(model),
    values,
    (name) => label(flag(name)),
    (name) => PARAMETERS[flag(name) as ParameterName],
  );
}
