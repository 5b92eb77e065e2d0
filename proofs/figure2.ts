/**
 * Figure 2 recomputed: S and e^(−E_N) against μ/γ (10⁻³ … 10³, 121 points) for χ/γ = 25 and 50,
 * N = 5, η = 1, from the full conditional covariance of each model. What the caption leaves
 * open is taken from the named assumptions (figure2-detuning, figure2-asymmetry); the
 * alternatives are computed too. The dot-dashed back-action-evasion curve needs Ref. [16]'s
 * model and is left out, with that reason in the data.
 */
import { Rational } from '../src/exact/rational.ts';
import { logNegativityInvariant, separability } from '../src/entanglement/gaussianState.ts';
import { decimalContext, type Dec } from '../src/numeric/context.ts';
import { isHurwitzStable } from '../src/numeric/eigen.ts';
import { riccatiSteadyState } from '../src/numeric/riccati.ts';
import { CONVENTIONS } from '../src/report/conventions.ts';
import { FIGURE2_ASYMMETRY } from './assumptions.ts';
import type { ModelName } from './measuredModels.ts';
import { modelMatrices, resolveParameters, type RawParameters } from './solve.ts';

export interface CurveSpec {
  readonly id: string;
  readonly label: string;
  readonly model: ModelName;
  readonly chi: string;
  readonly params: RawParameters;
  /** Which named assumptions fix it, and whether it is the chosen reading or an alternative. */
  readonly assumption: string;
  readonly alternative: boolean;
}

export interface CurvePoint {
  readonly mu: Dec;
  readonly S: Dec;
  readonly logNegativity: Dec;
  readonly expMinusLogNegativity: Dec;
}

export interface Curve extends CurveSpec {
  readonly stable: boolean;
  readonly points: CurvePoint[];
  readonly minimumS: { mu: Dec; value: Dec };
  readonly minimumExpMinusLogNegativity: { mu: Dec; value: Dec };
}

const COMMON = { nbar: '5', eta: '1' };

export function curveSpecs(): CurveSpec[] {
  const chosen = FIGURE2_ASYMMETRY[1]!;
  const specs: CurveSpec[] = [];
  for (const chi of ['25', '50']) {
    specs.push({ id: `one-${chi}`, label: `model one, χ = ${chi}γ`, model: 'modulated', chi, params: { ...COMMON, gamma: '1', delta: chi, chi }, assumption: 'figure2-detuning: Δ = χ', alternative: false });
    const shift = (Number(chi) + (Number(chosen.g1) - Number(chosen.g2)) / 2).toString();
    specs.push({ id: `two-${chi}`, label: `model two, χ = ${chi}γ, γ₁ = ${chosen.g1}γ, γ₂ = ${chosen.g2}γ`, model: 'constant', chi, params: { ...COMMON, gamma1: chosen.g1, gamma2: chosen.g2, coupling: shift, chi }, assumption: `figure2-asymmetry: ${chosen.label}; Γ = χ₂`, alternative: false });
  }
  for (const alt of [FIGURE2_ASYMMETRY[0]!, FIGURE2_ASYMMETRY[2]!]) {
    const shift = (50 + Math.abs(Number(alt.g1) - Number(alt.g2)) / 2).toString();
    specs.push({ id: `two-50-${alt.g1}-${alt.g2}`, label: `model two, χ = 50γ, γ₁ = ${alt.g1}γ, γ₂ = ${alt.g2}γ`, model: 'constant', chi: '50', params: { ...COMMON, gamma1: alt.g1, gamma2: alt.g2, coupling: shift, chi: '50' }, assumption: `figure2-asymmetry: ${alt.label}`, alternative: true });
  }
  for (const factor of ['1.05', '1.2']) {
    const delta = Rational.parse(factor).mul(Rational.of(50)).toDecimalString();
    specs.push({ id: `one-50-delta-${factor}`, label: `model one, χ = 50γ, Δ = ${factor}χ`, model: 'modulated', chi: '50', params: { ...COMMON, gamma: '1', delta, chi: '50' }, assumption: `figure2-detuning: Δ = ${factor}χ`, alternative: true });
  }
  return specs;
}

/** μ/γ = 10^(−3 + 6k/(n − 1)), k = 0 … n − 1, each rounded to `digits` + 5 significant digits (the value used is the value printed). */
export function muGrid(points: number, digits: number): Dec[] {
  const D = decimalContext(digits + 5);
  return Array.from({ length: points }, (_, k) => new D(10).pow(new D(-3).plus(new D(6 * k).div(points - 1))).toSignificantDigits(digits + 5));
}

function evaluate(spec: CurveSpec, mu: Dec, digits: number): CurvePoint {
  const work = digits + 10;
  const p = resolveParameters(spec.model, { ...spec.params, mu: mu.toString() });
  const m = modelMatrices(p, work);
  const v = riccatiSteadyState(work, m.drift, m.diffusion, m.measurement).covariance;
  const en = logNegativityInvariant(work, v).logNegativity;
  return { mu, S: separability(work, v).S, logNegativity: en, expMinusLogNegativity: en.neg().exp() };
}

