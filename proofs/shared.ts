/** Claim shapes that recur between the two models: commutators, noise terms, thresholds. */
import { joinMath, mathText } from '../src/verify/mathText.ts';
import { commutatorMismatches } from '../src/verify/cas/classical.ts';
import { scalarToCas } from '../src/verify/cas/render.ts';
import type { Claim, Expectation } from '../src/verify/claim.ts';
import { conventionOrErratum, intervalDecision, verifiedOrErratum, type IntervalDecision } from '../src/verify/verdicts.ts';
import type { EngineReport } from '../src/verify/claim.ts';
import { solveCertified, type SolutionEnclosures } from '../src/app/certifiedSolve.ts';
import { PrecisionError } from '../src/app/certify.ts';
import { enclosureStrings } from '../src/app/solveReport.ts';
import type { ModelPoint } from '../src/models/modelFile.ts';
import { intervalArithmetic, type Interval, type IntervalArithmetic } from '../src/numeric/interval.ts';
import { witnessReports } from '../src/verify/witnesses.ts';
import { differences, identity, invariantBlocks, mapEntries, submatrix, type Matrix } from '../src/exact/matrix.ts';
import { q, type RationalFunction } from '../src/exact/rationalFunction.ts';
import { commutatorMatrix, type OpenSystem } from '../src/gaussian/linearSystem.ts';
import { proveStabilityCondition } from '../src/gaussian/stability.ts';
import { classicalModel, compareDiffusion, deriveSystem, matrixText } from '../src/verify/printedComparison.ts';
import { definitions, quadratures } from '../src/paper/symbols.ts';
import { sym } from '../src/paper/symbols.ts';

const CANONICAL = {
  pairs: [
    ['X1', 'Y1'],
    ['X2', 'Y2'],
  ] as [string, string][],
};

interface Described {
  readonly id: string;
  readonly expected: Expectation;
  readonly assumptions?: readonly string[];
  readonly equation: string;
  readonly section: string;
  readonly printed: string;
}

/** −i[q_i, q_j] over a basis, against the printed non-zero pairs (value i each) and zero elsewhere. */
export function commutatorClaim(c: Described & { statement: string; basis: readonly string[]; nonZero: ReadonlyArray<readonly [string, string]> }): Claim {
  return {
    ...c,
    check: (context) => {
      const claimed: Matrix = c.basis.map((x) =>
        c.basis.map((y) => q(c.nonZero.some(([u, v]) => u === x && v === y) ? 1 : c.nonZero.some(([u, v]) => u === y && v === x) ? -1 : 0)),
      );
      const derived = commutatorMatrix(c.basis.map((n) => quadratures[n]!));
      const diffs = differences(claimed, derived);
      const reports = witnessReports(context.witnesses, diffs.length === 0, `−i[q_i, q_j] = ${matrixText(derived)}`, (w) =>
        commutatorMismatches(
          w,
          CANONICAL,
          c.basis.map((n) => definitions[n]!),
          claimed.map((row) => row.map(scalarToCas)),
        ),
      );
      return verifiedOrErratum(
        { holds: diffs.length === 0, derived: mathText`−i[q_i, q_j] over (${c.basis.join(', ')}) = ${matrixText(derived)}`, reports },
        'the printed commutators are not those of the defined quadratures',
      );
    },
  };
}

/**
 * The printed noise √(2γ) d(…in) read as independent thermal inputs, ⟨dq_in dq_in⟩ = (N + ½)dt,
 * i.e. diffusion 2γ(N + ½)·1 with γ the mean damping rate, against the diffusion derived from the master equation.
 */
export function noiseClaim(
  c: Described & { basis: readonly string[]; system: () => OpenSystem; hamiltonianForm: string; gammas: readonly [RationalFunction, RationalFunction] },
): Claim {
  return {
    ...c,
    statement: 'The noise enters as √(2γ) times independent input noises of each quadrature, i.e. the diffusion matrix is 2γ(N + ½)·1.',
    check: (context) => {
      const [g1, g2] = c.gammas;
      const mean = g1.add(g2).mul(q(1, 2));
      const claimed = mapEntries(identity(c.basis.length), (x) =>
        x
          .mul(q(2))
          .mul(mean)
          .mul(sym.N.add(q(1, 2))),
      );
      const system = c.system();
      const comparison = compareDiffusion(context.witnesses, claimed, c.basis, deriveSystem(system, c.basis), classicalModel(c.hamiltonianForm, g1, g2, sym.N));
      return conventionOrErratum(
        { ...comparison, derived: mathText`D = ${comparison.derived}` },
        'the input noises are independent white noises normalised to the thermal variance, ⟨dq_in dq_in⟩ = (N + ½)dt, and γ is the amplitude damping rate (Lindblad rates 2γ(N+1) on a, 2γN on a†)',
        'the derived diffusion has correlations between different quadratures that independent inputs of equal strength cannot produce: the printed noise term is not the one the master equation gives',
      );
    },
  };
}

