/** What a report says about the tool that made it: the package version and, in a git checkout of this package, the commit. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { packageFile } from '../models/packageFile.ts';

export function toolVersion(): string {
  return (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }).version;
}

/** The commit of this package's own checkout (an installed copy inside another repository has none), with "+ local changes" when the tree differs from it. */
export function gitCommit(): string {
  const root = dirname(packageFile('package.json'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
  try {
    if (resolve(git('rev-parse', '--show-toplevel')) !== resolve(root)) return 'none (not a git checkout of detuned-paramp)';
    const commit = git('rev-parse', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no') === '' ? commit : `${commit} + local changes`;
  } catch {
    return 'none (not a git checkout of detuned-paramp)';
  }
}
