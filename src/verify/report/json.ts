/**
 * The ledger as JSON: {"conventions", "summary", "claims": [{"id","equation","status","expected","expectedReason","printed","derived","evidence", …}]}.
 * printedLatex is the transcription typeset (absent where it is prose); derivedMath is the derived
 * text in pieces, each engine value with its LaTeX.
 */
import type { AssumptionResult, ClaimResult } from '../claim.ts';
import { CONVENTIONS } from '../../models/conventions.ts';
import { summaryCounts } from './text.ts';
import { printedLatex } from '../../render/unicodeLatex.ts';

export function ledgerJson(results: readonly ClaimResult[], assumptions: readonly AssumptionResult[]): object {
  return {
    conventions: CONVENTIONS,
    assumptions,
    summary: summaryCounts(results),
    claims: results.map((r) => {
      const v = r.verdict;
      const latex = printedLatex(r.printed);
      return {
        id: r.id,
        equation: r.equation,
        section: r.section,
        statement: r.statement,
        status: v.status,
        expected: r.expected.status,
        expectedReason: r.expected.reason,
        printed: r.printed,
        ...(latex === undefined ? {} : { printedLatex: latex }),
        derived: v.derived,
        ...(v.derivedMath ? { derivedMath: v.derivedMath } : {}),
        ...(v.status === 'erratum' ? { consequence: v.consequence } : {}),
        ...(v.status === 'convention' ? { convention: v.convention } : {}),
        ...(v.status === 'unchecked' ? { reason: v.reason } : {}),
        evidence: v.evidence,
        seconds: r.seconds.toFixed(3),
      };
    }),
  };
}
