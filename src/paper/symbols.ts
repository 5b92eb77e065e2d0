/**
 * The paper's parameters, oscillators and quadratures, and the environment in which its
 * printed ASCII forms are read. ħ = 1 in rotating frames (Hamiltonians there are H̃/ħ);
 * the lab-frame forms keep ħ, m and ω_m so that the frame change can be checked.
 */
import { RationalFunction as R } from '../exact/rationalFunction.ts';
import { mode, Operator } from '../operators/operator.ts';
import { labOscillator, momentumQuadrature, positionQuadrature } from '../operators/quadratures.ts';
import { operatorFrom, type Environment } from '../operators/operatorExpression.ts';
import { transcribed } from './transcribed.ts';

export const sym = {
  gamma: R.symbol('γ', { ascii: 'gamma', positive: true }),
  gamma1: R.symbol('γ₁', { ascii: 'gamma1', positive: true }),
  gamma2: R.symbol('γ₂', { ascii: 'gamma2', positive: true }),
  Delta: R.symbol('Δ', { ascii: 'Delta' }),
  Delta1: R.symbol('Δ₁', { ascii: 'Delta1' }),
  Delta2: R.symbol('Δ₂', { ascii: 'Delta2' }),
  chi: R.symbol('χ', { ascii: 'chi', positive: true }),
  chi1: R.symbol('χ₁', { ascii: 'chi1' }),
  chi2: R.symbol('χ₂', { ascii: 'chi2' }),
  Gamma: R.symbol('Γ', { ascii: 'Gamma' }),
  N: R.symbol('N', { ascii: 'N', positive: true }),
  mu: R.symbol('μ', { ascii: 'mu', positive: true }),
  eta: R.symbol('η', { ascii: 'eta', positive: true }),
  g: R.symbol('g', { ascii: 'g' }),
  m: R.symbol('m', { ascii: 'm', positive: true }),
  omega_m: R.symbol('ω_m', { ascii: 'omega_m', positive: true }),
  omega_d: R.symbol('ω_d', { ascii: 'omega_d', positive: true }),
  omega_1: R.symbol('ω₁', { ascii: 'omega_1', positive: true }),
  omega_2: R.symbol('ω₂', { ascii: 'omega_2', positive: true }),
  hbar: R.symbol('ħ', { ascii: 'hbar', positive: true }),
  /** Conditional (co)variances of the collective pairs, as in (12)-(13). */
  VXp: R.symbol('V_X₊', { ascii: 'VXp', positive: true }),
  VYp: R.symbol('V_Y₊', { ascii: 'VYp', positive: true }),
  Cp: R.symbol('C₊', { ascii: 'Cp' }),
  VXm: R.symbol('V_X₋', { ascii: 'VXm', positive: true }),
  VYm: R.symbol('V_Y₋', { ascii: 'VYm', positive: true }),
  Cm: R.symbol('C₋', { ascii: 'Cm' }),
  /** Γ and χ exactly as they stand in the lab-frame Hamiltonian (19), kept apart from the rates of (20). */
  Gamma19: R.symbol('Γ₍₁₉₎', { ascii: 'Gamma_19' }),
  chi19: R.symbol('χ₍₁₉₎', { ascii: 'chi_19' }),
} as const;

export const a = mode('a');
export const b = mode('b');

export const ladder = {
  a: Operator.annihilation(a),
  ad: Operator.creation(a),
  b: Operator.annihilation(b),
  bd: Operator.creation(b),
};

/** Each oscillator's own quadratures X_j = (a_j + a_j†)/√2, Y_j = −i(a_j − a_j†)/√2. */
export const oscillator = {
  X1: positionQuadrature(a),
  Y1: momentumQuadrature(a),
  X2: positionQuadrature(b),
  Y2: momentumQuadrature(b),
};

const base = new Map<string, Operator | R>([
  ...Object.values(sym).map((v) => [v.toString('ascii'), v] as [string, R]),
  ...Object.entries(ladder),
  ...Object.entries(oscillator),
]);

/** Collective quadratures from printed definitions such as "(X1 + X2)/sqrt(2)". */
export function collective(definitions: Readonly<Record<string, string>>): Record<string, Operator> {
  return Object.fromEntries(Object.entries(definitions).map(([name, text]) => [name, operatorFrom(text, base)]));
}

export function environment(extra: Readonly<Record<string, Operator | R>> = {}): Environment {
  return new Map([...base, ...Object.entries(extra)]);
}

/** Lab-frame x and p of both oscillators: equal mass m, frequency ω_m unless given apart. */
export function labEnvironment(frequencies: readonly [R, R] = [sym.omega_m, sym.omega_m]): Environment {
  const [o1, o2] = ([a, b] as const).map((m, k) => {
    const frequency = frequencies[k]!;
    const zeroPointName = frequencies[0] === frequencies[1] ? 'x_zpf' : `x_zpf${k + 1}`;
    return labOscillator(m, { mass: sym.m, frequency, hbar: sym.hbar, zeroPointName });
  }) as [ReturnType<typeof labOscillator>, ReturnType<typeof labOscillator>];
  return environment({ x1: o1.x, p1: o1.p, x2: o2.x, p2: o2.p });
}

/** Every collective quadrature the paper defines, from its printed definitions (3) and (22). */
export const definitions: Readonly<Record<string, string>> = { ...transcribed.eq3.definitions, ...transcribed.eq22.definitions };
export const quadratures = collective(definitions);
/** The environment in which the printed forms are read: parameters, ladder operators, and every quadrature. */
export const env: Environment = environment(quadratures);
