/** reference: the golden dataset for other implementations. */
import { DIGITS_RANGE } from '../../numeric/context.ts';
import { digitsOption, writeOutputs } from '../arguments.ts';
import type { CommandSpec } from '../command.ts';
import { UsageError } from '../options.ts';
import { outputDirectory } from '../output.ts';

export const reference: CommandSpec = {
  name: 'reference',
  synopsis: 'reference --out DIR [--digits N]',
  summary: 'the golden dataset for other implementations: every model near, at and above threshold, with a JSON Schema',
  description: `The golden dataset for other implementations: a grid of parameter sets of every model (near,
      at and above threshold, weak and strong measurement, low efficiency, damping asymmetry, large
      χ/γ, back-action evasion) with the regime, S, V_α±, α, S_UV, E_N, the covariance and χ_th, each to
      the digits its enclosure proves and with the enclosure beside it (K_lo, K_hi).
      Writes reference.json, reference.schema.json and reference.csv.`,
  options: () => ({
    out: { type: 'string', value: 'DIR', help: 'where to write the files (checked before any computing)' },
    digits: { type: 'string', default: '40', value: 'N', help: `significant digits (${DIGITS_RANGE.min}-${DIGITS_RANGE.max})` },
  }),
  async run(values, _positionals, app) {
    if (values.out === undefined) throw new UsageError('--out DIR is required');
    const digits = digitsOption(values.digits as string);
    const out = outputDirectory('out', values.out as string);
    const { files, line } = await app.reference(digits);
    writeOutputs(out, files);
    process.stdout.write(`${line} to ${out}\n`);
    return 0;
  },
};
