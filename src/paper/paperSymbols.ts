/**
 * A built-in model's point read in the paper's own symbols (γ, γ₁, γ₂, Δ, Δ₁, Δ₂, Γ, χ, N, μ, η of
 * src/paper/symbols.ts), for the forms transcribed from the paper: the reduced equations (25)-(28)
 * and the closed forms. The model files name the same parameters gamma1, delta, coupling, nbar, ….
 */
import type { Rational } from '../exact/rational.ts';
import type { Matrix } from '../exact/matrix.ts';
import { symbolIndex, type RationalFunction } from '../exact/rationalFunction.ts';
import type { ConditionalSystem } from '../gaussian/conditional.ts';
import type { ParameterValues } from '../numeric/fromExact.ts';
import type { ModelFile, ModelPoint } from '../models/modelFile.ts';
import { sym } from './symbols.ts';

/** The paper's symbol of each parameter name the model files use. */
export const PAPER_SYMBOL: Readonly<Record<string, RationalFunction>> = {
  gamma: sym.gamma,
  gamma1: sym.gamma1,
  gamma2: sym.gamma2,
  delta: sym.Delta,
  delta1: sym.Delta1,
  delta2: sym.Delta2,
  coupling: sym.Gamma,
  chi: sym.chi,
  nbar: sym.N,
  mu: sym.mu,
  eta: sym.eta,
};

export function paperSymbolValues(point: ModelPoint): ParameterValues {
  const entries: Array<[RationalFunction, Rational]> = [];
  for (const p of point.model.parameters) {
    const s = PAPER_SYMBOL[p.name];
    if (s !== undefined) entries.push([s, point.values.get(p.symbol)!]);
  }
  const byName = new Map(point.model.parameters.map((p) => [p.name, point.values.get(p.symbol)!]));
  // One damping rate γ for a file with γ₁ = γ₂ (the collective forms use γ), and γ₁ = γ₂ = γ for one with γ.
  const [g1, g2, g] = [byName.get('gamma1'), byName.get('gamma2'), byName.get('gamma')];
  if (g === undefined && g1 !== undefined && g2 !== undefined && g1.equals(g2)) entries.push([sym.gamma, g1]);
  if (g !== undefined) entries.push([sym.gamma1, g], [sym.gamma2, g]);
  return new Map(entries);
}

/**
 * A built-in model's system with its parameters renamed to the paper's symbols, to be compared with
 * the forms the ledger derives from the paper (the one-mode file against the collective sets of (12)).
 */
export function systemInPaperSymbols(model: ModelFile): ConditionalSystem {
  const renames = model.parameters.flatMap((p) => (PAPER_SYMBOL[p.name] === undefined ? [] : [[symbolIndex(p.symbol), PAPER_SYMBOL[p.name]!] as const]));
  const renamed = (m: Matrix): Matrix => m.map((row) => row.map((x) => renames.reduce((acc, [k, v]) => acc.substitute(k, v), x)));
  const s = model.system;
  return { ...s, drift: renamed(s.drift), diffusion: renamed(s.diffusion), measurement: renamed(s.measurement) };
}
