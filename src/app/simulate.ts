/**
 * `simulate`: a measurement record of a model and what a Kalman-Bucy filter makes of it, in IEEE
 * doubles (about 16 digits; the step error and the statistics dominate, see below).
 *
 * The record model is written from the measurement model, not from the Riccati code: the means of
 * the quadratures follow the linear SDE dx = A x dt + dξ, E[dξ dξᵀ] = D dt (D holds the baths and
 * the measurement back-action), and each measured operator c_k = ℓ_k·r gives a homodyne current
 * dy_k = 2√(η_k μ_k) ℓ_k·x dt + dW_k with independent unit Wiener increments. The filter is the
 * classical Kalman-Bucy filter of that model: dx̂ = A x̂ dt + P Cᵀ (dy − C x̂ dt),
 * dP/dt = AP + PAᵀ + D − P CᵀC P with C the rows 2√(η_k μ_k) ℓ_k.
 *
 * Integrator: the exact transition of the quadratures over each step (an Ornstein-Uhlenbeck step,
 * src/numeric/ornsteinUhlenbeck.ts), each measured current sampled at the step's end, and the
 * discrete Kalman filter of that record in Joseph's form: x, x̂ and P stay finite and P positive
 * at any step. As dt → 0 it is the Kalman-Bucy filter; statistics carry a bias O(dt·rate)
 * (discretisedErrorCovariance computes it exactly). Pseudo-random numbers: xoshiro128** seeded through
 * splitmix32 from the 32-bit seed, normal deviates by Box-Muller; the same seed gives the same
 * numbers on every machine (only + − × ÷ √ ln cos sin of doubles, all IEEE-specified in V8 except
 * ln/cos/sin, which are correctly rounded in practice on x86-64 and arm64).
 */
import { DetunedParampError } from '../exact/errors.ts';
import { evaluateDecimal, type ParameterValues } from '../numeric/fromExact.ts';
import type { Matrix } from '../exact/matrix.ts';
import type { ConditionalSystem } from '../gaussian/conditional.ts';
import type { ModelPoint } from '../models/modelFile.ts';
import { ouTransition } from '../numeric/ornsteinUhlenbeck.ts';
import { solveModel, type Solution } from './solve.ts';

/** The most steps one simulation takes (duration/dt): 10⁷, about 10 s and no memory beyond the output rows. */
export const MAX_STEPS = 10_000_000;
/** The most rows written: the record is averaged over blocks of steps beyond this. */
export const MAX_ROWS = 10_000;

export class SimulationInputError extends DetunedParampError {
  constructor(message: string) {
    super('SIMULATION_INPUT', message);
  }
}

type Vec = number[];
type Mat = number[][];

const matVec = (m: Mat, v: Vec): Vec => m.map((row) => row.reduce((s, x, j) => s + x * v[j]!, 0));
const infinityNorm = (a: Mat) => Math.max(...a.map((row) => row.reduce((s, x) => s + Math.abs(x), 0)));
/** CᵀC of a record matrix with `n` columns (the n×n zero matrix when nothing is measured): the M of −VMV. */
const gram = (c: Mat, n: number): Mat =>
  Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => c.reduce((s, row) => s + row[i]! * row[j]!, 0)));

/** Decimal matrices as doubles. */
export const doubles = (m: readonly (readonly { toNumber(): number }[])[]): Mat => m.map((row) => row.map((x) => x.toNumber()));

/**
 * A built-in model at its parameters, ready to simulate: its record model and basis, the Riccati
 * steady state V (20 digits, as doubles), and the covariance the record starts from: the
 * unconditional steady state, or V at and above threshold, where there is none.
 */
