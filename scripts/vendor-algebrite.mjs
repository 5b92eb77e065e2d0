// Writes vendor/algebrite/algebrite.cjs: Algebrite 1.4.0's dist/algebrite.js with its stack written
// back in place (see vendor/algebrite/README.md), and the diff beside it. Run after changing the
// algebrite pin: node scripts/vendor-algebrite.mjs. test/cas.test.ts fails until the vendored file
// is what this script makes from the installed algebrite.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const COPYING_REBUILD = 'stack = stack.slice(0, h).concat(subsetOfStack).concat(stack.slice(h + n));';
export const IN_PLACE = 'for (var k_ = 0; k_ < n; k_++) { stack[h + k_] = subsetOfStack[k_]; }';
const OCCURRENCES = 3;

/** The published source with the three copying rebuilds written in place; throws if the source is not the expected one. */
export function vendoredSource(published) {
  const found = published.split(COPYING_REBUILD).length - 1;
  if (found !== OCCURRENCES) throw new Error(`algebrite: expected ${OCCURRENCES} copying stack rebuilds, found ${found}: another version; review the fix`);
  // `return stack = …` (sort_stack's last line) becomes the loop followed by `return stack`.
  return published.replaceAll(`return ${COPYING_REBUILD}`, `${IN_PLACE} return stack;`).replaceAll(COPYING_REBUILD, IN_PLACE);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const publishedPath = require.resolve('algebrite');
  const version = JSON.parse(readFileSync(require.resolve('algebrite/package.json'), 'utf8')).version;
  writeFileSync('vendor/algebrite/algebrite.cjs', vendoredSource(readFileSync(publishedPath, 'utf8')));
  let diff = '';
  try {
    execFileSync(
      'diff',
      ['-u', '--label', `algebrite-${version}/dist/algebrite.js`, '--label', 'vendor/algebrite/algebrite.cjs', publishedPath, 'vendor/algebrite/algebrite.cjs'],
      { encoding: 'utf8' },
    );
  } catch (err) {
    diff = err.stdout; // diff exits 1 when the files differ
  }
  writeFileSync('vendor/algebrite/in-place-stack.diff', diff);
  process.stdout.write(`wrote vendor/algebrite/algebrite.cjs and in-place-stack.diff from algebrite ${version}\n`);
}