/** "Stable iff margin > 0", proved on the full drift by Routh-Hurwitz, witnessed block by block. */
export function thresholdClaim(c: Described & { statement: string; drift: () => Matrix; margin: () => RationalFunction; eliminate: RationalFunction }): Claim {
  return {
    ...c,
    check: (context) => {
      const drift = c.drift();
      const margin = c.margin();
      const proof = proveStabilityCondition(drift, margin, c.eliminate);
      const holds = proof.sufficient && proof.necessary;
      const derived =
        proof.obstacle ??
        mathText`Hurwitz determinants with margin = ${margin}: ${joinMath(proof.hurwitzInMargin, '; ')}; margin > 0 is ${proof.sufficient ? '' : 'not '}sufficient and ${proof.necessary ? '' : 'not '}necessary`;
      const reports = witnessReports(context.witnesses, holds, derived, (w) =>
        invariantBlocks(drift).every((block) => {
          if (block.length !== 2) throw new Error('witness handles 2×2 blocks only');
          const [[a, b], [cc, d]] = submatrix(drift, block).map((row) => row.map(scalarToCas)) as [[string, string], [string, string]];
          // λ² − (a + d)λ + (ad − bc): Hurwitz for a quadratic is −(a + d) > 0 and ad − bc > 0.
          return w.isZero(`(${a})*(${d})-(${b})*(${cc})-(${scalarToCas(margin)})`) && w.isZero(`(${a})+(${d})+2*(${scalarToCas(sym.gamma)})`);
        }),
      );
      return verifiedOrErratum(
        { holds, derived, reports, notes: ['witnesses: each invariant 2×2 block has determinant equal to the margin and trace −2γ'] },
        'the printed threshold is not the exact stability boundary of the derived drift',
      );
    },
  };
}

/**
 * The interval route of a closed form: at each point, the certified solve's enclosure of the
 * derived quantity (src/app/certifiedSolve.ts, at 30 digits) against the closed form as printed,
 * evaluated in interval arithmetic at the exact parameters. The claim's decision is the weakest of
 * the points': one disjoint pair is an erratum, one undecided point leaves it unchecked.
 */
export function intervalRoute(
  points: ReadonlyArray<{ readonly name: string; readonly point: ModelPoint; readonly closed: (I: IntervalArithmetic) => Interval }>,
  pick: (e: SolutionEnclosures) => Interval | undefined,
): { report: EngineReport; decision: IntervalDecision; lines: string[] } {
  const lines: string[] = [];
  const decisions = points.map(({ name, point, closed }) => {
    let derived: Interval | undefined;
    try {
      derived = pick(solveCertified(point, INTERVAL_DIGITS).enclosures);
    } catch (err) {
      if (!(err instanceof PrecisionError)) throw err;
    }
    const I = intervalArithmetic(INTERVAL_DIGITS + 10);
    const claimed = closed(I);
    const decision = intervalDecision(derived, claimed);
    const show = (x: Interval | undefined) => (x ? `[${enclosureStrings(x).join(', ')}] (width ${x.hi.minus(x.lo).toExponential(1)})` : 'not enclosed');
    lines.push(`${name}: derived ${show(derived)}, printed ${show(claimed)}: ${decision}`);
    return decision;
  });
  const decision: IntervalDecision = decisions.includes('disjoint') ? 'disjoint' : decisions.includes('undecided') ? 'undecided' : 'overlap';
  return {
    report: {
      engine: 'interval',
      agreed: decision === 'overlap',
      detail: `the certified solve's enclosure against the printed form in interval arithmetic: ${lines.join('; ')}`,
    },
    decision,
    lines,
  };
}

/** The digits the interval route certifies at: enough to separate any slip a printed form could hide, at a fraction of the ledger's 50. */
const INTERVAL_DIGITS = 30;