export function simulationOf(p: ModelPoint): { record: RecordModel; basis: readonly string[]; steady: Mat; start: Mat; solution: Solution } {
  const solution = solveModel(p, 20);
  if (!solution.conditional) {
    throw new SimulationInputError(
      solution.stable
        ? `no conditional steady state at these parameters (${solution.notes.join('; ')}): nothing for the filter to settle to`
        : `${solution.regime}: the motion grows and the measurement does not see it (nothing is measured, or not the growing quadratures), so nothing bounds the motion: no record to simulate. Measure the growing quadratures (μ > 0, η > 0), or go below threshold`,
    );
  }
  const system = p.model.system;
  const steady = doubles(solution.conditional.covariance);
  return {
    record: recordModel(system, p.values),
    basis: system.basis,
    steady,
    start: solution.unconditional ? doubles(solution.unconditional.covariance) : steady,
    solution,
  };
}

/** The largest |estimate − v| over the entries, in the estimate's standard errors. */
export function deviationInStandardErrors(e: ErrorCovarianceEstimate, v: Mat): number {
  return Math.max(...e.mean.flatMap((row, i) => row.map((x, j) => Math.abs(x - v[i]![j]!) / e.standardError[i]![j]!)));
}

/** xoshiro128** (Blackman and Vigna), seeded by splitmix32; uniform doubles in (0, 1). */
export function xoshiro128(seed: number): () => number {
  let z = seed >>> 0;
  const splitmix = () => {
    z = (z + 0x9e3779b9) >>> 0;
    let t = z;
    t = Math.imul(t ^ (t >>> 16), 0x21f0aaad) >>> 0;
    t = Math.imul(t ^ (t >>> 15), 0x735a2d97) >>> 0;
    return (t ^ (t >>> 15)) >>> 0;
  };
  const s = [splitmix(), splitmix(), splitmix(), splitmix()];
  const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;
  return () => {
    const result = Math.imul(rotl(Math.imul(s[1]!, 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1]! << 9) >>> 0;
    s[2] = (s[2]! ^ s[0]!) >>> 0;
    s[3] = (s[3]! ^ s[1]!) >>> 0;
    s[1] = (s[1]! ^ s[2]!) >>> 0;
    s[0] = (s[0]! ^ s[3]!) >>> 0;
    s[2] = (s[2]! ^ t) >>> 0;
    s[3] = rotl(s[3]!, 11);
    return (result + 0.5) / 4294967296;
  };
}

/** Standard normal deviates by Box-Muller from a uniform generator. */
export function normals(uniform: () => number): () => number {
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const x = spare;
      spare = undefined;
      return x;
    }
    const r = Math.sqrt(-2 * Math.log(uniform()));
    const theta = 2 * Math.PI * uniform();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };
}

/** A symmetric PSD matrix's square root by Cholesky with zero pivots allowed (D is often singular). */
function psdFactor(d: Mat): Mat {
  const n = d.length;
  const l = d.map(() => d.map(() => 0));
  const scale = Math.max(...d.map((row, i) => Math.abs(row[i]!)), 1e-300);
  for (let j = 0; j < n; j++) {
    let pivot = d[j]![j]!;
    for (let k = 0; k < j; k++) pivot -= l[j]![k]! ** 2;
    if (pivot < -1e-12 * scale) throw new SimulationInputError('the diffusion matrix is not positive semi-definite: the record model has no real noise');
    const root = pivot > 1e-14 * scale ? Math.sqrt(pivot) : 0;
    l[j]![j] = root;
    for (let i = j + 1; i < n; i++) {
      let x = d[i]![j]!;
      for (let k = 0; k < j; k++) x -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = root === 0 ? 0 : x / root;
    }
  }
  return l;
}

export interface SimulationRequest {
  /** Total time, in the inverse units of the rates. */
  readonly duration: number;
  readonly dt: number;
  /** 32-bit unsigned seed. */
  readonly seed: number;
  /** The conditional steady state (its size bounds the filter's fastest rate) and the start. */
  readonly steadyCovariance: Mat;
  readonly startCovariance: Mat;
  /**
   * Estimate E[(x − x̂)(x − x̂)ᵀ] over the steps after `burnIn` (time), in `batches` equal batches
   * (batch means: their spread gives the standard error whatever the correlation time).
   */
  readonly errorStatistics?: { readonly burnIn: number; readonly batches: number };
  /** The filter's own record matrix, when it differs from the record's (a miscalibrated filter). */
  readonly filterRecord?: Mat;
}

