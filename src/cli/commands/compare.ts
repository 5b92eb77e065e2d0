/** compare: recompute every row of another implementation's results. */
import { decimalOption, readInput } from '../arguments.ts';
import type { CommandSpec } from '../command.ts';
import { UsageError } from '../options.ts';

export const compare: CommandSpec = {
  name: 'compare',
  synopsis: 'compare FILE [--rtol R] [--atol A] [--json] [--explain] [--ignore-column NAME]',
  summary: "recompute every row of another implementation's results and report each quantity's relative error",
  description: `Recomputes every row of another implementation's results (CSV or JSON; FILE - reads standard
      input) and reports each quantity's relative error, each row with its regime (at and above
      threshold too). Parameter columns are named like solve's flags (model, gamma, gamma1, gamma2,
      delta, coupling, delta1, delta2, chi, nbar, mu, eta); quantity columns like reference.csv
      (chiTh, S, Valpha_plus, Valpha_minus, alpha, S_UV, logNegativity, expMinusLogNegativity, V11 …
      V44, S_unconditional, logNegativity_unconditional, U11 … U44). Ours are proved: a quantity
      passes when its distance to our enclosure (0 inside it) is at most A + R·|ours|; K_lo and K_hi
      columns (reference.csv's enclosures) are read past.

      At most 10 000 rows (about 70 ms each here, certified; a row within 10⁻⁴⁰ of threshold up to a few seconds; progress on standard error past a second; --time-limit bounds the whole). V21 … V43
      are accepted when they equal V12 … V34; columns named x-… are metadata, listed and not
      compared; a 0 in a column that is not a parameter of the row's model reads as absent, with a
      note; a quantity given as NaN or Infinity fails with that reason; a row that cannot be
      computed fails with its reason and the others are still compared.`,
  positionals: { count: 1, what: 'one FILE (CSV or JSON; - reads standard input)' },
  options: () => ({
    rtol: { type: 'string', default: '1e-8', value: 'R', help: 'relative tolerance' },
    atol: { type: 'string', default: '1e-12', value: 'A', help: 'absolute tolerance' },
    json: { type: 'boolean', default: false, help: 'print the comparison as JSON' },
    'ignore-column': { type: 'string', multiple: true, value: 'NAME', help: 'a metadata column to read past' },
    explain: { type: 'boolean', default: false, help: 'for each failing quantity, print both values in full and the convention behind it' },
    'time-limit': { type: 'string', default: '600', value: 'S', help: 'seconds the rows may take in all; the rows past it fail, each with that reason' },
  }),
  notes: 'Exit codes: 0 all pass, 1 any fails, 2 a malformed file (with its line and column, checked before any computing).',
  async run(values, positionals, app) {
    const [rtol, atol] = (['rtol', 'atol'] as const).map((name) => decimalOption(name, values[name] as string, { positive: false })) as [string, string];
    const file = positionals[0]!;
    const text = readInput(file);
    const start = performance.now();
    let reported = start;
    try {
      const { output, failed } = await app.compare(text, {
        rtol,
        atol,
        ignoreColumns: (values['ignore-column'] as string[] | undefined) ?? [],
        explain: values.explain === true,
        timeLimit: Number(decimalOption('time-limit', values['time-limit'] as string, { positive: true })),
        json: values.json === true,
        onProgress: (done, total) => {
          // Progress on standard error once a run takes more than a second, at most once a second.
          const now = performance.now();
          if (now - start > 1000 && (now - reported > 1000 || done === total)) {
            process.stderr.write(`[${done}/${total} rows]\n`);
            reported = now;
          }
        },
      });
      process.stdout.write(`${output}\n`);
      return failed === 0 ? 0 : 1;
    } catch (err) {
      if (err instanceof UsageError) throw new UsageError(`${file}: ${err.message}`);
      throw err;
    }
  },
};
