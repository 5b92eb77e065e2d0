/**
 * Command-line options: node's strict parseArgs, plus what it leaves out. A flag given twice is
 * a usage error (unless it is documented as repeatable), never silently last-wins; an integer
 * option names its range.
 */
import { DetunedParampError } from '../exact/errors.ts';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how the command was called: exit 2, with the message and a pointer to --help. */
export class UsageError extends DetunedParampError {
  constructor(message: string) {
    super('USAGE', message);
  }
}

type Parsed<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

export function parseOptions<T extends ParseArgsConfig>(config: T): Parsed<T> {
  const parsed = parseArgs({ ...config, strict: true, tokens: true });
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    const multiple = config.options?.[token.name]?.multiple === true;
    if (seen.has(token.name) && !multiple) throw new UsageError(`--${token.name} is given twice; give it once`);
    seen.add(token.name);
  }
  return parsed as Parsed<T>;
}

/** An integer option within [min, max], or a usage error naming it and its range. */
export function integerOption(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) throw new UsageError(`--${name} = ${text.slice(0, 40)}: an integer from ${min} to ${max}`);
  return n;
}