export interface ErrorCovarianceEstimate {
  readonly mean: Mat;
  /** Standard error of each entry from the spread of the batch means. */
  readonly standardError: Mat;
  readonly batches: number;
  /** Steps used, and the effective number of independent samples of the X₁ variance (steps × per-step variance / batch variance). */
  readonly steps: number;
  readonly effectiveSamples: number;
  /** Each batch's mean of (x − x̂)(x − x̂)ᵀ, for estimators of functions of the covariance (jackknife). */
  readonly batchMeans: readonly Mat[];
}

export interface Simulation {
  readonly basis: readonly string[];
  readonly channels: readonly string[];
  readonly dt: number;
  /** The record ends exactly here (the last step is shortened to reach it). */
  readonly duration: number;
  readonly steps: number;
  /** Rows at every `stride`-th step: time, the mean current of each channel over the block, the true and estimated quadratures, the filter variances. */
  readonly stride: number;
  readonly rows: ReadonlyArray<{ readonly t: number; readonly current: Vec; readonly truth: Vec; readonly estimate: Vec; readonly variance: Vec }>;
  /** P at the end. */
  readonly filterCovariance: Mat;
  readonly errorCovariance?: ErrorCovarianceEstimate;
}

/** Drift, diffusion and the record matrix C of a conditional system at parameter values, in doubles. */
export interface RecordModel {
  readonly a: Mat;
  readonly d: Mat;
  /** One row 2√(η_k μ_k) ℓ_k per measured operator. */
  readonly c: Mat;
  readonly names: readonly string[];
}

export function recordModel(s: ConditionalSystem, values: ParameterValues): RecordModel {
  // Exact values (with √2 where a measured combination has it) rounded once to 20 digits, then to doubles.
  const num = (m: Matrix) => evaluateDecimal(20, m, values).map((row) => row.map((x) => x.toNumber()));
  const a = num(s.drift);
  const d = num(s.diffusion);
  const rows = s.channels.map((ch) => {
    const [mu, eta] = num([[ch.strength, ch.efficiency]])[0]! as [number, number];
    const ell = num([[...ch.coordinates]])[0]!;
    return { name: ch.name, row: ell.map((x) => 2 * Math.sqrt(eta * mu) * x) };
  });
  return { a, d, c: rows.map((r) => r.row), names: rows.map((r) => r.name) };
}

/** A·B (or A·Bᵀ) of flat row-major matrices, written into `out`: the step loop allocates nothing. */
function mulInto(out: Float64Array, a: Float64Array, b: Float64Array, rows: number, inner: number, cols: number, transposeB = false): Float64Array {
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      let s = 0;
      for (let l = 0; l < inner; l++) s += a[i * inner + l]! * (transposeB ? b[j * inner + l]! : b[l * cols + j]!);
      out[i * cols + j] = s;
    }
  return out;
}

/** The inverse of a small symmetric positive definite matrix (the innovation covariance), by Gauss-Jordan. */
function invertInto(out: Float64Array, m: Float64Array, n: number, work: Float64Array): Float64Array {
  work.set(m);
  out.fill(0);
  for (let i = 0; i < n; i++) out[i * n + i] = 1;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(work[r * n + col]!) > Math.abs(work[pivot * n + col]!)) pivot = r;
    for (let k = 0; k < n; k++) {
      [work[col * n + k], work[pivot * n + k]] = [work[pivot * n + k]!, work[col * n + k]!];
      [out[col * n + k], out[pivot * n + k]] = [out[pivot * n + k]!, out[col * n + k]!];
    }
    const inv = 1 / work[col * n + col]!;
    for (let k = 0; k < n; k++) {
      work[col * n + k] = work[col * n + k]! * inv;
      out[col * n + k] = out[col * n + k]! * inv;
    }
    for (let r = 0; r < n; r++) {
      const f = work[r * n + col]!;
      if (r === col || f === 0) continue;
      for (let k = 0; k < n; k++) {
        work[r * n + k] = work[r * n + k]! - f * work[col * n + k]!;
        out[r * n + k] = out[r * n + k]! - f * out[col * n + k]!;
      }
    }
  }
  return out;
}

