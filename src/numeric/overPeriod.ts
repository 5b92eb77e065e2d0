/**
 * A periodic function of the phase θ ∈ [0, 2π) over one period: its mean (the average of N
 * equispaced samples, the trapezoid rule, which converges geometrically for an analytic periodic
 * function) and its least and largest values, located between the samples around the best sample
 * by successive parabolic interpolation (golden section where it stalls), not just sampled.
 */
import { agreeingDigits, type Dec, type DecimalConstructor } from './context.ts';

export interface Extremum {
  /** Where, as a fraction of the period in [0, 1); undefined where the value is taken on a whole interval (E_N clamped at 0), so no one phase is it. */
  readonly phase?: Dec;
  readonly value: Dec;
}

export interface OverPeriod {
  readonly mean: Dec;
  /**
   * The digits on which the mean from every sample and from every other sample agree: the
   * quadrature's own accuracy, full for a smooth function, fewer where it has a kink (E_N = 0 over
   * part of the period).
   */
  readonly meanDigits: number;
  readonly min: Extremum;
  readonly max: Extremum;
}

/** Local extrema among the samples refined for each of the least and the largest value. */
const CANDIDATES = 3;

export function overPeriod(D: DecimalConstructor, f: (theta: Dec) => Dec, samples: number): OverPeriod {
  const twoPi = D.acos(-1).times(2);
  // At most this many steps: as many as golden section alone would need, each shrinking the bracket by 0.618.
  const goldenSteps = Math.ceil((D.precision * Math.LN10) / (2 * Math.log(1 / 0.618))) + 8;
  const thetas = Array.from({ length: samples }, (_, k) => twoPi.times(k).div(samples));
  const values = thetas.map(f);
  const mean = values.reduce((s, x) => s.plus(x), new D(0)).div(samples);
  const half = values.filter((_, k) => k % 2 === 0);
  const coarse = half.reduce((s, x) => s.plus(x), new D(0)).div(half.length);
  const meanDigits = coarse.eq(mean) ? D.precision : agreeingDigits(coarse, mean, D.precision);
  const tolerance = twoPi.times(new D(10).pow(-Math.ceil(D.precision / 2) - 2));
  const ratio = new D(3).minus(new D(5).sqrt()).div(2);
  const spacing = twoPi.div(samples);
  /**
   * The extremum near sample k by successive parabolic interpolation through it and its neighbours,
   * which bracket it (superlinear, so about ten steps where golden section takes a hundred), with a
   * golden-section step whenever the parabola's vertex leaves the bracket or stalls.
   */
  const refined = (k: number, better: (x: Dec, y: Dec) => boolean): { theta: Dec; value: Dec } => {
    let [a, b, c] = [thetas[k]!.minus(spacing), thetas[k]!, thetas[k]!.plus(spacing)];
    let [fa, fb, fc] = [values[(k - 1 + samples) % samples]!, values[k]!, values[(k + 1) % samples]!];
    for (let step = 0; step < goldenSteps; step++) {
      const [p, q] = [b.minus(a).times(fb.minus(fc)), b.minus(c).times(fb.minus(fa))];
      const denominator = p.minus(q).times(2);
      let x = denominator.isZero() ? undefined : b.minus(b.minus(a).times(p).minus(b.minus(c).times(q)).div(denominator));
      if (x === undefined || !x.gt(a) || !x.lt(c) || x.minus(b).abs().lt(tolerance.div(10))) {
        // Golden section into the larger side.
        x = c.minus(b).gt(b.minus(a)) ? b.plus(c.minus(b).times(ratio)) : b.minus(b.minus(a).times(ratio));
      }
      const fx = f(x);
      const moved = x.minus(b).abs();
      if (better(fx, fb)) {
        if (x.lt(b)) [c, fc] = [b, fb];
        else [a, fa] = [b, fb];
        [b, fb] = [x, fx];
      } else if (x.lt(b)) [a, fa] = [x, fx];
      else [c, fc] = [x, fx];
      if (moved.lt(tolerance) || c.minus(a).lt(tolerance)) break;
    }
    const phase = b.div(twoPi).mod(1);
    return { theta: phase.isNegative() ? phase.plus(1) : phase, value: fb };
  };
  const located = (sign: 1 | -1): Extremum => {
    const better = (x: Dec, y: Dec) => (sign === 1 ? x.lt(y) : x.gt(y));
    const neighbours = (i: number) => [values[(i - 1 + samples) % samples]!, values[(i + 1) % samples]!];
    const best = values.reduce((k, v, i) => (better(v, values[k]!) ? i : k), 0);
    // Flat (E_N clamped at 0) where a neighbouring sample, a whole sample spacing away, takes the same value: every point is extreme.
    // (Within a refined bracket a smooth extremum's neighbours agree to the working precision too, so it is decided here.)
    if (neighbours(best).some((x) => x.eq(values[best]!))) return { value: values[best]! };
    // Each of the best few local extrema among the samples is refined: where two peaks nearly tie,
    // the best sample can sit beside the lower one.
    const candidates = values
      .map((_, i) => i)
      .filter((i) => neighbours(i).every((x) => !better(x, values[i]!)))
      .sort((i, j) => (better(values[i]!, values[j]!) ? -1 : better(values[j]!, values[i]!) ? 1 : i - j))
      .slice(0, CANDIDATES)
      .map((i) => refined(i, better));
    const top = candidates.reduce((x, y) => (better(y.value, x.value) ? y : x));
    // Where a symmetry repeats the extremum (E_N of model one every half period), the earliest phase
    // that takes the best value to within rounding, so that the phase does not hang on the last digit.
    const near = top.value.abs().times(new D(10).pow(-(D.precision - 8)));
    const first = candidates.filter((x) => x.value.minus(top.value).abs().lte(near)).reduce((x, y) => (y.theta.lt(x.theta) ? y : x));
    return { phase: first.theta, value: first.value };
  };
  return { mean, meanDigits, min: located(1), max: located(-1) };
}
