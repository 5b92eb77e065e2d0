/** A solution of `detuned-paramp solve` as JSON and as text: every number a decimal string with every computed digit. */
import type { Dec } from '../numeric/context.ts';
import type { DMatrix } from '../numeric/matrix.ts';
import { CONVENTIONS } from '../models/conventions.ts';
import { Decimal } from 'decimal.js';
import type { Interval } from '../numeric/interval.ts';
import type { Box, CertifiedSolution } from './certifiedSolve.ts';
import type { Solution } from './solve.ts';

/** A decimal as printed: plain, or in exponent form outside [10⁻⁷, 10²¹) as JavaScript prints numbers (E_N = 1e-60 prints as 1e-60). */
export function decimalString(x: Dec): string {
  if (!x.isFinite()) throw new Error(`a non-finite value (${x.toString()}) reached the output`);
  return !x.isZero() && (x.e < -7 || x.e >= 21) ? x.toExponential() : x.toFixed();
}

/** A computed number to `digits` significant digits; a non-finite one is an error, never output. */
export const str = (x: Dec, digits: number): string => decimalString(x.toSignificantDigits(digits));

/** Entries below the solve's accuracy (10^-digits of the largest entry) are rounding residue, printed as 0 (an uncertified solution's covariance). */
export function covarianceStrings(m: DMatrix, digits: number): string[][] {
  let largest = m[0]![0]!.abs();
  for (const row of m) for (const x of row) if (x.abs().gt(largest)) largest = x.abs();
  const floor = largest.times(`1e-${digits}`);
  return m.map((row) => row.map((x) => (x.abs().lt(floor) ? '0' : str(x, digits))));
}

/**
 * The significant digits an enclosure proves: the most n at which both its ends round (half to
 * even) to one n-digit number, which is then the true value correctly rounded. A point proves
 * every digit (Infinity); an interval that holds 0 and more proves none.
 */
export function provedDigits(x: Interval): number {
  if (x.lo.eq(x.hi)) return Number.POSITIVE_INFINITY;
  if (!x.lo.gt(0) && !x.hi.lt(0)) return 0;
  for (let n = Math.max(x.lo.sd(), x.hi.sd()); n >= 1; n--)
    if (x.lo.toSignificantDigits(n, Decimal.ROUND_HALF_EVEN).eq(x.hi.toSignificantDigits(n, Decimal.ROUND_HALF_EVEN))) return n;
  return 0;
}

/** An enclosure's value to exactly `digits` significant digits when both its ends round to them; otherwise to the digits it proves (provedString). */
export function provedTo(x: Interval, digits: number): string {
  const [lo, hi] = [x.lo.toSignificantDigits(digits, Decimal.ROUND_HALF_EVEN), x.hi.toSignificantDigits(digits, Decimal.ROUND_HALF_EVEN)];
  // toPrecision keeps the trailing zeros: they are proved digits too.
  return lo.eq(hi) && !(x.lo.lte(0) && x.hi.gte(0) && !x.lo.eq(x.hi)) ? lo.toPrecision(digits) : provedString(x);
}

/**
 * An enclosure printed: its value to the digits it proves, trailing zeros kept (they are proved
 * digits: 0.5000 is not 0.5); an exact point as it is; the enclosure itself, [lo, hi], where it
 * proves none. Exponent form outside [10⁻⁷, 10²¹), and where the digits end before the units.
 */
export function provedString(x: Interval): string {
  const n = provedDigits(x);
  if (n === Number.POSITIVE_INFINITY) return decimalString(x.lo);
  if (n === 0) return `[${enclosureStrings(x).join(', ')}]`;
  const r = x.lo.toSignificantDigits(n, Decimal.ROUND_HALF_EVEN);
  if (r.isZero()) return '0';
  return r.e < -7 || r.e >= 21 || r.e >= n ? r.toExponential(n - 1) : r.toFixed(n - 1 - r.e);
}

