/** A claim: one printed equation or statement, and a check that derives the truth and returns a verdict. */
import type { Witness } from './cas/witness.ts';
import type { MathPiece } from './mathText.ts';

export type Status = 'verified' | 'convention' | 'erratum' | 'unchecked';

/** The independent witnesses of a symbolic identity (src/verify/cas). */
export type WitnessName = 'nerdamer' | 'algebrite' | 'random-points';

/**
 * Who concluded: "exact" (our symbolic engine), "riccati" (our decimal steady-state solver), a
 * second numeric route, "interval" (an enclosure of the derived quantity against the claimed one
 * in interval arithmetic: a proof), or a witness.
 */
export type Engine =
  | 'exact'
  | 'riccati'
  | 'closed-form'
  | 'rk4'
  | 'reduced'
  | 'partial-transpose'
  | 'monte-carlo'
  | 'time-average'
  | 'interval'
  | 'harmonic-balance'
  | 'monodromy'
  | WitnessName;

export interface EngineReport {
  readonly engine: Engine;
  /** Whether its result agreed with the derived one; a computing engine (`computed`) is the derived one. */
  readonly agreed: boolean;
  /** The engine computed the value the others are checked against: it did not check anything itself. */
  readonly computed?: boolean;
  readonly detail?: string;
}

export interface Evidence {
  readonly engines: readonly EngineReport[];
  /** Digits to which two numeric routes agree, where a number is involved. */
  readonly digits?: number;
  readonly notes?: readonly string[];
}

/** What was derived: `derived` is its Unicode text; `derivedMath`, where the check kept its engine values, the same text in pieces with LaTeX. */
interface Derived {
  readonly derived: string;
  readonly derivedMath?: readonly MathPiece[];
}

export type Verdict =
  | ({ status: 'verified'; evidence: Evidence } & Derived)
  | ({ status: 'convention'; convention: string; evidence: Evidence } & Derived)
  | ({ status: 'erratum'; consequence: string; evidence: Evidence } & Derived)
  | ({ status: 'unchecked'; reason: string; evidence: Evidence } & Derived);

/** What every check is handed: nothing a check reads is module state. */
export interface CheckContext {
  /** The independent witnesses a symbolic check consults besides the exact engine (verify --witnesses). */
  readonly witnesses: readonly Witness[];
  /** The working precision of the numeric checks, in significant digits (verify --digits). */
  readonly digits: number;
}

/** Two routes to one number must share all but ten digits of the working precision. */
export function requiredDigits(context: CheckContext): number {
  return context.digits - 10;
}

/** The verdict a person expects a claim to get, and why, in one line: verify fails when a fresh verdict differs. */
export interface Expectation {
  readonly status: Status;
  readonly reason: string;
}

export interface Claim {
  /** `eq6`, `eq25.noise`, or kebab-case for a text claim. */
  readonly id: string;
  readonly expected: Expectation;
  /** The ids of the assumptions (proofs/assumptions.ts) the claim rests on. */
  readonly assumptions?: readonly string[];
  /** "(6)" or "Section 2, text". */
  readonly equation: string;
  readonly section: string;
  readonly statement: string;
  /** What the paper prints, transcribed (never corrected). */
  readonly printed: string;
  readonly check: (context: CheckContext) => Verdict | Promise<Verdict>;
  /** About how long the check takes, in seconds, where it is far above a typical tenth: only to split the claims evenly over cores (verify --jobs). */
  readonly seconds?: number;
  /** The check does its heavy work off this thread (a simulated record in a worker): the runner starts it first, so that it overlaps the other claims. */
  readonly background?: boolean;
}

export interface ClaimResult {
  readonly id: string;
  readonly equation: string;
  readonly section: string;
  readonly statement: string;
  readonly printed: string;
  readonly expected: Expectation;
  readonly assumptions: readonly string[];
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
