/**
 * An independent numeric route to the rotating-wave approximation: the lab Hamiltonian (1) or
 * (19) as a classical function of time, with x_j = x_zpf(α_j e^(−iωt) + c.c.) in the frame
 * rotating at ω, averaged over one period by K equally spaced samples (exact for the
 * trigonometric polynomials that occur, of degree below K), at fixed generic parameter values in
 * complex quad-double arithmetic (about 62 digits). Quadratic forms are compared by their differences between two
 * amplitude points, which removes the c-numbers that ordering leaves open.
 */
import type { Dec } from '../numeric/context.ts';
import { complexAlgebra, complexArithmetic as D, type Complex } from './cas/randomPoints.ts';
import { operatorToCas } from './cas/render.ts';
import { evaluate, parseExpression } from '../exact/expression.ts';
import type { EngineReport } from './claim.ts';
import type { Operator } from '../operators/operator.ts';
import type { LabHamiltonian } from '../paper/transcribed.ts';

const SAMPLES = 16;
const c = (re: string | number | Dec, im: string | number | Dec = 0): Complex => ({ re: new D(re), im: new D(im) });
const add = (a: Complex, b: Complex): Complex => ({ re: a.re.plus(b.re), im: a.im.plus(b.im) });
const sub = (a: Complex, b: Complex): Complex => ({ re: a.re.minus(b.re), im: a.im.minus(b.im) });
const mul = (a: Complex, b: Complex): Complex => ({ re: a.re.times(b.re).minus(a.im.times(b.im)), im: a.re.times(b.im).plus(a.im.times(b.re)) });
const conj = (a: Complex): Complex => ({ re: a.re, im: a.im.neg() });
const scale = (a: Complex, s: Dec): Complex => ({ re: a.re.times(s), im: a.im.times(s) });

/** Parameter values (positive, generic) and two amplitude points. */
const VALUES = new Map<string, Dec>([
  ['m', new D('1.37')],
  ['omega_m', new D('5.21')],
  ['hbar', new D('0.83')],
  ['g', new D('0.61')],
  ['Delta', new D('0.29')],
  ['chi', new D('0.43')],
  ['Gamma', new D('0.17')],
  ['Gamma_19', new D('0.17')],
  ['chi_19', new D('0.43')],
]);
const POINTS: Array<[Complex, Complex]> = [
  [c('0.7', '-0.3'), c('-0.2', '1.1')],
  [c('-1.3', '0.4'), c('0.5', '0.9')],
];

function averagedLab(lab: LabHamiltonian, frame: 'omega_d' | 'omega_m', [a1, a2]: [Complex, Complex]): Complex {
  const values = new Map<string, Dec | Complex>(VALUES);
  values.set('omega_d', VALUES.get('omega_m')!.minus(VALUES.get('Delta')!));
  const omegaM = VALUES.get('omega_m')!;
  const mass = VALUES.get('m')!;
  const hbar = VALUES.get('hbar')!;
  const zpf = hbar.div(mass.times(omegaM).times(2)).sqrt();
  const pi = D.acos(-1);
  const staticExpr = parseExpression(lab.static);
  const modulationExpr = parseExpression(lab.modulation.amplitude);
  let total = c(0);
  for (let k = 0; k < SAMPLES; k++) {
    const theta = pi.times(2 * k).div(SAMPLES);
    const phase = c(theta.cos(), theta.sin().neg());
    for (const [j, alpha] of [
      [1, a1],
      [2, a2],
    ] as const) {
      const forward = mul(alpha, phase);
      values.set(`x${j}`, scale(add(forward, conj(forward)), zpf));
      values.set(`p${j}`, mul(c(0, 1), scale(sub(conj(forward), forward), mass.times(omegaM).times(zpf))));
    }
    const algebra = complexAlgebra(values);
    const angle = theta.times(lab.modulation.harmonic);
    const trig = lab.modulation.trig === 'cos' ? angle.cos() : angle.sin();
    total = add(total, add(evaluate(staticExpr, algebra), scale(evaluate(modulationExpr, algebra), trig)));
  }
  const frameFrequency = frame === 'omega_d' ? (values.get('omega_d') as Dec) : omegaM;
  const number = a1.re.pow(2).plus(a1.im.pow(2)).plus(a2.re.pow(2)).plus(a2.im.pow(2));
  return sub(scale(total, new D(1).div(SAMPLES)), c(hbar.times(frameFrequency).times(number)));
}

/** ħ times a rotating-frame form given in ladder names (a, ad, b, bd), at amplitudes α₁, α₂. */
function rotatingForm(text: string, [a1, a2]: [Complex, Complex]): Complex {
  const values = new Map<string, Dec | Complex>(VALUES);
  values.set('a', a1).set('ad', conj(a1)).set('b', a2).set('bd', conj(a2));
  return scale(evaluate(parseExpression(text), complexAlgebra(values)), VALUES.get('hbar')!);
}

/** Does the time-averaged lab Hamiltonian equal ħ × the form, up to a constant? */
export function matchesTimeAverage(lab: LabHamiltonian, frame: 'omega_d' | 'omega_m', form: string): boolean {
  const [p, q] = POINTS as [[Complex, Complex], [Complex, Complex]];
  const lhs = sub(averagedLab(lab, frame, p), averagedLab(lab, frame, q));
  const rhs = sub(rotatingForm(form, p), rotatingForm(form, q));
  const diff = sub(lhs, rhs);
  return diff.re.abs().lt('1e-40') && diff.im.abs().lt('1e-40');
}

/** The same for a derived operator (H̃/ħ with the lab constants left symbolic). */
export function operatorMatchesTimeAverage(lab: LabHamiltonian, frame: 'omega_d' | 'omega_m', op: Operator): boolean {
  return matchesTimeAverage(lab, frame, operatorToCas(op));
}

export function timeAverageReport(agreed: boolean, detail: string): EngineReport {
  return { engine: 'time-average', agreed, detail };
}
