/**
 * The periodic steady state of dV/dt = A(t)V + VA(t)ᵀ + D(t) − V M(t) V by the monodromy of its
 * Hamiltonian system, a route that shares nothing with harmonic balance but the coefficients:
 * with d[X; Y]/dt = H(t)[X; Y], H = [[A, D], [M, −Aᵀ]], V = XY⁻¹ solves the Riccati equation, so
 * over one period T the state moves by the linear-fractional map
 *   P(V) = (Φ₁₁V + Φ₁₂)(Φ₂₁V + Φ₂₂)⁻¹,  Φ the fundamental matrix of H over [0, T].
 * The periodic state at phase 0 is the fixed point of P, found by Newton's method from a start
 * near it (the RWA state): dP[δ] = (Φ₁₁ − PΦ₂₁) δ (Φ₂₁V + Φ₂₂)⁻¹, a Stein equation. Φ comes from a
 * Taylor-series integration of dΦ/dθ = H(θ)Φ/ω over θ = ωt ∈ [0, 2π] in steps, each a series
 * whose coefficients are those of H(θ) (trigonometric, so known in closed form) convolved with
 * Φ's; the series at each step is kept, which gives V at every phase (dense output).
 *
 * Φ is I + O(1/Q) when ω is large against the rates, so P(V) − V is of order V/Q and the fixed
 * point holds about log₁₀Q digits fewer than the working precision: the caller raises it to match.
 */
import { seriesToArithmetic, toArithmetic } from './arithmetic.ts';
import { decimalContext, type Dec, type DecimalConstructor } from './context.ts';
import { dadd, didentity, dmaxAbs, dmul, dot, dsolve, dsolveColumns, dsub, dsymmetrize, dtranspose, type DMatrix } from './matrix.ts';
import type { TrigSeries } from './periodicRiccati.ts';

/** The Taylor coefficients of Φ(θ₀ + s) at each step's start θ₀. */
interface Steps {
  readonly starts: readonly Dec[];
  readonly width: Dec;
  readonly coefficients: ReadonlyArray<readonly DMatrix[]>;
}

export interface MonodromyState {
  /** V at phase θ (radians, any real), from the fixed point and the stored steps. */
  at(theta: Dec): DMatrix;
  /** The fixed point: V at phase 0. */
  readonly start: DMatrix;
  /**
   * The closed loop's monodromy, transposed: with X = VY, dY/dt = −(A − VM)ᵀY, so Y(T)⁻¹ over a
   * period is Ψᵀ, Ψ the transition of dx/dt = (A − VM)x. Its eigenvalues are the closed loop's
   * Floquet multipliers (the drift's where M = 0): all inside the unit circle for the stabilising state.
   */
  readonly closedLoop: DMatrix;
  /** Newton steps taken, and the last step's size relative to V. */
  readonly newtonSteps: number;
  readonly lastStep: Dec;
}

export class MonodromyError extends RangeError {}

const order = (x: TrigSeries) => x.cos.length - 1;

/** H(θ) = [[A, D], [M, −Aᵀ]] as a series: harmonic by harmonic. */
function hamiltonianSeries(a: TrigSeries, d: TrigSeries, m: TrigSeries): TrigSeries {
  const K = Math.max(order(a), order(d), order(m));
  const n = a.cos[0]!.length;
  const D = a.cos[0]![0]![0]!.constructor as DecimalConstructor;
  const zero = () => Array.from({ length: n }, () => Array.from({ length: n }, () => new D(0)));
  const pick = (x: TrigSeries, kind: 'cos' | 'sin', k: number): DMatrix => x[kind][k] ?? zero();
  const block = (kind: 'cos' | 'sin', k: number): DMatrix => {
    const [ak, dk, mk] = [pick(a, kind, k), pick(d, kind, k), pick(m, kind, k)];
    const minusAt = dtranspose(ak).map((row) => row.map((x) => x.neg()));
    return [...ak.map((row, i) => [...row, ...dk[i]!]), ...mk.map((row, i) => [...row, ...minusAt[i]!])];
  };
  return { cos: Array.from({ length: K + 1 }, (_, k) => block('cos', k)), sin: Array.from({ length: K + 1 }, (_, k) => block('sin', k)) };
}

const scaleAdd = (acc: DMatrix, x: DMatrix, w: Dec): DMatrix => acc.map((row, i) => row.map((v, j) => v.plus(x[i]![j]!.times(w))));

/**
 * The Taylor coefficients of Φ(θ₀ + s), Φ(θ₀) given, to the order at which a term falls below
 * 10^−digits of Φ at the step's width: Φ_(k+1) = (1/(ω(k+1))) Σ_i H_i Φ_(k−i), with
 * H_i = Σ_h (h^i/i!) σ_i P_(h, i mod 2) for i ≥ 1: the i-th derivative of cos(hθ₀ + hs) and
 * sin(hθ₀ + hs) cycles with period 4, so each harmonic contributes two fixed matrices
 * P_(h,0) = C_h cos hθ₀ + S_h sin hθ₀ and P_(h,1) = S_h cos hθ₀ − C_h sin hθ₀, with signs + + − −.
 */
