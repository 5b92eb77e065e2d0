/**
 * A local minimum of a function of one parameter, its value and its location both enclosed, given
 * `jet(X)`: an enclosure of f, f′ and f″ over every box X (src/numeric/jet.ts).
 *
 * Around the numerical minimiser μ̃, a box X₀ = μ̃(1 ± ρ) on which f″ > 0 is proved (f convex there)
 * and the interval Newton operator N = m − f′(m)/f″(X₀) ⊂ X₀ proves a unique critical point μ* in N
 * (Moore; Hansen and Walster, Global Optimization Using Interval Analysis), which is then the least
 * point of f on X₀; further Newton steps narrow it while it shrinks. A minimum at an end of the range is proved
 * instead by the sign of f′ over a box at the end (f decreasing into it). ρ starts at 10⁻⁵ and shrinks until f″ > 0 is proved: a
 * jet over a box loses the correlation between the state and μ (the dependency problem), so its
 * f″ widens with the box.
 *
 * This proves the least value on X₀, not over the whole range: `provedLeast` covers the rest by
 * branch and bound, given lower bounds of f over boxes. The jets alone cannot: their f′ over a box
 * loses the correlation between the state and μ (measured: more than 600 boxes for one curve of
 * Figure 2, at about 0.1 s each, and a box's Riccati enclosure fails beyond a relative width of
 * about 10⁻³).
 */
import type { Dec } from './context.ts';
import type { Interval, IntervalArithmetic } from './interval.ts';
import { IntervalError } from './interval.ts';
import type { Jet } from './jet.ts';

export interface CertifiedMinimum {
  /** min f over X₀. */
  readonly value: Interval;
  /** Where it is attained (one point, proved unique in X₀). */
  readonly location: Interval;
  /** X₀: the neighbourhood of μ̃ over which the minimum is proved; at an end of the range, a one-sided one on which f′ is proved of one sign (the end alone where that fails: f′ there proves a one-sided neighbourhood, not its width). */
  readonly neighbourhood: Interval;
  /** Where the branch and bound of `provedLeast` went through: the minimum is the least over the whole range, attained only at the location. */
  readonly global?: GlobalMinimumProof;
}

/** A jet or bound that answers undefined where interval arithmetic refuses (a √ or a division over a box holding 0). */
function guarded<T>(f: (X: Interval) => T | undefined): (X: Interval) => T | undefined {
  return (X) => {
    try {
      return f(X);
    } catch (err) {
      if (err instanceof IntervalError) return undefined;
      throw err;
    }
  };
}

/** Newton steps after the first: each squares the width (quadratic convergence) until it stops shrinking tenfold. */
const MAX_NEWTON_STEPS = 8;

/** Whether a location is narrow enough to stop: half the working digits (a minimum's value, flat there, then holds nearly all of them). */
const narrowEnough = (I: IntervalArithmetic, x: Interval): boolean => I.width(x).lte(I.abs(x).hi.times(`1e-${Math.floor(I.digits / 2)}`));

/** Relative half-widths ρ of X₀ tried in turn. */
const RHOS = ['1e-5', '1e-6', '1e-7', '1e-8', '1e-10', '1e-12', '1e-16'];

