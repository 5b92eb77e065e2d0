/**
 * Each claim carries the verdict a person expects, with a one-line reason (Claim.expected): verify
 * compares every fresh verdict with it, so a documented erratum passes and any change of a verdict
 * fails. VERIFICATION.md is only ever written from the results, never read back.
 */
import type { ClaimResult, Status } from './claim.ts';

export interface VerdictChange {
  readonly id: string;
  readonly expected: Status;
  readonly expectedReason: string;
  readonly now: Status;
}

/** The claims whose fresh verdict differs from the one expected of them. */
export function changedVerdicts(results: readonly ClaimResult[]): VerdictChange[] {
  return results
    .filter((r) => r.expected.status !== r.verdict.status)
    .map((r) => ({ id: r.id, expected: r.expected.status, expectedReason: r.expected.reason, now: r.verdict.status }));
}

/** One line for a changed verdict, the same in every report. */
export function describeChange(c: VerdictChange): string {
  return `${c.now} now, expected ${c.expected} (${c.expectedReason})`;
}
