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
 * Integrator: Euler-Maruyama for x and x̂, explicit Euler for P, step dt; weak order 1, so
 * statistics carry a bias O(dt·rate). Pseudo-random numbers: xoshiro128** seeded through
 * splitmix32 from the 32-bit seed, normal deviates by Box-Muller; the same seed gives the same
 * numbers on every machine (only + − × ÷ √ ln cos sin of doubles, all IEEE-specified in V8 except
 * ln/cos/sin, which are correctly rounded in practice on x86-64 and arm64).
 */
import { DetunedParampError } from '../exact/errors.ts';
import { evaluateDecimal, type ParameterValues } from '../numeric/fromExact.ts';
import type { Matrix } from '../exact/matrix.ts';
import type { ConditionalSystem } from '../gaussian/conditional.ts';
import type { ModelPoint } from '../models/modelFile.ts';
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
const matMul = (a: Mat, b: Mat): Mat => a.map((row) => b[0]!.map((_, j) => row.reduce((s, x, k) => s + x * b[k]![j]!, 0)));
const transpose = (a: Mat): Mat => (a.length === 0 ? [] : a[0]!.map((_, j) => a.map((row) => row[j]!)));
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
  if (!solution.conditional)
    throw new SimulationInputError(`no conditional steady state at these parameters (${solution.notes.join('; ')}): nothing for the filter to settle to`);
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