/** An enclosure's ends rounded outward to `significant` digits (a point's exactly). */
function outwardEnds(x: Interval, significant: number): [string, string] {
  if (x.lo.eq(x.hi)) return [decimalString(x.lo), decimalString(x.hi)];
  return [decimalString(x.lo.toSignificantDigits(significant, Decimal.ROUND_FLOOR)), decimalString(x.hi.toSignificantDigits(significant, Decimal.ROUND_CEIL))];
}

/** An enclosure's ends to 6 digits, rounded outward: what a note or a text line shows. */
export const enclosureStrings = (x: Interval): [string, string] => outwardEnds(x, 6);

/** The ends the JSON's `enclosures` map gives: 5 digits beyond those the enclosure proves. */
export const enclosureEnds = (x: Interval): [string, string] => outwardEnds(x, Math.min(provedDigits(x), 1000) + 5);

/** Exact doubling of an enclosure (decimal.js rounds to its precision: 10³ digits is beyond any end's). */
const Wide = Decimal.clone({ precision: 1000 });
const doubled = (x: Interval): Interval => ({ lo: new Wide(x.lo).times(2), hi: new Wide(x.hi).times(2) });

/**
 * The printer of one solution: a number with an enclosure prints its proved digits and is recorded
 * under its JSON pointer; one without prints its computed digits and, in a certified solution, is
 * listed as not certified.
 */
class Printer {
  readonly enclosures = new Map<string, Interval>();
  readonly uncertified: string[] = [];
  constructor(
    private readonly digits: number,
    private readonly certified: boolean,
  ) {}
  number(pointer: string, value: Dec, enclosure: Interval | undefined): string {
    if (enclosure === undefined) {
      if (this.certified) this.uncertified.push(pointer);
      return str(value, this.digits);
    }
    this.enclosures.set(pointer, enclosure);
    return provedString(enclosure);
  }
  matrix(pointer: string, m: DMatrix, box: Box | undefined): string[][] {
    if (box) return m.map((row, i) => row.map((x, j) => this.number(`${pointer}/${i}/${j}`, x, box[i]![j]!)));
    if (this.certified) this.uncertified.push(`${pointer}/*`);
    return covarianceStrings(m, this.digits);
  }
}

/** The parameter values of a solution by the model file's names. */
export function parameterStrings(s: Solution): Record<string, string> {
  const { model, values } = s.point;
  return Object.fromEntries(model.parameters.map((p) => [p.name, values.get(p.symbol)!.toDecimalString()]));
}

