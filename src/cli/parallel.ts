/**
 * Work on several cores: this process does every n-th item and child processes (the same
 * command with --shard k/n) do the others, printing their raw results as JSON; the results
 * are merged in item order. Used by verify (claims) and figure2 (curves).
 */
import { spawn } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { packageFile } from '../models/packageFile.ts';
import type { CheckContext, Claim, ClaimResult } from '../verify/claim.ts';
import { runClaims } from '../verify/runner.ts';

const BIN = packageFile('bin/detuned-paramp.js');

export function shardOf<T>(items: readonly T[], shard: number, of: number): T[] {
  return items.filter((_, k) => k % of === shard);
}

/**
 * The items of one shard when they differ in cost: longest first, each to the shard with the least
 * cost so far (Graham's LPT rule, within 4/3 of the best split). Deterministic, so the parent and
 * every child agree on the split without talking.
 */
export function balancedShardOf<T>(items: readonly T[], cost: (item: T) => number, shard: number, of: number): T[] {
  const order = items.map((item, k) => ({ k, cost: cost(item) })).sort((a, b) => b.cost - a.cost || a.k - b.k);
  const loads = new Array<number>(of).fill(0);
  const owner = new Array<number>(items.length);
  for (const { k, cost: c } of order) {
    const least = loads.indexOf(Math.min(...loads));
    owner[k] = least;
    loads[least]! += c;
  }
  return items.filter((_, k) => owner[k] === shard);
}

/** A claim's cost for the split: its `seconds` hint, or a typical symbolic check's tenth of a second. */
const claimCost = (c: Claim): number => c.seconds ?? 0.1;

export const claimShardOf = (claims: readonly Claim[], shard: number, of: number): Claim[] => balancedShardOf(claims, claimCost, shard, of);

/**
 * For a worker: ends it within a fifth of a second once its parent is gone (killed, or
 * interrupted). The parent computes synchronously, so it cannot pass a signal on, and neither can
 * the worker's own event loop notice while it computes: a watchdog thread sees the worker handed
 * to another parent and sends it SIGTERM, whose default action ends it at once.
 */
export function exitWhenOrphaned(): void {
  const watchdog = new Worker(
    `const parent = ${process.ppid}; setInterval(() => { if (process.ppid !== parent) process.kill(${process.pid}, 'SIGTERM'); }, 200);`,
    { eval: true },
  );
  watchdog.unref();
}

/** Runs the command with `args` in a child process and parses what it prints as JSON. */
export function runChild<T>(args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 && code !== 1) reject(new Error(`a ${args[0]} worker exited with code ${code}`));
      else {
        try {
          resolve(JSON.parse(out) as T);
        } catch {
          reject(new Error(`a ${args[0]} worker printed no result`));
        }
      }
    });
  });
}

/** `verifyArgs` are this command's own selection options (--only, --witnesses), passed on to the workers. */
export async function runClaimsOnCores(
  claims: readonly Claim[],
  jobs: number,
  verifyArgs: string[],
  context: CheckContext,
  onProgress: (done: number, total: number, id: string) => void,
): Promise<ClaimResult[]> {
  const n = Math.max(1, Math.min(jobs, claims.length));
  if (n === 1) return runClaims(claims, context, onProgress);
  const children = Array.from({ length: n - 1 }, (_, k) => runChild<ClaimResult[]>(['verify', ...verifyArgs, '--shard', `${k + 1}/${n}`]));
  const own = await runClaims(claimShardOf(claims, 0, n), context, (done, _total, id) => onProgress(done * n, claims.length, id));
  const byId = new Map([...own, ...(await Promise.all(children)).flat()].map((r) => [r.id, r]));
  return claims.map((c) => {
    const r = byId.get(c.id);
    if (r === undefined) throw new Error(`no result for claim ${c.id}`);
    return r;
  });
}
