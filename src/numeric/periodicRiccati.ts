/**
 * The periodic steady state of dV/dt = A(t)V + VA(t)ᵀ + D(t) − V M(t) V whose coefficients are
 * trigonometric polynomials in θ = ωt, by harmonic balance: V(t) = V₀ + Σ_(k=1..K) (C_k cos kθ +
 * S_k sin kθ), each harmonic of the equation balanced.
 *
 * The iteration splits each harmonic's equation into its part linear in that harmonic through the
 * constant closed loop B = A₀ − V₀M₀ and the rest, taken from the previous iterate:
 *  - k = 0: A₀V₀ + V₀A₀ᵀ + D₀′ − V₀M₀V₀ = 0, an algebraic Riccati equation whose D₀′ holds what the
 *    oscillating harmonics feed into the mean (its stabilising solution, src/numeric/riccati.ts);
 *  - k ≥ 1: B C_k + C_k Bᵀ − kω S_k = −r_k^c and B S_k + S_k Bᵀ + kω C_k = −r_k^s, one linear
 *    system of 2·n(n+1)/2 unknowns.
 * Each sweep gains about log₁₀(ω/c) digits, c the size of the oscillating coefficients (so the cost
 * falls as ω grows: far fewer harmonics and sweeps at large ω). A first pass at a few harmonics
 * measures how fast they fall and sets K; K then grows until the last two harmonics are below the
 * working precision. The sweeps are Anderson-mixed. With M = 0 it is the periodic Lyapunov solution.
 */
import { toArithmetic } from './arithmetic.ts';
import { decimalContext, WorkingPrecisionError, type Dec, type DecimalConstructor } from './context.ts';
import { Float64Context } from './float64.ts';
import { dmaxAbs, dmul, dsolveColumns, dsub, dtranspose, type DMatrix } from './matrix.ts';
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
}

export class PeriodicSteadyStateError extends RangeError {}

const order = (x: TrigSeries) => x.cos.length - 1;

const larger = (x: Dec, y: Dec): Dec => (x.gt(y) ? x : y);

function zero(D: DecimalConstructor, n: number): DMatrix {
  return Array.from({ length: n }, () => Array.from({ length: n }, () => new D(0)));
}

function addScaled(x: DMatrix, y: DMatrix, w: Dec): DMatrix {
  return x.map((row, i) => row.map((v, j) => v.plus(y[i]![j]!.times(w))));
}

/** cos kθ_j and sin kθ_j at θ_j = 2πj/N for k ≤ K, by the angle-addition recurrence. */
function trigTable(D: DecimalConstructor, N: number, K: number): { cos: Dec[][]; sin: Dec[][] } {
  const twoPi = D.acos(-1).times(2);
  const cos: Dec[][] = [];
  const sin: Dec[][] = [];
  for (let j = 0; j < N; j++) {
    const theta = twoPi.times(j).div(N);
    const [c1, s1] = [theta.cos(), theta.sin()];
    const [c, si] = [[new D(1)], [new D(0)]];
    for (let k = 1; k <= K; k++) {
      c.push(c[k - 1]!.times(c1).minus(si[k - 1]!.times(s1)));
      si.push(si[k - 1]!.times(c1).plus(c[k - 1]!.times(s1)));
    }
    cos.push(c);
    sin.push(si);
  }
  return { cos, sin };
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
  tables: Map<number, ReturnType<typeof trigTable>>,
): TrigSeries {
  const orders = [a, d, m].map(order);
  const N = 3 * K + 2 * Math.max(...orders, 1) + 2;
  // The same phases every sweep at this K: their cosines and sines once (each costs a series at high precision).
  if (!tables.has(N)) tables.set(N, trigTable(D, N, Math.max(K, ...orders)));
  const table = tables.get(N)!;
  const n = v.cos[0]!.length;
  const at = (x: TrigSeries, j: number): DMatrix => {
    let out: DMatrix = x.cos[0]!;
    for (let k = 1; k <= order(x); k++) out = addScaled(addScaled(out, x.cos[k]!, table.cos[j]![k]!), x.sin[k]!, table.sin[j]![k]!);
    return out;
  };
  // The residual is symmetric: its projections are accumulated on the upper triangle only, in place.
  const upper = pairIndex(n).pairs;
  const cos = Array.from({ length: K + 1 }, () => upper.map(() => new D(0)));
  const sin = Array.from({ length: K + 1 }, () => upper.map(() => new D(0)));
  const [two, one] = [new D(2).div(N), new D(1).div(N)];
  for (let j = 0; j < N; j++) {
    const vj = symmetricAt(v, table, j, upper);
    const av = dmul(at(a, j), vj);
    const vmv = dmul(dmul(vj, at(m, j)), vj);
    const dj = at(d, j);
    const f = upper.map(([r, c]) => av[r]![c]!.plus(av[c]![r]!).plus(dj[r]![c]!).minus(vmv[r]![c]!));
    f.forEach((x, u) => {
      cos[0]![u] = cos[0]![u]!.plus(x.times(one));
    });
    for (let k = 1; k <= K; k++) {
      const [wc, ws] = [table.cos[j]![k]!.times(two), table.sin[j]![k]!.times(two)];
      const [ck, sk] = [cos[k]!, sin[k]!];
      f.forEach((x, u) => {
        ck[u] = ck[u]!.plus(x.times(wc));
        sk[u] = sk[u]!.plus(x.times(ws));
      });
    }
  }
  return { cos: cos.map((x) => symmetricFrom(n, x)), sin: sin.map((x) => symmetricFrom(n, x)) };
}

