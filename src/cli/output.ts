/**
 * Where commands write files. An output is checked before any computing by actually creating and
 * removing a probe there (access() says yes to root even under /proc), and nothing is created
 * then: a refused or interrupted run leaves no new directory. A set of files is written all or
 * nothing: under temporary names, renamed only when all are written, every partial removed on
 * every failure, and a target that is a directory refused before anything is written.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from './options.ts';

const reason = (err: unknown) => (err as NodeJS.ErrnoException).code ?? (err as Error).message;

/** The nearest existing ancestor of `path` (itself if it exists). */
function existingAncestor(path: string): string {
  let p = resolve(path);
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  return p;
}

/** The first directory below `ancestor` on the way to `dir` that does not exist yet. */
function firstMissing(dir: string, ancestor: string): string | undefined {
  const target = resolve(dir);
  return target === ancestor ? undefined : join(ancestor, target.slice(ancestor.length).split('/').find(Boolean)!);
}

/** Creates and removes a file in `dir`, and a directory where `missing` would be made; throws what the file system says. */
function probe(dir: string, missing: string | undefined): void {
  if (missing !== undefined) {
    mkdirSync(missing);
    rmdirSync(missing);
  }
  const file = join(dir, `.detuned-paramp-probe-${process.pid}`);
  writeFileSync(file, '');
  rmSync(file);
}

/** Makes sure `dir` is, or can be made, a writable directory, without making it; a usage error naming the problem otherwise. */
export function outputDirectory(option: string, dir: string): string {
  if (dir.trim() === '') throw new UsageError(`--${option} is empty: give a directory`);
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`--${option} ${dir}: exists and is not a directory`);
  const ancestor = existingAncestor(dir);
  if (!statSync(ancestor).isDirectory()) throw new UsageError(`--${option} ${dir}: ${ancestor} is not a directory`);
  try {
    probe(ancestor, firstMissing(dir, ancestor));
  } catch (err) {
    throw new UsageError(`--${option} ${dir}: cannot write there (${reason(err)})`);
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

/**
 * Makes sure a file can be written at `path`: its directory is writable (probed) and it is not a
 * directory; an existing device takes a one-byte write (/dev/null does, /dev/full does not).
 */
export function outputFile(option: string, path: string): string {
  if (path.trim() === '') throw new UsageError(`--${option} is empty: give a file name`);
  try {
    if (existsSync(path)) {
      const s = statSync(path);
      if (s.isDirectory()) throw new UsageError(`--${option} ${path}: is a directory`);
      if (s.isFile() || s.isCharacterDevice()) {
        const fd = openSync(path, s.isFile() ? 'r+' : 'w');
        try {
          if (s.isCharacterDevice()) writeSync(fd, Buffer.alloc(1));
        } finally {
          closeSync(fd);
        }
      }
    } else {
      probe(dirname(resolve(path)), undefined);
    }
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`--${option} ${path}: cannot write there (${reason(err)})`);
  }
  return path;
}

/**
 * Writes every file to a temporary name in `dir` (made now, if it is new), then renames them all;
 * returns the names that replaced an existing file. A target that is a directory, or a failed
 * write, is a usage error and leaves nothing behind: no partial file, no new directory.
 */
export function writeFilesTogether(dir: string, files: Readonly<Record<string, string>>): string[] {
  const blocked = Object.keys(files).filter((name) => existsSync(join(dir, name)) && statSync(join(dir, name)).isDirectory());
  if (blocked.length > 0) throw new UsageError(`${join(dir, blocked[0]!)} is a directory: nothing written`);
  // The first directory this makes (if any): removed again if the write fails.
  const made = firstMissing(dir, existingAncestor(dir));
  const staged = Object.entries(files).map(([name, content]) => ({ name, temporary: join(dir, `.${name}.${process.pid}.partial`), content }));
  try {
    makeDirectory(resolve(dir));
    for (const f of staged) writeFileSync(f.temporary, f.content);
  } catch (err) {
    for (const f of staged) rmSync(f.temporary, { force: true });
    if (made !== undefined) rmSync(made, { recursive: true, force: true });
    throw new UsageError(`cannot write to ${dir} (${reason(err)}): nothing written`);
  }
  const replaced = staged.filter((f) => existsSync(join(dir, f.name))).map((f) => f.name);
  for (const f of staged) renameSync(f.temporary, join(dir, f.name));
  return replaced;
}