/**
 * One step of the discrete Kalman filter for the record of a step h, in place: from the prior
 * (x̂⁻, P⁻) of the state at the step's end and the step's current increment dy,
 *   S = h² C P⁻ Cᵀ + h·1,  K = h P⁻ Cᵀ S⁻¹,  x̂ = x̂⁻ + K (dy − h C x̂⁻),
 *   P = (1 − hKC) P⁻ (1 − hKC)ᵀ + h K Kᵀ   (Joseph's form: symmetric and positive at any h).
 */
class FilterStep {
  private readonly pc: Float64Array;
  private readonly s: Float64Array;
  private readonly sInverse: Float64Array;
  private readonly work: Float64Array;
  private readonly gain: Float64Array;
  private readonly reduce: Float64Array;
  private readonly temp: Float64Array;
  private readonly temp2: Float64Array;
  constructor(
    private readonly n: number,
    private readonly k: number,
  ) {
    [this.pc, this.gain] = [new Float64Array(n * k), new Float64Array(n * k)];
    [this.s, this.sInverse, this.work] = [new Float64Array(k * k), new Float64Array(k * k), new Float64Array(k * k)];
    [this.reduce, this.temp, this.temp2] = [new Float64Array(n * n), new Float64Array(n * n), new Float64Array(n * n)];
  }
  /** `hc` is h·C, the record matrix scaled by the step first: C P Cᵀ alone overflows when μ is huge. */
  update(xHat: Float64Array, p: Float64Array, dy: Float64Array, h: number, hc: Float64Array): void {
    const { n, k, pc, s, gain, reduce, temp, temp2 } = this;
    if (k === 0) return;
    mulInto(pc, p, hc, n, n, k, true); // P (hC)ᵀ
    mulInto(s, hc, pc, k, n, k); // (hC) P (hC)ᵀ
    for (let i = 0; i < k * k; i++) s[i] = s[i]! + (i % (k + 1) === 0 ? h : 0);
    const sInverse = invertInto(this.sInverse, s, k, this.work);
    mulInto(gain, pc, sInverse, n, k, k); // G = hK
    this.correct(xHat, dy, hc);
    // 1 − G(hC), then Joseph's form.
    mulInto(reduce, gain, hc, n, k, n);
    for (let i = 0; i < n * n; i++) reduce[i] = (i % (n + 1) === 0 ? 1 : 0) - reduce[i]!;
    mulInto(temp, reduce, p, n, n, n);
    mulInto(temp2, temp, reduce, n, n, n, true);
    mulInto(temp, gain, gain, n, k, n, true);
    for (let i = 0; i < n; i++)
      for (let j = 0; j <= i; j++) {
        const x = (temp2[i * n + j]! + temp2[j * n + i]!) / 2 + (h * (temp[i * n + j]! + temp[j * n + i]!)) / 2;
        p[i * n + j] = x;
        p[j * n + i] = x;
      }
  }

  /** x̂ ← x̂⁻ + G (dy − h C x̂⁻) with the gain of the last update (a steady filter's constant gain). */
  correct(xHat: Float64Array, dy: Float64Array, hc: Float64Array): void {
    const { n, k, gain } = this;
    for (let q = 0; q < k; q++) {
      let cx = 0;
      for (let j = 0; j < n; j++) cx += hc[q * n + j]! * xHat[j]!;
      const innovation = dy[q]! - cx;
      for (let i = 0; i < n; i++) xHat[i] = xHat[i]! + gain[i * k + q]! * innovation;
    }
  }
}