/** Refines a grid minimum by golden-section search in log μ between the grid neighbours (one evaluation a step). */
function refine(spec: CurveSpec, grid: Dec[], values: Dec[], digits: number, pick: (p: CurvePoint) => Dec): { mu: Dec; value: Dec } {
  let k = 0;
  values.forEach((v, i) => {
    if (v.lt(values[k]!)) k = i;
  });
  const D = decimalContext(digits + 5);
  const at = (x: Dec) => pick(evaluate(spec, new D(10).pow(x).toSignificantDigits(digits + 5), digits));
  const ratio = new D(5).sqrt().minus(1).div(2);
  let lo = grid[Math.max(0, k - 1)]!.log(10);
  let hi = grid[Math.min(grid.length - 1, k + 1)]!.log(10);
  let x1 = hi.minus(hi.minus(lo).times(ratio));
  let x2 = lo.plus(hi.minus(lo).times(ratio));
  let f1 = at(x1);
  let f2 = at(x2);
  for (let step = 0; step < 36; step++) {
    if (f1.lt(f2)) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi.minus(hi.minus(lo).times(ratio));
      f1 = at(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo.plus(hi.minus(lo).times(ratio));
      f2 = at(x2);
    }
  }
  const best = f1.lt(f2) ? { x: x1, f: f1 } : { x: x2, f: f2 };
  const gridBest = values[k]!;
  if (gridBest.lte(best.f)) return { mu: grid[k]!, value: gridBest };
  return { mu: new D(10).pow(best.x).toSignificantDigits(digits + 5), value: best.f };
}

export function computeCurve(spec: CurveSpec, points: number, digits: number): Curve {
  const p = resolveParameters(spec.model, { ...spec.params, mu: '1' });
  const stable = isHurwitzStable(decimalContext(digits + 10), modelMatrices(p, digits + 10).drift);
  const grid = muGrid(points, digits);
  if (!stable) throw new Error(`curve ${spec.id} is above threshold: its assumption cannot be right`);
  const pts = grid.map((mu) => evaluate(spec, mu, digits));
  return {
    ...spec,
    stable,
    points: pts,
    minimumS: refine(spec, grid, pts.map((x) => x.S), digits, (x) => x.S),
    minimumExpMinusLogNegativity: refine(spec, grid, pts.map((x) => x.expMinusLogNegativity), digits, (x) => x.expMinusLogNegativity),
  };
}

export const OMITTED = [
  {
    curve: 'two-mode back-action evasion (dot-dashed)',
    reason: 'needs the model of Ref. [16] (cavity-coupled oscillators of different frequency, good-cavity limit), which this paper does not give',
  },
];

export function figureJson(curves: readonly Curve[], digits: number): object {
  const s = (x: Dec) => x.toSignificantDigits(digits).toString();
  return {
    figure: 'Figure 2 of Szorkovszky, Clerk, Doherty, Bowen, NJP 16, 063043 (2014)',
    conventions: { ...CONVENTIONS, rates: 'in units of γ (for model two, of the mean damping (γ₁ + γ₂)/2)', S: 'Eq. (15) from the full conditional covariance', expMinusLogNegativity: 'e^(−E_N), E_N from the smallest symplectic eigenvalue of the partial transpose' },
    digits,
    curves: curves.map((c) => ({
      id: c.id,
      label: c.label,
      model: c.model,
      parameters: c.params,
      assumption: c.assumption,
      alternative: c.alternative,
      minimumS: { mu: s(c.minimumS.mu), S: s(c.minimumS.value) },
      minimumExpMinusLogNegativity: { mu: s(c.minimumExpMinusLogNegativity.mu), value: s(c.minimumExpMinusLogNegativity.value) },
      points: c.points.map((x) => ({ mu: x.mu.toString(), S: s(x.S), logNegativity: s(x.logNegativity), expMinusLogNegativity: s(x.expMinusLogNegativity) })),
    })),
    omitted: OMITTED,
    notes: [
      'S of Eq. (15) is built from X±, Y± of the unrotated oscillators; model two correlates X₁ with Y₂ (and Y₁ with X₂), so its S stays above 1 while e^(−E_N) < 1: for model two only e^(−E_N) measures the entanglement',
      'model one: S and e^(−E_N) coincide (eq. en-equals-minus-ln-s)',
    ],
  };
}

export function figureCsv(curves: readonly Curve[], digits: number): string {
  const s = (x: Dec) => x.toSignificantDigits(digits).toString();
  const lines = ['curve,model,chi,alternative,mu,S,logNegativity,expMinusLogNegativity'];
  for (const c of curves) for (const x of c.points) lines.push([c.id, c.model, c.chi, c.alternative, x.mu.toString(), s(x.S), s(x.logNegativity), s(x.expMinusLogNegativity)].join(','));
  return `${lines.join('\n')}\n`;
}

export function plotRows(curves: readonly Curve[]): Array<Record<string, number | string>> {
  return curves.flatMap((c) =>
    c.points.flatMap((x) => [
      { mu: x.mu.toNumber(), value: x.S.toNumber(), series: `${c.label}: S`, quantity: 'S (Eq. 15)' },
      { mu: x.mu.toNumber(), value: x.expMinusLogNegativity.toNumber(), series: `${c.label}: e^(−E_N)`, quantity: 'e^(−E_N)' },
    ]),
  );
}
