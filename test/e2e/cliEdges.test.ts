/** The command line's edges, in process where they can be: options, output files, parameter bounds. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareResults } from '../../src/app/compare.ts';
import { referenceCsv, referenceRows } from '../../src/app/reference.ts';
import { exitCodeOf, main } from '../../src/cli/main.ts';
import { ledger } from '../../proofs/ledger.ts';
import { integerOption, parseOptions, UsageError } from '../../src/cli/options.ts';
import { outputDirectory, outputFile, writeFilesTogether } from '../../src/cli/output.ts';
import { renderText } from '../../src/verify/report/text.ts';
import { Decimal } from 'decimal.js';
import { independentS } from '../support/independentClosedForms.ts';
import { PrecisionError, solveModel } from '../../src/app/solve.ts';
import { resolveParameters } from '../../src/models/parameters.ts';
import { ParameterError } from '../../src/models/values.ts';
import { parameterValue } from '../../src/models/modelFile.ts';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/detuned-paramp.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('options', () => {
  const options = { mu: { type: 'string' as const }, only: { type: 'string' as const, multiple: true } };
  it('at --digits 500 every number is proved, χ_th too: √901 correctly rounded to its printed digits (a stability quantity that touches 0 at the threshold has a sign the decimal bisection cannot read there; the exact bracket repairs it)', () => {
    const r = run('solve', '--model', 'modulated', '--delta', '30', '--chi', '25', '--nbar', '5', '--mu', '5', '--digits', '500', '--json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as { certified: boolean; chiTh: string };
    expect(j.certified).toBe(true);
    const Wide = Decimal.clone({ precision: 1100 });
    const digitsPrinted = j.chiTh.replace('.', '').length;
    expect(digitsPrinted).toBeGreaterThanOrEqual(500);
    expect(
      new Wide(j.chiTh)
        .minus(new Wide(901).sqrt())
        .abs()
        .lte(new Wide(10).pow(1 - digitsPrinted).times(5)),
    ).toBe(true);
  }, 60_000);
  it('a flag given twice is a usage error; a repeatable one is not', () => {
    expect(() => parseOptions({ args: ['--mu', '1', '--mu=-1'], options })).toThrow(UsageError);
    expect(() => parseOptions({ args: ['--mu=1', '--mu=2'], options })).toThrow(/--mu is given twice/);
    expect(parseOptions({ args: ['--only', 'a', '--only', 'b'], options }).values.only).toEqual(['a', 'b']);
  });
  it('an integer option names its range', () => {
    expect(() => integerOption('jobs', '0', 1, 2)).toThrow(/--jobs = 0: an integer from 1 to 2/);
    expect(integerOption('jobs', '2', 1, 2)).toBe(2);
  });
});

describe('parameters', () => {
  it('a model name is an own property: constructor, __proto__ and toString are refused', () => {
    for (const name of ['constructor', '__proto__', 'toString']) expect(() => resolveParameters(name as 'modulated', {}), name).toThrow(ParameterError);
  });
  it('values are bounded before they are read: length, exponent, magnitude', () => {
    for (const [mu, message] of [
      ['1e-1000000', /exponent is beyond ±300/],
      ['1e999999999999', /exponent is beyond ±300/],
      ['1e301', /outside the supported magnitudes/],
      ['2e-301', /outside the supported magnitudes/],
      ['1'.repeat(1101), /longer than 1100 characters/],
    ] as const) {
      expect(() => resolveParameters('modulated', { delta: '1', chi: '1', mu }), mu.slice(0, 20)).toThrow(message);
    }
    expect(parameterValue(resolveParameters('modulated', { delta: '1', chi: '1', mu: '1e300' }), 'mu').toString()).toMatch(/^1000/);
  });
});

describe('strong measurement is an easy limit', () => {
  it('μ up to 1e300 converges in every model that measures every quadrature, to S → 1; back-action evasion to 1e50, and past that it says so', () => {
    for (const [model, params] of [
      ['modulated', { delta: '30', chi: '25', nbar: '5' }],
      ['constant', { coupling: '30', chi: '25', nbar: '5' }],
      ['single', { delta: '30', chi: '25', nbar: '5' }],
      ['bae', { nbar: '5' }],
    ] as const) {
      for (const mu of model === 'bae' ? ['1e20', '1e50'] : ['1e20', '1e50', '1e300']) {
        const s = solveModel(resolveParameters(model, { ...params, mu }), 20);
        expect(s.conditional, `${model} μ = ${mu}`).toBeDefined();
        if (s.analysis && model !== 'bae') expect(s.analysis.S.minus(1).abs().lt('1e-15'), `${model} μ = ${mu}`).toBe(true);
      }
    }
    // X₊ and Y₋ alone: the unmeasured pair's back-action grows like μ, and Newton-Kleinman from 0 needs ~log₂ μ steps.
    expect(() => solveModel(resolveParameters('bae', { nbar: '5', mu: '1e300' }), 20)).toThrow(PrecisionError);
    // At μ = 1e20 the tiny E_N = −ln S of model one keeps its relative digits: S from the closed form typed independently.
    const en = solveModel(resolveParameters('modulated', { delta: '30', chi: '25', nbar: '5', mu: '1e20' }), 20).analysis!.logNegativity;
    const closed = new Decimal(independentS('1', '30', '25', '5', '1e20', '1')).ln().neg();
    expect(en.minus(closed).abs().div(closed).lt('1e-10')).toBe(true);
  }, 120_000);
});

describe('output', () => {
  it('an output directory is checked up front', () => {
    expect(() => outputDirectory('out', '')).toThrow(/--out is empty/);
    expect(() => outputDirectory('out', '/dev/null')).toThrow(/exists and is not a directory/);
    expect(() => outputDirectory('out', '/proc/detuned-paramp-test')).toThrow(/cannot write there/);
    for (const dir of ['/proc', '/sys/kernel']) expect(() => outputDirectory('out', dir), dir).toThrow(/cannot write there/);
    const dir = join(mkdtempSync(join(tmpdir(), 'out-')), 'a', 'b');
    expect(outputDirectory('out', dir)).toBe(dir);
    // Checked, not made: a refused or interrupted run leaves no new directory.
    expect(existsSync(join(dir, '..'))).toBe(false);
  });
  it('an output file is checked up front', () => {
    expect(() => outputFile('junit', '')).toThrow(/--junit is empty/);
    expect(() => outputFile('junit', tmpdir())).toThrow(/is a directory/);
    expect(() => outputFile('junit', '/proc/nope/x.xml')).toThrow(/cannot write there/);
    expect(() => outputFile('junit', '/proc/x.xml')).toThrow(/cannot write there/);
    expect(() => outputFile('junit', '/dev/full')).toThrow(/cannot write there \(ENOSPC\)/);
    expect(outputFile('junit', '/dev/null')).toBe('/dev/null');
  });
  it('files are written together under temporary names, and a replaced one is named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'out-'));
    writeFileSync(join(dir, 'a.json'), 'old');
    expect(writeFilesTogether(dir, { 'a.json': 'new', 'b.csv': 'x' })).toEqual(['a.json']);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.csv']);
  });
  it('a set is written all or nothing: a target that is a directory is refused before anything is written, and no partial is left', () => {
    const dir = mkdtempSync(join(tmpdir(), 'out-'));
    writeFileSync(join(dir, 'reference.json'), 'old');
    mkdirSync(join(dir, 'reference.csv'));
    expect(() => writeFilesTogether(dir, { 'reference.json': 'new', 'reference.csv': 'x' })).toThrow(/reference\.csv is a directory: nothing written/);
    expect(readFileSync(join(dir, 'reference.json'), 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['reference.csv', 'reference.json']);
  });
  it('a failed write removes its partials and the directory it made', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'out-')), 'new');
    expect(() => writeFilesTogether(dir, { 'a.txt': 'x', 'sub/b.txt': 'y' })).toThrow(/nothing written/);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('files and streams, end to end', () => {
  it('outputs that cannot be written are refused before any computing, exit 2, and a refused run makes no directory', () => {
    const fresh = join(mkdtempSync(join(tmpdir(), 'refused-')), 'never');
    for (const args of [
      ['reference', '--out', '/proc'],
      ['simulate', '--model', 'modulated', '--delta', '30', '--chi', '25', '--mu', '5', '--duration', '1', '--dt', '1e-4', '--out', '/proc'],
      ['verify', '--html', '/proc'],
      ['verify', '--junit', '/proc/x.xml'],
      ['verify', '--junit', '/dev/full'],
      ['simulate', '--model', 'modulated', '--delta', '30', '--chi', '25', '--mu', '5', '--duration', '1', '--dt', '1', '--out', fresh],
    ]) {
      const started = performance.now();
      const r = run(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).not.toMatch(/\n\s+at /);
      expect(r.stderr).not.toMatch(/\[1\/\d+\]/);
      expect(performance.now() - started, args.join(' ')).toBeLessThan(5000);
    }
    expect(existsSync(fresh)).toBe(false);
  });
  it('standard output that cannot be written: /dev/full is one line and exit 1, a closed pipe stops quietly', () => {
    for (const command of ['solve --model modulated --delta 30 --chi 25 --mu 5', '--help', 'verify --list']) {
      const r = spawnSync('bash', ['-c', `node bin/detuned-paramp.js ${command} > /dev/full`], { encoding: 'utf8' });
      expect(r.status, command).toBe(1);
      expect(r.stderr.trim().split('\n'), command).toHaveLength(1);
      expect(r.stderr).toMatch(/cannot write the output \(ENOSPC\)/);
    }
    // bash's own ${PIPESTATUS[0]}: the exit status of the command whose pipe head closed.
    const pipeStatus = '$' + '{PIPESTATUS[0]}';
    const piped = spawnSync('bash', ['-c', `node bin/detuned-paramp.js verify --list | head -1; echo "status ${pipeStatus}" >&2`], { encoding: 'utf8' });
    expect(piped.stderr.trim()).toBe('status 0');
  });
  it('GITHUB_STEP_SUMMARY is checked before any claim runs: a full device, a directory or a missing path is exit 2', () => {
    for (const summary of ['/dev/full', tmpdir(), '/nonexistent/summary.md']) {
      const r = spawnSync(process.execPath, ['bin/detuned-paramp.js', 'verify', '--summary'], {
        encoding: 'utf8',
        env: { ...process.env, GITHUB_STEP_SUMMARY: summary },
      });
      expect(r.status, summary).toBe(2);
      expect(r.stderr, summary).toMatch(/--summary: GITHUB_STEP_SUMMARY = /);
      expect(r.stderr).not.toMatch(/\[1\/\d+\]/);
    }
  });
  it('verify --list --json prints JSON; --witnesses "" is a usage error', () => {
    const list = run('verify', '--list', '--json');
    expect(list.status).toBe(0);
    const claims = JSON.parse(list.stdout) as Array<{ id: string; expected: string }>;
    expect(claims.find((c) => c.id === 'eq2.chi')?.expected).toBe('erratum');
    const empty = run('verify', '--witnesses', '');
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/--witnesses = "": name at least one/);
  });
  it('a worker stops soon after its parent is killed', async () => {
    const parent = spawn(process.execPath, ['bin/detuned-paramp.js', 'verify', '--jobs', '2', '--no-witnesses'], { stdio: 'ignore' });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const workers = () => spawnSync('pgrep', ['-f', 'detuned-paramp.js verify.*--shard'], { encoding: 'utf8' }).stdout.trim();
    expect(workers()).not.toBe('');
    parent.kill('SIGINT');
    const deadline = performance.now() + 3000;
    while (workers() !== '' && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(workers()).toBe('');
  }, 20_000);
  it("figure2's square roots at 500 digits are values the parameters take (the 400-character limit refused them)", () => {
    const root = `5.${'3'.repeat(535)}`;
    expect(() => resolveParameters('modulated', { delta: root, chi: '25' })).not.toThrow();
  });
});

describe('the job summary', () => {
  it('verify --summary appends to GITHUB_STEP_SUMMARY, and says so when it is not set', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'summary-')), 'step.md');
    writeFileSync(file, 'earlier step\n');
    const withSummary = (env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, ['bin/detuned-paramp.js', 'verify', '--no-witnesses', '--only', 'eq2.chi', '--summary'], {
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
    expect(withSummary({ GITHUB_STEP_SUMMARY: file }).status).toBe(0);
    const summary = readFileSync(file, 'utf8');
    expect(summary.startsWith('earlier step\n## detuned-paramp verify')).toBe(true);
    expect(summary).toContain('1 claims: 0 verified, 0 convention, 1 erratum, 0 unchecked.');
    expect(summary).toMatch(/\| `eq2\.chi` \| \(2\), text \| .+ \|/);
    const unset = withSummary({ GITHUB_STEP_SUMMARY: '' });
    expect(unset.status).toBe(0);
    expect(unset.stderr).toContain('--summary: GITHUB_STEP_SUMMARY is not set');
  });
});

describe('the text ledger', () => {
  it('says no witness was consulted when none was, and names the ones that were', () => {
    expect(renderText([], [], [])).toMatch(/no witness consulted: the exact engine alone/);
    expect(renderText([], [], ['nerdamer'])).toMatch(/every witness consulted \(nerdamer\) agreed/);
  });
});

describe('the command', () => {
  it('bad calls exit 2 before any computing, naming the problem (in process)', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['solve', '--model', 'constructor'], /"constructor" is not one of/],
      [['solve', '--model', 'modulated', '--delta', '1', '--chi', '1', '--mu', '1', '--mu=-1'], /--mu is given twice/],
      [['figure2', '--out', '/dev/null'], /exists and is not a directory/],
      [['reference', '--out', ''], /--out is empty/],
      [['verify', '--ledger', 'VERIFICATION.md'], /Unknown option '--ledger'/],
      [['verify', '--junit', '/proc/nope/x.xml'], /cannot write there/],
      [['verify', '--html', '/proc/detuned-paramp-report'], /--html \/proc\/detuned-paramp-report: cannot write there/],
      [['verify', '--html', '/dev/null'], /--html \/dev\/null: exists and is not a directory/],
      [['verify', '--jobs', '999'], /--jobs = 999: an integer from 1 to/],
      [['solve', '--model', 'modulated', '--delta', '1', '--chi', '1', '--digits', '501'], /--digits = 501: an integer from 20 to 500/],
      [['figure2', '--out', '/tmp', '--points', '2'], /--points = 2: an integer from 3 to 2001/],
      [['figure2', '--out', '/tmp', '--digits', '19'], /--digits = 19: an integer from 20 to 500/],
      [['reference', '--digits', '40'], /--out DIR is required/],
      [['compare', 'x.csv', '--rtol=-1'], /--rtol = -1: a non-negative number/],
      [['compare', '/nonexistent.csv'], /cannot read \/nonexistent.csv: ENOENT/],
      [['compare'], /compare takes one FILE/],
      [['verify', '--json', '--markdown'], /--json and --markdown exclude each other/],
      [['verify', '--witnesses', 'maple'], /unknown witness maple/],
    ];
    for (const [args, message] of cases) {
      const err = await main(args, ledger).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err, args.join(' ')).toBeInstanceOf(Error);
      expect((err as Error).message).toMatch(message);
      expect(exitCodeOf(err), args.join(' ')).toBe(2);
    }
  });
  it('a solution that cannot hold its digits within 980 working digits exits 1, naming the cause and the parameters', () => {
    const r = run('solve', '--model', 'modulated', '--gamma=1e-300', '--delta=1e300', '--chi=1e300', '--mu=1e-300', '--digits', '30');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/did not hold 30 digits between two working precisions up to 980 .*--gamma 1e-300/);
    expect(r.stdout).toBe('');
  }, 60_000);

  it('compare reads standard input from -', () => {
    const r = spawnSync(process.execPath, ['bin/detuned-paramp.js', 'compare', '-', '--json'], {
      input: 'model,delta,chi,mu,S\nmodulated,30,25,5,1\n',
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).rows[0].regime).toBe('below-threshold');
  }, 30_000);
});

describe('the reference dataset', () => {
  it('the reference dataset passes against itself', () => {
    const result = compareResults(referenceCsv(referenceRows(30)), { rtol: '1e-20', atol: '1e-25' });
    expect(result.failed).toBe(0);
    expect(result.passed).toBeGreaterThan(200);
  }, 60_000);
});