/** The proved minimum near `guess` within [lo, hi] (0 < lo ≤ μ̃ ≤ hi), or undefined when the proof does not go through (then nothing is claimed). */
export function certifiedLocalMinimum(
  I: IntervalArithmetic,
  jet: (X: Interval) => Jet | undefined,
  range: readonly [Dec, Dec],
  guess: Dec,
): CertifiedMinimum | undefined {
  const enclose = guarded(jet);
  const [lo, hi] = range;
  const point = (x: Dec): Interval => ({ lo: x, hi: x });
  // At an end of the range, f′ of the right sign at the end itself proves a strict local minimum there (one-sided).
  const one = I.of('1');
  if (guess.eq(hi) || guess.eq(lo)) {
    const descending = (j: Jet | undefined) => (guess.eq(hi) ? j?.slope.hi.lt(0) : j?.slope.lo.gt(0)) === true;
    const j = enclose(point(guess));
    if (j === undefined || !descending(j)) return undefined;
    // The one-sided neighbourhood: the widest box at the end on which f′ keeps its sign.
    for (const rho of RHOS.map((r) => I.of(r))) {
      const box = guess.eq(hi) ? { lo: I.mul(point(guess), I.sub(one, rho)).hi, hi: guess } : { lo: guess, hi: I.mul(point(guess), I.add(one, rho)).lo };
      if (descending(enclose(box))) return { value: j.value, location: point(guess), neighbourhood: box };
    }
    return { value: j.value, location: point(guess), neighbourhood: point(guess) };
  }
  for (const rho of RHOS.map((r) => I.of(r))) {
    const below = I.mul(point(guess), I.sub(one, rho)).lo;
    const above = I.mul(point(guess), I.add(one, rho)).hi;
    const box = { lo: below.lt(lo) ? lo : below, hi: above.gt(hi) ? hi : above };
    const proved = minimumOn(I, enclose, box, guess);
    if (proved) return { ...proved, neighbourhood: box };
  }
  return undefined;
}

function minimumOn(
  I: IntervalArithmetic,
  enclose: (X: Interval) => Jet | undefined,
  box: Interval,
  guess: Dec,
): { value: Interval; location: Interval } | undefined {
  const whole = enclose(box);
  if (whole === undefined || !whole.curvature.lo.gt(0)) return undefined;
  /** f(μ*) for μ* in the location N: f(m) + f′(m)(μ* − m) + ½f″(ξ)(μ* − m)², with f″ over X₀. */
  const valueAt = (location: Interval): { value: Interval; location: Interval } | undefined => {
    const c = I.midpoint(location);
    const at = enclose({ lo: c, hi: c });
    if (at === undefined) return undefined;
    const offset = I.sub(location, { lo: c, hi: c });
    const square = { lo: I.of('0').lo, hi: I.mul(offset, offset).hi };
    return { value: I.add(I.add(at.value, I.mul(at.slope, offset)), I.mul(I.mul(I.of('0.5'), whole.curvature), square)), location };
  };
  let location = box;
  let m = guess;
  for (let step = 0; step <= MAX_NEWTON_STEPS; step++) {
    const at = enclose({ lo: m, hi: m });
    const curvature = step === 0 ? whole : enclose(location);
    if (at === undefined || curvature === undefined || !curvature.curvature.lo.gt(0)) return step === 0 ? undefined : valueAt(location);
    const newton = I.sub({ lo: m, hi: m }, I.div(at.slope, curvature.curvature));
    // N ⊂ X proves the critical point; N ∩ X still holds it at every later step.
    if (step === 0 && !(newton.lo.gt(location.lo) && newton.hi.lt(location.hi))) return undefined;
    const next = { lo: newton.lo.gt(location.lo) ? newton.lo : location.lo, hi: newton.hi.lt(location.hi) ? newton.hi : location.hi };
    const shrunk = I.width(next).times(10).lt(I.width(location));
    location = next;
    m = I.midpoint(location);
    if ((!shrunk && step > 0) || narrowEnough(I, location)) break;
  }
  return valueAt(location);
}

export interface CertifiedRoot {
  /** Where f = 0 (one point, proved unique in the neighbourhood). */
  readonly location: Interval;
  readonly neighbourhood: Interval;
}

/**
 * A simple root of f near `guess`, proved by interval Newton: over X = μ̃(1 ± ρ) with f′(X) clear
 * of 0 (ρ from the smallest up: a root found by regula falsi is accurate far beyond it), N = m − f(m)/f′(X) ⊂ X holds exactly one root; a second step narrows it.
 */
