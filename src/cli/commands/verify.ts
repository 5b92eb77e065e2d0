/** verify: derive every checked equation, compare with what the paper prints, print the ledger. */
import { appendFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { DEFAULT_DIGITS, DIGITS_RANGE } from '../../numeric/context.ts';
import type { AssumptionResult, CheckContext, ClaimResult } from '../../verify/claim.ts';
import { changedVerdicts, describeChange, type VerdictChange } from '../../verify/expected.ts';
import { ledgerJson } from '../../verify/report/json.ts';
import { renderJUnit } from '../../verify/report/junit.ts';
import { renderMarkdown, renderStepSummary } from '../../verify/report/markdown.ts';
import { disagreedClaims, renderText } from '../../verify/report/text.ts';
import { runAssumptions, runClaims } from '../../verify/runner.ts';
import { ALL_WITNESSES, witnessesNamed } from '../../verify/witnesses.ts';
import type { Application } from '../application.ts';
import { digitsOption, shardOption, writeOutputs } from '../arguments.ts';
import type { CommandSpec } from '../command.ts';
import { integerOption, UsageError } from '../options.ts';
import { outputDirectory, outputFile } from '../output.ts';
import { claimShardOf, exitWhenOrphaned, runClaimsOnCores } from '../parallel.ts';

async function htmlReport(
  app: Application,
  results: readonly ClaimResult[],
  assumptions: readonly AssumptionResult[],
  changes: readonly VerdictChange[],
  witnesses: readonly string[],
): Promise<string> {
  const { renderHtml } = await import('../../verify/report/html.ts');
  const { gitCommit, toolVersion } = await import('../provenance.ts');
  return renderHtml({ results, assumptions, changes, witnesses, version: toolVersion(), commit: gitCommit(), figures: app.auditFigures() });
}

/** The job summary file GitHub Actions names in GITHUB_STEP_SUMMARY, checked before any claim runs; undefined (and said) when there is none. */
function stepSummaryFile(): string | undefined {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (file === undefined || file === '') {
    process.stderr.write('--summary: GITHUB_STEP_SUMMARY is not set (it is set inside a GitHub Actions job); no summary written\n');
    return undefined;
  }
  try {
    return outputFile('summary', file);
  } catch (err) {
    throw new UsageError(`--summary: GITHUB_STEP_SUMMARY = ${file}: ${(err as Error).message.replace(/^--summary \S+: /, '')}`);
  }
}

function appendStepSummary(file: string, markdown: string): void {
  try {
    appendFileSync(file, markdown);
  } catch (err) {
    throw new UsageError(`--summary: cannot append to GITHUB_STEP_SUMMARY = ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

export const verify: CommandSpec = {
  name: 'verify',
  synopsis: 'verify [options]',
  summary: 'derive every checked equation from the Hamiltonians and master equation, compare with what the paper prints, print the ledger',
  description: `Derives every checked equation from the Hamiltonians and the master equation, compares it with
      what the paper prints, and prints the ledger: one verdict per equation or claim.

      Verdicts: verified (the printed form equals the derived one); convention (it does, under a
      named convention); erratum (it does not: printed against derived, and what follows); unchecked
      (not checked, with the reason). Each verdict lists the engines that agreed: "exact" (our
      BigInt rational-function and normal-ordering engine), nerdamer and algebrite (computer
      algebra, expanding differences to zero), random-points (50-digit evaluation at random rational
      points), and for numbers the second route with the digits the routes share.`,
  options: () => ({
    json: {
      type: 'boolean',
      default: false,
      help: `print the ledger as JSON: {"conventions", "summary", "claims": [{"id", "equation", "status",
        "expected", "expectedReason", "printed", "derived", "evidence", …}]}`,
    },
    markdown: { type: 'boolean', default: false, help: 'print the ledger as Markdown (the source of VERIFICATION.md)' },
    only: { type: 'string', multiple: true, value: 'ID', help: 'check only this claim, e.g. --only eq6 --only eq25.noise' },
    list: { type: 'boolean', default: false, help: 'list the claim ids and statements, check nothing' },
    witnesses: {
      type: 'string',
      value: 'LIST',
      help: `comma-separated independent witnesses to consult besides the exact engine: ${ALL_WITNESSES.map((w) => w.name).join(', ')} (default: all)`,
    },
    'no-witnesses': { type: 'boolean', default: false, help: 'the exact engine alone (fastest)' },
    digits: {
      type: 'string',
      value: 'N',
      help: `working precision of the numeric claims (${DIGITS_RANGE.min}-${DIGITS_RANGE.max}; default ${DEFAULT_DIGITS}); two routes to a number must agree to all but ten of these digits`,
    },
    junit: { type: 'string', value: 'FILE', help: 'also write the ledger as JUnit XML, one testcase per claim' },
    html: {
      type: 'string',
      value: 'DIR',
      help: `also write the audit report DIR/index.html: one self-contained page (no network) with each
        claim's printed and derived forms typeset by KaTeX, the difference or the reason, the
        engines that agreed, the assumptions it rests on, Figure 2, filters and deep links
        (#eq12.minus); other files in DIR are left alone, a replaced index.html is named`,
    },
    summary: {
      type: 'boolean',
      default: false,
      help: 'append a compact Markdown summary (counts, every erratum, every changed verdict) to the file GITHUB_STEP_SUMMARY names (GitHub Actions)',
    },
    jobs: {
      type: 'string',
      value: 'N',
      help: `check the claims in N processes, 1 to the number of cores (default 1: each process derives
        the models and warms the CAS again, which costs more than a second core saves)`,
    },
    shard: { type: 'string', value: 'K/N', internal: true, help: 'internal: check only every N-th claim from the K-th, print raw results' },
  }),
  notes: `Exit codes: 0 when every verdict is the one its claim expects (a documented erratum passes;
      each claim carries its expected verdict and a one-line reason, shown by --json) and every
      witness agreed with the exact engine; 1 when a verdict changed, a witness disagreed or a check
      could not run; 2 on a usage error.`,
  async run(values, _positionals, app) {
    const digits = values.digits === undefined ? DEFAULT_DIGITS : digitsOption(values.digits as string);
    if (values.html !== undefined) outputDirectory('html', values.html as string);
    const jobs = values.jobs === undefined ? 1 : integerOption('jobs', values.jobs as string, 1, availableParallelism());
    // Refuse a file that cannot be written before the claims run, not after.
    if (values.junit !== undefined) outputFile('junit', values.junit as string);
    const summaryFile = values.summary ? stepSummaryFile() : undefined;
    const shard = values.shard === undefined ? undefined : shardOption(values.shard as string);
    if (values.json && values.markdown) throw new UsageError('--json and --markdown exclude each other');
    if (values['no-witnesses'] && values.witnesses !== undefined) throw new UsageError('--witnesses and --no-witnesses exclude each other');
    const consulted = values['no-witnesses']
      ? []
      : values.witnesses === undefined
        ? ALL_WITNESSES.map((w) => w.name)
        : (values.witnesses as string).split(',').map((s) => s.trim());
    if (consulted.some((w) => w === ''))
      throw new UsageError(
        `--witnesses = "${values.witnesses}": name at least one, comma-separated (${ALL_WITNESSES.map((w) => w.name).join(', ')}); --no-witnesses for none`,
      );
    let context: CheckContext;
    try {
      context = { witnesses: witnessesNamed(consulted), digits };
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    const all = await app.loadClaims();
    if (values.list) {
      if (values.json)
        process.stdout.write(
          `${JSON.stringify(
            all.map((c) => ({ id: c.id, equation: c.equation, section: c.section, statement: c.statement, expected: c.expected.status })),
            null,
            2,
          )}\n`,
        );
      else for (const c of all) process.stdout.write(`${c.id.padEnd(32)} ${c.equation.padEnd(36)} ${c.statement}\n`);
      return 0;
    }
    const only = (values.only as string[] | undefined) ?? [];
    const unknown = only.filter((id) => !all.some((c) => c.id === id));
    if (unknown.length > 0) throw new UsageError(`unknown claim id ${unknown.join(', ')} (see --list)`);
    const selected = only.length > 0 ? all.filter((c) => only.includes(c.id)) : all;
    if (shard !== undefined) {
      // A worker of --jobs: its part of the claims, as raw results for the parent to merge.
      exitWhenOrphaned();
      process.stdout.write(JSON.stringify(await runClaims(claimShardOf(selected, shard.shard, shard.of), context)));
      return 0;
    }
    const start = performance.now();
    const passOn = [
      ...only.flatMap((id) => ['--only', id]),
      ...(values['no-witnesses'] ? ['--no-witnesses'] : []),
      ...(values.witnesses !== undefined ? ['--witnesses', values.witnesses as string] : []),
      ...(values.digits !== undefined ? ['--digits', values.digits as string] : []),
    ];
    const results = await runClaimsOnCores(selected, jobs, passOn, context, (done, total, id) => {
      if (performance.now() - start > 1000) process.stderr.write(`[${Math.min(done, total)}/${total}] ${id}\n`);
    });
    // Assumption effects are figures for the reader of the whole ledger, not part of a selection.
    const assumptionResults = only.length > 0 ? [] : runAssumptions(await app.loadAssumptions());
    const seconds = (performance.now() - start) / 1000;
    const changes = changedVerdicts(results);
    const disagreements = disagreedClaims(results);
    if (values.junit !== undefined) writeFileSync(values.junit as string, renderJUnit(results, changes));
    if (values.html !== undefined) {
      writeOutputs(values.html as string, { 'index.html': await htmlReport(app, results, assumptionResults, changes, consulted) });
      process.stderr.write(`wrote index.html to ${values.html} (other files there are left as they are)\n`);
    }
    if (summaryFile !== undefined) appendStepSummary(summaryFile, renderStepSummary(results, changes));
    if (values.json)
      process.stdout.write(
        `${JSON.stringify({ ...ledgerJson(results, assumptionResults), changedVerdicts: changes, seconds: seconds.toFixed(3) }, null, 2)}\n`,
      );
    else if (values.markdown) process.stdout.write(renderMarkdown(results, assumptionResults));
    else process.stdout.write(`${renderText(results, assumptionResults, consulted)}\n${seconds.toFixed(2)} s\n`);
    for (const c of changes) process.stderr.write(`verdict changed: ${c.id} is ${describeChange(c)}\n`);
    if (changes.length === 0) process.stderr.write('every verdict is the one expected\n');
    const crashed = results.filter((r) => r.failed);
    for (const r of crashed) process.stderr.write(`check could not run: ${r.id}: ${r.verdict.status === 'unchecked' ? r.verdict.reason : ''}\n`);
    return changes.length > 0 || disagreements.length > 0 || crashed.length > 0 ? 1 : 0;
  },
};