/**
 * Whether the covariance recursion has settled: a step moved P by at most 10⁻¹⁴ of its largest
 * entry. It contracts by at least 1 − h/(slowest time) per step, so P is then within
 * 10⁻¹⁴·(slowest time)/h of its fixed point, about 10⁻¹⁰ of its size at the steps simulate takes.
 */
function settled(p: Float64Array, previous: Float64Array): boolean {
  let [moved, size] = [0, 0];
  for (let i = 0; i < p.length; i++) [moved, size] = [Math.max(moved, Math.abs(p[i]! - previous[i]!)), Math.max(size, Math.abs(p[i]!))];
  return moved <= 1e-14 * size;
}

/** The largest dt simulate takes: one twentieth of the fastest rate, ‖A‖ + ‖M‖‖V‖ at the steady state V. */
export function largestStep(model: RecordModel, steady: Mat): number {
  return 0.05 / (infinityNorm(model.a) + infinityNorm(gram(model.c, model.a.length)) * infinityNorm(steady));
}

/**
 * The steps of a record of `duration` at step `dt`: whole steps, the last one shortened so that
 * the record ends exactly at `duration` (a remainder below 10⁻⁹ dt is rounding, not a step).
 */
export function stepsOf(duration: number, dt: number): { steps: number; last: number } {
  if (!Number.isFinite(duration) || duration <= 0) throw new SimulationInputError(`--duration = ${duration}: a positive number`);
  if (!Number.isFinite(dt) || dt <= 0) throw new SimulationInputError(`--dt = ${dt}: a positive number`);
  if (duration < dt) throw new SimulationInputError(`--duration = ${duration} is shorter than one step (--dt = ${dt}): give a duration of at least dt`);
  const ratio = duration / dt;
  if (ratio > MAX_STEPS) throw new SimulationInputError(`--duration / --dt is more than ${MAX_STEPS.toExponential(0)} steps: raise --dt or shorten --duration`);
  const whole = Math.floor(ratio + 1e-9);
  const remainder = duration - whole * dt;
  return remainder > 1e-9 * dt ? { steps: whole + 1, last: remainder } : { steps: whole, last: dt };
}

