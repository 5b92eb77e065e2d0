/**
 * The periodic steady state of dV/dt = A(t)V + VA(t)ᵀ + D(t) − V M(t) V whose coefficients are
 * trigonometric polynomials in θ = ωt, by harmonic balance: V(t) = V₀ + Σ_(k=1..K) (C_k cos kθ +
 * S_k sin kθ), each harmonic of the equation balanced.
 *
 * The iteration splits each harmonic's equation into its part linear in that harmonic through the
 * constant closed loop B = A₀ − V₀M₀ and the rest, taken from the previous iterate:
 *  - k = 0: A₀V₀ + V₀A₀ᵀ + D₀′ − V₀M₀V₀ = 0, an algebraic Riccati equation whose D₀′ holds what the
 *    oscillating harmonics feed into the mean (one Newton-Kleinman step per sweep);
 *  - k ≥ 1: B C_k + C_k Bᵀ − kω S_k = −r_k^c and B S_k + S_k Bᵀ + kω C_k = −r_k^s, solved as
 *    (L² + k²ω²) with two columns, L the Lyapunov operator of B.
 * Each sweep gains about log₁₀(ω/c) digits, c the size of the oscillating coefficients (so the cost
 * falls as ω grows: far fewer harmonics and sweeps at large ω). A first pass at a few harmonics
 * measures how fast they fall and sets K; K then grows until the last two harmonics are below the
 * working precision. The sweeps are Anderson-mixed. With M = 0 it is the periodic Lyapunov solution.
 * Above 15 digits the state is found in doubles first and then refined: the residual at full
 * precision, the correction (an equation of the same kind) by harmonic balance in doubles.
 */
import { seriesToArithmetic } from './arithmetic.ts';
import { decimalContext, WorkingPrecisionError, type Dec, type DecimalConstructor } from './context.ts';
import { Float64Context } from './float64.ts';
import { dmaxAbs, dmul, dot, dsolveColumns, dsub, dtranspose, type DMatrix } from './matrix.ts';
import { lyapunovOperator, pairIndex, solveLyapunov, symmetricFrom } from './lyapunov.ts';
import { lyapunovSteadyState, riccatiSteadyState } from './riccati.ts';
import { AndersonMixer } from './anderson.ts';

/** X₀ + Σ_k (cos[k] cos kθ + sin[k] sin kθ); cos[0] is X₀ and sin[0] is 0. */
export interface TrigSeries {
  readonly cos: readonly DMatrix[];
  readonly sin: readonly DMatrix[];
}

export interface PeriodicSteadyState {
  readonly covariance: TrigSeries;
  /** Harmonics kept and sweeps made. */
  readonly harmonics: number;
  readonly sweeps: number;
  /** The largest entry of the top harmonic, relative to the largest of V₀: the truncation. */
  readonly truncation: Dec;
  /** Mixed-precision refinement steps taken (a correction in doubles each), where the state was refined rather than swept at full precision. */
  readonly refinements?: number;
}

export class PeriodicSteadyStateError extends RangeError {}

const order = (x: TrigSeries) => x.cos.length - 1;

const larger = (x: Dec, y: Dec): Dec => (x.gt(y) ? x : y);

/** The largest entry of any harmonic (the mean's, for a covariance; a correction's mean can be the smaller). */
const seriesScale = (v: TrigSeries): Dec => [...v.cos, ...v.sin].map(dmaxAbs).reduce(larger);
/** Harmonic k's size relative to the series. */
const harmonicSize = (v: TrigSeries, k: number): Dec => dmaxAbs(v.cos[k]!).plus(dmaxAbs(v.sin[k]!)).div(seriesScale(v));

function zero(D: DecimalConstructor, n: number): DMatrix {
  return Array.from({ length: n }, () => Array.from({ length: n }, () => new D(0)));
}

function addScaled(x: DMatrix, y: DMatrix, w: Dec): DMatrix {
  return x.map((row, i) => row.map((v, j) => v.plus(y[i]![j]!.times(w))));
}

