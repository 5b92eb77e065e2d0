/** Quadratures X = (a + a†)/√2, Y = −i(a − a†)/√2, so [X, Y] = i and the vacuum variance is ½. */
import { q, RationalFunction } from '../exact/rationalFunction.ts';
import { Operator, type Mode } from './operator.ts';

export const SQRT2 = RationalFunction.sqrt('√2', q(2), { ascii: 'sqrt2' });
export const INV_SQRT2 = q(1).div(SQRT2);

export function positionQuadrature(m: Mode): Operator {
  return Operator.annihilation(m).add(Operator.creation(m)).scale(INV_SQRT2);
}

export function momentumQuadrature(m: Mode): Operator {
  return Operator.annihilation(m).sub(Operator.creation(m)).scale(RationalFunction.I.neg().mul(INV_SQRT2));
}

/**
 * Lab-frame position and momentum of an oscillator of mass m and frequency ω:
 * x = x_zpf (a + a†), p = i m ω x_zpf (a† − a), with x_zpf = √(ħ/2mω) a root symbol.
 */
export function labOscillator(
  m: Mode,
  params: { mass: RationalFunction; frequency: RationalFunction; hbar: RationalFunction; zeroPointName: string },
): { x: Operator; p: Operator; zeroPoint: RationalFunction } {
  const zeroPoint = RationalFunction.sqrt(params.zeroPointName, params.hbar.div(q(2).mul(params.mass).mul(params.frequency)), {
    ascii: params.zeroPointName.replace(/[^A-Za-z0-9_]/g, ''),
  });
  const a = Operator.annihilation(m);
  const ad = Operator.creation(m);
  return {
    x: a.add(ad).scale(zeroPoint),
    p: ad.sub(a).scale(RationalFunction.I.mul(params.mass).mul(params.frequency).mul(zeroPoint)),
    zeroPoint,
  };
}
