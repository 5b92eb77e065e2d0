/**
 * Where commands write files: the output directory is checked before any computing (exit 2 if
 * it cannot be a writable directory), and a set of files is written under temporary names and
 * renamed only when all are written, so an interrupted run leaves no half-written file.
 */
import { accessSync, constants, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from './options.ts';

/** Makes sure `dir` is (or can be made) a writable directory; a usage error naming the problem otherwise. */
export function outputDirectory(option: string, dir: string): string {
  if (dir.trim() === '') throw new UsageError(`--${option} is empty: give a directory`);
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`--${option} ${dir}: exists and is not a directory`);
  try {
    makeDirectory(resolve(dir));
    accessSync(dir, constants.W_OK);
  } catch (err) {
    throw new UsageError(`--${option} ${dir}: cannot write there (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return dir;
}

/**
 * mkdir -p one level at a time: node's recursive mkdir loops forever under /proc, where mkdir
 * fails with ENOENT although the parent exists.
 */
function makeDirectory(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) makeDirectory(parent);
  mkdirSync(dir);
}

/** Makes sure a file can be written at `path` (its directory exists and is writable, and it is not a directory). */
export function outputFile(option: string, path: string): string {
  if (path.trim() === '') throw new UsageError(`--${option} is empty: give a file name`);
  if (existsSync(path) && statSync(path).isDirectory()) throw new UsageError(`--${option} ${path}: is a directory`);
  try {
    accessSync(dirname(resolve(path)), constants.W_OK);
    if (existsSync(path)) accessSync(path, constants.W_OK);
  } catch (err) {
    throw new UsageError(`--${option} ${path}: cannot write there (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return path;
}

/** Writes every file to a temporary name, then renames them all; returns the names that replaced an existing file. */
export function writeFilesTogether(dir: string, files: Readonly<Record<string, string>>): string[] {
  const staged = Object.entries(files).map(([name, content]) => ({ name, temporary: join(dir, `.${name}.${process.pid}.partial`), content }));
  try {
    for (const f of staged) writeFileSync(f.temporary, f.content);
  } catch (err) {
    for (const f of staged) rmSync(f.temporary, { force: true });
    throw err;
  }
  const replaced = staged.filter((f) => existsSync(join(dir, f.name))).map((f) => f.name);
  for (const f of staged) renameSync(f.temporary, join(dir, f.name));
  return replaced;
}
