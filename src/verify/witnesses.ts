/** Runs a conclusion past every independent witness and reports which agreed with our exact engine. */
import { BoundedCache } from '../exact/boundedCache.ts';
import type { MathText } from './mathText.ts';
import { algebriteWitness, nerdamerWitness, type Witness } from './cas/witness.ts';
import { randomPointsWitness } from './cas/randomPoints.ts';
import type { EngineReport } from './claim.ts';

/**
 * A witness that answers each question once: the ledger asks the same identity of several claims
 * (a sixth of its questions, measured), and a witness's answer depends on the text alone.
 */
function remembering(w: Witness): Witness {
  const answers = new BoundedCache<boolean>(1024);
  const derivatives = new BoundedCache<string>(1024);
  return {
    name: w.name,
    isZero: (expression) => answers.get(expression, () => w.isZero(expression)),
    derivative: (expression, variable) => derivatives.get(`${variable}\u0000${expression}`, () => w.derivative(expression, variable)),
  };
}

export const ALL_WITNESSES: readonly Witness[] = [nerdamerWitness, algebriteWitness, randomPointsWitness()].map(remembering);

/** The witnesses with these names (verify --witnesses), in their canonical order; an unknown name is refused. */
export function witnessesNamed(names: readonly string[]): Witness[] {
  const unknown = names.filter((n) => !ALL_WITNESSES.some((w) => w.name === n));
  if (unknown.length > 0) throw new Error(`unknown witness ${unknown.join(', ')} (known: ${ALL_WITNESSES.map((w) => w.name).join(', ')})`);
  return ALL_WITNESSES.filter((w) => names.includes(w.name));
}

/**
 * `exact` is our engine's conclusion (true: the printed form holds). `witnessCheck` returns
 * the witness's own conclusion, or the list of places where it finds a mismatch.
 */
export function witnessReports(
  witnesses: readonly Witness[],
  exact: boolean,
  exactDetail: string | MathText,
  witnessCheck: (w: Witness) => boolean | string[],
): EngineReport[] {
  const reports: EngineReport[] = [{ engine: 'exact', agreed: true, computed: true, detail: String(exactDetail) }];
  for (const w of witnesses) {
    try {
      const r = witnessCheck(w);
      const holds = Array.isArray(r) ? r.length === 0 : r;
      const detail = Array.isArray(r) && r.length > 0 ? `mismatch at ${r.join(' ')}` : holds ? 'holds' : 'does not hold';
      reports.push({ engine: w.name, agreed: holds === exact, detail });
    } catch (err) {
      reports.push({ engine: w.name, agreed: false, detail: `could not decide: ${err instanceof Error ? err.message : String(err)}` });
    }
  }
  return reports;
}
