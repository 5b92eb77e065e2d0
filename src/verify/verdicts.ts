/** Verdict constructors. A check decides which one applies from what it derived; none is asserted. */
import type { EngineReport, Evidence, Verdict } from './claim.ts';
import { MathText } from './mathText.ts';

export interface Outcome {
  readonly holds: boolean;
  readonly derived: string | MathText;
  readonly reports: readonly EngineReport[];
  /** Where two numeric routes were compared: the digits they share (the least over the points checked). */
  readonly digits?: number;
  readonly notes?: readonly string[];
}

/** The derived text, and its pieces with LaTeX where it kept engine values. */
export function derivedFields(derived: string | MathText): { derived: string; derivedMath?: MathText['pieces'] } {
  return derived instanceof MathText && derived.pieces.some((p) => p.latex !== undefined)
    ? { derived: String(derived), derivedMath: derived.pieces }
    : { derived: String(derived) };
}

function evidence(o: Outcome): Evidence {
  return { engines: o.reports, ...(o.digits === undefined ? {} : { digits: o.digits }), ...(o.notes === undefined ? {} : { notes: o.notes }) };
}

/** verified when it holds, erratum with the stated consequence when it does not. */
export function verifiedOrErratum(o: Outcome, consequence: string): Verdict {
  return o.holds
    ? { status: 'verified', ...derivedFields(o.derived), evidence: evidence(o) }
    : { status: 'erratum', ...derivedFields(o.derived), consequence, evidence: evidence(o) };
}

/** convention when it holds only under the named convention, erratum otherwise. */
export function conventionOrErratum(o: Outcome, convention: string, consequence: string): Verdict {
  return o.holds
    ? { status: 'convention', ...derivedFields(o.derived), convention, evidence: evidence(o) }
    : { status: 'erratum', ...derivedFields(o.derived), consequence, evidence: evidence(o) };
}

export function unchecked(reason: string, derived: string | MathText = ''): Verdict {
  return { status: 'unchecked', ...derivedFields(derived), reason, evidence: { engines: [] } };
}
