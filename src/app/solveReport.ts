/** A solution of `detuned-paramp solve` as JSON and as text: every number a decimal string with every computed digit. */
import type { Dec } from '../numeric/context.ts';
import type { DMatrix } from '../numeric/matrix.ts';
import { CONVENTIONS } from '../models/conventions.ts';
import type { Solution } from './solve.ts';
import type { TwoModeAnalysis } from '../entanglement/analysis.ts';

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

/** The keys of a two-mode analysis, the same for a built-in model and a model file. */
export function analysisJson(a: TwoModeAnalysis, d: number): Record<string, unknown> {
  return {
    S: str(a.S, d),
    Valpha: [str(a.vAlphaPlus, d), str(a.vAlphaMinus, d)],
    alpha: str(a.alpha, d),
    logNegativity: str(a.logNegativity, d),
    logNegativityPartialTranspose: str(a.logNegativityCheck.value, d),
    logNegativityRoutesAgreeToDigits: a.logNegativityCheck.digits,
    expMinusLogNegativity: str(a.expMinusLogNegativity, d),
    duan: str(a.duan, d),
    simon: str(a.simon, d),
    smallestSymplecticEigenvalue: str(a.smallestSymplectic, d),
    physical: a.physical,
  };
}

export function solutionJson(s: Solution): Record<string, unknown> {
  const d = s.digits;
  const out: Record<string, unknown> = {
    model: s.parameters.model,
    params: Object.fromEntries(Object.entries(s.parameters.values).map(([k, v]) => [k, v.toDecimalString()])),
    digits: d,
    workingDigits: s.workingDigits,
    conventions: { ...CONVENTIONS, basis: 'covariance rows and columns in the order (X₁, Y₁, X₂, Y₂); rates in the units of the inputs' },
    regime: s.regime,
    stable: s.stable,
    chiTh: s.chiTh === null ? null : str(s.chiTh, d),
    notes: s.notes,
  };
  if (s.conditional) {
    out.covariance = covarianceStrings(s.conditional.covariance, d);
    out.residual = s.conditional.residual.toExponential(3);
    if (s.unconditional) out.unconditionalCovariance = covarianceStrings(s.unconditional.covariance, d);
    if (s.unconditionalAnalysis) out.unconditional = { S: str(s.unconditionalAnalysis.S, d), logNegativity: str(s.unconditionalAnalysis.logNegativity, d) };
    if (s.analysis) Object.assign(out, analysisJson(s.analysis, d));
    if (s.separabilityUV) {
      const u = s.separabilityUV;
      Object.assign(out, {
        S_UV: str(u.S, d),
        V_UV: u.variances.map((x) => str(x, d)),
        alpha_UV: u.angles.map((x) => str(x, d)),
        S_UV_separableBound: str(u.separableBound, d),
      });
    }
    if (s.singleMode) Object.assign(out, { Valpha: [str(s.singleMode.variance, d)], alpha: str(s.singleMode.angle, d), squeezing: str(s.singleMode.variance.times(2), d) });
  }
  return out;
}

export function solutionText(s: Solution): string {
  const j = solutionJson(s);
  const lines = [`model ${j.model}  ${Object.entries(j.params as object).map(([k, v]) => `${k}=${v}`).join(' ')}  (${s.digits} digits)`];
  lines.push(`regime: ${s.regime}   χ_th = ${j.chiTh ?? 'none'}`);
  if (!s.conditional) lines.push('no steady state (see the notes)');
  for (const key of ['S', 'Valpha', 'alpha', 'S_UV', 'V_UV', 'alpha_UV', 'S_UV_separableBound', 'logNegativity', 'expMinusLogNegativity', 'duan', 'simon', 'squeezing', 'residual'] as const) {
    if (j[key] !== undefined) lines.push(`${key.padEnd(22)} ${Array.isArray(j[key]) ? (j[key] as string[]).join(', ') : String(j[key])}`);
  }
  if (j.covariance) lines.push('covariance (X₁, Y₁, X₂, Y₂):', ...(j.covariance as string[][]).map((r) => `  ${r.join('  ')}`));
  for (const n of s.notes) lines.push(`note: ${n}`);
  return lines.join('\n');
}
