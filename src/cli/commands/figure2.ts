/** figure2: Figure 2 as the paper drew it, as data and plots. */
import { availableParallelism } from 'node:os';
import { DIGITS_RANGE } from '../../numeric/context.ts';
import { digitsOption, shardOption, writeOutputs } from '../arguments.ts';
import type { CommandSpec } from '../command.ts';
import { integerOption, UsageError } from '../options.ts';
import { outputDirectory } from '../output.ts';
import { exitWhenOrphaned, runChild } from '../parallel.ts';

export const figure2: CommandSpec = {
  name: 'figure2',
  synopsis: 'figure2 --out DIR [--digits N] [--points K] [--certify-grid] [--certify-global] [--q Q]',
  summary: "Figure 2 as the paper drew it: S against μ/γ, data and three SVG plots, with each curve's minimum",
  description: `Figure 2 as the paper drew it: S against μ/γ (10⁻³ … 10³), χ/γ = 25 (light) and 50 (dark), N =
      5, η = 1; model one solid (S of Eq. 15), model two dashed (S_UV by the reduced Eqs. 25-28),
      back-action evasion dot-dashed; both parametric schemes at their threshold. Writes
      figure2.json and figure2.csv with e^(−E_N), S_UV from the full covariance and its separable
      bound, and three SVG plots (the figure, a second panel of e^(−E_N), the alternative readings);
      prints each curve's minimum and where back-action evasion overtakes, each proved (a local minimum,
      a unique crossing: value to 25 and μ to 12 proved digits; figure2-minima.csv has the enclosures).`,
  options: () => ({
    out: { type: 'string', value: 'DIR', help: 'where to write the files (checked before any computing)' },
    digits: { type: 'string', default: '30', value: 'N', help: `significant digits of the data (${DIGITS_RANGE.min}-${DIGITS_RANGE.max})` },
    points: { type: 'string', default: '121', value: 'K', help: 'grid points per curve, 3 to 2001' },
    q: {
      type: 'string',
      value: 'Q',
      help: `also draw each parametric curve without the rotating-wave approximation at quality factor Q
        = ω_m/γ̄: figure2-lab.svg shades the band between the least and largest value over a period at
        13 values of μ (model two: S_UV from the full covariance), figure2-lab.csv lists them (a few
        seconds more; 12 working digits, a band for the eye, not certified)`,
    },
    'certify-grid': {
      type: 'boolean',
      default: false,
      help: `prove every grid value too: each point's conditional state enclosed (a Krawczyk proof for the
        exact model at that μ), and S, E_N, e^(−E_N), S_UV from it (model two's reduced S_UV from its
        own 2×2 states); figure2.csv gains K_lo and K_hi beside each value column K, figure2.json an
        enclosures object per point, and each value prints to the digits its enclosure proves. About
        twenty seconds more. Without it the grid values are computed, not proved: each curve's end
        points and minimum are recomputed 20 digits finer`,
    },
    'certify-global': {
      type: 'boolean',
      default: false,
      help: `prove each printed minimum (S or S_UV, e^(−E_N)) the least over the whole range 10⁻³ … 10³γ,
        not only a local minimum: interval branch and bound over μ, each box discarded by a lower
        bound of the quantity from states below the conditional state in the Loewner order (the
        comparison theorem for Riccati equations; to first and to second order in the box's width).
        Printed as "the least over 10⁻³ … 10³γ", certified: "global" in the JSON and CSV; a minimum
        whose proof does not go through stays "local". About four minutes on two cores`,
    },
    shard: { type: 'string', value: 'K/N', internal: true, help: 'internal: compute every N-th curve from the K-th, print raw results' },
  }),
  async run(values, _positionals, app) {
    const digits = digitsOption(values.digits as string);
    const points = integerOption('points', values.points as string, 3, 2001);
    const progress = (line: string) => process.stderr.write(`${line}\n`);
    const certifyGrid = values['certify-grid'] === true;
    const certifyGlobal = values['certify-global'] === true;
    if (values.shard !== undefined) {
      // A worker: its share of the curves, as JSON for the parent to merge.
      const { shard, of } = shardOption(values.shard as string);
      exitWhenOrphaned();
      process.stdout.write(JSON.stringify(await app.figure2Shard({ digits, points, shard, of, certifyGrid, certifyGlobal, progress })));
      return 0;
    }
    if (values.out === undefined) throw new UsageError('--out DIR is required');
    const out = outputDirectory('out', values.out as string);
    // Two processes on two cores: this one takes every other curve, a worker the rest.
    const worker =
      availableParallelism() > 1
        ? () =>
            runChild<unknown[]>([
              'figure2',
              '--digits',
              String(digits),
              '--points',
              String(points),
              ...(certifyGrid ? ['--certify-grid'] : []),
              ...(certifyGlobal ? ['--certify-global'] : []),
              '--shard',
              '1/2',
            ])
        : undefined;
    const q = values.q as string | undefined;
    if (q !== undefined && (!/^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(q) || !(Number(q) > 0) || !Number.isFinite(Number(q))))
      throw new UsageError(`--q ${q}: a positive number, the quality factor ω_m/γ`);
    const { files, lines } = await app.figure2({ digits, points, progress, certifyGrid, certifyGlobal, ...(worker ? { worker } : {}), ...(q ? { q } : {}) });
    writeOutputs(out, files);
    for (const line of lines) process.stdout.write(`${line}\n`);
    process.stdout.write(`wrote ${Object.keys(files).join(', ')} to ${out}\n`);
    return 0;
  },
};
