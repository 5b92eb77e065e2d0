/** Verdict constructors. A check decides which one applies from what it derived; none is asserted. */
import type { EngineReport, Evidence, Verdict } from './claim.ts';
import { MathText } from './mathText.ts';
import type { Interval } from '../numeric/interval.ts';

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

function evidence(o: Omit<Outcome, 'holds'>): Evidence {
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

/** How an enclosure of the derived quantity meets the claimed value's interval: a proof either way, or neither. */
export type IntervalDecision = 'overlap' | 'disjoint' | 'undecided';

/**
 * The interval route: the derived quantity enclosed (undefined where no enclosure could be proved)
 * against the claimed value read as an interval (a printed closed form evaluated in interval
 * arithmetic; no claim of this paper prints a decimal value). Disjoint intervals prove the
 * two different; overlapping ones are consistent to the enclosures' width.
 */
export function intervalDecision(derived: Interval | undefined, claimed: Interval | undefined): IntervalDecision {
  if (derived === undefined || claimed === undefined) return 'undecided';
  return derived.hi.lt(claimed.lo) || claimed.hi.lt(derived.lo) ? 'disjoint' : 'overlap';
}

/** The interval route decides: overlap verified, disjoint erratum (with `consequence`), undecided unchecked (with `reason`). */
export function intervalVerdict(o: Omit<Outcome, 'holds'> & { decision: IntervalDecision }, consequence: string, reason: string): Verdict {
  if (o.decision === 'undecided') return { status: 'unchecked', ...derivedFields(o.derived), reason, evidence: evidence(o) };
  return verifiedOrErratum({ ...o, holds: o.decision === 'overlap' }, consequence);
}
