/**
 * A periodic function of the phase θ ∈ [0, 2π) over one period: its mean (the average of N
 * equispaced samples, the trapezoid rule, which converges geometrically for an analytic periodic
 * function) and its least and largest values, located by golden-section search between the
 * samples around the best sample, not just sampled.
 */
import { agreeingDigits, type Dec, type DecimalConstructor } from './context.ts';

export interface Extremum {
  /** Where, as a fraction of the period in [0, 1). */
  readonly phase: Dec;
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

export function overPeriod(D: DecimalConstructor, f: (theta: Dec) => Dec, samples: number): OverPeriod {
  const twoPi = D.acos(-1).times(2);
  // Each step shrinks the bracket by 0.618: the extremum, quadratic there, then holds every working digit.
  const goldenSteps = Math.ceil((D.precision * Math.LN10) / (2 * Math.log(1 / 0.618))) + 8;
  const thetas = Array.from({ length: samples }, (_, k) => twoPi.times(k).div(samples));
  const values = thetas.map(f);
  const mean = values.reduce((s, x) => s.plus(x), new D(0)).div(samples);
  const half = values.filter((_, k) => k % 2 === 0);
  const coarse = half.reduce((s, x) => s.plus(x), new D(0)).div(half.length);
  const meanDigits = coarse.eq(mean) ? D.precision : agreeingDigits(coarse, mean, D.precision);
  const located = (sign: 1 | -1): Extremum => {
    const better = (x: Dec, y: Dec) => (sign === 1 ? x.lt(y) : x.gt(y));
    let k = 0;
    values.forEach((v, i) => {
      if (better(v, values[k]!)) k = i;
    });
    // Golden-section search on [θ_(k−1), θ_(k+1)], which holds the extremum next to the best sample.
    const ratio = new D(5).sqrt().minus(1).div(2);
    let [lo, hi] = [thetas[k]!.minus(twoPi.div(samples)), thetas[k]!.plus(twoPi.div(samples))];
    let [x1, x2] = [hi.minus(hi.minus(lo).times(ratio)), lo.plus(hi.minus(lo).times(ratio))];
    let [f1, f2] = [f(x1), f(x2)];
    for (let step = 0; step < goldenSteps; step++) {
      if (better(f1, f2)) {
        [hi, x2, f2] = [x2, x1, f1];
        x1 = hi.minus(hi.minus(lo).times(ratio));
        f1 = f(x1);
      } else {
        [lo, x1, f1] = [x1, x2, f2];
        x2 = lo.plus(hi.minus(lo).times(ratio));
        f2 = f(x2);
      }
    }
    const [theta, value] = better(f1, f2) ? [x1, f1] : [x2, f2];
    const best = better(value, values[k]!) ? { theta, value } : { theta: thetas[k]!, value: values[k]! };
    const phase = best.theta.div(twoPi).mod(1);
    return { phase: phase.isNegative() ? phase.plus(1) : phase, value: best.value };
  };
  return { mean, meanDigits, min: located(1), max: located(-1) };
}
