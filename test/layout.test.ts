/**
 * The layout, from the import graph: each folder of src/ imports only the folders below it in
 * LAYERS, src/ never imports proofs/, and solving a model (or importing the public API) never
 * loads a CAS.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Lowest first: a folder may import itself and the folders before it. */
const LAYERS = ['exact', 'operators', 'gaussian', 'numeric', 'entanglement', 'models', 'render', 'app', 'paper', 'verify', 'cli', 'index.ts'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every module a file imports, statically or dynamically: resolved paths for relative ones, package names otherwise. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import\()\s*['"]([^'"]+)['"]/g)].map(([, spec]) => (spec!.startsWith('.') ? resolve(dirname(file), spec!) : spec!));
}

function layerOf(path: string): string | undefined {
  const rel = relative(resolve('src'), path);
  return rel.startsWith('..') ? undefined : rel.split('/')[0];
}

/** Every module reachable from `entry`, packages included. */
function closure(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [resolve(entry)];
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    if (f.startsWith('/')) stack.push(...importsOf(f));
  }
  return seen;
}

describe('layout', () => {
  it('src/ never imports proofs/, statically or dynamically', () => {
    const offenders = files('src').filter((f) => importsOf(f).some((m) => m.startsWith(resolve('proofs'))));
    expect(offenders).toEqual([]);
  });
  it('each folder of src/ imports only the folders below it: exact < operators < gaussian < numeric < entanglement < models < render < app < paper < verify < cli, and the public API (src/index.ts) over them', () => {
    const offenders = files('src').flatMap((f) => {
      const own = LAYERS.indexOf(layerOf(resolve(f)) ?? '');
      return importsOf(f)
        .filter((m) => m.startsWith('/') && LAYERS.indexOf(layerOf(m) ?? '') > own)
        .map((m) => `${f} -> ${relative('.', m)}`);
    });
    expect(offenders).toEqual([]);
  });
  it('the engine and the application know nothing of the paper: only src/paper, verify and cli import it, and the public API does not', () => {
    const offenders = files('src').filter(
      (f) => !['paper', 'verify', 'cli'].includes(layerOf(resolve(f)) ?? '') && [...closure(f)].some((m) => m.startsWith(resolve('src/paper'))),
    );
    expect(offenders).toEqual([]);
  });
  it('solving a model and importing the public API load no CAS', () => {
    for (const entry of ['src/app/solve.ts', 'src/index.ts']) {
      const cas = [...closure(entry)].filter((m) => m === 'nerdamer' || m.startsWith('nerdamer/') || m === 'algebrite' || m.includes('/src/verify/'));
      expect(cas, entry).toEqual([]);
    }
  });
});

describe('proofs', () => {
  it('proofs/ holds claims and what they print, nothing that properties/ or src/ import: no engine lives there', () => {
    const offenders = [...files('properties'), ...files('src')].filter((f) => importsOf(f).some((m) => m.startsWith(resolve('proofs'))));
    expect(offenders).toEqual([]);
  });
});

describe('the pins', () => {
  /** Whether Node `version` satisfies an engines range of the forms package-lock.json holds (>=, ^, x.*, ||). */
  function satisfies(range: string, version: [number, number, number]): boolean {
    const parse = (v: string) => v.replace(/\.\*$/, '').split('.').map(Number) as number[];
    const compare = (a: number[], b: number[]) => {
      for (let k = 0; k < 3; k++) if ((a[k] ?? 0) !== (b[k] ?? 0)) return (a[k] ?? 0) - (b[k] ?? 0);
      return 0;
    };
    return range
      .replace(/([<>=^~]+)\s+/g, '$1')
      .split('||')
      .some((alternative) =>
        alternative
          .trim()
          .split(/\s+(?=[<>^~=\d])/)
          .filter(Boolean)
          .every((c) => {
            const m = /^(>=|>|<=|<|\^|~|=)?\s*(.+)$/.exec(c.trim())!;
            const [op, target] = [m[1] ?? '=', parse(m[2]!)];
            const d = compare(version, target);
            if (op === '>=') return d >= 0;
            if (op === '>') return d > 0;
            if (op === '<=') return d <= 0;
            if (op === '<') return d < 0;
            if (op === '^') return d >= 0 && version[0] === target[0];
            if (op === '~') return d >= 0 && version[0] === target[0] && version[1] === target[1];
            return target.every((x, k) => x === version[k]);
          }),
      );
  }
  it('every installed package supports Node 20.19, the engines package.json promises (npm ci warns EBADENGINE on none)', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { engines?: { node?: string } }> };
    const unsupported = Object.entries(lock.packages).flatMap(([name, p]) =>
      p.engines?.node && !satisfies(p.engines.node, [20, 19, 0]) ? [`${name}: ${p.engines.node}`] : [],
    );
    expect(unsupported).toEqual([]);
  });
});
