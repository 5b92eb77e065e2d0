/** solve: the steady states of a built-in model or of a model file at one parameter point. */
import { DIGITS_RANGE } from '../../numeric/context.ts';
import { digitsOption, modelOptions, modelSource } from '../arguments.ts';
import type { CommandSpec } from '../command.ts';
import { UsageError } from '../options.ts';

export const solve: CommandSpec = {
  name: 'solve',
  synopsis: 'solve (--model M [parameters] | --model-file FILE [--set NAME=VALUE …]) [--digits N] [--json] [--frame lab --q Q]',
  summary: 'the steady state of one model at one parameter point: regime, covariance, S, α, S_UV, E_N by two routes, Duan, Simon, χ_th',
  description: `The steady state of one model at one parameter point: the regime (below, at or above
      threshold, decided exactly from the rational parameters), the conditional (Riccati)
      covariance, and the figures of merit the model has: for two modes S of Eq. (15), the optimal
      angle α, E_N by two routes, Duan and Simon; the product separability of each pair of planes
      the model names (model two: S_UV with its separable bound); the log-negativity of each
      bipartition; for one mode its least quadrature; the threshold of the parameter the model names
      (χ_th).

      A built-in model takes parameter flags; a model file (see docs/model-files.md) takes --set
      NAME=VALUE for each parameter it declares, a parameter with a default may be left out. Values
      are decimal strings or fractions, read exactly (0.1 is 1/10): at most 1100 characters, and 0 or
      1e-300 ≤ |x| ≤ 1e300; write a negative value with "=", as in --delta=-20.`,
  options: (app) => ({
    ...modelOptions(app),
    digits: {
      type: 'string',
      value: 'N',
      help: `proved significant digits of the output, at least (${DIGITS_RANGE.min}-${DIGITS_RANGE.max}; default 50, and 30 with --frame lab)`,
    },
    json: { type: 'boolean', default: false, help: 'print the solution as JSON (numbers as decimal strings)' },
    frame: {
      type: 'string',
      default: 'rotating',
      value: 'F',
      help: `rotating (the RWA steady state) or lab: the periodic state without the RWA, for --model
        modulated or constant at --q Q, or a model file with a frame section; prints E_N (and S or
        S_UV) over a period (mean, least, largest) against the RWA, to the digits on which harmonic
        balance and the monodromy agree (not certified)`,
    },
    q: { type: 'string', value: 'Q', help: 'with --frame lab: the quality factor ω_m/γ (a number above (Δ + χ)/γ)' },
    bath: {
      type: 'string',
      value: 'B',
      help: `with --frame lab: optical (2γ(N+1)D[a] + 2γN D[a†], the paper's; default) or brownian (quantum
        Brownian motion: momentum damping, high-temperature diffusion with N + ½, Diósi's minimal
        position diffusion)`,
    },
  }),
  notes: `At and above threshold the unconditional motion has no steady state, but the conditional one
      does when the measurement sees every unstable mode; with nothing measured the answer is "no
      steady state", with the reason in a note. Every number printed is proved: the steady states are
      enclosed by interval arithmetic over the exact model, and each number prints exactly the digits
      its enclosure proves (at least N, trailing zeros included), a proved zero as 0, and an
      enclosure that still holds 0 as [lo, hi]; --json adds certified and enclosures (JSON pointer ->
      [lo, hi]). Working precision rises until every number holds N digits (up to 980 working
      digits; past that, exit 1 naming the number).`,
  async run(values, _positionals, app) {
    const digits = digitsOption((values.digits as string | undefined) ?? (values.frame === 'lab' ? '30' : '50'));
    if (values.frame !== 'rotating' && values.frame !== 'lab') throw new UsageError(`--frame ${values.frame}: rotating or lab`);
    if (values.frame === 'lab') {
      const source = modelSource(app, values);
      const file = 'file' in source;
      // A model file's frequencies and baths are its own: set with --set, written in the file.
      if (file && (values.q !== undefined || values.bath !== undefined))
        throw new UsageError(
          "--q and --bath are for the built-in models; a model file's frequencies are its parameters (--set) and its baths are its dissipators",
        );
      if (!file && values.q === undefined) throw new UsageError('--frame lab needs --q Q, the quality factor ω_m/γ');
      const bath = (values.bath as string | undefined) ?? 'optical';
      if (bath !== 'optical' && bath !== 'brownian') throw new UsageError(`--bath ${bath}: optical or brownian`);
      const lab = await app.solveLab(source, values.q as string | undefined, digits, bath);
      process.stdout.write(values.json ? `${JSON.stringify(lab.json, null, 2)}\n` : `${lab.text}\n`);
      return 0;
    }
    if (values.q !== undefined || values.bath !== undefined) throw new UsageError('--q and --bath go with --frame lab');
    const solution = app.solve(modelSource(app, values), digits);
    process.stdout.write(values.json ? `${JSON.stringify(solution.json, null, 2)}\n` : `${solution.text}\n`);
    return 0;
  },
};