function taylorStep(D: DecimalConstructor, h: TrigSeries, omega: Dec, theta0: Dec, phi0: DMatrix, width: Dec, digits: number): DMatrix[] {
  const K = order(h);
  const harmonics = Array.from({ length: K }, (_, k) => k + 1);
  const [cosOf, sinOf] = [harmonics.map((k) => theta0.times(k).cos()), harmonics.map((k) => theta0.times(k).sin())];
  const combination = (x: DMatrix, cx: Dec, y: DMatrix, cy: Dec): DMatrix => x.map((row, i) => row.map((v, j) => v.times(cx).plus(y[i]![j]!.times(cy))));
  const p0 = harmonics.map((k, i) => combination(h.cos[k]!, cosOf[i]!, h.sin[k]!, sinOf[i]!));
  const p1 = harmonics.map((k, i) => combination(h.sin[k]!, cosOf[i]!, h.cos[k]!, sinOf[i]!.neg()));
  const h0 = p0.reduce((acc, x) => scaleAdd(acc, x, new D(1)), h.cos[0]!);
  const coefficients: DMatrix[] = [phi0];
  const size = dmaxAbs(phi0);
  const tolerance = new D(10).pow(-(digits + 2));
  // weight[h][i] = σ_i h^i / i!
  const weights = harmonics.map(() => [new D(1)]);
  // Each entry's coefficients so far, split by the parity of their order (history[q % 2][entry][⌊q/2⌋] = Φ_q),
  // so that each convolution below is one dot product per entry.
  const n = phi0.length;
  const history: Dec[][][] = [phi0.flat().map((x) => [x]), phi0.flat().map(() => [])];
  const zero = new D(0);
  for (let k = 0; k < 400; k++) {
    // Σ_i H_i Φ_(k−i): H₀Φ_k, then per harmonic the two parities.
    let sum = dmul(h0, coefficients[k]!);
    harmonics.forEach((hk, index) => {
      const w = weights[index]!;
      // σ_i h^i/i! from the one before: |w_i| = |w_(i−1)|·h/i, the sign + + − − by i mod 4.
      while (w.length <= k + 1) {
        const i = w.length;
        const magnitude = w[i - 1]!.abs().times(hk).div(i);
        w.push(i % 4 === 1 || i % 4 === 0 ? magnitude : magnitude.neg());
      }
      // Σ_(i even ≥ 2) w_i Φ_(k−i) (first = 2) and Σ_(i odd) w_i Φ_(k−i) (first = 1): the orders
      // q = k − i share the parity of k − first, and run from it to k − first.
      const convolved = (first: number): DMatrix => {
        if (k < first) return phi0.map((row) => row.map(() => zero));
        const parity = (k - first) % 2;
        const terms = (k - first - parity) / 2 + 1;
        const weight = Array.from({ length: terms }, (_, p) => w[k - 2 * p - parity]!);
        const entries = history[parity]!.map((h) => dot(weight, h));
        return Array.from({ length: n }, (_, r) => entries.slice(r * n, (r + 1) * n));
      };
      sum = dadd(dadd(sum, dmul(p0[index]!, convolved(2))), dmul(p1[index]!, convolved(1)));
    });
    const next = sum.map((row) => row.map((x) => x.div(omega.times(k + 1))));
    coefficients.push(next);
    for (const [e, x] of next.flat().entries()) history[(k + 1) % 2]![e]!.push(x);
    // Stop when two successive terms at the step's width are below the tolerance.
    const term = dmaxAbs(next).times(width.pow(k + 1));
    const previous = dmaxAbs(coefficients[k]!).times(width.pow(k));
    if (k > 4 && term.lte(size.times(tolerance)) && previous.lte(size.times(tolerance))) return coefficients;
  }
  throw new MonodromyError('the Taylor series of the fundamental matrix did not converge in 400 terms');
}

function evaluate(D: DecimalConstructor, coefficients: readonly DMatrix[], s: Dec): DMatrix {
  let out = coefficients[coefficients.length - 1]!;
  for (let k = coefficients.length - 2; k >= 0; k--) out = out.map((row, i) => row.map((x, j) => x.times(s).plus(coefficients[k]![i]![j]!)));
  return out.map((row) => row.map((x) => new D(x)));
}

/** Φ over one period in `steps` equal steps, with every step's series kept. */
function fundamental(D: DecimalConstructor, h: TrigSeries, omega: Dec, digits: number, steps: number): { phi: DMatrix; steps: Steps } {
  const width = D.acos(-1).times(2).div(steps);
  let phi = didentity(D, h.cos[0]!.length);
  const starts: Dec[] = [];
  const coefficients: DMatrix[][] = [];
  for (let k = 0; k < steps; k++) {
    const theta0 = width.times(k);
    const c = taylorStep(D, h, omega, theta0, phi, width, digits);
    starts.push(theta0);
    coefficients.push(c);
    phi = evaluate(D, c, width);
  }
  return { phi, steps: { starts, width, coefficients } };
}

