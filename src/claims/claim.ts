/** A claim: one printed equation or statement, and a check that derives the truth and returns a verdict. */

export type Status = 'verified' | 'convention' | 'erratum' | 'unchecked';

export interface EngineReport {
  /** "exact" (our engine), "nerdamer", "algebrite", "random-points". */
  readonly engine: string;
  readonly agreed: boolean;
  readonly detail?: string;
}

export interface Evidence {
  readonly engines: readonly EngineReport[];
  /** Digits to which two numeric routes agree, where a number is involved. */
  readonly digits?: number;
  readonly notes?: readonly string[];
}

export type Verdict =
  | { status: 'verified'; derived: string; evidence: Evidence }
  | { status: 'convention'; derived: string; convention: string; evidence: Evidence }
  | { status: 'erratum'; derived: string; consequence: string; evidence: Evidence }
  | { status: 'unchecked'; derived: string; reason: string; evidence: Evidence };

export interface Claim {
  /** `eq6`, `eq25.noise`, or kebab-case for a text claim. */
  readonly id: string;
  /** "(6)" or "Section 2, text". */
  readonly equation: string;
  readonly section: string;
  readonly statement: string;
  /** What the paper prints, transcribed (never corrected). */
  readonly printed: string;
  readonly check: () => Verdict | Promise<Verdict>;
}

export interface ClaimResult {
  readonly id: string;
  readonly equation: string;
  readonly section: string;
  readonly statement: string;
  readonly printed: string;
  readonly verdict: Verdict;
  readonly seconds: number;
  /** The check threw (its verdict is then unchecked, with the error as the reason): verify exits 1. */
  readonly failed?: boolean;
}

/** A choice the paper leaves open: what was chosen, and what each alternative would change. */
export interface Assumption {
  /** kebab-case. */
  readonly id: string;
  /** Where the paper leaves it open: "(9)", "Figure 2". */
  readonly where: string;
  readonly question: string;
  readonly chosen: string;
  /** Computed when the ledger is made: each alternative and its effect. */
  readonly alternatives: () => ReadonlyArray<{ readonly label: string; readonly effect: string }>;
}

export interface AssumptionResult {
  readonly id: string;
  readonly where: string;
  readonly question: string;
  readonly chosen: string;
  readonly alternatives: ReadonlyArray<{ readonly label: string; readonly effect: string }>;
}