export function simulate(model: RecordModel, basis: readonly string[], r: SimulationRequest): Simulation {
  const { a, d, c } = model;
  const n = a.length;
  const { steps, last } = stepsOf(r.duration, r.dt);
  const largest = largestStep(model, r.steadyCovariance);
  if (r.dt > largest)
    throw new SimulationInputError(
      `--dt = ${r.dt}: at most ${largest.toPrecision(3)} (one twentieth of the fastest rate, ‖A‖ + ‖M‖‖V‖ = ${(0.05 / largest).toPrecision(3)}), for the record to resolve the filter's own time scale`,
    );
  const gaussian = normals(xoshiro128(r.seed));
  const k = c.length;
  // Flat arrays, no allocation per step: the loop runs up to 10⁷ times.
  const flat = (rows: Mat) => Float64Array.from(rows.flat());
  const filterRecord = r.filterRecord ?? c;
  if (filterRecord.length !== k || filterRecord.some((row) => row.length !== n)) throw new SimulationInputError(`filterRecord: ${k} rows of ${n} coefficients`);
  const [Cm, Cf] = [flat(c), flat(filterRecord)];
  // The exact transition of the quadratures over a step (and over the shortened last one).
  const transitions = [ouTransition(a, d, r.dt), ouTransition(a, d, last)].map((t) => ({ phi: flat(t.phi), factor: flat(psdFactor(t.q)), q: flat(t.q) }));
  const stats = r.errorStatistics;
  const firstCounted = stats ? Math.ceil(stats.burnIn / r.dt) + 1 : steps + 1;
  const perBatch = stats ? Math.floor((steps - firstCounted + 1) / stats.batches) : 0;
  if (stats && (!Number.isInteger(stats.batches) || stats.batches < 2 || perBatch < 1))
    throw new SimulationInputError(`errorStatistics: at least 2 batches of at least one step after the burn-in`);
  const batchSums = stats ? Array.from({ length: stats.batches }, () => new Float64Array(n * n)) : [];
  let [firstSquareSum, firstFourthSum] = [0, 0];
  const start = psdFactor(r.startCovariance);
  const x = Float64Array.from(
    matVec(
      start,
      basis.map(() => gaussian()),
    ),
  );
  const xHat = new Float64Array(n);
  const P = flat(r.startCovariance);
  const filter = new FilterStep(n, k);
  const scaled = (h: number) => Cf.map((x) => x * h);
  const [hcStep, hcLast] = [scaled(r.dt), scaled(last)];
  const [dy, g, next, pPhi, previous] = [new Float64Array(k), new Float64Array(n), new Float64Array(n), new Float64Array(n * n), new Float64Array(n * n)];
  let steady = false;
  const stride = Math.max(1, Math.ceil(steps / MAX_ROWS));
  const rows: Array<Simulation['rows'][number]> = [];
  const block = new Float64Array(k);
  let blockSpan = 0;
  for (let step = 1; step <= steps; step++) {
    const h = step === steps ? last : r.dt;
    const { phi, factor, q } = transitions[step === steps ? 1 : 0]!;
    // The state at the step's end: x ← Φx + w, w ~ N(0, Q); the filter's prior x̂ ← Φx̂, P ← ΦPΦᵀ + Q.
    for (let j = 0; j < n; j++) g[j] = gaussian();
    for (let i = 0; i < n; i++) {
      let s1 = 0;
      for (let j = 0; j < n; j++) s1 += phi[i * n + j]! * x[j]! + factor[i * n + j]! * g[j]!;
      next[i] = s1;
    }
    x.set(next);
    mulInto(next, phi, xHat, n, n, 1);
    xHat.set(next);
    const held = steady && step !== steps;
    if (!held) {
      previous.set(P);
      mulInto(pPhi, P, phi, n, n, n, true);
      mulInto(P, phi, pPhi, n, n, n);
      for (let i = 0; i < n * n; i++) P[i] = P[i]! + q[i]!;
    }
    // The step's current increments, dy = h C x + √h dW, and the filter's update with them.
    const root = Math.sqrt(h);
    for (let qq = 0; qq < k; qq++) {
      let cx = 0;
      for (let j = 0; j < n; j++) cx += Cm[qq * n + j]! * x[j]!;
      dy[qq] = cx * h + gaussian() * root;
      block[qq] = block[qq]! + dy[qq]!;
    }
    blockSpan += h;
    if (held) filter.correct(xHat, dy, hcStep);
    else {
      filter.update(xHat, P, dy, h, step === steps ? hcLast : hcStep);
      // Once P has settled it is held with its gain (the steady filter): the step's matrix work, most of its cost, is saved.
      if (step !== steps) steady = settled(P, previous);
    }
    if (stats && step >= firstCounted) {
      const batch = Math.floor((step - firstCounted) / perBatch);
      if (batch < stats.batches) {
        const sums = batchSums[batch]!;
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sums[i * n + j] = sums[i * n + j]! + (x[i]! - xHat[i]!) * (x[j]! - xHat[j]!);
        const e2 = (x[0]! - xHat[0]!) ** 2;
        firstSquareSum += e2;
        firstFourthSum += e2 * e2;
      }
    }
    if (step % stride === 0 || step === steps) {
      const row = {
        t: step === steps ? r.duration : step * r.dt,
        current: [...block].map((b) => b / blockSpan),
        truth: [...x],
        estimate: [...xHat],
        variance: Array.from({ length: n }, (_, i) => P[i * n + i]!),
      };
      const values = [row.t, ...row.current, ...row.truth, ...row.estimate, ...row.variance];
      if (!values.every(Number.isFinite) || row.variance.some((v) => v < 0))
        throw new SimulationInputError(
          `at t = ${row.t.toPrecision(6)} the record left the range of doubles (the motion grows without bound here, or the rates are beyond what doubles hold): shorten --duration, measure the growing quadratures, or choose rates nearer 1`,
        );
      rows.push(row);
      block.fill(0);
      blockSpan = 0;
    }
  }
  const p = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => P[i * n + j]!));
  let errorCovariance: ErrorCovarianceEstimate | undefined;
  if (stats) {
    const means = batchSums.map((sums) => Array.from(sums, (x) => x / perBatch));
    const entry = (f: (i: number, j: number) => number) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => f(i, j)));
    const mean = entry((i, j) => means.reduce((s, b) => s + b[i * n + j]!, 0) / stats.batches);
    const standardError = entry((i, j) => Math.sqrt(means.reduce((s, b) => s + (b[i * n + j]! - mean[i]![j]!) ** 2, 0) / (stats.batches - 1) / stats.batches));
    const used = perBatch * stats.batches;
    const perStepVariance = firstFourthSum / used - (firstSquareSum / used) ** 2;
    const batchMeans = means.map((b) => entry((i, j) => b[i * n + j]!));
    errorCovariance = { mean, standardError, batches: stats.batches, steps: used, effectiveSamples: perStepVariance / standardError[0]![0]! ** 2, batchMeans };
  }
  return {
    basis,
    channels: model.names,
    dt: r.dt,
    duration: r.duration,
    steps,
    stride,
    rows,
    filterCovariance: p,
    ...(errorCovariance ? { errorCovariance } : {}),
  };
}

