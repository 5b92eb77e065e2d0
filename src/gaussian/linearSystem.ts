/**
 * From a quadratic Hamiltonian and linear jump operators to the linear Gaussian system
 * d⟨r⟩/dt = A⟨r⟩, dV/dt = AV + VAᵀ + D, in any basis r of Hermitian linear quadratures.
 * Both A and D are read off the adjoint Lindblad generator itself, never assumed:
 *   L(r_j)               = Σ_l A_jl r_l                               (A)
 *   L(½{r_j, r_k})       = Σ_l A_jl ½{r_l, r_k} + A_kl ½{r_j, r_l} + D_jk   (D, a c-number)
 * Anything outside this class (a cubic Hamiltonian, a quadratic jump operator, a basis
 * that is not canonical-complete) is refused with the reason.
 */
import { DetunedParampError } from '../exact/errors.ts';
import { inverse, type Matrix } from '../exact/matrix.ts';
import { q, RationalFunction } from '../exact/rationalFunction.ts';
import { adjointGenerator, type Dissipator } from '../operators/lindblad.ts';
import { anticommutator, commutator, Operator } from '../operators/operator.ts';

export interface OpenSystem {
  /** H/ħ: a frequency. */
  readonly hamiltonian: Operator;
  readonly dissipators: readonly Dissipator[];
}

export interface LinearGaussianSystem {
  readonly basis: readonly string[];
  /** Ω_jk = −i[r_j, r_k]. */
  readonly symplectic: Matrix;
  readonly drift: Matrix;
  /** b of dr = (A r + b) dt + noise: a coherent drive (terms of H linear in the ladder operators); it moves only the means. */
  readonly force: readonly RationalFunction[];
  readonly diffusion: Matrix;
}

export class NotLinearGaussianError extends DetunedParampError {
  constructor(message: string) {
    super('NOT_LINEAR_GAUSSIAN', message);
  }
}

/** Ω_jk = −i[r_j, r_k]; each must be a c-number. */
export function commutatorMatrix(basis: readonly Operator[]): Matrix {
  return basis.map((rj, j) =>
    basis.map((rk, k) => {
      const c = commutator(rj, rk).cNumber();
      if (c === undefined) throw new NotLinearGaussianError(`[r${j + 1}, r${k + 1}] is not a c-number: not a linear basis`);
      return c.mul(RationalFunction.I.neg());
    }),
  );
}

/** Coefficients λ with op = Σ λ_l r_l, from [r_k, op] = i Σ_l Ω_kl λ_l; refuses what the basis cannot express. */
export function coordinates(op: Operator, basis: readonly Operator[], omegaInverse: Matrix, what: string): RationalFunction[] {
  const c = basis.map((rk, k) => {
    const v = commutator(rk, op).cNumber();
    if (v === undefined) throw new NotLinearGaussianError(`${what} is not linear in the quadratures (commutator with r${k + 1} is an operator)`);
    return v.mul(RationalFunction.I.neg());
  });
  const lambda = omegaInverse.map((row) => row.reduce((s, x, l) => s.add(x.mul(c[l]!)), RationalFunction.ZERO));
  const rebuilt = basis.reduce((s, r, l) => s.add(r.scale(lambda[l]!)), Operator.ZERO);
  if (!rebuilt.equals(op)) throw new NotLinearGaussianError(`${what} is not in the span of the basis`);
  return lambda;
}

export function linearGaussianSystem(system: OpenSystem, basis: ReadonlyArray<{ name: string; op: Operator }>): LinearGaussianSystem {
  if (system.hamiltonian.degree() > 2) {
    throw new NotLinearGaussianError(
      `the Hamiltonian has degree ${system.hamiltonian.degree()} in the ladder operators; only quadratic ones give a linear system`,
    );
  }
  if (!system.hamiltonian.isHermitian()) throw new NotLinearGaussianError('the Hamiltonian is not Hermitian');
  system.dissipators.forEach((d, k) => {
    if (d.jump.degree() !== 1 || !d.jump.constantPart().isZero()) {
      throw new NotLinearGaussianError(`jump operator ${k + 1} is not linear in the ladder operators`);
    }
  });
  const ops = basis.map((b) => b.op);
  ops.forEach((r, j) => {
    if (r.degree() !== 1 || !r.isHermitian() || !r.constantPart().isZero()) {
      throw new NotLinearGaussianError(`basis element ${basis[j]!.name} is not a Hermitian linear quadrature`);
    }
  });
  const symplectic = commutatorMatrix(ops);
  let omegaInverse: Matrix;
  try {
    omegaInverse = inverse(symplectic);
  } catch {
    throw new NotLinearGaussianError('the basis is not canonical-complete: its commutator matrix is singular');
  }
  const generate = (op: Operator) => adjointGenerator(system.hamiltonian, system.dissipators, op);
  const generated = ops.map(generate);
  const force = generated.map((g) => g.constantPart());
  const drift = generated.map((g, j) => coordinates(g.sub(Operator.scalar(force[j]!)), ops, omegaInverse, `d${basis[j]!.name}/dt`));
  const symmetric = (j: number, k: number) => anticommutator(ops[j]!, ops[k]!).scale(q(1, 2));
  const diffusion = ops.map((_, j) =>
    ops.map((_, k) => {
      // d(r_j r_k) = (Ar + b)_j r_k + r_j (Ar + b)_k + D_jk: what is left after the drift and the force is D.
      let rest = generate(symmetric(j, k)).sub(ops[k]!.scale(force[j]!)).sub(ops[j]!.scale(force[k]!));
      ops.forEach((_, l) => {
        rest = rest.sub(symmetric(l, k).scale(drift[j]![l]!)).sub(symmetric(j, l).scale(drift[k]![l]!));
      });
      const d = rest.cNumber();
      if (d === undefined) throw new NotLinearGaussianError(`the second moments of ${basis[j]!.name}, ${basis[k]!.name} do not close`);
      return d;
    }),
  );
  return { basis: basis.map((b) => b.name), symplectic, drift, force, diffusion };
}
