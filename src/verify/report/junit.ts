/** The ledger as JUnit XML, one testcase per claim: it fails when the verdict changed or a witness disagreed. */
import type { ClaimResult } from '../claim.ts';
import { describeChange, type VerdictChange } from '../expected.ts';
import { escapeMarkup as xml } from './markup.ts';

export function renderJUnit(results: readonly ClaimResult[], changes: readonly VerdictChange[]): string {
  const changed = new Map(changes.map((c) => [c.id, c]));
  const cases = results.map((r) => {
    const v = r.verdict;
    const problems: string[] = [];
    const c = changed.get(r.id);
    if (c) problems.push(`verdict ${describeChange(c)}`);
    for (const e of v.evidence.engines) if (!e.agreed) problems.push(`${e.engine} disagreed: ${e.detail ?? ''}`);
    const detail = [`${v.status}: ${r.statement}`, `printed: ${r.printed}`, `derived: ${v.derived}`];
    if (v.status === 'erratum') detail.push(`consequence: ${v.consequence}`);
    if (v.status === 'convention') detail.push(`convention: ${v.convention}`);
    if (v.status === 'unchecked') detail.push(`reason: ${v.reason}`);
    const failure = problems.length > 0 ? `\n      <failure message="${xml(problems.join('; '))}"/>` : '';
    return `    <testcase classname="${xml(r.section)}" name="${xml(`${r.id} ${r.equation}`)}" time="${r.seconds.toFixed(3)}">${failure}\n      <system-out>${xml(detail.join('\n'))}</system-out>\n    </testcase>`;
  });
  const failures = results.filter((r) => changed.has(r.id) || r.verdict.evidence.engines.some((e) => !e.agreed)).length;
  const time = results.reduce((t, r) => t + r.seconds, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n  <testsuite name="detuned-paramp verify" tests="${results.length}" failures="${failures}" errors="0" time="${time.toFixed(3)}">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}
