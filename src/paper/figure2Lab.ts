/**
 * Figure 2 without the rotating-wave approximation (figure2 --q Q): at each μ of a coarser grid,
 * the least and largest value over a period of what each parametric curve plots, from the
 * lab-frame model (src/paper/beyondRwa.ts): S for model one, S_UV from the full covariance for
 * model two (the reduced equations (25)-(28) have no lab frame). Agreement-level numbers by harmonic
 * balance alone, at 12 working digits: a band for the eye, not a certified curve.
 */
import { PeriodicStateError } from '../app/periodicState.ts';
import { DetunedParampError } from '../exact/errors.ts';
import { decimalContext } from '../numeric/context.ts';
import { labValues, periodicFigures, type LabModel } from './beyondRwa.ts';
import { parametersOf, type CurveSpec } from './figure2.ts';

export interface BandPoint {
  readonly curve: string;
  readonly mu: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly rwa: number;
}

/** Working digits of the bands: three-digit plots need far fewer, and harmonic balance then needs few harmonics. */
const BAND_DIGITS = 12;

/** μ/γ = 10^(−3 + 6k/(n − 1)) at n points. */
const bandGrid = (n: number) => Array.from({ length: n }, (_, k) => 10 ** (-3 + (6 * k) / (n - 1)));

/** The band of each parametric curve at quality factor Q; a μ where no periodic state is found is left out and named in `skipped`. */
export function figure2Bands(
  specs: readonly CurveSpec[],
  Q: string,
  points: number,
  progress: (line: string) => void,
): { bands: BandPoint[]; skipped: string[] } {
  const bands: BandPoint[] = [];
  const skipped: string[] = [];
  const D = decimalContext(BAND_DIGITS);
  const parametric = specs.filter((s) => !s.alternative && (s.model === 'modulated' || s.model === 'constant'));
  parametric.forEach((spec, k) => {
    progress(`[lab ${k + 1}/${parametric.length}] ${spec.label} at Q = ${Q}`);
    for (const mu of bandGrid(points)) {
      const raw = { ...parametersOf(spec, BAND_DIGITS), mu: new D(mu).toSignificantDigits(6).toString() };
      try {
        const { point, values } = labValues(spec.model as LabModel, raw, Q);
        const f = periodicFigures(spec.model as LabModel, point, values, BAND_DIGITS);
        const [over, rwa] = [f.periodic[1]!, f.rwa[1]!];
        bands.push({ curve: spec.label, mu, min: over.min.value.toNumber(), max: over.max.value.toNumber(), mean: over.mean.toNumber(), rwa: rwa.toNumber() });
      } catch (err) {
        if (!(err instanceof PeriodicStateError || err instanceof DetunedParampError)) throw err;
        skipped.push(`${spec.label} at μ = ${mu.toPrecision(3)}γ: ${err.message}`);
      }
    }
  });
  return { bands, skipped };
}

/** Six significant digits: the sweeps run in doubles to about 10⁻⁹, and a band for the eye needs no more. */
export function bandsCsv(bands: readonly BandPoint[]): string {
  const six = (x: number) => x.toPrecision(6);
  return `${['curve,mu,S_min,S_max,S_mean,S_rwa', ...bands.map((b) => [JSON.stringify(b.curve), six(b.mu), six(b.min), six(b.max), six(b.mean), six(b.rwa)].join(','))].join('\n')}\n`;
}
