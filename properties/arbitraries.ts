/**
 * Physically valid parameter points drawn from the whole space, as the exact decimal strings
 * the solver reads. Costly properties take a share of the global run count (FC_NUM_RUNS).
 */
import fc from 'fast-check';
import { Rational } from '../src/exact/rational.ts';

/** A run count for a property whose body costs about `share`⁻¹ cheap runs. */
export function runs(share: number): { numRuns: number } {
  const base = fc.readConfigureGlobal().numRuns ?? 100;
  return { numRuns: Math.max(5, Math.round(base * share)) };
}

const decimal = (min: number, max: number, scale: number) =>
  fc.integer({ min: Math.round(min * scale), max: Math.round(max * scale) }).map((n) => Rational.of(n, scale).toDecimalString());

export const rate = decimal(0.1, 5, 100);
export const detuning = decimal(-60, 60, 10);
export const occupation = decimal(0, 10, 2);
/** μ over four decades, 10^-2 … 10^2, with three significant digits. */
export const strength = fc.integer({ min: -20, max: 20 }).map((k) => (10 ** (k / 10)).toPrecision(3));
export const efficiency = decimal(0.05, 1, 100);
/** A fraction of the threshold, kept away from 1 so that a point is clearly on one side. */
export const belowFraction = fc.integer({ min: 1, max: 950 }).map((n) => n / 1000);
export const aboveFraction = fc.integer({ min: 1050, max: 3000 }).map((n) => n / 1000);

/** χ = f·√(rest) rounded down to 4 decimals (so still below a threshold when f < 1). */
export function chiAt(fraction: number, thresholdSquared: number): string {
  return (Math.floor(fraction * Math.sqrt(thresholdSquared) * 1e4) / 1e4).toFixed(4);
}

export interface ModelOneDraw {
  gamma: string;
  delta: string;
  nbar: string;
  mu: string;
  eta: string;
  fraction: number;
}

export const modelOneDraw = (fractions: fc.Arbitrary<number>): fc.Arbitrary<ModelOneDraw> =>
  fc.record({ gamma: rate, delta: detuning, nbar: occupation, mu: strength, eta: efficiency, fraction: fractions });

export function modelOneParameters(d: ModelOneDraw): Record<string, string> {
  const th2 = Number(d.gamma) ** 2 + Number(d.delta) ** 2;
  return { gamma: d.gamma, delta: d.delta, chi: chiAt(d.fraction, th2), nbar: d.nbar, mu: d.mu, eta: d.eta };
}
