/** simulate: a measurement record and its Kalman-Bucy filter. */
import { randomInt } from 'node:crypto';
import { decimalOption, modelOptions, modelSource, writeOutputs } from '../arguments.ts';
import type { CommandSpec } from '../command.ts';
import { integerOption, UsageError } from '../options.ts';
import { outputDirectory } from '../output.ts';

export const simulate: CommandSpec = {
  name: 'simulate',
  synopsis: 'simulate (--model M [parameters] | --model-file FILE [--set NAME=VALUE …]) --duration T --dt H [--seed S] --out DIR',
  summary: 'a measurement record and its Kalman-Bucy filter, as CSV, JSON and SVG, reproducible from a printed seed',
  description: `A measurement record and its Kalman-Bucy filter, of a built-in model or of a model file:
      the quadratures' linear SDE stepped exactly (its Ornstein-Uhlenbeck transition over each step),
      each measured operator's homodyne current, and the discrete Kalman filter of that record in
      Joseph's form, which stays finite and positive at any step (in doubles; at most 10⁷ steps; dt
      at most 1/20 of the fastest rate, for the record to resolve the filter; the last step is
      shortened so that the record ends exactly at T). Writes simulation.csv (currents, true and estimated quadratures,
      filter variances; at most 10 000 rows), simulation.json and simulation.svg. xoshiro128** from
      the printed seed, so a seed gives the same files byte for byte.`,
  options: (app) => ({
    ...modelOptions(app),
    duration: { type: 'string', value: 'T', help: 'the length of the record, in 1/γ' },
    dt: { type: 'string', value: 'H', help: 'the step, in 1/γ' },
    seed: { type: 'string', value: 'S', help: 'the seed, 0 to 2³² − 1 (default: a random one, printed)' },
    out: { type: 'string', value: 'DIR', help: 'where to write the files (checked before any computing)' },
  }),
  async run(values, _positionals, app) {
    for (const required of ['duration', 'dt', 'out'] as const) if (values[required] === undefined) throw new UsageError(`--${required} is required`);
    const source = modelSource(app, values);
    const [duration, dt] = (['duration', 'dt'] as const).map((name) => Number(decimalOption(name, values[name] as string, { positive: true }))) as [
      number,
      number,
    ];
    const seed = values.seed === undefined ? randomInt(2 ** 32) : integerOption('seed', values.seed as string, 0, 2 ** 32 - 1);
    const out = outputDirectory('out', values.out as string);
    const { files, lines } = await app.simulate({ source, duration, dt, seed });
    writeOutputs(out, files);
    process.stdout.write(`${[...lines, `wrote ${Object.keys(files).join(', ')} to ${out}`].join('\n')}\n`);
    return 0;
  },
};
