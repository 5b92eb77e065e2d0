/**
 * Algebrite, as the algebrite witness loads it: the vendored 1.4.0 with its stack sorted in place
 * (vendor/algebrite: the file, its diff from the published one, why, and the upstream report),
 * and the published module, for the test that the two give the same results.
 */
import { createRequire } from 'node:module';
import type Algebrite from 'algebrite';
import { packageFile } from '../../models/packageFile.ts';

const require = createRequire(import.meta.url);

/** Algebrite as published. */
export function publishedAlgebrite(): typeof Algebrite {
  return require('algebrite') as typeof Algebrite;
}

/** Algebrite with its stack written back in place (vendor/algebrite/algebrite.cjs). */
export function fastAlgebrite(): typeof Algebrite {
  return require(packageFile('vendor/algebrite/algebrite.cjs')) as typeof Algebrite;
}