const blocks = (phi: DMatrix, n: number) => {
  const b = (r: number, c: number) => phi.slice(r, r + n).map((row) => row.slice(c, c + n));
  return { p11: b(0, 0), p12: b(0, n), p21: b(n, 0), p22: b(n, n) };
};

function periodMap(phi: DMatrix, n: number, v: DMatrix): { p: DMatrix; e: DMatrix; g: DMatrix } {
  const { p11, p12, p21, p22 } = blocks(phi, n);
  const [x, y] = [dadd(dmul(p11, v), p12), dadd(dmul(p21, v), p22)];
  // P = X Y⁻¹ = (Y⁻ᵀ Xᵀ)ᵀ
  const p = dtranspose(dsolveColumns(dtranspose(y), dtranspose(x)));
  const D = v[0]![0]!.constructor as DecimalConstructor;
  const g = dsolveColumns(y, didentity(D, n));
  return { p, e: dsub(p11, dmul(p, p21)), g };
}

const NEWTON_STEPS = 30;
/** Taylor steps per period: fewer, longer steps need higher orders; eight was the fastest of 4, 8, 16 and 32 (measured). */
const STEPS = 8;

export interface MonodromyOptions {
  /** Taylor steps per period (default 8). */
  readonly steps?: number;
  /** The arithmetic to work in (default decimal.js at `digits`); it must hold `digits`. */
  readonly arithmetic?: DecimalConstructor;
}

/**
 * The periodic state by the monodromy, at `digits` working digits, Newton started from `guess`
 * (the RWA steady state, or any state near the periodic one). Throws MonodromyError when Newton
 * does not settle (a start too far, or no stabilising periodic state). V is returned in the
 * working arithmetic.
 */
export function monodromySteadyState(
  digits: number,
  a: TrigSeries,
  d: TrigSeries,
  m: TrigSeries,
  omega: Dec,
  guess: DMatrix,
  options: MonodromyOptions = {},
): MonodromyState {
  const D = options.arithmetic ?? decimalContext(digits);
  const n = a.cos[0]!.length;
  const h = hamiltonianSeries(seriesToArithmetic(D, a), seriesToArithmetic(D, d), seriesToArithmetic(D, m));
  const { phi, steps: stored } = fundamental(D, h, new D(omega.toString()), digits, options.steps ?? STEPS);
  let v: DMatrix = toArithmetic(D, guess);
  const half = new D('0.5');
  let lastStep = new D(1);
  let k = 0;
  for (; k < NEWTON_STEPS; k++) {
    const { p, e, g } = periodMap(phi, n, v);
    const residual = dsub(p, v);
    // E δ G − δ = −(P(V) − V), vectorised: (Gᵀ ⊗ E − I) vec δ = −vec r (column-major vec).
    const big: Dec[][] = [];
    for (let col = 0; col < n; col++)
      for (let row = 0; row < n; row++)
        big.push(
          Array.from({ length: n * n }, (_, idx) => {
            const [c2, r2] = [Math.floor(idx / n), idx % n];
            const kron = g[c2]![col]!.times(e[row]![r2]!);
            return row === r2 && col === c2 ? kron.minus(1) : kron;
          }),
        );
    const rhs: Dec[] = [];
    for (let col = 0; col < n; col++) for (let row = 0; row < n; row++) rhs.push(residual[row]![col]!.neg());
    const x = dsolve(big, rhs);
    const delta = Array.from({ length: n }, (_, row) => Array.from({ length: n }, (_, col) => x[col * n + row]!));
    v = dsymmetrize(dadd(v, delta), half);
    const previous = lastStep;
    lastStep = dmaxAbs(delta).div(dmaxAbs(v));
    if (lastStep.lte(new D(10).pow(-(digits - 2))) || (k > 3 && lastStep.gte(previous) && lastStep.lte(new D(10).pow(-Math.floor(digits / 2))))) break;
  }
  if (!lastStep.lte(new D(10).pow(-Math.floor(digits / 2))))
    throw new MonodromyError(`Newton on the period map did not settle (last step ${lastStep.toExponential(2)} of V)`);
  const start = v;
  const at = (theta: Dec): DMatrix => {
    const twoPi = D.acos(-1).times(2);
    let t = new D(theta).mod(twoPi);
    if (t.isNegative()) t = t.plus(twoPi);
    const index = Math.min(stored.starts.length - 1, t.div(stored.width).floor().toNumber());
    const phiAt = evaluate(D, stored.coefficients[index]!, t.minus(stored.starts[index]!));
    return dsymmetrize(periodMap(phiAt, n, start).p, half);
  };
  return { at, start, closedLoop: periodMap(phi, n, start).g, newtonSteps: k + 1, lastStep };
}
