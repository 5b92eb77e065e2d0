/** The ledger as a terminal table, then the details a reader needs for every non-verified verdict. */
import type { AssumptionResult, ClaimResult } from '../claim.ts';

const MARK: Record<string, string> = { verified: 'verified', convention: 'convention', erratum: 'ERRATUM', unchecked: 'unchecked' };

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

export function engineLine(r: ClaimResult): string {
  return r.verdict.evidence.engines.map((e) => `${e.engine} ${e.computed ? '=' : e.agreed ? '✓' : '✗'}`).join('  ');
}

export function summaryCounts(results: readonly ClaimResult[]): Record<string, number> {
  const counts: Record<string, number> = { verified: 0, convention: 0, erratum: 0, unchecked: 0 };
  for (const r of results) counts[r.verdict.status] = (counts[r.verdict.status] ?? 0) + 1;
  return counts;
}

/** The claims on which a witness or a second route disagreed with the exact engine. */
export function disagreedClaims(results: readonly ClaimResult[]): ClaimResult[] {
  return results.filter((r) => r.verdict.evidence.engines.some((e) => !e.agreed));
}

/** The ledger as a terminal table; `witnesses` names the independent witnesses that were consulted. */
export function renderText(results: readonly ClaimResult[], assumptions: readonly AssumptionResult[], witnesses: readonly string[]): string {
  const lines: string[] = [];
  let section = '';
  const idWidth = Math.max(...results.map((r) => r.id.length), 2);
  for (const r of results) {
    if (r.section !== section) {
      section = r.section;
      lines.push('', `== ${section}`);
    }
    lines.push(`${r.id.padEnd(idWidth)}  ${MARK[r.verdict.status]!.padEnd(10)}  ${clip(r.statement, 78)}`);
    lines.push(`${''.padEnd(idWidth)}  ${''.padEnd(10)}  ${engineLine(r)}`);
  }
  const details = results.filter((r) => r.verdict.status !== 'verified');
  if (details.length > 0) {
    lines.push('', '== Details of every verdict other than verified');
    for (const r of details) {
      const v = r.verdict;
      lines.push('', `${r.id} ${r.equation}: ${MARK[v.status]}`, `  printed:  ${r.printed}`, `  derived:  ${v.derived}`);
      if (v.status === 'erratum') lines.push(`  consequence: ${v.consequence}`);
      if (v.status === 'convention') lines.push(`  convention: ${v.convention}`);
      if (v.status === 'unchecked') lines.push(`  reason: ${v.reason}`);
      for (const n of v.evidence.notes ?? []) lines.push(`  note: ${n}`);
    }
  }
  if (assumptions.length > 0) {
    lines.push('', '== Assumptions (what the paper leaves open)');
    for (const a of assumptions) {
      lines.push('', `${a.id} ${a.where}: ${a.question}`, `  chosen: ${a.chosen}`);
      for (const alt of a.alternatives) lines.push(`  alternative, ${alt.label}: ${alt.effect}`);
    }
  }
  const counts = summaryCounts(results);
  const disagreements = disagreedClaims(results);
  lines.push(
    '',
    `${results.length} claims: ${Object.entries(counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}`,
    disagreements.length > 0
      ? `witnesses disagreed on: ${disagreements.map((r) => r.id).join(', ')}`
      : witnesses.length === 0
        ? 'no witness consulted: the exact engine alone (numeric routes as listed)'
        : `every witness consulted (${witnesses.join(', ')}) agreed with the exact engine`,
  );
  return lines.join('\n');
}