/**
 * cos kθ_j and sin kθ_j at θ_j = 2πj/N for 1 ≤ k ≤ K, by the angle-addition recurrence: by phase,
 * interleaved (cos θ_j, sin θ_j, cos 2θ_j, …), to evaluate a series; and by harmonic, weighted by
 * 2/N, to project samples onto it.
 */
interface TrigTable {
  readonly rows: readonly Dec[][];
  readonly cosColumns: readonly Dec[][];
  readonly sinColumns: readonly Dec[][];
}

function trigTable(D: DecimalConstructor, N: number, K: number): TrigTable {
  const twoPi = D.acos(-1).times(2);
  const rows = Array.from({ length: N }, (_, j) => interleavedHarmonics(D, twoPi.times(j).div(N), K));
  const weight = new D(2).div(N);
  const column = (offset: number) => Array.from({ length: K }, (_, k) => rows.map((row) => row[2 * k + offset]!.times(weight)));
  return { rows, cosColumns: column(0), sinColumns: column(1) };
}

/** cos θ, sin θ, cos 2θ, sin 2θ, … to K, by the angle-addition recurrence. */
function interleavedHarmonics(D: DecimalConstructor, theta: Dec, K: number): Dec[] {
  const [c1, s1] = [new D(theta).cos(), new D(theta).sin()];
  const out = [c1, s1];
  for (let k = 1; k < K; k++) {
    const [c, si] = [out[2 * k - 2]!, out[2 * k - 1]!];
    out.push(c.times(c1).minus(si.times(s1)), si.times(c1).plus(c.times(s1)));
  }
  return out;
}

/**
 * AV + VAᵀ + D − VMV, harmonic by harmonic to order K, from its values at N ≥ 3K + 2 equispaced
 * phases (the pointwise product, then the discrete Fourier projection): the product of series of
 * orders K, K and 1 has no harmonic above 2K + 1 + 2, none of which aliases onto 0…K at that N, so
 * this is the truncated product exactly, at a third of the cost of multiplying the series.
 */
function riccatiSeriesResidual(
  D: DecimalConstructor,
  a: TrigSeries,
  d: TrigSeries,
  m: TrigSeries,
  v: TrigSeries,
  K: number,
  tables: Map<number, TrigTable>,
): TrigSeries {
  const orders = [a, d, m].map(order);
  const N = 3 * K + 2 * Math.max(...orders, 1) + 2;
  // The same phases every sweep at this K: their cosines and sines once (each costs a series at high precision).
  if (!tables.has(N)) tables.set(N, trigTable(D, N, Math.max(K, ...orders)));
  const table = tables.get(N)!;
  const n = v.cos[0]!.length;
  const upper = pairIndex(n).pairs;
  const [evaluateA, evaluateD, evaluateM] = [seriesEvaluator(a, allPairs(n)), seriesEvaluator(d, allPairs(n)), seriesEvaluator(m, allPairs(n))];
  const evaluateV = seriesEvaluator(v, upper);
  // The residual is symmetric: its samples are kept on the upper triangle, one list per entry.
  const samples = upper.map(() => new Array<Dec>(N));
  for (let j = 0; j < N; j++) {
    const row = table.rows[j]!;
    const vj = symmetricFrom(n, evaluateV(row));
    const av = dmul(fromAll(n, evaluateA(row)), vj);
    const vmv = dmul(dmul(vj, fromAll(n, evaluateM(row))), vj);
    const dj = fromAll(n, evaluateD(row));
    upper.forEach(([r, c], u) => {
      samples[u]![j] = av[r]![c]!.plus(av[c]![r]!).plus(dj[r]![c]!).minus(vmv[r]![c]!);
    });
  }
  const one = new D(1).div(N);
  const project = (columns: readonly Dec[][], k: number) => samples.map((f) => dot(f, columns[k - 1]!));
  const cos = [
    samples.map((f) => f.reduce((acc, x) => acc.plus(x), new D(0)).times(one)),
    ...Array.from({ length: K }, (_, k) => project(table.cosColumns, k + 1)),
  ];
  const sin = [upper.map(() => new D(0)), ...Array.from({ length: K }, (_, k) => project(table.sinColumns, k + 1))];
  return { cos: cos.map((x) => symmetricFrom(n, x)), sin: sin.map((x) => symmetricFrom(n, x)) };
}

