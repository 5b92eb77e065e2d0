/** Reading the arguments every command shares, once: an input file, --digits, --shard K/N, a decimal, the model's parameter flags. */
import { readFileSync } from 'node:fs';
import { DIGITS_RANGE } from '../numeric/context.ts';
import type { Application, ModelSource } from './application.ts';
import type { OptionTable, OptionValues } from './command.ts';
import { integerOption, UsageError } from './options.ts';
import { writeFilesTogether } from './output.ts';

/** The text of `file` (- is standard input), or a usage error naming it and why. */
export function readInput(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/** --digits: one range for every command. */
export function digitsOption(text: string): number {
  return integerOption('digits', text, DIGITS_RANGE.min, DIGITS_RANGE.max);
}

/** --shard K/N with 0 ≤ K < N: a worker's share. */
export function shardOption(text: string): { shard: number; of: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (m === null || !(Number(m[1]) < Number(m[2]))) throw new UsageError(`--shard = ${text.slice(0, 40)}: K/N with 0 ≤ K < N`);
  return { shard: Number(m[1]), of: Number(m[2]) };
}

const DECIMAL = /^(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** A non-negative decimal (or a positive one), as written, or a usage error naming the option. */
export function decimalOption(name: string, text: string, { positive }: { positive: boolean }): string {
  const x = Number(text);
  if (!DECIMAL.test(text) || !Number.isFinite(x) || (positive && x <= 0))
    throw new UsageError(
      `--${name} = ${text.slice(0, 40)}: a ${positive ? 'positive' : 'non-negative'} number${DECIMAL.test(text) ? ' within double range' : ''}`,
    );
  return text;
}

/** A flag per built-in model parameter (--delta, --chi, …), as solve and simulate take them. */
export function parameterOptions(app: Application): OptionTable {
  return Object.fromEntries(Object.entries(app.parameters).map(([k, help]) => [k, { type: 'string' as const, value: 'X', help }]));
}

export function parameterValues(app: Application, values: OptionValues): Record<string, string> {
  return Object.fromEntries(Object.keys(app.parameters).flatMap((k) => (typeof values[k] === 'string' ? [[k, values[k]]] : [])));
}

/** Writes a set of files together into `dir`, naming on standard error any it replaced. */
export function writeOutputs(dir: string, files: Readonly<Record<string, string>>): void {
  const replaced = writeFilesTogether(dir, files);
  if (replaced.length > 0) process.stderr.write(`replaced ${replaced.join(', ')} in ${dir}\n`);
}

/** The options that name a model: --model M with parameter flags, or --model-file FILE with --set NAME=VALUE. */
export function modelOptions(app: Application): OptionTable {
  return {
    model: {
      type: 'string',
      value: 'M',
      help: `a built-in model: ${app.modelNames.join(', ')} (modulated: model one; constant: model two; single: the one-mode detuned parametric amplifier of the paper's Ref. [30]; bae: ideal two-mode back-action evasion)`,
    },
    'model-file': { type: 'string', value: 'FILE', help: 'your own model file (YAML or JSON, docs/model-files.md)' },
    set: { type: 'string', multiple: true, value: 'NAME=VALUE', help: "a model file's parameter value" },
    ...parameterOptions(app),
  };
}

/** The model the options name (see modelOptions), read and checked for its kind. */
export function modelSource(app: Application, values: OptionValues): ModelSource {
  const raw = parameterValues(app, values);
  const file = values['model-file'] as string | undefined;
  if (file !== undefined) {
    if (values.model !== undefined || Object.keys(raw).length > 0)
      throw new UsageError('--model-file takes its parameters from --set NAME=VALUE, not --model or parameter flags');
    return { file, text: readInput(file), set: setValues((values.set as string[] | undefined) ?? []) };
  }
  if (values.model === undefined) throw new UsageError(`--model (${app.modelNames.join(', ')}) or --model-file FILE is required`);
  if (values.set !== undefined) throw new UsageError('--set goes with --model-file; a built-in model takes parameter flags');
  return { model: values.model as string, parameters: raw };
}

/** --set NAME=VALUE entries, each name once. */
function setValues(entries: readonly string[]): Record<string, string> {
  const set: Record<string, string> = {};
  for (const entry of entries) {
    const m = /^([A-Za-z][A-Za-z0-9]*)=(.*)$/.exec(entry);
    if (!m) throw new UsageError(`--set ${entry.slice(0, 40)}: NAME=VALUE expected`);
    if (m[1]! in set) throw new UsageError(`--set ${m[1]} is given twice`);
    set[m[1]!] = m[2]!;
  }
  return set;
}
