/**
 * The detuned-paramp command. Exit codes: 0 success; 1 a witness disagreed with the exact
 * engine or a check could not run; 2 a usage error. No stack trace reaches the user.
 */
import { randomInt } from 'node:crypto';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageFile } from '../models/packageFile.ts';
import { availableParallelism } from 'node:os';
import { runAssumptions, runClaims } from '../verify/runner.ts';
import { runChild, runClaimsOnCores, shardOf } from './parallel.ts';
import { integerOption, parseOptions, UsageError } from './options.ts';
import { outputDirectory, outputFile, writeFilesTogether } from './output.ts';
import { DEFAULT_DIGITS, DIGITS_RANGE } from '../numeric/context.ts';
import { ALL_WITNESSES, witnessesNamed } from '../verify/witnesses.ts';
import type { AssumptionResult, CheckContext, ClaimResult } from '../verify/claim.ts';
import { ledgerJson } from '../verify/report/json.ts';
import { renderMarkdown, renderStepSummary } from '../verify/report/markdown.ts';
import { disagreedClaims, renderText } from '../verify/report/text.ts';
import { renderJUnit } from '../verify/report/junit.ts';
import { changedVerdicts, describeChange, type VerdictChange } from '../verify/expected.ts';
import type { Application, Commands, Ledger } from './application.ts';
import { commands as paperCommands } from './commands.ts';

