/** A periodic system's exact coefficients at parameter values, as series in decimals. */
import type { Matrix } from '../exact/matrix.ts';
import type { RationalFunction } from '../exact/rationalFunction.ts';
import type { PeriodicConditionalSystem, TrigMatrix } from '../gaussian/periodic.ts';
import type { Dec } from './context.ts';
import { evaluateDecimal, type ParameterValues } from './fromExact.ts';
import type { TrigSeries } from './periodicRiccati.ts';

export interface PeriodicSeries {
  readonly drift: TrigSeries;
  readonly diffusion: TrigSeries;
  readonly measurement: TrigSeries;
  /** Ω of θ = Ωt, in the rates' units. */
  readonly fundamental: Dec;
}

const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));

/**
 * A system whose coefficients are series in θ = ωt (`frequency` ω, a symbol or expression of the
 * parameters) at `digits` digits, re-expressed in θ = Ωt with Ω = ω times the greatest common
 * divisor of the harmonics present, so that no harmonic that is identically zero is carried.
 */
export function periodicSeries(system: PeriodicConditionalSystem, frequency: RationalFunction, digits: number, values: ParameterValues): PeriodicSeries {
  const present = [system.drift, system.diffusion, system.measurement].flatMap((t) =>
    t.cos.map((_, k) => k).filter((k) => k > 0 && [t.cos[k]!, t.sin[k]!].some((m) => m.some((row) => row.some((x) => !x.isZero())))),
  );
  const step = present.reduce((g, k) => gcd(g, k), 0) || 1;
  const series = (t: TrigMatrix): TrigSeries => {
    const pick = (ms: readonly Matrix[]) => ms.filter((_, k) => k % step === 0).map((m) => evaluateDecimal(digits, m, values));
    return { cos: pick(t.cos), sin: pick(t.sin) };
  };
  const omega = evaluateDecimal(digits, [[frequency]], values)[0]![0]!;
  return { drift: series(system.drift), diffusion: series(system.diffusion), measurement: series(system.measurement), fundamental: omega.times(step) };
}