const allPairs = (n: number): Array<[number, number]> => Array.from({ length: n * n }, (_, i) => [Math.floor(i / n), i % n]);
const fromAll = (n: number, x: readonly Dec[]): DMatrix => Array.from({ length: n }, (_, i) => x.slice(i * n, (i + 1) * n));

/**
 * A series' entries (those listed) at a phase, given that phase's interleaved harmonics: each entry
 * X₀ + Σ_k (C_k cos kθ + S_k sin kθ) as one dot product of its coefficients with the harmonics.
 */
function seriesEvaluator(x: TrigSeries, entries: ReadonlyArray<readonly [number, number]>): (harmonics: readonly Dec[]) => Dec[] {
  const K = order(x);
  const coefficients = entries.map(([r, c]) => Array.from({ length: 2 * K }, (_, i) => (i % 2 === 0 ? x.cos : x.sin)[Math.floor(i / 2) + 1]![r]![c]!));
  return (harmonics) => entries.map(([r, c], e) => (K === 0 ? x.cos[0]![r]![c]! : x.cos[0]![r]![c]!.plus(dot(coefficients[e]!, harmonics))));
}

export interface PeriodicOptions {
  /** Whether A₀ is Hurwitz (else the mean's Riccati equation starts from the matrix sign function). */
  readonly driftStable: boolean;
  /** Start with this many harmonics, and skip the first pass that sets their number (grown as needed). */
  readonly harmonics?: number;
  /** The arithmetic of the sweeps (default Decimal at `digits`; Float64Context for 15 digits or fewer), the series given in it. */
  readonly arithmetic?: DecimalConstructor;
  /** Start the sweeps from this series (in the sweeps' arithmetic) instead of the RWA mean; with `harmonics`. */
  readonly start?: TrigSeries;
  /** Keep exactly `harmonics`, however large the top ones (a correction, whose truncation its caller judges). */
  readonly fixedHarmonics?: boolean;
}

const MAX_HARMONICS = 512;
const MAX_SWEEPS = 400;
/** Past sweeps Anderson's mixing combines. */
const ANDERSON_DEPTH = 5;

/**
 * The periodic steady state at `digits` significant digits of the coefficients `a`, `d`, `m`
 * (series in θ = ωt, `omega` the fundamental in the same units as their rates). Throws
 * PeriodicSteadyStateError when the sweeps do not contract (ω not large against the oscillating
 * coefficients) or the harmonics do not fall below the precision.
 */