export function certifiedRoot(I: IntervalArithmetic, jet: (X: Interval) => Jet | undefined, guess: Dec): CertifiedRoot | undefined {
  const enclose = guarded(jet);
  const one = I.of('1');
  const point = (x: Dec): Interval => ({ lo: x, hi: x });
  for (const rho of [...RHOS].reverse().map((r) => I.of(r))) {
    const box = { lo: I.mul(point(guess), I.sub(one, rho)).lo, hi: I.mul(point(guess), I.add(one, rho)).hi };
    let location = box;
    let m = guess;
    for (let step = 0; step <= MAX_NEWTON_STEPS; step++) {
      const [over, at] = [enclose(location), enclose(point(m))];
      if (over === undefined || at === undefined || !(over.slope.lo.gt(0) || over.slope.hi.lt(0))) break;
      const newton = I.sub(point(m), I.div(at.value, over.slope));
      if (step === 0 && !(newton.lo.gt(location.lo) && newton.hi.lt(location.hi))) break;
      const next = { lo: newton.lo.gt(location.lo) ? newton.lo : location.lo, hi: newton.hi.lt(location.hi) ? newton.hi : location.hi };
      const shrunk = I.width(next).times(10).lt(I.width(location));
      location = next;
      m = I.midpoint(location);
      if ((!shrunk && step > 0) || narrowEnough(I, location)) break;
    }
    if (location !== box) return { location, neighbourhood: box };
  }
  return undefined;
}

export interface GlobalMinimumProof {
  /** The boxes that cover the range outside X₀, each discarded. */
  readonly boxes: number;
}

/** Boxes narrower than this (relative) are not split again: the proof gives up. */
const NARROWEST = '1e-12';

/**
 * That a proved local minimum is the least value of f on the whole range, and attained nowhere else:
 * interval branch and bound (Hansen and Walster, Global Optimization Using Interval Analysis,
 * ch. 12) over the range outside X₀. Each box X is discarded where one of `lowerBounds` (tried in
 * turn, cheapest first) is above the minimum's value on X, so f > f(μ*) there, and otherwise
 * bisected at its geometric mean (μ spans decades). Near μ* the bounds must be of second order in
 * the box's width (f − f(μ*) is). It gives up (undefined) below a relative width of 10⁻¹² or beyond
 * `maxBoxes` boxes: then only the local minimum is claimed.
 */
export function provedLeast(
  I: IntervalArithmetic,
  minimum: CertifiedMinimum,
  range: readonly [Dec, Dec],
  lowerBounds: ReadonlyArray<(X: Interval) => Dec | undefined>,
  maxBoxes = 3000,
): GlobalMinimumProof | undefined {
  const least = minimum.value.hi;
  const bounds = lowerBounds.map(guarded);
  const above = (X: Interval) => bounds.some((bound) => bound(X)?.gt(least) === true);
  const [lo, hi] = range;
  const X0 = minimum.neighbourhood;
  const pending: Interval[] = [];
  if (X0.lo.gt(lo)) pending.push({ lo, hi: X0.lo });
  if (X0.hi.lt(hi)) pending.push({ lo: X0.hi, hi });
  const narrowest = I.of(NARROWEST).lo;
  let boxes = 0;
  while (pending.length > 0) {
    if (boxes + pending.length > maxBoxes) return undefined;
    const X = pending.pop()!;
    if (above(X)) {
      boxes++;
      continue;
    }
    const relative = X.hi.minus(X.lo).div(X.lo);
    if (relative.lt(narrowest)) return undefined;
    const split = I.sqrt(I.mul(X, { lo: X.hi, hi: X.hi })).lo.toSignificantDigits(Math.min(I.digits, 20 + Math.ceil(-relative.log(10).toNumber())));
    if (!(split.gt(X.lo) && split.lt(X.hi))) return undefined;
    pending.push({ lo: X.lo, hi: split }, { lo: split, hi: X.hi });
  }
  return { boxes };
}
