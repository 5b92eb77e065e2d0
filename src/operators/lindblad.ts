/**
 * The adjoint (Heisenberg-picture) Lindblad generator, ħ = 1:
 * dA/dt = i[H, A] + Σ_k κ_k (L_k† A L_k − ½{L_k† L_k, A}).
 */
import { q, RationalFunction } from '../exact/rationalFunction.ts';
import { anticommutator, commutator, type Operator } from './operator.ts';

export interface Dissipator {
  readonly rate: RationalFunction;
  readonly jump: Operator;
}

/** κ D†[L]A = κ (L† A L − ½{L†L, A}). */
export function dissipatorOn(d: Dissipator, a: Operator): Operator {
  const ld = d.jump.adjoint();
  return ld
    .mul(a)
    .mul(d.jump)
    .sub(anticommutator(ld.mul(d.jump), a).scale(q(1, 2)))
    .scale(d.rate);
}

export function adjointGenerator(hamiltonian: Operator, dissipators: readonly Dissipator[], a: Operator): Operator {
  let out = commutator(hamiltonian, a).scale(RationalFunction.I);
  for (const d of dissipators) out = out.add(dissipatorOn(d, a));
  return out;
}