export function periodicSteadyState(digits: number, a: TrigSeries, d: TrigSeries, m: TrigSeries, omega: Dec, options: PeriodicOptions): PeriodicSteadyState {
  const D = options.arithmetic ?? decimalContext(digits);
  const n = a.cos[0]!.length;
  const conditional = m.cos.some((x) => !dmaxAbs(x).isZero()) || m.sin.some((x) => !dmaxAbs(x).isZero());
  // Six digits below the working precision: the sweeps' rounding, amplified by the closed loop's condition, settles there.
  const tolerance = new D(10).pow(-(digits - 6));
  const floor = new D(10).pow(-(digits - 12));
  // The first pass's tolerance: half the digits, enough to measure how fast the harmonics fall.
  const looseTolerance = new D(10).pow(-Math.floor(digits / 2));
  let K = Math.max(2, options.harmonics ?? 6);
  // A first pass at K harmonics to a loose tolerance measures how fast the harmonics fall; K is then set from that rate.
  let loose = options.harmonics === undefined;
  // The mean's algebraic equation is solved in Decimal at `digits` whatever the sweeps' arithmetic.
  const E = decimalContext(digits);
  const inDecimal = (x: DMatrix): DMatrix => (D === E ? x : x.map((row) => row.map((y) => new E(y.toString()))));
  const back = (x: DMatrix): DMatrix => (D === E ? x : x.map((row) => row.map((y) => new D(y.toString()))));
  // The RWA mean the sweeps start from, where no start is given.
  const meanOf = (d0: DMatrix, m0: DMatrix) =>
    back(
      conditional
        ? riccatiSteadyState(digits, inDecimal(a.cos[0]!), inDecimal(d0), inDecimal(m0), { driftStable: options.driftStable }).covariance
        : lyapunovSteadyState(digits, inDecimal(a.cos[0]!), inDecimal(d0), { driftStable: options.driftStable }).covariance,
    );
  const rough =
    D === Float64Context || options.start !== undefined || options.harmonics !== undefined ? undefined : startInDoubles(D, digits, a, d, m, omega, options);
  if (rough !== undefined) {
    if (rough.harmonics !== undefined) {
      const refined = refinedInDoubles(D, digits, a, d, m, omega, rough.start, rough.harmonics);
      if (refined !== undefined) return { ...refined, sweeps: rough.sweeps + refined.sweeps };
    }
    K = rough.harmonics ?? order(rough.start);
    loose = rough.harmonics === undefined;
  }
  let v: TrigSeries = options.start ?? rough?.start ?? { cos: [meanOf(d.cos[0]!, m.cos[0]!)], sin: [zero(D, n)] };
  let sweeps = rough?.sweeps ?? 0;
  /** The last sweep's change over the one before: how fast the sweeps contract, about the harmonics' rate of fall. */
  let contraction: Dec | undefined;
  const mixer = new AndersonMixer(D, ANDERSON_DEPTH);
  const tables = new Map<number, TrigTable>();
  const upper = pairIndex(n).pairs;
  const flat = (x: TrigSeries): Dec[] => [...x.cos, ...x.sin.slice(1)].flatMap((m) => upper.map(([i, j]) => m[i]![j]!));
  const unflat = (x: readonly Dec[], K: number): TrigSeries => {
    const block = (k: number) => symmetricFrom(n, x.slice(k * upper.length, (k + 1) * upper.length));
    return { cos: Array.from({ length: K + 1 }, (_, k) => block(k)), sin: [zero(D, n), ...Array.from({ length: K }, (_, k) => block(K + 1 + k))] };
  };
  for (;;) {
    v = padded(D, v, K);
    mixer.reset();
    let previousChange: Dec | undefined;
    let growing = 0;
    for (;;) {
      if (++sweeps > MAX_SWEEPS) throw new PeriodicSteadyStateError(`harmonic balance did not settle in ${MAX_SWEEPS} sweeps`);
      const r = riccatiSeriesResidual(D, a, d, m, v, K, tables);
      const v0 = v.cos[0]!;
      // The mean: D₀′ = r₀ − (A₀V₀ + V₀A₀ᵀ − V₀M₀V₀) + D₀ ... i.e. the oscillating harmonics' share of r₀ added to D₀.
      const a0v0 = dmul(a.cos[0]!, v0);
      const own = dsub(addScaled(a0v0, dtranspose(a0v0), new D(1)), dmul(dmul(v0, m.cos[0]!), v0));
      const dEffective = dsub(r.cos[0]!, own);
      // The mean's equation A₀V + VA₀ᵀ + D₀′ − VM₀V = 0 by one Newton-Kleinman step from the current
      // mean (the closed loop B = A₀ − V₀M₀ stable): BX + XBᵀ + D₀′ + V₀M₀V₀ = 0. The sweeps converge
      // linearly, so one quadratically converging step per sweep keeps pace, at the cost of a
      // Lyapunov solve in the sweeps' arithmetic instead of a whole Riccati solve.
      const bOld = dsub(a.cos[0]!, dmul(v0, m.cos[0]!));
      const nextMean = solveLyapunov(D, bOld, addScaled(dEffective, dmul(dmul(v0, m.cos[0]!), v0), new D(1)));
      const b = dsub(a.cos[0]!, dmul(nextMean, m.cos[0]!));
      const L = lyapunovOperator(D, b);
      const next: { cos: DMatrix[]; sin: DMatrix[] } = { cos: [nextMean], sin: [zero(D, n)] };
      // r_k minus its part L_B(V_k) through the closed loop at the current V₀ (moved to the left).
      const lOf = (x: DMatrix) => {
        const bx = dmul(bOld, x);
        return addScaled(bx, dtranspose(bx), new D(1));
      };
      // [L, −w; w, L] [c; s] = [f; g] = −[restC; restS], with the derivative's kω on the left (dV/dt's
      // cos part is kω S_k, its sin part −kω C_k). L commutes with w, so (L² + w²) c = Lf + wg and
      // (L² + w²) s = Lg − wf: one system of the unknowns' size with two columns, L² shared by every
      // harmonic, instead of one of twice the size (a quarter of the work). L² + w² is singular
      // exactly where the first system is (L real: its eigenvalues come in conjugate pairs), and
      // its condition is near 1 where the sweeps converge (w above L's rates).
      const L2 = dmul(L, L);
      const Lv = (x: readonly Dec[]) => L.map((row) => dot(row, x));
      for (let k = 1; k <= K; k++) {
        const restC = dsub(r.cos[k]!, lOf(v.cos[k]!));
        const restS = dsub(r.sin[k]!, lOf(v.sin[k]!));
        const w = omega.times(k);
        const w2 = w.times(w);
        const [f, g] = [upper.map(([i, j]) => restC[i]![j]!.neg()), upper.map(([i, j]) => restS[i]![j]!.neg())];
        const [lf, lg] = [Lv(f), Lv(g)];
        const shifted = L2.map((row, p) => row.map((y, q) => (p === q ? y.plus(w2) : y)));
        const x = dsolveColumns(
          shifted,
          lf.map((y, p) => [y.plus(w.times(g[p]!)), lg[p]!.minus(w.times(f[p]!))]),
        );
        next.cos.push(
          symmetricFrom(
            n,
            x.map((row) => row[0]!),
          ),
        );
        next.sin.push(
          symmetricFrom(
            n,
            x.map((row) => row[1]!),
          ),
        );
      }
      let change = new D(0);
      for (let k = 0; k <= K; k++) {
        const c = dmaxAbs(dsub(next.cos[k]!, v.cos[k]!)).plus(dmaxAbs(dsub(next.sin[k]!, v.sin[k]!)));
        if (c.gt(change)) change = c;
      }
      if (previousChange?.gt(0)) contraction = change.div(previousChange);
      const scale = seriesScale(next);
      if (change.lte(scale.times(loose ? looseTolerance : tolerance))) {
        v = next;
        break;
      }
      v = unflat(mixer.mix(flat(v), flat(next)), K);
      if (previousChange !== undefined && change.gte(previousChange) && change.gt(scale.times(floor))) {
        if (++growing >= 6)
          throw new PeriodicSteadyStateError('harmonic balance does not contract: the drive frequency is not large against the oscillating terms');
      } else growing = 0;
      previousChange = change;
    }
    // The last two harmonics: where odd and even ones fall at different rates, one alone can look converged.
    const top = larger(harmonicSize(v, K), harmonicSize(v, K - 1));
    if (!loose && (options.fixedHarmonics === true || top.lte(tolerance))) return { covariance: v, harmonics: K, sweeps, truncation: top };
    if (K >= MAX_HARMONICS) throw new PeriodicSteadyStateError(`more than ${MAX_HARMONICS} harmonics would be needed`);
    if (loose) {
      K = harmonicsWanted(D, v, looseTolerance, tolerance, contraction) ?? 2 * K;
      loose = false;
    } else K = Math.min(MAX_HARMONICS, Math.ceil(K * 1.25) + 1);
  }
}

