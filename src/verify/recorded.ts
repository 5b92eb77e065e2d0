/**
 * The verdicts recorded in the ledger (VERIFICATION.md): CI compares every fresh verdict with
 * them, so a documented erratum passes and any change of a verdict fails. A row recorded twice,
 * or for a claim that does not exist, is a change too: the ledger must say each thing once.
 */
import { readFileSync } from 'node:fs';
import type { ClaimResult, Status } from './claim.ts';

const ROW = /^\| `([^`]+)` \|.*\| (verified|convention|erratum|unchecked) \| [^|]*\|$/;

export interface RecordedLedger {
  readonly verdicts: ReadonlyMap<string, Status>;
  /** Ids with more than one row. */
  readonly repeated: readonly string[];
}

/** Reads the ledger's claim rows (LF or CRLF line ends); throws the file system's error if it cannot be read. */
export function recordedVerdicts(path: string): RecordedLedger {
  const verdicts = new Map<string, Status>();
  const repeated: string[] = [];
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const m = ROW.exec(line);
    if (!m) continue;
    if (verdicts.has(m[1]!)) repeated.push(m[1]!);
    verdicts.set(m[1]!, m[2] as Status);
  }
  return { verdicts, repeated };
}

export interface VerdictChange {
  readonly id: string;
  readonly recorded: Status | undefined;
  readonly now: Status | undefined;
  readonly problem?: string;
}

/**
 * Every way the fresh results differ from the ledger: a changed verdict, a claim the ledger does
 * not record, a row recorded twice, and (when `complete`, i.e. every claim was checked) a row for
 * a claim that does not exist.
 */
export function changedVerdicts(results: readonly ClaimResult[], ledger: RecordedLedger, complete: boolean): VerdictChange[] {
  const changed: VerdictChange[] = results.filter((r) => ledger.verdicts.get(r.id) !== r.verdict.status).map((r) => ({ id: r.id, recorded: ledger.verdicts.get(r.id), now: r.verdict.status }));
  const repeated = [...new Set(ledger.repeated)].map((id) => ({ id, recorded: ledger.verdicts.get(id), now: results.find((r) => r.id === id)?.verdict.status, problem: 'recorded in more than one row' }));
  const unknown = complete ? [...ledger.verdicts.keys()].filter((id) => !results.some((r) => r.id === id)).map((id) => ({ id, recorded: ledger.verdicts.get(id), now: undefined, problem: 'recorded, but no such claim exists' })) : [];
  return [...changed, ...repeated, ...unknown];
}
