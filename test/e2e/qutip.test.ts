/**
 * The QuTiP recipe of docs/peers.md, run line by line: the peer script writes its CSV and `compare`
 * passes it at the recommended tolerance. Needs Debian's python3-qutip (npm run test:e2e);
 * it fails, never skips, without it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Debian's python3 holds python3-qutip; a python3 earlier on PATH (pyenv) may not. */
const PYTHON = process.env.PEER_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');

function recipe(): string[] {
  const readme = readFileSync('docs/peers.md', 'utf8');
  const block = /<!-- recipe -->\s*```sh\n([\s\S]*?)```\s*<!-- \/recipe -->/.exec(readme);
  if (!block) throw new Error('docs/peers.md has no <!-- recipe --> block');
  return block[1]!.trim().split('\n');
}

describe('the QuTiP recipe of docs/peers.md', () => {
  it('runs as written, and the peer passes compare at the recommended tolerance', () => {
    const dir = mkdtempSync(join(tmpdir(), 'peer-'));
    const lines = recipe();
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      const [command, ...args] = line.split(/\s+/).map((w) => (w === 'peer.csv' ? join(dir, 'peer.csv') : w));
      const [program, argv] =
        command === 'python3'
          ? [PYTHON, args]
          : command === 'npx' && args[0] === 'detuned-paramp'
            ? [process.execPath, ['bin/detuned-paramp.js', ...args.slice(1)]]
            : [command!, args];
      const r = spawnSync(program, argv, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(r.error, `${line}: ${r.error?.message}`).toBeUndefined();
      expect(r.status, `${line}\n${r.stderr}\n${r.stdout.slice(-2000)}`).toBe(0);
      if (command === 'npx') expect(r.stdout).toMatch(/77 quantities in 7 rows: 77 passed, 0 failed/);
    }
  }, 300_000);
});