/**
 * How many harmonics hold a series to `tolerance`, from one converged to `measuredTo`: harmonic k
 * falls like ρ^k, ρ from the harmonics well above `measuredTo`, and K is where the first harmonic
 * times ρ^(K−1) is below the tolerance, with two to spare; undefined where neither three harmonics
 * nor the sweeps' contraction give ρ.
 */
function harmonicsWanted(D: DecimalConstructor, v: TrigSeries, measuredTo: Dec, tolerance: Dec, contraction: Dec | undefined): number | undefined {
  const K = order(v);
  const sizes = Array.from({ length: K }, (_, k) => harmonicSize(v, k + 1)).filter((x) => x.gt(measuredTo.times(100)));
  // The mean rate over them (the first step can be slow: the drive feeds the first harmonics directly).
  const rate = sizes.length < 2 ? undefined : sizes[sizes.length - 1]!.div(sizes[0]!).pow(1 / (sizes.length - 1));
  // With fewer than three harmonics to measure it from, the rate is taken from the sweeps' own contraction.
  const measured = sizes.length >= 3 ? rate : contraction;
  if (measured === undefined) return undefined;
  const wanted = !measured.lt(1)
    ? 2 * K
    : Math.ceil(
        1 +
          new D(tolerance)
            .div(sizes[0] ?? tolerance)
            .ln()
            .div(measured.ln())
            .toNumber(),
      ) + 2;
  return Math.min(MAX_HARMONICS, Math.max(2, wanted));
}

