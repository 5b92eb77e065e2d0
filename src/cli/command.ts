/**
 * A command is a declarative record: its synopsis, what it does, an option table and a run
 * function. Parsing, `--help` and the refusals shared by every command come from the table, so
 * each command's help lists exactly the options it takes.
 */
import type { Application } from './application.ts';
import { parseOptions, UsageError } from './options.ts';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly help: string;
  /** The value's placeholder in the help: N, DIR, FILE. */
  readonly value?: string;
  readonly multiple?: boolean;
  readonly default?: string | boolean;
  readonly short?: string;
  /** Internal (a worker's --shard): accepted, not listed. */
  readonly internal?: boolean;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;
export type OptionValues = Readonly<Record<string, string | boolean | string[] | undefined>>;

export interface CommandSpec {
  readonly name: string;
  /** What follows `detuned-paramp`: "solve --model M [parameters] [--digits N] [--json]". */
  readonly synopsis: string;
  /** One line, for the list of commands. */
  readonly summary: string;
  /** What it does, in the command's --help. */
  readonly description: string;
  readonly options: (app: Application) => OptionTable;
  /** How many positional arguments it takes, and what they are ("one FILE"). */
  readonly positionals?: { readonly count: number; readonly what: string };
  /** Text after the option list: output keys, exit codes. */
  readonly notes?: string;
  run(values: OptionValues, positionals: readonly string[], app: Application): Promise<number>;
}

const HELP: OptionSpec = { type: 'boolean', short: 'h', default: false, help: 'this text' };
const COLUMN = 23;
const WIDTH = 100;

/** Words wrapped to WIDTH, each line after the first indented to `indent`. */
export function wrap(text: string, indent: number, first = ''): string {
  const lines: string[] = [];
  let line = first.padEnd(indent);
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line.trim() !== '' && line.length + word.length + 1 > WIDTH && line.length > indent) {
      lines.push(line.trimEnd());
      line = ' '.repeat(indent);
    }
    line += line.length === indent || line.endsWith(' ') ? word : ` ${word}`;
  }
  lines.push(line.trimEnd());
  return lines.join('\n');
}

/** A command's --help, generated from its option table. */
export function commandHelp(spec: CommandSpec, app: Application): string {
  const table = { ...spec.options(app), help: HELP };
  const options = Object.entries(table)
    .filter(([, o]) => !o.internal)
    .map(([name, o]) => {
      const flag = `  ${o.short ? `-${o.short}, ` : ''}--${name}${o.value ? ` ${o.value}` : ''}`;
      const extra = [o.multiple ? 'repeatable' : '', typeof o.default === 'string' ? `default ${o.default}` : ''].filter(Boolean).join('; ');
      const text = `${o.help}${extra ? ` (${extra})` : ''}`;
      // A flag too long for its column gets a line of its own.
      return flag.length >= COLUMN - 1 ? `${flag}\n${wrap(text, COLUMN, ' '.repeat(COLUMN))}` : wrap(text, COLUMN, flag);
    });
  return [
    `detuned-paramp ${spec.synopsis}`,
    '',
    spec.description
      .split('\n\n')
      .map((p) => wrap(p, 0))
      .join('\n\n'),
    '',
    'Options:',
    ...options,
    ...(spec.notes
      ? [
          '',
          spec.notes
            .split('\n\n')
            .map((p) => wrap(p, 0))
            .join('\n\n'),
        ]
      : []),
  ].join('\n');
}

/** Parses `args` by the command's table, answers --help, checks the positionals, and runs it. */
export async function runCommand(spec: CommandSpec, args: string[], app: Application): Promise<number> {
  const table = spec.options(app);
  const options = Object.fromEntries(
    Object.entries({ ...table, help: HELP }).map(([name, o]) => [
      name,
      {
        type: o.type,
        ...(o.multiple ? { multiple: true } : {}),
        ...(o.short ? { short: o.short } : {}),
        ...(o.default !== undefined ? { default: o.default } : {}),
      },
    ]),
  );
  const { values, positionals } = parseOptions({ args, options, allowPositionals: spec.positionals !== undefined });
  if (values.help === true) {
    process.stdout.write(`${commandHelp(spec, app)}\n`);
    return 0;
  }
  if (spec.positionals !== undefined && positionals.length !== spec.positionals.count) throw new UsageError(`${spec.name} takes ${spec.positionals.what}`);
  return spec.run(values as OptionValues, positionals, app);
}
