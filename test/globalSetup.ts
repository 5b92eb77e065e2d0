/**
 * The command-line tests run the bin, which runs the build in dist/: rebuild it first when a
 * source is newer (npm ci has built it on a fresh clone, so CI pays nothing here).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(path: string): number {
  const s = statSync(path);
  return s.isDirectory() ? Math.max(0, ...readdirSync(path).map((n) => newest(join(path, n)))) : s.mtimeMs;
}

export default function setup(): void {
  const stamp = 'dist/src/index.js';
  const sources = Math.max(...['src', 'proofs', 'tsconfig.json', 'tsconfig.build.json'].map(newest));
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= sources) return;
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