/**
 * Above 15 digits, the sweeps first run in doubles (src/numeric/float64.ts, far cheaper): that
 * pass measures how fast the harmonics fall, which sets their number, and gives the start that
 * refinedInDoubles corrects (or, where the rate cannot be measured, that the sweeps at full
 * precision start from). Where the doubles' sweeps fail, the full-precision ones start from scratch.
 */
function startInDoubles(D: DecimalConstructor, digits: number, a: TrigSeries, d: TrigSeries, m: TrigSeries, omega: Dec, options: PeriodicOptions) {
  const inDoubles = (x: TrigSeries) => seriesToArithmetic(Float64Context, x);
  let rough: PeriodicSteadyState;
  try {
    rough = periodicSteadyState(15, inDoubles(a), inDoubles(d), inDoubles(m), new Float64Context(omega.toString()), {
      driftStable: options.driftStable,
      arithmetic: Float64Context,
    });
  } catch (err) {
    if (err instanceof PeriodicSteadyStateError || err instanceof WorkingPrecisionError) return undefined;
    throw err;
  }
  const v = rough.covariance;
  // Where the harmonics fall too fast for doubles to see three of them, the full-precision sweeps measure the rate themselves.
  const harmonics = harmonicsWanted(Float64Context, v, new Float64Context('1e-11'), new D(10).pow(-(digits - 6)), undefined);
  return { start: seriesToArithmetic(D, v), harmonics, sweeps: rough.sweeps };
}

/** V at phase θ (radians), from the series: cos kθ and sin kθ by the angle-addition recurrence from cos θ and sin θ. */
export function seriesAt(D: DecimalConstructor, v: TrigSeries, theta: Dec): DMatrix {
  const n = v.cos[0]!.length;
  return symmetricFrom(n, seriesEvaluator(v, pairIndex(n).pairs)(interleavedHarmonics(D, theta, Math.max(1, order(v)))));
}

const mapSeries = (x: TrigSeries, f: (m: DMatrix, k: number, kind: 'cos' | 'sin') => DMatrix): TrigSeries => ({
  cos: x.cos.map((m, k) => f(m, k, 'cos')),
  sin: x.sin.map((m, k) => f(m, k, 'sin')),
});

const padded = (D: DecimalConstructor, x: TrigSeries, K: number): TrigSeries => {
  const n = x.cos[0]!.length;
  return { cos: Array.from({ length: K + 1 }, (_, k) => x.cos[k] ?? zero(D, n)), sin: Array.from({ length: K + 1 }, (_, k) => x.sin[k] ?? zero(D, n)) };
};

/** The product of two series, harmonic by harmonic (cos a·cos b = ½cos(a + b) + ½cos(a − b), and so on). */
function multiplySeries(D: DecimalConstructor, x: TrigSeries, y: TrigSeries): TrigSeries {
  const [K, J] = [order(x), order(y)];
  const n = x.cos[0]!.length;
  const half = new D('0.5');
  const cos = Array.from({ length: K + J + 1 }, () => zero(D, n));
  const sin = Array.from({ length: K + J + 1 }, () => zero(D, n));
  for (let p = 0; p <= K; p++)
    for (let q = 0; q <= J; q++) {
      const [cc, ss, sc, cs] = [dmul(x.cos[p]!, y.cos[q]!), dmul(x.sin[p]!, y.sin[q]!), dmul(x.sin[p]!, y.cos[q]!), dmul(x.cos[p]!, y.sin[q]!)];
      cos[p + q] = addScaled(cos[p + q]!, dsub(cc, ss), half);
      cos[Math.abs(p - q)] = addScaled(cos[Math.abs(p - q)]!, addScaled(cc, ss, new D(1)), half);
      sin[p + q] = addScaled(sin[p + q]!, addScaled(sc, cs, new D(1)), half);
      if (p > q) sin[p - q] = addScaled(sin[p - q]!, dsub(sc, cs), half);
      if (q > p) sin[q - p] = addScaled(sin[q - p]!, dsub(sc, cs), half.neg());
    }
  return { cos, sin };
}

