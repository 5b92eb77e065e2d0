/**
 * A linear Gaussian system whose Hamiltonian and measured operators oscillate with one fundamental
 * frequency ω: H(t) = Σ_n H_n e^(inωt), c(t) = Σ_n c_n e^(inωt), constant dissipators. Its moment
 * equations dV/dt = A(t)V + VA(t)ᵀ + D(t) − V M(t) V then have periodic coefficients, each
 * X(t) = X₀ + Σ_(k≥1) (X_k^c cos kωt + X_k^s sin kωt), read off the generator as for a constant
 * system (src/gaussian/linearSystem.ts, src/gaussian/conditional.ts):
 *  - A is linear in H: the cos and sin parts of H_n e^(inωt) + H_(−n) e^(−inωt) are the Hermitian
 *    H_n + H_(−n) and i(H_n − H_(−n)), each a Hamiltonian of its own;
 *  - D and M are quadratic in a measured c(t) = Σ_j f_j(t) L_j (L_j Hermitian, f_j ∈ {1, cos, sin}):
 *    D[c] = Σ_j f_j² D[L_j] + Σ_(j<l) f_j f_l (D[L_j + L_l] − D[L_j] − D[L_l]) (polarisation), and
 *    the same for M = Σ 4ημ ℓℓᵀ; products of cosines and sines are expanded into harmonics.
 */
import type { Matrix } from '../exact/matrix.ts';
import { q, RationalFunction } from '../exact/rationalFunction.ts';
import type { Dissipator } from '../operators/lindblad.ts';
import { Operator } from '../operators/operator.ts';
import { conditionalGaussianSystem } from './conditional.ts';
import { linearGaussianSystem, NotLinearGaussianError } from './linearSystem.ts';

/** X₀ + Σ_k (cos[k] cos kωt + sin[k] sin kωt); index 0 of `cos` is X₀, `sin[0]` is zero. */
export interface TrigMatrix {
  readonly cos: readonly Matrix[];
  readonly sin: readonly Matrix[];
}

export interface PeriodicMeasurement {
  readonly name: string;
  /** c(t) = Σ_n c_n e^(inωt), Hermitian at every t (c_(−n) = c_n†). */
  readonly harmonics: ReadonlyMap<number, Operator>;
  readonly strength: RationalFunction;
  readonly efficiency: RationalFunction;
}

export interface PeriodicConditionalSystem {
  readonly basis: readonly string[];
  readonly drift: TrigMatrix;
  readonly diffusion: TrigMatrix;
  readonly measurement: TrigMatrix;
}

type Basis = ReadonlyArray<{ name: string; op: Operator }>;

/** A trigonometric factor: 1 (k = 0), cos kωt or sin kωt. */
interface Factor {
  readonly k: number;
  readonly kind: 'cos' | 'sin';
}

const zeros = (n: number): Matrix => Array.from({ length: n }, () => Array.from({ length: n }, () => RationalFunction.ZERO));
const plus = (x: Matrix, y: Matrix, c: RationalFunction): Matrix => x.map((row, i) => row.map((v, j) => v.add(y[i]![j]!.mul(c))));

/** f·g as a sum of factors: cos a cos b = ½[cos(a−b) + cos(a+b)], and so on. */
function productOf(f: Factor, g: Factor): Array<{ factor: Factor; weight: RationalFunction }> {
  const half = q(1, 2);
  if (f.k === 0) return [{ factor: g, weight: q(1) }];
  if (g.k === 0) return [{ factor: f, weight: q(1) }];
  const [d, s] = [f.k - g.k, f.k + g.k];
  // cos(dωt) with d < 0 is cos(|d|ωt); sin(dωt) is −sin(|d|ωt).
  const cosOf = (k: number, w: RationalFunction) => ({ factor: { k: Math.abs(k), kind: 'cos' as const }, weight: w });
  const sinOf = (k: number, w: RationalFunction) => (k === 0 ? [] : [{ factor: { k: Math.abs(k), kind: 'sin' as const }, weight: k < 0 ? w.neg() : w }]);
  if (f.kind === 'cos' && g.kind === 'cos') return [cosOf(d, half), cosOf(s, half)];
  if (f.kind === 'sin' && g.kind === 'sin') return [cosOf(d, half), cosOf(s, half.neg())];
  // sin a cos b = ½[sin(a+b) + sin(a−b)]
  const [a, b] = f.kind === 'sin' ? [f.k, g.k] : [g.k, f.k];
  return [...sinOf(a + b, half), ...sinOf(a - b, half)];
}