export function simulate(model: RecordModel, basis: readonly string[], r: SimulationRequest): Simulation {
  const { a, d, c } = model;
  const n = a.length;
  for (const [name, x] of [
    ['duration', r.duration],
    ['dt', r.dt],
  ] as const) {
    if (!Number.isFinite(x) || x <= 0) throw new SimulationInputError(`--${name} = ${x}: a positive number`);
  }
  const steps = Math.round(r.duration / r.dt);
  if (steps < 1 || steps > MAX_STEPS) throw new SimulationInputError(`--duration / --dt = ${steps} steps: 1 to ${MAX_STEPS.toExponential(0)}`);
  const fastest = infinityNorm(a) + infinityNorm(gram(c, n)) * infinityNorm(r.steadyCovariance);
  if (r.dt * fastest > 0.05)
    throw new SimulationInputError(
      `--dt = ${r.dt}: at most ${(0.05 / fastest).toPrecision(3)} (one twentieth of the fastest rate, ‖A‖ + ‖M‖‖V‖ = ${fastest.toPrecision(3)})`,
    );
  const gaussian = normals(xoshiro128(r.seed));
  const k = c.length;
  // Flat arrays, no allocation per step: the loop runs up to 10⁷ times.
  const flat = (rows: Mat) => Float64Array.from(rows.flat());
  const [A, Dm, Cm, L] = [a, d, c, psdFactor(d)].map(flat) as [Float64Array, Float64Array, Float64Array, Float64Array];
  const filterRecord = r.filterRecord ?? c;
  if (filterRecord.length !== k || filterRecord.some((row) => row.length !== n)) throw new SimulationInputError(`filterRecord: ${k} rows of ${n} coefficients`);
  const [Cf, Mf] = [flat(filterRecord), flat(gram(filterRecord, n))];
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
  const scratch = (size: number) => new Float64Array(size);
  const [dy, g, innovation, ax, axHat, gain, ap, pm, pmp] = [
    scratch(k),
    scratch(n),
    scratch(k),
    scratch(n),
    scratch(n),
    scratch(n * k),
    scratch(n * n),
    scratch(n * n),
    scratch(n * n),
  ] as const;
  const sqrtDt = Math.sqrt(r.dt);
  const stride = Math.max(1, Math.ceil(steps / MAX_ROWS));
  const rows: Array<Simulation['rows'][number]> = [];
  const block = new Float64Array(k);
  for (let step = 1; step <= steps; step++) {
    for (let q = 0; q < k; q++) {
      let cx = 0;
      let cxHat = 0;
      for (let j = 0; j < n; j++) {
        cx += Cm[q * n + j]! * x[j]!;
        cxHat += Cf[q * n + j]! * xHat[j]!;
      }
      dy[q] = cx * r.dt + gaussian() * sqrtDt;
      innovation[q] = dy[q]! - cxHat * r.dt;
      block[q] = block[q]! + dy[q]!;
    }
    for (let j = 0; j < n; j++) g[j] = gaussian() * sqrtDt;
    for (let i = 0; i < n; i++) {
      let s1 = 0;
      let s2 = 0;
      for (let j = 0; j < n; j++) {
        s1 += A[i * n + j]! * x[j]!;
        s2 += A[i * n + j]! * xHat[j]!;
      }
      ax[i] = s1;
      axHat[i] = s2;
      for (let q = 0; q < k; q++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += P[i * n + j]! * Cf[q * n + j]!;
        gain[i * k + q] = s;
      }
    }
    for (let i = 0; i < n; i++) {
      let update = 0;
      for (let q = 0; q < k; q++) update += gain[i * k + q]! * innovation[q]!;
      xHat[i] = xHat[i]! + axHat[i]! * r.dt + update;
      let kick = 0;
      for (let j = 0; j <= i; j++) kick += L[i * n + j]! * g[j]!;
      x[i] = x[i]! + ax[i]! * r.dt + kick;
    }
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s1 = 0;
        let s2 = 0;
        for (let l = 0; l < n; l++) {
          s1 += A[i * n + l]! * P[l * n + j]!;
          s2 += P[i * n + l]! * Mf[l * n + j]!;
        }
        ap[i * n + j] = s1;
        pm[i * n + j] = s2;
      }
    }
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let l = 0; l < n; l++) s += pm[i * n + l]! * P[l * n + j]!;
        pmp[i * n + j] = s;
      }
    }
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) P[i * n + j] = P[i * n + j]! + (ap[i * n + j]! + ap[j * n + i]! + Dm[i * n + j]! - pmp[i * n + j]!) * r.dt;
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
      const span = (step % stride === 0 ? stride : step % stride) * r.dt;
      rows.push({
        t: step * r.dt,
        current: [...block].map((b) => b / span),
        truth: [...x],
        estimate: [...xHat],
        variance: Array.from({ length: n }, (_, i) => P[i * n + i]!),
      });
      block.fill(0);
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
  return { basis, channels: model.names, dt: r.dt, steps, stride, rows, filterCovariance: p, ...(errorCovariance ? { errorCovariance } : {}) };
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
 * The step-size bias of the simulation, exactly: with the filter at its steady gain K = VCᵀ, the
 * error e = x − x̂ of the Euler-Maruyama scheme obeys e' = (I + (A − KC)dt) e + ξ, Cov ξ = (D + KKᵀ)dt,
 * whose stationary covariance Σ(dt) solves Σ = FΣFᵀ + Q (by doubling). Σ → V as dt → 0 (the
 * Riccati equation is the continuous limit); Σ(dt) − V is the bias a long simulation converges to.
 */
export function discretisedErrorCovariance(model: RecordModel, v: Mat, dt: number): Mat {
  const { a, d, c } = model;
  // With K = VCᵀ: KC = VM and KKᵀ = VMV, M = CᵀC.
  const vm = matMul(v, gram(c, a.length));
  const vmv = matMul(vm, v);
  let f = a.map((row, i) => row.map((x, j) => (i === j ? 1 : 0) + (x - vm[i]![j]!) * dt));
  let sigma = d.map((row, i) => row.map((x, j) => (x + vmv[i]![j]!) * dt));
  // Σ = Σ_k F^k Q F^kᵀ, doubling the number of terms each round; ρ(F) < 1 below the Nyquist of dt.
  for (let round = 0; round < 64; round++) {
    const added = matMul(matMul(f, sigma), transpose(f));
    sigma = sigma.map((row, i) => row.map((x, j) => x + added[i]![j]!));
    f = matMul(f, f);
    if (Math.max(...added.flat().map(Math.abs)) <= 1e-15 * Math.max(...sigma.flat().map(Math.abs))) break;
  }
  return sigma;
}