/** The rows as CSV: every number in JavaScript's shortest round-trip form, so the same seed gives the same bytes. */
export function simulationCsv(s: Simulation): string {
  const header = [
    't',
    ...s.channels.map((c) => `current_${c}`),
    ...s.basis.map((b) => `true_${b}`),
    ...s.basis.map((b) => `estimate_${b}`),
    ...s.basis.map((b) => `variance_${b}`),
  ];
  return `${[header.join(','), ...s.rows.map((r) => [r.t, ...r.current, ...r.truth, ...r.estimate, ...r.variance].map(String).join(','))].join('\n')}\n`;
}

/**
 * The step-size bias of the simulation, exactly: the stationary covariance of the filter's error
 * x − x̂ under the scheme of simulate (the exact transition of the quadratures over dt, the current
 * of each step sampled at its end, the discrete Kalman filter of that record), which is the fixed
 * point of the filter's own covariance recursion, reached from the Riccati steady state `v`. It
 * tends to V as dt → 0 (the Riccati equation is the continuous limit); its difference from V is the
 * bias a long simulation converges to.
 */
export function discretisedErrorCovariance(model: RecordModel, v: Mat, dt: number): Mat {
  const { a, d, c } = model;
  const n = a.length;
  const { phi, q } = ouTransition(a, d, dt);
  const [Phi, Q] = [Float64Array.from(phi.flat()), Float64Array.from(q.flat())];
  const filter = new FilterStep(n, c.length);
  const hc = Float64Array.from(c.flat()).map((x) => x * dt);
  const P = Float64Array.from(v.flat());
  const [pPhi, previous] = [new Float64Array(n * n), new Float64Array(n * n)];
  const [xHat, dy] = [new Float64Array(n), new Float64Array(c.length)];
  for (let step = 0; step < 10_000_000; step++) {
    previous.set(P);
    mulInto(pPhi, P, Phi, n, n, n, true);
    mulInto(P, Phi, pPhi, n, n, n);
    for (let i = 0; i < n * n; i++) P[i] = P[i]! + Q[i]!;
    filter.update(xHat, P, dy, dt, hc);
    if (settled(P, previous)) break;
  }
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => P[i * n + j]!));
}
