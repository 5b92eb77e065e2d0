/** The engine and the command know nothing of the paper: no file under src/ imports proofs/. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('layout', () => {
  it('src/ never imports proofs/, statically or dynamically', () => {
    const offenders = files('src').filter((f) => /(from|import\()\s*['"][^'"]*\/proofs\//.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