/** The help text, with solve's parameters as the application describes them. */
function helpText(app: Application): string {
  const parameterHelp = Object.entries(app.parameters)
    .map(([k, v]) => `  --${k.padEnd(19)}${v}`)
    .join('\n');
  return `detuned-paramp: re-derives and audits the equations of
  Szorkovszky, Clerk, Doherty, Bowen, "Mechanical entanglement via detuned parametric
  amplification", New J. Phys. 16, 063043 (2014), arXiv:1402.6392.

Usage:
  detuned-paramp verify [options]   derive every checked equation from the Hamiltonians and
                                    master equation, compare with what the paper prints, and
                                    print the ledger (one verdict per equation or claim)
  detuned-paramp solve --model M [parameters] [--digits N] [--json]
                                    steady state of one model at one parameter point: the
                                    regime (below, at or above threshold, decided exactly),
                                    the conditional (Riccati) covariance with both positions
                                    measured, S (Eq. 15), the optimal angle α, model two's
                                    S_UV, log-negativity by two routes, Duan and Simon
                                    criteria, χ_th
  detuned-paramp figure2 --out DIR [--digits N] [--points K]
                                    Figure 2 as the paper drew it: S against μ/γ (10⁻³ … 10³,
                                    K = 121 points), χ/γ = 25 (light) and 50 (dark), N = 5,
                                    η = 1; model one solid (S of Eq. 15), model two dashed
                                    (S_UV by the reduced Eqs. 25-28), back-action evasion
                                    dot-dashed; both parametric schemes at their threshold.
                                    Writes JSON and CSV (N = 30 significant digits by default, 20-500)
                                    with e^(−E_N), S_UV from the full covariance and its
                                    separable bound, and three SVG plots (the figure, a second
                                    panel of e^(−E_N), the alternative readings); prints each
                                    curve's minimum and where back-action evasion overtakes
  detuned-paramp solve --model-file FILE --set NAME=VALUE … [--digits N] [--json]
                                    the same for your own model file: every parameter it
                                    declares set exactly and checked against its domain; for
                                    two modes the keys of the built-in models, and for any
                                    number the log-negativity of each bipartition it names
  detuned-paramp simulate --model M [parameters] --duration T --dt H [--seed S] --out DIR
                                    a measurement record and its Kalman-Bucy filter: the
                                    quadratures' linear SDE with each measured operator's
                                    homodyne current (Euler-Maruyama in doubles, at most 10⁷
                                    steps, dt at most 1/20 of the fastest rate); writes
                                    simulation.csv (currents, true and estimated quadratures,
                                    filter variances; at most 10 000 rows), simulation.json
                                    and simulation.svg; xoshiro128** from the printed seed,
                                    so a seed gives the same files byte for byte
  detuned-paramp derive FILE [--json | --latex]
                                    the exact equations of your own model (a YAML or JSON
                                    model file, see README "Model files"): equations of
                                    motion, drift A, diffusion D, measurement M, the
                                    commutator table, the conditional covariance equations in
                                    components, and the Liénard-Chipart stability conditions;
                                    --latex prints LaTeX that pastes into a paper
  detuned-paramp reference --out DIR [--digits N]
                                    the golden dataset for other implementations: a grid of
                                    parameter sets of every model (near, at and above
                                    threshold, weak and strong measurement, low efficiency,
                                    damping asymmetry, large χ/γ, back-action evasion) with
                                    the regime, S, V_α±, α, S_UV, E_N, the covariance and χ_th
                                    at N = 40 digits (20-500): reference.json, reference.schema.json,
                                    reference.csv
  detuned-paramp compare FILE [--rtol R] [--atol A] [--json] [--explain] [--ignore-column NAME]
                                    recompute every row of another implementation's results
                                    (CSV or JSON; parameter columns named like solve's flags:
                                    model, gamma, gamma1, gamma2, delta, coupling, delta1,
                                    delta2, chi, nbar, mu, eta; quantity columns like
                                    reference.csv: chiTh, S, Valpha_plus, Valpha_minus, alpha,
                                    S_UV, logNegativity, expMinusLogNegativity, V11 … V44, and
                                    the unconditional S_unconditional,
                                    logNegativity_unconditional, U11 … U44) and
                                    report each quantity's relative error, each row with its
                                    regime (at and above threshold too); a quantity passes when
                                    |theirs − ours| ≤ A + R·|ours| (defaults R = 1e-8,
                                    A = 1e-12). FILE - reads standard input. At most 10 000
                                    rows (about 10 ms each; progress on standard error past
                                    a second). V21 … V43 are accepted when they equal V12 …
                                    V34; columns named x-… (or --ignore-column NAME,
                                    repeatable) are metadata, listed and not compared; a 0
                                    in a column that is not a parameter of the row's model
                                    reads as absent, with a note; a quantity given as NaN
                                    or Infinity fails with that reason; a row that cannot
                                    be computed fails with its reason and the others are
                                    still compared. Exit 0 all pass, 1 any fails, 2 malformed
                                    file (with its line and column), checked before any
                                    computing. --explain prints, for each failing quantity,
                                    both values in full and the convention behind it
  detuned-paramp help               this text

verify options:
  --json               print the ledger as JSON on stdout:
                       {"conventions", "summary", "claims": [{"id", "equation", "status",
                       "printed", "derived", "evidence", ...}]}
  --markdown           print the ledger as Markdown (the source of VERIFICATION.md)
  --only ID            check only this claim (repeatable), e.g. --only eq6 --only eq25.noise
  --list               list the claim ids and statements, check nothing
  --witnesses LIST     comma-separated independent witnesses to consult besides the exact
                       engine: ${ALL_WITNESSES.map((w) => w.name).join(', ')} (default: all)
  --no-witnesses       the exact engine alone (fastest)
  --digits N           working precision of the numeric claims (${DIGITS_RANGE.min}-${DIGITS_RANGE.max}; default 50); two routes
                       to a number must agree to all but ten of these digits
  --junit FILE         also write the ledger as JUnit XML, one testcase per claim
  --html DIR           also write the audit report DIR/index.html: one self-contained page
                       (no network) with each claim's printed and derived forms typeset by
                       KaTeX, the difference or the reason, the engines that agreed, the
                       assumptions it rests on, Figure 2, filters and deep links (#eq12.minus);
                       other files in DIR are left alone, a replaced index.html is named
  --summary            append a compact Markdown summary (counts, every erratum, every
                       changed verdict) to the file GITHUB_STEP_SUMMARY names (GitHub Actions)
  --jobs N             check the claims in N processes, 1 to the number of cores (default 1:
                       each process derives the models and warms the CAS again, which costs
                       more than a second core saves)
  --shard K/N          internal: check only every N-th claim from the K-th, print raw results
  -h, --help           this text

Options are given once each (a repeated flag is a usage error), except the ones marked
repeatable. --digits has one range for every command: ${DIGITS_RANGE.min}-${DIGITS_RANGE.max}.
Output directories (--out) and files (--junit) are checked before any computing; a set of
files is written under temporary names and renamed together, and a replaced file is named on
standard error.

solve options (values are decimal strings or fractions, read exactly: 0.1 is 1/10; at most
400 characters, and 0 or 1e-300 ≤ |x| ≤ 1e300; write a negative value with "=", as in
--delta=-20):
  --model M            modulated (model one), constant (model two), single (the one-mode
                       detuned parametric amplifier of the paper's Ref. [30]) or bae (ideal
                       two-mode back-action evasion: X₊ and Y₋ measured directly, no drive;
                       takes --gamma, --nbar, --mu, --eta)
${parameterHelp}
  --digits N           significant digits of the output (${DIGITS_RANGE.min}-${DIGITS_RANGE.max}, the range of every
                       command; default 50)
  --json               print the solution as JSON (numbers as decimal strings)
  "regime" is below-threshold, at-threshold or above-threshold, decided exactly from the
  rational parameters. At and above threshold the unconditional motion has no steady state
  (no unconditionalCovariance), but the conditional one does when μ > 0 and η > 0: its
  numbers are reported under the same keys, with a note. With μ = 0 or η = 0 there is
  nothing to condition on, and the answer is "no steady state".
  Precision follows conditioning: the model is solved at two working precisions, raised until
  every printed number agrees between them to N digits (up to 4000 working digits; past that,
  exit 1 naming the cause).

Verdicts:
  verified    the printed form equals the derived one
  convention  it does, under a named convention (printed with the verdict)
  erratum     it does not: the ledger shows printed against derived and what follows
  unchecked   not checked, with the reason

Each verdict lists the engines that agreed: "exact" (our BigInt rational-function and
normal-ordering engine), nerdamer and algebrite (computer algebra, expanding differences to
zero), random-points (50-digit evaluation at random rational points).

Conventions: ħ = 1 in rotating frames; X = (a + a†)/√2, Y = −i(a − a†)/√2, [X, Y] = i;
a frame rotating at ω takes a -> a e^(−iωt); γ is the amplitude damping rate
(Lindblad terms 2γ(N+1) D[a] + 2γN D[a†]).

Exit codes: verify exits 0 when every verdict is the one its claim expects (a
documented erratum passes; each claim's expected verdict and its reason are in --json) and every witness agreed with the exact engine, 1 when a verdict
changed or a witness disagreed; 2 on a usage error or a parameter out of range (the message
names it and its range).`;
}

