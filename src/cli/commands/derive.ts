/** derive: the exact equations of a model file. */
import { readInput } from '../arguments.ts';
import type { CommandSpec } from '../command.ts';
import { UsageError } from '../options.ts';

export const derive: CommandSpec = {
  name: 'derive',
  synopsis: 'derive FILE [--json | --latex]',
  summary: 'the exact equations of your own model file: motion, A, D, M, commutators, covariance equations, stability conditions',
  description: `The exact equations of your own model (a YAML or JSON model file, see docs/model-files.md):
      the equations of motion (with the force of a coherent drive), the drift A, diffusion D and
      measurement M, the commutator table, the conditional covariance equations in components, and
      the Liénard-Chipart stability conditions, with where each changes sign in the threshold
      parameter where that has a closed form.`,
  positionals: { count: 1, what: 'one FILE (a YAML or JSON model file)' },
  options: () => ({
    json: { type: 'boolean', default: false, help: 'print every value as a string in the ASCII expression language, as JSON' },
    latex: { type: 'boolean', default: false, help: 'print LaTeX that pastes into a paper' },
  }),
  async run(values, positionals, app) {
    if (values.json && values.latex) throw new UsageError('--json and --latex exclude each other');
    const file = positionals[0]!;
    process.stdout.write(`${app.derive(readInput(file), file, values.json ? 'json' : values.latex ? 'latex' : 'text')}\n`);
    return 0;
  },
};
