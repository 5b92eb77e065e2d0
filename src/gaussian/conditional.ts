/**
 * Continuous measurement of Hermitian linear quadratures c_k at rate μ_k with efficiency η_k:
 * the stochastic master equation adds μ_k D[c_k]ρ dt + √(η_k μ_k) H[c_k]ρ dW_k. For a Gaussian
 * state the innovation of ⟨r_j⟩ is √(ημ)⟨H[c] r_j⟩ = √(ημ)(⟨{c, r_j}⟩ − 2⟨c⟩⟨r_j⟩) = 2√(ημ)(Vℓ)_j,
 * using the operator identity {c, r_j} = 2 Σ_l ℓ_l ½{r_l, r_j} (checked here by the engine),
 * and Itô's rule on ⟨r_j⟩⟨r_k⟩ then subtracts Σ_k 4η_kμ_k (Vℓ_k)(Vℓ_k)ᵀ from dV/dt:
 *   dV/dt = A V + V Aᵀ + D − V M V,   M = Σ_k 4 η_k μ_k ℓ_k ℓ_kᵀ.
 * The back-action μ D[c] is part of the open system, so it enters A and D through the generator.
 */
import { inverse, type Matrix } from '../exact/matrix.ts';
import { q, RationalFunction } from '../exact/rationalFunction.ts';
import { anticommutator, type Operator } from '../operators/operator.ts';
import { commutatorMatrix, coordinates, linearGaussianSystem, NotLinearGaussianError, type LinearGaussianSystem, type OpenSystem } from './linearSystem.ts';

export interface Measurement {
  readonly name: string;
  readonly op: Operator;
  readonly strength: RationalFunction;
  readonly efficiency: RationalFunction;
}

export interface ConditionalSystem extends LinearGaussianSystem {
  /** M of the Riccati term V M V. */
  readonly measurement: Matrix;
  /**
   * Each measured operator c = Σ_j ℓ_j r_j with its strength μ and efficiency η: its homodyne
   * current is dy = 2√(ημ) ℓ·⟨r⟩ dt + dW, and M = Σ 4ημ ℓℓᵀ.
   */
  readonly channels: ReadonlyArray<{
    readonly name: string;
    readonly coordinates: readonly RationalFunction[];
    readonly strength: RationalFunction;
    readonly efficiency: RationalFunction;
  }>;
}

export function conditionalGaussianSystem(
  system: OpenSystem,
  measurements: readonly Measurement[],
  basis: ReadonlyArray<{ name: string; op: Operator }>,
): ConditionalSystem {
  const withBackAction: OpenSystem = {
    hamiltonian: system.hamiltonian,
    dissipators: [...system.dissipators, ...measurements.map((m) => ({ rate: m.strength, jump: m.op }))],
  };
  const unconditional = linearGaussianSystem(withBackAction, basis);
  const ops = basis.map((b) => b.op);
  const omegaInverse = inverse(commutatorMatrix(ops));
  const n = ops.length;
  let measurement: Matrix = ops.map(() => ops.map(() => RationalFunction.ZERO));
  const channels: Array<ConditionalSystem['channels'][number]> = [];
  for (const m of measurements) {
    if (!m.op.isHermitian()) throw new NotLinearGaussianError(`measured operator ${m.name} is not Hermitian`);
    const ell = coordinates(m.op, ops, omegaInverse, `measured operator ${m.name}`);
    ops.forEach((rj, j) => {
      const symmetrised = ops.reduce((acc, rl, l) => acc.add(anticommutator(rl, rj).scale(ell[l]!)), anticommutator(m.op, rj).neg());
      if (!symmetrised.isZero()) throw new NotLinearGaussianError(`{${m.name}, ${basis[j]!.name}} is not a combination of symmetrised products`);
    });
    channels.push({ name: m.name, coordinates: ell, strength: m.strength, efficiency: m.efficiency });
    const weight = q(4).mul(m.efficiency).mul(m.strength);
    measurement = measurement.map((row, i) => row.map((x, j) => x.add(weight.mul(ell[i]!).mul(ell[j]!))));
  }
  if (measurement.length !== n) throw new Error('internal: measurement matrix size');
  return { ...unconditional, measurement, channels };
}

/** The right-hand side A V + V Aᵀ + D − V M V for a symbolic covariance V. */
export function covarianceEquations(s: ConditionalSystem, v: Matrix): Matrix {
  const n = v.length;
  const at = (m: Matrix, i: number, j: number) => m[i]![j]!;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      let x = at(s.diffusion, i, j);
      for (let k = 0; k < n; k++) x = x.add(at(s.drift, i, k).mul(at(v, k, j))).add(at(v, i, k).mul(at(s.drift, j, k)));
      for (let k = 0; k < n; k++)
        for (let l = 0; l < n; l++)
          x = x.sub(
            at(v, i, k)
              .mul(at(s.measurement, k, l))
              .mul(at(v, l, j)),
          );
      return x;
    }),
  );
}