/** Refinement steps at most; each gains about eleven digits. */
const MAX_REFINEMENTS = 8;

/**
 * Mixed-precision refinement, as for a linear system: the residual at full precision, the
 * correction in doubles. With V the current series and F(V) = AV + VAᵀ + D − VMV − dV/dt its
 * residual (harmonics 0…K), V + δ is the periodic state where dδ/dt = Bδ + δBᵀ + F(V) − δMδ,
 * B = A − VM: an equation of the same kind, which harmonic balance in doubles solves to about 10⁻¹⁰
 * of δ. So each step gains about eleven digits for one full-precision residual, where a sweep at full
 * precision gains one or two. Undefined where a correction fails or the steps stop contracting
 * (the caller then sweeps at full precision).
 */
function refinedInDoubles(
  D: DecimalConstructor,
  digits: number,
  a: TrigSeries,
  d: TrigSeries,
  m: TrigSeries,
  omega: Dec,
  start: TrigSeries,
  harmonics: number,
) {
  const F = Float64Context;
  const tolerance = new D(10).pow(-(digits - 6));
  const inDoubles = (x: TrigSeries) => seriesToArithmetic(F, x);
  const [a64, m64, omega64] = [inDoubles(a), inDoubles(m), new F(omega.toString())];
  const tables = new Map<number, TrigTable>();
  let K = harmonics;
  let v = start;
  let sweeps = 0;
  let previous: Dec | undefined;
  for (let step = 0; step < MAX_REFINEMENTS; step++) {
    v = padded(D, v, K);
    const r = riccatiSeriesResidual(D, a, d, m, v, K, tables);
    // dV/dt's cos part is kω S_k, its sin part −kω C_k.
    const residual = mapSeries(r, (x, k, kind) => (k === 0 ? x : addScaled(x, kind === 'cos' ? v.sin[k]! : v.cos[k]!, omega.times(kind === 'cos' ? -k : k))));
    const v64 = inDoubles(v);
    const b = mapSeries(padded(F, multiplySeries(F, v64, m64), K + order(m)), (x, k, kind) => dsub(a64[kind][k] ?? zero(F, x.length), x));
    let correction: PeriodicSteadyState;
    try {
      // At 16 digits (sweeps to 10⁻¹⁰ of δ) each step gains eleven to thirteen digits: three steps from doubles to 38 (measured; at 15, four for model two).
      correction = periodicSteadyState(16, b, inDoubles(residual), m64, omega64, {
        driftStable: true,
        arithmetic: F,
        harmonics: K,
        fixedHarmonics: true,
        start: padded(F, { cos: [zero(F, v.cos[0]!.length)], sin: [zero(F, v.cos[0]!.length)] }, K),
      });
    } catch (err) {
      if (err instanceof PeriodicSteadyStateError || err instanceof WorkingPrecisionError) return undefined;
      throw err;
    }
    sweeps += correction.sweeps;
    // The correction keeps exactly K harmonics (fixedHarmonics).
    const delta = seriesToArithmetic(D, correction.covariance);
    v = mapSeries(v, (x, k, kind) => addScaled(x, delta[kind][k]!, new D(1)));
    const change = seriesScale(delta);
    if (change.lte(seriesScale(v).times(tolerance))) {
      const top = larger(harmonicSize(v, K), harmonicSize(v, K - 1));
      if (top.lte(tolerance)) return { covariance: v, harmonics: K, sweeps, truncation: top, refinements: step + 1 };
      K = Math.min(MAX_HARMONICS, Math.ceil(K * 1.25) + 1);
    } else if (previous !== undefined && change.gte(previous)) return undefined;
    previous = change;
  }
  return undefined;
}
