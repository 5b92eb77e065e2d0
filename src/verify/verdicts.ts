/** Verdict constructors. A check decides which one applies from what it derived; none is asserted. */
import type { EngineReport, Verdict } from './claim.ts';

export interface Outcome {
  readonly holds: boolean;
  readonly derived: string;
  readonly reports: readonly EngineReport[];
  readonly notes?: readonly string[];
}

function evidence(o: Outcome) {
  return o.notes === undefined ? { engines: o.reports } : { engines: o.reports, notes: o.notes };
}

/** verified when it holds, erratum with the stated consequence when it does not. */
export function verifiedOrErratum(o: Outcome, consequence: string): Verdict {
  return o.holds
    ? { status: 'verified', derived: o.derived, evidence: evidence(o) }
    : { status: 'erratum', derived: o.derived, consequence, evidence: evidence(o) };
}

/** convention when it holds only under the named convention, erratum otherwise. */
export function conventionOrErratum(o: Outcome, convention: string, consequence: string): Verdict {
  return o.holds
    ? { status: 'convention', derived: o.derived, convention, evidence: evidence(o) }
    : { status: 'erratum', derived: o.derived, consequence, evidence: evidence(o) };
}

export function unchecked(reason: string, derived = ''): Verdict {
  return { status: 'unchecked', derived, reason, evidence: { engines: [] } };
}