/** A symmetric series at the j-th phase of a table, summed on the upper triangle. */
function symmetricAt(v: TrigSeries, table: { cos: Dec[][]; sin: Dec[][] }, j: number, upper: Array<[number, number]>): DMatrix {
  const n = v.cos[0]!.length;
  const sum = upper.map(([r, c]) => v.cos[0]![r]![c]!);
  for (let k = 1; k <= order(v); k++) {
    const [ck, sk, wc, ws] = [v.cos[k]!, v.sin[k]!, table.cos[j]![k]!, table.sin[j]![k]!];
    upper.forEach(([r, c], u) => {
      sum[u] = sum[u]!.plus(ck[r]![c]!.times(wc)).plus(sk[r]![c]!.times(ws));
    });
  }
  return symmetricFrom(n, sum);
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
  const meanOf = (d0: DMatrix, m0: DMatrix, start?: DMatrix) =>
    back(
      conditional
        ? riccatiSteadyState(digits, inDecimal(a.cos[0]!), inDecimal(d0), inDecimal(m0), {
            driftStable: options.driftStable,
            ...(start ? { start: inDecimal(start) } : {}),
          }).covariance
        : lyapunovSteadyState(digits, inDecimal(a.cos[0]!), inDecimal(d0), { driftStable: options.driftStable }).covariance,
    );
  const rough =
    D === Float64Context || options.start !== undefined || options.harmonics !== undefined ? undefined : startInDoubles(D, digits, a, d, m, omega, options);
  if (rough !== undefined) {
    K = rough.harmonics ?? order(rough.start);
    loose = rough.harmonics === undefined;
  }
  let v: TrigSeries = options.start ?? rough?.start ?? { cos: [meanOf(d.cos[0]!, m.cos[0]!)], sin: [zero(D, n)] };
  let sweeps = rough?.sweeps ?? 0;
  /** The last sweep's change over the one before: how fast the sweeps contract, about the harmonics' rate of fall. */
  let contraction: Dec | undefined;
  const mixer = new AndersonMixer(D, ANDERSON_DEPTH);
  const tables = new Map<number, ReturnType<typeof trigTable>>();
  const upper = pairIndex(n).pairs;
  const flat = (x: TrigSeries): Dec[] => [...x.cos, ...x.sin.slice(1)].flatMap((m) => upper.map(([i, j]) => m[i]![j]!));
  const unflat = (x: readonly Dec[], K: number): TrigSeries => {
    const block = (k: number) => symmetricFrom(n, x.slice(k * upper.length, (k + 1) * upper.length));
    return { cos: Array.from({ length: K + 1 }, (_, k) => block(k)), sin: [zero(D, n), ...Array.from({ length: K }, (_, k) => block(K + 1 + k))] };
  };
  for (;;) {
    // Pad to K harmonics.
    v = { cos: Array.from({ length: K + 1 }, (_, k) => v.cos[k] ?? zero(D, n)), sin: Array.from({ length: K + 1 }, (_, k) => v.sin[k] ?? zero(D, n)) };
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
      const Lv = (x: readonly Dec[]) => L.map((row) => row.reduce((acc, y, q) => acc.plus(y.times(x[q]!)), new D(0)));
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
      const scale = dmaxAbs(next.cos[0]!);
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
    const size = (k: number) => dmaxAbs(v.cos[k]!).plus(dmaxAbs(v.sin[k]!)).div(dmaxAbs(v.cos[0]!));
    // The last two harmonics: where odd and even ones fall at different rates, one alone can look converged.
    const top = larger(size(K), size(K - 1));
    if (!loose && top.lte(tolerance)) return { covariance: v, harmonics: K, sweeps, truncation: top };
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
  const size = (k: number) => dmaxAbs(v.cos[k]!).plus(dmaxAbs(v.sin[k]!)).div(dmaxAbs(v.cos[0]!));
  const sizes = Array.from({ length: K }, (_, k) => size(k + 1)).filter((x) => x.gt(measuredTo.times(100)));
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
 * pass measures how fast the harmonics fall, which sets their number, and gives the start from
 * which the sweeps at full precision only refine (about half of them saved). Where the doubles'
 * sweeps fail, the full-precision ones start from scratch.
 */
function startInDoubles(D: DecimalConstructor, digits: number, a: TrigSeries, d: TrigSeries, m: TrigSeries, omega: Dec, options: PeriodicOptions) {
  const inDoubles = (x: TrigSeries): TrigSeries => ({
    cos: x.cos.map((c) => toArithmetic(Float64Context, c)),
    sin: x.sin.map((c) => toArithmetic(Float64Context, c)),
  });
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
  return { start: { cos: v.cos.map((c) => toArithmetic(D, c)), sin: v.sin.map((c) => toArithmetic(D, c)) }, harmonics, sweeps: rough.sweeps };
}

/** V at phase θ (radians), from the series: cos kθ and sin kθ by the angle-addition recurrence from cos θ and sin θ. */
export function seriesAt(D: DecimalConstructor, v: TrigSeries, theta: Dec): DMatrix {
  const [c1, s1] = [new D(theta).cos(), new D(theta).sin()];
  const [cos, sin] = [[new D(1)], [new D(0)]];
  for (let k = 1; k <= order(v); k++) {
    cos.push(cos[k - 1]!.times(c1).minus(sin[k - 1]!.times(s1)));
    sin.push(sin[k - 1]!.times(c1).plus(cos[k - 1]!.times(s1)));
  }
  return symmetricAt(v, { cos: [cos], sin: [sin] }, 0, pairIndex(v.cos[0]!.length).pairs);
}
