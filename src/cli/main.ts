/**
 * The detuned-paramp command: one module per command (src/cli/commands/), each with its own
 * option table and --help. Exit codes: 0 success; 1 a verdict changed, a witness disagreed, a
 * comparison failed or a check could not run; 2 a usage error. No stack trace reaches the user.
 */
import type { Application, Commands, Ledger } from './application.ts';
import { type CommandSpec, runCommand, wrap } from './command.ts';
import { compare } from './commands/compare.ts';
import { derive } from './commands/derive.ts';
import { figure2 } from './commands/figure2.ts';
import { reference } from './commands/reference.ts';
import { simulate } from './commands/simulate.ts';
import { solve } from './commands/solve.ts';
import { verify } from './commands/verify.ts';
import { UsageError } from './options.ts';
import { commands as paperCommands } from './paperApplication.ts';

const COMMANDS: readonly CommandSpec[] = [verify, solve, derive, simulate, figure2, reference, compare];

function helpText(): string {
  return [
    'detuned-paramp: re-derives and audits the equations of',
    '  Szorkovszky, Clerk, Doherty, Bowen, "Mechanical entanglement via detuned parametric',
    '  amplification", New J. Phys. 16, 063043 (2014), arXiv:1402.6392.',
    '',
    'Commands:',
    ...COMMANDS.flatMap((c) => [`  detuned-paramp ${c.synopsis}`, wrap(c.summary, 6)]),
    '  detuned-paramp help',
    '      this text',
    '',
    'detuned-paramp COMMAND --help lists what each command does and every option it takes.',
    '',
    'Verdicts (verify): verified, the printed form equals the derived one; convention, it does under a',
    'named convention; erratum, it does not (printed against derived, and what follows); unchecked, not',
    'checked, with the reason.',
    '',
    'Conventions: ħ = 1 in rotating frames; X = (a + a†)/√2, Y = −i(a − a†)/√2, [X, Y] = i; a frame',
    'rotating at ω takes a -> a e^(−iωt); γ is the amplitude damping rate (Lindblad terms',
    '2γ(N+1) D[a] + 2γN D[a†]). Options are given once each (a repeated flag is a usage error) except',
    'the ones marked repeatable; output directories and files are checked before any computing, and',
    'a set of files is written under temporary names and renamed together.',
    '',
    'Exit codes: 0 success; 1 a verdict changed, a witness disagreed, a comparison failed or a check',
    'could not run; 2 a usage error or a parameter out of range (the message names it and its range).',
  ].join('\n');
}

/**
 * Runs one command line (without `node` and the script); resolves to its exit code, or rejects
 * with the error the user is told of. `ledger` is what verify checks; `commands` the models and
 * figures (the paper's, unless a test hands others).
 */
export async function main(argv: string[], ledger: Ledger, commands: Commands = paperCommands): Promise<number> {
  const app: Application = { ...commands, ...ledger };
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(`${helpText()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) throw new UsageError(`unknown command "${name}" (commands: ${[...COMMANDS.map((c) => c.name), 'help'].join(', ')})`);
  return runCommand(command, rest, app);
}

/** The exit code of an error: 2 for a usage error (the message then points at --help), 1 otherwise. */
export function exitCodeOf(err: unknown): 1 | 2 {
  return err instanceof UsageError || (err as { code?: string } | null)?.code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1;
}

/**
 * Standard output that cannot take what is written: a closed pipe (`| head`) ends the run
 * quietly; anything else (a full disk, /dev/full) is one line on standard error and exit 1.
 */
function guardStandardOutput(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`detuned-paramp: cannot write the output (${err.code ?? err.message})\n`);
    process.exit(1);
  });
}

/** main, with errors reported on standard error and every outcome set as the process's exit code: what the bin runs. */
export async function run(argv: string[], ledger: Ledger): Promise<void> {
  guardStandardOutput();
  try {
    process.exitCode = await main(argv, ledger);
  } catch (err) {
    process.stderr.write(`detuned-paramp: ${err instanceof Error ? err.message : String(err)}\n`);
    if (exitCodeOf(err) === 2) {
      const known = COMMANDS.some((c) => c.name === argv[0]);
      process.stderr.write(`try: detuned-paramp ${known ? `${argv[0]} ` : ''}--help\n`);
    }
    process.exitCode = exitCodeOf(err);
  }
}
