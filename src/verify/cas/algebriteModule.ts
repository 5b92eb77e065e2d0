/**
 * Algebrite 1.4.0, loaded with one performance fix. Three of its routines sort a slice of its
 * global stack and then rebuild the whole stack array with
 *     stack = stack.slice(0, h).concat(subsetOfStack).concat(stack.slice(h + n));
 * which copies every stack entry ever used on each call: expand(x/2) takes about 40 ms, and
 * algebrite was three quarters of verify's time. Writing the sorted slice back in place gives an
 * array with the same entries in the same places, so every result is unchanged (a test compares
 * the two modules' output); expand(x/2) then takes under 1 ms. If the statement is not found
 * exactly as expected (another algebrite version), the module is loaded as published.
 */
import { readFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname } from 'node:path';
import type Algebrite from 'algebrite';

const require = createRequire(import.meta.url);

const COPYING_REBUILD = 'stack = stack.slice(0, h).concat(subsetOfStack).concat(stack.slice(h + n));';
const IN_PLACE = 'for (var k_ = 0; k_ < n; k_++) { stack[h + k_] = subsetOfStack[k_]; }';
const OCCURRENCES = 3;

interface CompilableModule {
  filename: string;
  paths: string[];
  exports: unknown;
  _compile(source: string, filename: string): void;
}
type ModuleInternals = { new (id: string): CompilableModule; _nodeModulePaths(dir: string): string[] };

/** Algebrite as published, for the test that the fix changes no result. */
export function publishedAlgebrite(): typeof Algebrite {
  return require('algebrite') as typeof Algebrite;
}

/** Whether the installed algebrite has the three copying rebuilds the fix replaces (1.4.0 does). */
export function fixApplies(source = readFileSync(require.resolve('algebrite'), 'utf8')): boolean {
  return source.split(COPYING_REBUILD).length - 1 === OCCURRENCES;
}

/** Algebrite with the stack written back in place; as published if its source is not the expected one. */
export function fastAlgebrite(): typeof Algebrite {
  const filename = require.resolve('algebrite');
  const source = readFileSync(filename, 'utf8');
  if (!fixApplies(source)) return publishedAlgebrite();
  // `return stack = …` (sort_stack's last line) becomes the loop followed by `return stack`.
  const fixed = source.replaceAll(`return ${COPYING_REBUILD}`, `${IN_PLACE} return stack;`).replaceAll(COPYING_REBUILD, IN_PLACE);
  const M = Module as unknown as ModuleInternals;
  const m = new M(filename);
  m.filename = filename;
  m.paths = M._nodeModulePaths(dirname(filename));
  m._compile(fixed, filename);
  return m.exports as typeof Algebrite;
}
