/** A solution of `detuned-paramp solve` as JSON and as text: every number a decimal string with every computed digit. */
import type { Dec } from '../numeric/context.ts';
import type { DMatrix } from '../numeric/matrix.ts';
import { CONVENTIONS } from '../models/conventions.ts';
import { enclosureStrings, type Solution } from './solve.ts';

/** A printed number; a non-finite one is an error, never output. */
export const str = (x: Dec, digits: number): string => {
  if (!x.isFinite()) throw new Error(`a non-finite value (${x.toString()}) reached the output`);
  return x.toSignificantDigits(digits).toString();
};
/** Entries below the solve's accuracy (10^-digits of the largest entry) are rounding residue, printed as 0. */
export function covarianceStrings(m: DMatrix, digits: number): string[][] {
  let largest = m[0]![0]!.abs();
  for (const row of m) for (const x of row) if (x.abs().gt(largest)) largest = x.abs();
  const floor = largest.times(`1e-${digits}`);
  return m.map((row) => row.map((x) => (x.abs().lt(floor) ? '0' : str(x, digits))));
}

/** The parameter values of a solution by the model file's names. */
export function parameterStrings(s: Solution): Record<string, string> {
  const { model, values } = s.point;
  return Object.fromEntries(model.parameters.map((p) => [p.name, values.get(p.symbol)!.toDecimalString()]));
}

export function solutionJson(s: Solution): Record<string, unknown> {
  const d = s.digits;
  const { model } = s.point;
  const a = s.analysis;
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
    // The threshold of the parameter the model names, as <name>Th (χ_th: chiTh).
    ...(s.threshold ? { [`${s.threshold.parameter}Th`]: s.threshold.value === null ? null : str(s.threshold.value, d) } : {}),
    notes: s.notes,
  };
  if (s.means) out.means = s.means.map((x) => str(x, d));
  if (!s.conditional) return out;
  Object.assign(out, { covariance: covarianceStrings(s.conditional.covariance, d), residual: s.conditional.residual.toExponential(3) });
  if (s.unconditional) out.unconditionalCovariance = covarianceStrings(s.unconditional.covariance, d);
  if (s.unconditionalAnalysis) out.unconditional = { S: str(s.unconditionalAnalysis.S, d), logNegativity: str(s.unconditionalAnalysis.logNegativity, d) };
  if (a) {
    Object.assign(out, {
      S: str(a.S, d),
      Valpha: [str(a.vAlphaPlus, d), str(a.vAlphaMinus, d)],
      alpha: str(a.alpha, d),
      logNegativity: str(a.logNegativity, d),
      logNegativityCheck: { route: a.logNegativityCheck.route, value: str(a.logNegativityCheck.value, d), agreeToDigits: a.logNegativityCheck.digits },
      expMinusLogNegativity: str(a.expMinusLogNegativity, d),
      duan: str(a.duan, d),
      simon: str(a.simon, d),
      smallestSymplecticEigenvalue: str(a.smallestSymplectic, d),
      physical: a.physical,
    });
  }
  if (s.logNegativityProof)
    out.logNegativityProof = {
      verdict: s.logNegativityProof.verdict,
      enclosure: enclosureStrings(s.logNegativityProof.enclosure),
      workingDigits: s.logNegativityProof.workingDigits,
    };
  for (const [name, p] of Object.entries(s.pairs)) {
    Object.assign(out, {
      [`S_${name}`]: str(p.S, d),
      [`V_${name}`]: p.variances.map((x) => str(x, d)),
      [`alpha_${name}`]: p.angles.map((x) => str(x, d)),
      [`S_${name}_separableBound`]: str(p.separableBound, d),
    });
  }
  if (s.bipartitions.length > 0) {
    out.bipartitions = s.bipartitions.map((b) => ({
      side: b.side,
      logNegativity: str(b.logNegativity, d),
      logNegativityCheck: { route: b.logNegativityCheck.route, value: str(b.logNegativityCheck.value, d), agreeToDigits: b.logNegativityCheck.digits },
    }));
  }
  if (s.singleMode)
    Object.assign(out, { Valpha: [str(s.singleMode.variance, d)], alpha: str(s.singleMode.angle, d), squeezing: str(s.singleMode.variance.times(2), d) });
  return out;
}

export function solutionText(s: Solution): string {
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
  if (s.logNegativityProof) {
    const [lo, hi] = enclosureStrings(s.logNegativityProof.enclosure);
    lines.push(`${'logNegativity proof'.padEnd(22)} ${s.logNegativityProof.verdict}, E_N in [${lo}, ${hi}]`);
  }
  if (model.modes.length > 2) for (const b of s.bipartitions) lines.push(`E_N(${b.side.join(', ')} | rest)`.padEnd(23) + str(b.logNegativity, s.digits));
  if (s.means) lines.push(`means (${model.basis.map((b) => b.name).join(', ')}): ${(j.means as string[]).join(', ')}`);
  if (j.covariance) lines.push(`covariance (${model.basis.map((b) => b.name).join(', ')}):`, ...(j.covariance as string[][]).map((r) => `  ${r.join('  ')}`));
  for (const n of s.notes) lines.push(`note: ${n}`);
  return lines.join('\n');
}