/** The JSON of a solution and its printer's record of what is enclosed. */
function render(s: Solution | CertifiedSolution): { json: Record<string, unknown>; printer: Printer } {
  const d = s.digits;
  const { model } = s.point;
  const a = s.analysis;
  const e = 'enclosures' in s ? s.enclosures : undefined;
  const p = new Printer(d, e !== undefined);
  const out: Record<string, unknown> = {
    model: model.name,
    params: parameterStrings(s),
    digits: d,
    workingDigits: s.workingDigits,
    conventions: {
      ...CONVENTIONS,
      basis: `covariance rows and columns in the order (${model.basis.map((b) => b.name).join(', ')}); a bipartition flips the momenta of the modes on the side named; rates in the units of the inputs`,
    },
    regime: s.regime,
    stable: s.stable,
    notes: [...s.notes],
  };
  // The threshold of the parameter the model names, as <name>Th (χ_th: chiTh).
  if (s.threshold) {
    const key = `${s.threshold.parameter}Th`;
    out[key] = s.threshold.value === null ? null : p.number(`/${key}`, s.threshold.value, e?.threshold);
  }
  if (s.means) out.means = s.means.map((x, k) => p.number(`/means/${k}`, x, e?.means?.[k]));
  if (s.conditional) {
    out.covariance = p.matrix('/covariance', s.conditional.covariance, e?.covariance);
    out.residual = s.conditional.residual.toExponential(3);
  }
  if (s.unconditional) out.unconditionalCovariance = p.matrix('/unconditionalCovariance', s.unconditional.covariance, e?.unconditionalCovariance);
  if (s.unconditionalAnalysis)
    out.unconditional = {
      S: p.number('/unconditional/S', s.unconditionalAnalysis.S, e?.unconditional?.S),
      logNegativity: p.number('/unconditional/logNegativity', s.unconditionalAnalysis.logNegativity, e?.unconditional?.logNegativity),
    };
  const ea = e?.analysis;
  if (a) {
    const physical = ea ? (ea.smallestSymplectic.lo.gte(0.5) ? true : ea.smallestSymplectic.hi.lt(0.5) ? false : undefined) : a.physical;
    Object.assign(out, {
      S: p.number('/S', a.S, ea?.S),
      Valpha: [p.number('/Valpha/0', a.vAlphaPlus, ea?.vAlphaPlus), p.number('/Valpha/1', a.vAlphaMinus, ea?.vAlphaMinus)],
      alpha: p.number('/alpha', a.alpha, ea?.alpha),
      logNegativity: p.number('/logNegativity', a.logNegativity, ea?.logNegativity),
      logNegativityCheck: {
        route: a.logNegativityCheck.route,
        value: p.number('/logNegativityCheck/value', a.logNegativityCheck.value, ea?.logNegativity),
        agreeToDigits: a.logNegativityCheck.digits,
      },
      expMinusLogNegativity: p.number('/expMinusLogNegativity', a.expMinusLogNegativity, ea?.expMinusLogNegativity),
      duan: p.number('/duan', a.duan, ea?.duan),
      simon: p.number('/simon', a.simon, ea?.simon),
      smallestSymplecticEigenvalue: p.number('/smallestSymplecticEigenvalue', a.smallestSymplectic, ea?.smallestSymplectic),
      physical: physical ?? a.physical,
    });
    if (ea && physical === undefined)
      (out.notes as string[]).push('physicality is not decided by the enclosure: 2ν₋ may be 1 (a pure state); the printed value is the computed one');
    if (ea && ea.alpha === undefined)
      (out.notes as string[]).push('α is not fixed by the enclosure (the (X₊, Y₊) variance may be isotropic): its printed value is the computed one');
  }
  if (e && ea) out.logNegativityProof = { verdict: ea.entanglement, enclosure: enclosureStrings(ea.logNegativity), workingDigits: e.workingDigits };
  for (const [name, pair] of Object.entries(s.pairs)) {
    const ep = e?.pairs[name];
    Object.assign(out, {
      [`S_${name}`]: p.number(`/S_${name}`, pair.S, ep?.S),
      [`V_${name}`]: pair.variances.map((x, k) => p.number(`/V_${name}/${k}`, x, ep?.variances[k])),
      [`alpha_${name}`]: pair.angles.map((x, k) => p.number(`/alpha_${name}/${k}`, x, ep?.angles[k])),
      [`S_${name}_separableBound`]: p.number(`/S_${name}_separableBound`, pair.separableBound, ep?.separableBound),
    });
  }
  if (s.bipartitions.length > 0) {
    // Two modes: the one bipartition is the pair's, whose E_N the analysis encloses.
    const enclosedAt = (k: number) => (model.modes.length === 2 ? ea?.logNegativity : e?.bipartitions?.[k]);
    out.bipartitions = s.bipartitions.map((b, k) => ({
      side: b.side,
      logNegativity: p.number(`/bipartitions/${k}/logNegativity`, b.logNegativity, enclosedAt(k)),
      logNegativityCheck: {
        route: b.logNegativityCheck.route,
        value: p.number(`/bipartitions/${k}/logNegativityCheck/value`, b.logNegativityCheck.value, enclosedAt(k)),
        agreeToDigits: b.logNegativityCheck.digits,
      },
    }));
  }
  if (s.singleMode) {
    const q = e?.singleMode;
    Object.assign(out, {
      Valpha: [p.number('/Valpha/0', s.singleMode.variance, q?.variance)],
      alpha: p.number('/alpha', s.singleMode.angle, q?.angle),
      squeezing: p.number('/squeezing', s.singleMode.variance.times(2), q && doubled(q.variance)),
    });
  }
  if (e) {
    out.certified = p.uncertified.length === 0;
    if (p.uncertified.length > 0) out.uncertified = p.uncertified;
    out.enclosureWorkingDigits = e.workingDigits;
    out.enclosures = Object.fromEntries([...p.enclosures].map(([k, x]) => [k, enclosureEnds(x)]));
  } else out.certified = false;
  return { json: out, printer: p };
}

