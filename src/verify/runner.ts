/** Runs claims one by one; a check that throws becomes `unchecked` with the error, never a crash. */
import type { Assumption, AssumptionResult, CheckContext, Claim, ClaimResult, Verdict } from './claim.ts';

export async function runClaims(
  claims: readonly Claim[],
  context: CheckContext,
  onProgress: (done: number, total: number, id: string) => void = () => {},
): Promise<ClaimResult[]> {
  const ids = new Set<string>();
  for (const c of claims) {
    if (ids.has(c.id)) throw new Error(`duplicate claim id ${c.id}`);
    ids.add(c.id);
  }
  /** A check's verdict, a throw becoming `unchecked`; its seconds from its start to its verdict. */
  const run = async (claim: Claim): Promise<{ verdict: Verdict; failed: boolean; seconds: number }> => {
    const start = performance.now();
    try {
      return { verdict: await claim.check(context), failed: false, seconds: (performance.now() - start) / 1000 };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const verdict: Verdict = { status: 'unchecked', derived: '', reason: `the check could not run: ${message}`, evidence: { engines: [] } };
      return { verdict, failed: true, seconds: (performance.now() - start) / 1000 };
    }
  };
  // Checks that work off this thread start first and overlap the rest; the results keep the claims' order.
  const early = new Map(claims.filter((c) => c.background).map((c) => [c.id, run(c)]));
  const results: ClaimResult[] = [];
  for (const [k, claim] of claims.entries()) {
    const { verdict, failed, seconds } = await (early.get(claim.id) ?? run(claim));
    results.push({
      id: claim.id,
      equation: claim.equation,
      section: claim.section,
      statement: claim.statement,
      printed: claim.printed,
      expected: claim.expected,
      assumptions: claim.assumptions ?? [],
      verdict,
      seconds,
      ...(failed ? { failed } : {}),
    });
    onProgress(k + 1, claims.length, claim.id);
  }
  return results;
}

/** Evaluates each assumption's alternatives; one that cannot be evaluated says why instead. */
export function runAssumptions(assumptions: readonly Assumption[]): AssumptionResult[] {
  return assumptions.map((a) => {
    let alternatives: AssumptionResult['alternatives'];
    try {
      alternatives = a.alternatives();
    } catch (err) {
      alternatives = [{ label: 'not evaluated', effect: err instanceof Error ? err.message : String(err) }];
    }
    return { id: a.id, where: a.where, question: a.question, chosen: a.chosen, alternatives };
  });
}
