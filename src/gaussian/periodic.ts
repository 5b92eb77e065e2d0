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
import { BoundedCache } from '../exact/boundedCache.ts';
import type { Matrix } from '../exact/matrix.ts';
import { q, RationalFunction } from '../exact/rationalFunction.ts';
import type { Dissipator } from '../operators/lindblad.ts';
import { Operator } from '../operators/operator.ts';
import { cosSinPieces } from '../operators/rotatingFrame.ts';
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

/**
 * Σ_n O_n e^(inωt) as pieces times 1, cos kωt and sin kωt: O₀, O_n + O_(−n) and i(O_n − O_(−n)),
 * Hermitian where the sum is Hermitian at every time (`hermitian` checks it).
 */
function realPieces(harmonics: ReadonlyMap<number, Operator>, what: string, hermitian: boolean): Array<{ factor: Factor; op: Operator }> {
  const pieces: Array<{ factor: Factor; op: Operator }> = [];
  const constant = harmonics.get(0);
  if (constant && !constant.isZero()) pieces.push({ factor: { k: 0, kind: 'cos' }, op: constant });
  for (const [n, op] of harmonics) {
    if (n < 0 && harmonics.has(-n)) continue;
    if (n === 0) continue;
    const [k, plus, minus] = [Math.abs(n), n > 0 ? op : Operator.ZERO, n < 0 ? op : (harmonics.get(-n) ?? Operator.ZERO)];
    if (hermitian && !minus.equals(plus.adjoint()))
      throw new NotLinearGaussianError(`${what} is not Hermitian at every time: its e^(−i${k}ωt) part is not the adjoint of its e^(i${k}ωt) part`);
    const { cos: c, sin: s } = cosSinPieces(plus, minus);
    if (!c.isZero()) pieces.push({ factor: { k, kind: 'cos' }, op: c });
    if (!s.isZero()) pieces.push({ factor: { k, kind: 'sin' }, op: s });
  }
  return pieces;
}

/** A jump operator that oscillates: L(t) = Σ_n L_n e^(inωt), at rate `rate` (the term rate·D[L(t)]). */
export interface PeriodicDissipator {
  readonly rate: RationalFunction;
  readonly harmonics: ReadonlyMap<number, Operator>;
}

type Parts = { readonly drift: Matrix; readonly diffusion: Matrix; readonly measurement?: Matrix };

/**
 * Adds what a term quadratic in a time-dependent operator c(t) = Σ_j f_j(t) P_j contributes, given
 * `alone(P)`, the term's drift, diffusion and measurement matrices for a constant P: Σ_j f_j²·alone(P_j)
 * + Σ_(j<l) f_j f_l (alone(P_j + P_l) − alone(P_j) − alone(P_l)), by polarisation (D[·] and ℓℓᵀ are
 * quadratic forms), each product of factors expanded into harmonics.
 */
function addQuadratic(
  pieces: ReadonlyArray<{ factor: Factor; op: Operator }>,
  alone: (op: Operator) => Parts,
  into: { drift: TrigAccumulator; diffusion: TrigAccumulator; measurement: TrigAccumulator },
): void {
  const single = pieces.map((p) => alone(p.op));
  const add = (f: Factor, g: Factor, parts: Parts) => {
    for (const { factor, weight } of productOf(f, g)) {
      into.drift.add(factor, parts.drift, weight);
      into.diffusion.add(factor, parts.diffusion, weight);
      if (parts.measurement) into.measurement.add(factor, parts.measurement, weight);
    }
  };
  pieces.forEach((p, j) => {
    add(p.factor, p.factor, single[j]!);
    for (let l = j + 1; l < pieces.length; l++) {
      const both = alone(p.op.add(pieces[l]!.op));
      const cross = (m: Matrix | undefined, x: Matrix | undefined, y: Matrix | undefined) =>
        m && x && y ? m.map((row, r) => row.map((v, c) => v.sub(x[r]![c]!).sub(y[r]![c]!))) : undefined;
      const measurement = cross(both.measurement, single[j]!.measurement, single[l]!.measurement);
      add(p.factor, pieces[l]!.factor, {
        drift: cross(both.drift, single[j]!.drift, single[l]!.drift)!,
        diffusion: cross(both.diffusion, single[j]!.diffusion, single[l]!.diffusion)!,
        ...(measurement ? { measurement } : {}),
      });
    }
  });
}

/**
 * What one constant jump operator or measured operator contributes, remembered by its text and the
 * basis: the lab-frame systems of a paper share their baths and measurements across models and
 * variants, and each costs a symbolic derivation.
 */
const contributions = new BoundedCache<Parts>(256);
function remembered(basis: Basis, what: string, op: Operator, make: () => Parts): Parts {
  return contributions.get(`${what}|${basis.map((b) => `${b.name}=${b.op}`).join(',')}|${op}`, make);
}

export function periodicConditionalSystem(
  hamiltonian: ReadonlyMap<number, Operator>,
  dissipators: ReadonlyArray<Dissipator | PeriodicDissipator>,
  measurements: readonly PeriodicMeasurement[],
  basis: Basis,
): PeriodicConditionalSystem {
  const n = basis.length;
  const into = { drift: new TrigAccumulator(n), diffusion: new TrigAccumulator(n), measurement: new TrigAccumulator(n) };
  const constant = dissipators.filter((d): d is Dissipator => 'jump' in d);
  const baths = linearGaussianSystem({ hamiltonian: Operator.ZERO, dissipators: constant }, basis);
  into.drift.add({ k: 0, kind: 'cos' }, baths.drift, q(1));
  into.diffusion.add({ k: 0, kind: 'cos' }, baths.diffusion, q(1));
  for (const { factor, op } of realPieces(hamiltonian, 'the Hamiltonian', true)) {
    const s = linearGaussianSystem({ hamiltonian: op, dissipators: [] }, basis);
    if (s.force.some((x) => !x.isZero())) throw new NotLinearGaussianError('a coherent drive that oscillates is not supported');
    into.drift.add(factor, s.drift, q(1));
  }
  for (const d of dissipators) {
    if ('jump' in d) continue;
    addQuadratic(
      realPieces(d.harmonics, 'a jump operator', false),
      (op) =>
        remembered(basis, `dissipator at ${d.rate}`, op, () =>
          linearGaussianSystem({ hamiltonian: Operator.ZERO, dissipators: [{ rate: d.rate, jump: op }] }, basis),
        ),
      into,
    );
  }
  for (const m of measurements) {
    // The back-action and M of measuring P alone, at m's strength and efficiency.
    const alone = (op: Operator) =>
      remembered(basis, `measured at ${m.strength}, ${m.efficiency}`, op, () =>
        conditionalGaussianSystem(
          { hamiltonian: Operator.ZERO, dissipators: [] },
          [{ name: m.name, op, strength: m.strength, efficiency: m.efficiency }],
          basis,
        ),
      );
    addQuadratic(realPieces(m.harmonics, `measured operator ${m.name}`, true), alone, into);
  }
  return { basis: basis.map((b) => b.name), drift: into.drift.done(), diffusion: into.diffusion.done(), measurement: into.measurement.done() };
}