/** --digits, one range for every command. */
function digitsOption(text: string): number {
  return integerOption('digits', text, DIGITS_RANGE.min, DIGITS_RANGE.max);
}

async function verify(args: string[], app: Application): Promise<number> {
  const { values } = parseOptions({
    args,
    options: {
      json: { type: 'boolean', default: false },
      markdown: { type: 'boolean', default: false },
      only: { type: 'string', multiple: true },
      list: { type: 'boolean', default: false },
      witnesses: { type: 'string' },
      'no-witnesses': { type: 'boolean', default: false },
      jobs: { type: 'string' },
      shard: { type: 'string' },
      digits: { type: 'string' },
      junit: { type: 'string' },
      html: { type: 'string' },
      summary: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(`${helpText(app)}\n`);
    return 0;
  }
  const digits = values.digits === undefined ? DEFAULT_DIGITS : digitsOption(values.digits);
  if (values.html !== undefined) outputDirectory('html', values.html);
  const jobs = values.jobs === undefined ? 1 : integerOption('jobs', values.jobs, 1, availableParallelism());
  // Refuse a file that cannot be written before the claims run, not after.
  if (values.junit !== undefined) outputFile('junit', values.junit);
  const shard = values.shard === undefined ? undefined : /^(\d+)\/(\d+)$/.exec(values.shard);
  if (shard === null) throw new UsageError(`--shard = ${values.shard}: K/N with 0 ≤ K < N`);
  if (values.json && values.markdown) throw new UsageError('--json and --markdown exclude each other');
  if (values['no-witnesses'] && values.witnesses !== undefined) throw new UsageError('--witnesses and --no-witnesses exclude each other');
  const consulted = values['no-witnesses']
    ? []
    : values.witnesses === undefined
      ? ALL_WITNESSES.map((w) => w.name)
      : values.witnesses
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
  let context: CheckContext;
  try {
    context = { witnesses: witnessesNamed(consulted), digits };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const all = await app.loadClaims();
  if (values.list) {
    for (const c of all) process.stdout.write(`${c.id.padEnd(32)} ${c.equation.padEnd(36)} ${c.statement}\n`);
    return 0;
  }
  const only = values.only ?? [];
  const unknown = only.filter((id) => !all.some((c) => c.id === id));
  if (unknown.length > 0) throw new UsageError(`unknown claim id ${unknown.join(', ')} (see --list)`);
  const selected = only.length > 0 ? all.filter((c) => only.includes(c.id)) : all;

  if (shard !== undefined) {
    // A worker of --jobs: its part of the claims, as raw results for the parent to merge.
    const [k, n] = [Number(shard[1]), Number(shard[2])];
    if (!(k < n)) throw new UsageError(`--shard = ${values.shard}: K/N with 0 ≤ K < N`);
    process.stdout.write(JSON.stringify(await runClaims(shardOf(selected, k, n), context)));
    return 0;
  }
  const start = performance.now();
  const passOn = [
    ...only.flatMap((id) => ['--only', id]),
    ...(values['no-witnesses'] ? ['--no-witnesses'] : []),
    ...(values.witnesses !== undefined ? ['--witnesses', values.witnesses] : []),
    ...(values.digits !== undefined ? ['--digits', values.digits] : []),
  ];
  const results = await runClaimsOnCores(selected, jobs, passOn, context, (done, total, id) => {
    if (performance.now() - start > 1000) process.stderr.write(`[${Math.min(done, total)}/${total}] ${id}\n`);
  });
  // Assumption effects are figures for the reader of the whole ledger, not part of a selection.
  const assumptionResults = only.length > 0 ? [] : runAssumptions(await app.loadAssumptions());
  const seconds = (performance.now() - start) / 1000;
  const changes = changedVerdicts(results);
  const disagreements = disagreedClaims(results);
  if (values.junit !== undefined) writeFileSync(values.junit, renderJUnit(results, changes));
  if (values.html !== undefined) {
    const html = await htmlReport(results, assumptionResults, changes, consulted);
    reportReplaced(values.html, writeFilesTogether(values.html, { 'index.html': html }));
    process.stderr.write(`wrote index.html to ${values.html} (other files there are left as they are)\n`);
  }
  if (values.summary) writeStepSummary(renderStepSummary(results, changes));
  if (values.json)
    process.stdout.write(`${JSON.stringify({ ...ledgerJson(results, assumptionResults), changedVerdicts: changes, seconds: seconds.toFixed(3) }, null, 2)}\n`);
  else if (values.markdown) process.stdout.write(renderMarkdown(results, assumptionResults));
  else process.stdout.write(`${renderText(results, assumptionResults, consulted)}\n${seconds.toFixed(2)} s\n`);
  for (const c of changes) process.stderr.write(`verdict changed: ${c.id} is ${describeChange(c)}\n`);
  if (changes.length === 0) process.stderr.write('every verdict is the one expected\n');
  const crashed = results.filter((r) => r.failed);
  for (const r of crashed) process.stderr.write(`check could not run: ${r.id}: ${r.verdict.status === 'unchecked' ? r.verdict.reason : ''}\n`);
  return changes.length > 0 || disagreements.length > 0 || crashed.length > 0 ? 1 : 0;
}

/** A flag per model parameter (--delta, --chi, …), as solve and simulate take them. */
function parameterOptions(app: Application) {
  return Object.fromEntries(Object.keys(app.parameters).map((k) => [k, { type: 'string' as const }]));
}

function parameterValues(app: Application, values: object): Record<string, string> {
  return Object.fromEntries(
    Object.keys(app.parameters)
      .map((k) => [k, (values as Record<string, unknown>)[k]])
      .filter(([, v]) => v !== undefined),
  ) as Record<string, string>;
}

async function solve(args: string[], app: Application): Promise<number> {
  const { values } = parseOptions({
    args,
    options: {
      model: { type: 'string' },
      'model-file': { type: 'string' },
      set: { type: 'string', multiple: true },
      digits: { type: 'string', default: '50' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      ...parameterOptions(app),
    },
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(`${helpText(app)}\n`);
    return 0;
  }
  const digits = digitsOption(values.digits);
  const raw = parameterValues(app, values);
  let solution: { readonly json: object; readonly text: string };
  if (values['model-file'] !== undefined) {
    if (values.model !== undefined || Object.keys(raw).length > 0)
      throw new UsageError('--model-file takes its parameters from --set NAME=VALUE, not --model or parameter flags');
    const file = values['model-file'];
    const set: Record<string, string> = {};
    for (const entry of values.set ?? []) {
      const m = /^([A-Za-z][A-Za-z0-9]*)=(.*)$/.exec(entry);
      if (!m) throw new UsageError(`--set ${entry.slice(0, 40)}: NAME=VALUE expected`);
      if (m[1]! in set) throw new UsageError(`--set ${m[1]} is given twice`);
      set[m[1]!] = m[2]!;
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    solution = app.solveFile(text, file, set, digits);
  } else {
    if (values.model === undefined) throw new UsageError(`--model (${app.modelNames.join(', ')}) or --model-file FILE is required`);
    if (values.set !== undefined) throw new UsageError('--set goes with --model-file; a built-in model takes parameter flags');
    solution = app.solve(values.model, raw, digits);
  }
  process.stdout.write(values.json ? `${JSON.stringify(solution.json, null, 2)}\n` : `${solution.text}\n`);
  return 0;
}

async function figure2(args: string[], app: Application): Promise<number> {
  const { values } = parseOptions({
    args,
    options: {
      out: { type: 'string' },
      digits: { type: 'string', default: '30' },
      points: { type: 'string', default: '121' },
      shard: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(`${helpText(app)}\n`);
    return 0;
  }
  const digits = digitsOption(values.digits);
  const points = integerOption('points', values.points, 3, 2001);
  const progress = (line: string) => process.stderr.write(`${line}\n`);
  const shard = values.shard === undefined ? undefined : /^(\d+)\/(\d+)$/.exec(values.shard);
  if (shard === null || (shard && !(Number(shard[1]) < Number(shard[2])))) throw new UsageError(`--shard = ${values.shard}: K/N with 0 ≤ K < N`);
  if (shard) {
    // A worker: its share of the curves, as JSON for the parent to merge.
    process.stdout.write(JSON.stringify(await app.figure2Shard({ digits, points, shard: Number(shard[1]), of: Number(shard[2]), progress })));
    return 0;
  }
  if (values.out === undefined) throw new UsageError('--out DIR is required');
  const out = outputDirectory('out', values.out);
  // Two processes on two cores: this one takes every other curve, a worker the rest.
  const worker =
    availableParallelism() > 1 ? () => runChild<unknown[]>(['figure2', '--digits', String(digits), '--points', String(points), '--shard', '1/2']) : undefined;
  const { files, lines } = await app.figure2({ digits, points, progress, ...(worker ? { worker } : {}) });
  reportReplaced(out, writeFilesTogether(out, files));
  for (const line of lines) process.stdout.write(`${line}\n`);
  process.stdout.write(`wrote ${Object.keys(files).join(', ')} to ${out}\n`);
  return 0;
}

async function reference(args: string[], app: Application): Promise<number> {
  const { values } = parseOptions({
    args,
    options: { out: { type: 'string' }, digits: { type: 'string', default: '40' }, help: { type: 'boolean', short: 'h', default: false } },
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(`${helpText(app)}\n`);
    return 0;
  }
  if (values.out === undefined) throw new UsageError('--out DIR is required');
  const digits = digitsOption(values.digits);
  const out = outputDirectory('out', values.out);
  const { files, line } = await app.reference(digits);
  reportReplaced(out, writeFilesTogether(out, files));
  process.stdout.write(`${line} to ${out}\n`);
  return 0;
}

/** An existing output is replaced, never silently. */
/** The shipped Figure 2 plots (figures/, made by `figure2 --out figures`; a test keeps them current). */
const FIGURES = [
  {
    id: 'figure2-plot',
    file: 'figure2.svg',
    caption:
      'Figure 2 as drawn: S against μ/γ, N = 5, η = 1; light χ = 25γ, dark χ = 50γ; solid model one, dashed model two (S_UV), dot-dashed back-action evasion; both parametric schemes at their threshold.',
  },
  {
    id: 'figure2-entanglement',
    file: 'figure2-entanglement.svg',
    caption: 'Figure 2, second panel: e^(−E_N) of every curve (model two: also S of (15) from X±, Y±).',
  },
  {
    id: 'figure2-alternatives',
    file: 'figure2-alternatives.svg',
    caption: 'Figure 2 at χ = 50γ under the alternative readings of what the paper leaves open.',
  },
];

async function htmlReport(
  results: readonly ClaimResult[],
  assumptions: readonly AssumptionResult[],
  changes: readonly VerdictChange[],
  witnesses: readonly string[],
): Promise<string> {
  const { renderHtml } = await import('../verify/report/html.ts');
  const { gitCommit, toolVersion } = await import('./provenance.ts');
  const figures = FIGURES.map((f) => ({ id: f.id, caption: f.caption, svg: readFileSync(packageFile(join('figures', f.file)), 'utf8') }));
  return renderHtml({ results, assumptions, changes, witnesses, version: toolVersion(), commit: gitCommit(), figures });
}

/** Appends to the job summary file GitHub Actions names in GITHUB_STEP_SUMMARY; says so when there is none. */
function writeStepSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (file === undefined || file === '') {
    process.stderr.write('--summary: GITHUB_STEP_SUMMARY is not set (it is set inside a GitHub Actions job); no summary written\n');
    return;
  }
  try {
    appendFileSync(file, markdown);
  } catch (err) {
    throw new UsageError(`--summary: cannot append to GITHUB_STEP_SUMMARY = ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

function reportReplaced(dir: string, names: readonly string[]): void {
  if (names.length > 0) process.stderr.write(`replaced ${names.join(', ')} in ${dir}\n`);
}

async function simulateCommand(args: string[], app: Application): Promise<number> {
  const { values } = parseOptions({
    args,
    options: {
      model: { type: 'string' },
      duration: { type: 'string' },
      dt: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      ...parameterOptions(app),
    },
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(`${helpText(app)}\n`);
    return 0;
  }
  for (const required of ['model', 'duration', 'dt', 'out'] as const) if (values[required] === undefined) throw new UsageError(`--${required} is required`);
  const positive = (name: 'duration' | 'dt') => {
    const text = values[name]!;
    const x = Number(text);
    if (!/^(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text) || !Number.isFinite(x) || x <= 0)
      throw new UsageError(`--${name} = ${text.slice(0, 40)}: a positive number`);
    return x;
  };
  const [duration, dt] = [positive('duration'), positive('dt')];
  const seed = values.seed === undefined ? randomInt(2 ** 32) : integerOption('seed', values.seed, 0, 2 ** 32 - 1);
  const out = outputDirectory('out', values.out!);
  const raw = parameterValues(app, values);
  const { files, lines } = await app.simulate({ model: values.model!, parameters: raw, duration, dt, seed });
  reportReplaced(out, writeFilesTogether(out, files));
  process.stdout.write(`${[...lines, `wrote ${Object.keys(files).join(', ')} to ${out}`].join('\n')}\n`);
  return 0;
}

async function derive(args: string[], app: Application): Promise<number> {
  const { values, positionals } = parseOptions({
    args,
    options: { json: { type: 'boolean', default: false }, latex: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(`${helpText(app)}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('derive takes one FILE (a YAML or JSON model file)');
  if (values.json && values.latex) throw new UsageError('--json and --latex exclude each other');
  const file = positionals[0]!;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  process.stdout.write(`${app.derive(text, file, values.json ? 'json' : values.latex ? 'latex' : 'text')}\n`);
  return 0;
}

async function compare(args: string[], app: Application): Promise<number> {
  const { values, positionals } = parseOptions({
    args,
    options: {
      rtol: { type: 'string', default: '1e-8' },
      atol: { type: 'string', default: '1e-12' },
      json: { type: 'boolean', default: false },
      'ignore-column': { type: 'string', multiple: true },
      explain: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(`${helpText(app)}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('compare takes one FILE (CSV or JSON; - reads standard input)');
  for (const [name, v] of [
    ['rtol', values.rtol],
    ['atol', values.atol],
  ] as const) {
    if (!/^(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(v)) throw new UsageError(`--${name} = ${v}: a non-negative number`);
  }
  let text: string;
  try {
    text = readFileSync(positionals[0] === '-' ? 0 : positionals[0]!, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${positionals[0]}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const start = performance.now();
  let reported = start;
  try {
    const { output, failed } = await app.compare(text, {
      rtol: values.rtol,
      atol: values.atol,
      ignoreColumns: values['ignore-column'] ?? [],
      explain: values.explain,
      json: values.json,
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
    if (err instanceof UsageError) throw new UsageError(`${positionals[0]}: ${err.message}`);
    throw err;
  }
}

/**
 * Runs one command line (without `node` and the script); resolves to its exit code, or rejects
 * with the error the user is told of. `ledger` is what verify checks; `commands` the models and
 * figures (the paper's, unless a test hands others).
 */
export async function main(argv: string[], ledger: Ledger, commands: Commands = paperCommands): Promise<number> {
  const app: Application = { ...commands, ...ledger };
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${helpText(app)}\n`);
      return 0;
    case 'verify':
      return verify(rest, app);
    case 'solve':
      return solve(rest, app);
    case 'figure2':
      return figure2(rest, app);
    case 'reference':
      return reference(rest, app);
    case 'compare':
      return compare(rest, app);
    case 'derive':
      return derive(rest, app);
    case 'simulate':
      return simulateCommand(rest, app);
    default:
      throw new UsageError(`unknown command "${command}" (commands: verify, solve, derive, simulate, figure2, reference, compare, help)`);
  }
}

/** The exit code of an error: 2 for a usage error (the message then points at --help), 1 otherwise. */
export function exitCodeOf(err: unknown): 1 | 2 {
  return err instanceof UsageError || (err as { code?: string } | null)?.code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1;
}

/** main, with errors reported on standard error and every outcome set as the process's exit code: what the bin runs. */
export async function run(argv: string[], ledger: Ledger): Promise<void> {
  try {
    process.exitCode = await main(argv, ledger);
  } catch (err) {
    process.stderr.write(`detuned-paramp: ${err instanceof Error ? err.message : String(err)}\n`);
    if (exitCodeOf(err) === 2) process.stderr.write('try: detuned-paramp --help\n');
    process.exitCode = exitCodeOf(err);
  }
}
