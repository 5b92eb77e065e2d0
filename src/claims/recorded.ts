/**
 * The verdicts recorded in the ledger (VERIFICATION.md): CI compares every fresh verdict with
 * them, so a documented erratum passes and any change of a verdict fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ClaimResult, Status } from './claim.ts';

const ROW = /^\| `([^`]+)` \|.*\| (verified|convention|erratum|unchecked) \| [^|]*\|$/;

export function recordedVerdicts(path: string): Map<string, Status> {
  const out = new Map<string, Status>();
  if (!existsSync(path)) return out;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = ROW.exec(line);
    if (m) out.set(m[1]!, m[2] as Status);
  }
  return out;
}

export interface VerdictChange {
  readonly id: string;
  readonly recorded: Status | undefined;
  readonly now: Status;
}

export function changedVerdicts(results: readonly ClaimResult[], recorded: ReadonlyMap<string, Status>): VerdictChange[] {
  return results
    .filter((r) => recorded.get(r.id) !== r.verdict.status)
    .map((r) => ({ id: r.id, recorded: recorded.get(r.id), now: r.verdict.status }));
}