/** A solution's JSON with every printed number's enclosure by its JSON pointer. */
export function renderSolution(s: Solution | CertifiedSolution): { json: Record<string, unknown>; enclosures: ReadonlyMap<string, Interval> } {
  const { json, printer } = render(s);
  return { json, enclosures: printer.enclosures };
}

/** The value at a JSON pointer of the form /key/index/… (keys without / or ~). */
export function atPointer(json: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce((x: unknown, k) => (x === undefined || x === null ? undefined : (x as Record<string, unknown>)[k]), json);
}

/**
 * A solution as JSON: every number a decimal string. A certified solution (src/app/certifiedSolve.ts)
 * prints each number to the digits its enclosure proves, with `certified`, `enclosures` (JSON
 * pointer → [lo, hi]) and any `uncertified` pointers; an uncertified one prints its computed digits
 * and `certified: false`.
 */
export function solutionJson(s: Solution | CertifiedSolution): Record<string, unknown> {
  return render(s).json;
}

export function solutionText(s: Solution | CertifiedSolution): string {
  const j = solutionJson(s);
  const { model } = s.point;
  const lines = [
    `model ${model.name}  ${Object.entries(parameterStrings(s))
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}  (${s.digits} digits)`,
  ];
  lines.push(s.threshold ? `regime: ${s.regime}   ${s.threshold.parameter}_th = ${j[`${s.threshold.parameter}Th`] ?? 'none'}` : `regime: ${s.regime}`);
  if (!s.conditional) lines.push('no steady state (see the notes)');
  const pairKeys = Object.keys(s.pairs).flatMap((n) => [`S_${n}`, `V_${n}`, `alpha_${n}`, `S_${n}_separableBound`]);
  for (const key of ['S', 'Valpha', 'alpha', ...pairKeys, 'logNegativity', 'expMinusLogNegativity', 'duan', 'simon', 'squeezing', 'residual']) {
    if (j[key] !== undefined) lines.push(`${key.padEnd(22)} ${Array.isArray(j[key]) ? (j[key] as string[]).join(', ') : String(j[key])}`);
  }
  const proof = j.logNegativityProof as { verdict: string; enclosure: [string, string] } | undefined;
  if (proof) lines.push(`${'logNegativity proof'.padEnd(22)} ${proof.verdict}, E_N in [${proof.enclosure.join(', ')}]`);
  const bipartitions = (j.bipartitions ?? []) as Array<{ side: string[]; logNegativity: string }>;
  if (model.modes.length > 2) for (const b of bipartitions) lines.push(`E_N(${b.side.join(', ')} | rest)`.padEnd(23) + b.logNegativity);
  if (s.means) lines.push(`means (${model.basis.map((b) => b.name).join(', ')}): ${(j.means as string[]).join(', ')}`);
  if (j.covariance) lines.push(`covariance (${model.basis.map((b) => b.name).join(', ')}):`, ...(j.covariance as string[][]).map((r) => `  ${r.join('  ')}`));
  const uncertified = (j.uncertified ?? []) as string[];
  if ('enclosures' in s)
    lines.push(
      uncertified.length === 0
        ? `certified: every number above is printed to the digits its enclosure proves (${s.enclosures.workingDigits} working digits)`
        : `certified: not all; computed, not proved: ${uncertified.join(', ')}`,
    );
  for (const n of j.notes as string[]) lines.push(`note: ${n}`);
  return lines.join('\n');
}