class TrigAccumulator {
  private readonly cos: Matrix[] = [];
  private readonly sin: Matrix[] = [];
  constructor(private readonly n: number) {}
  add(f: Factor, m: Matrix, weight: RationalFunction): void {
    const target = f.kind === 'sin' && f.k > 0 ? this.sin : this.cos;
    while (target.length <= f.k) target.push(zeros(this.n));
    target[f.k] = plus(target[f.k]!, m, weight);
  }
  done(): TrigMatrix {
    const length = Math.max(this.cos.length, this.sin.length, 1);
    const pad = (xs: Matrix[]) => Array.from({ length }, (_, k) => xs[k] ?? zeros(this.n));
    return { cos: pad(this.cos), sin: pad(this.sin) };
  }
}

/** Σ_n O_n e^(inωt) as Hermitian pieces times 1, cos kωt and sin kωt. */
function realPieces(harmonics: ReadonlyMap<number, Operator>, what: string): Array<{ factor: Factor; op: Operator }> {
  const pieces: Array<{ factor: Factor; op: Operator }> = [];
  const constant = harmonics.get(0);
  if (constant && !constant.isZero()) pieces.push({ factor: { k: 0, kind: 'cos' }, op: constant });
  for (const [n, op] of harmonics) {
    if (n <= 0) continue;
    const conjugate = harmonics.get(-n) ?? Operator.ZERO;
    if (!conjugate.equals(op.adjoint()))
      throw new NotLinearGaussianError(`${what} is not Hermitian at every time: its e^(−i${n}ωt) part is not the adjoint of its e^(i${n}ωt) part`);
    const [c, s] = [op.add(conjugate), op.sub(conjugate).scale(RationalFunction.I)];
    if (!c.isZero()) pieces.push({ factor: { k: n, kind: 'cos' }, op: c });
    if (!s.isZero()) pieces.push({ factor: { k: n, kind: 'sin' }, op: s });
  }
  return pieces;
}

export function periodicConditionalSystem(
  hamiltonian: ReadonlyMap<number, Operator>,
  dissipators: readonly Dissipator[],
  measurements: readonly PeriodicMeasurement[],
  basis: Basis,
): PeriodicConditionalSystem {
  const n = basis.length;
  const [drift, diffusion, measurement] = [new TrigAccumulator(n), new TrigAccumulator(n), new TrigAccumulator(n)];
  const baths = linearGaussianSystem({ hamiltonian: Operator.ZERO, dissipators }, basis);
  drift.add({ k: 0, kind: 'cos' }, baths.drift, q(1));
  diffusion.add({ k: 0, kind: 'cos' }, baths.diffusion, q(1));
  for (const { factor, op } of realPieces(hamiltonian, 'the Hamiltonian')) {
    const s = linearGaussianSystem({ hamiltonian: op, dissipators: [] }, basis);
    if (s.force.some((x) => !x.isZero())) throw new NotLinearGaussianError('a coherent drive that oscillates is not supported');
    drift.add(factor, s.drift, q(1));
  }
  for (const m of measurements) {
    const pieces = realPieces(m.harmonics, `measured operator ${m.name}`);
    // The back-action and M of measuring L alone, at m's strength and efficiency: quadratic in L.
    const alone = (op: Operator) =>
      conditionalGaussianSystem({ hamiltonian: Operator.ZERO, dissipators: [] }, [{ name: m.name, op, strength: m.strength, efficiency: m.efficiency }], basis);
    const single = pieces.map((p) => alone(p.op));
    pieces.forEach((p, j) => {
      for (const { factor, weight } of productOf(p.factor, p.factor)) {
        drift.add(factor, single[j]!.drift, weight);
        diffusion.add(factor, single[j]!.diffusion, weight);
        measurement.add(factor, single[j]!.measurement, weight);
      }
      for (let l = j + 1; l < pieces.length; l++) {
        const both = alone(p.op.add(pieces[l]!.op));
        const cross = (pick: (x: ReturnType<typeof alone>) => Matrix) =>
          pick(both).map((row, r) => row.map((x, c) => x.sub(pick(single[j]!)[r]![c]!).sub(pick(single[l]!)[r]![c]!)));
        for (const { factor, weight } of productOf(p.factor, pieces[l]!.factor)) {
          drift.add(
            factor,
            cross((x) => x.drift),
            weight,
          );
          diffusion.add(
            factor,
            cross((x) => x.diffusion),
            weight,
          );
          measurement.add(
            factor,
            cross((x) => x.measurement),
            weight,
          );
        }
      }
    });
  }
  return { basis: basis.map((b) => b.name), drift: drift.done(), diffusion: diffusion.done(), measurement: measurement.done() };
}
