import { describe, expect, it } from 'vitest';
import { q, RationalFunction as R } from '../src/exact/rationalFunction.ts';
import { adjointGenerator } from '../src/operators/lindblad.ts';
import { anticommutator, commutator, mode, Operator } from '../src/operators/operator.ts';
import { momentumQuadrature, positionQuadrature } from '../src/operators/quadratures.ts';
import { TimeDependentOperator } from '../src/operators/rotatingFrame.ts';

const c = mode('c_test');
const d = mode('d_test');
const a = Operator.annihilation(c);
const ad = Operator.creation(c);
const gamma = R.symbol('γ', { ascii: 'gamma', positive: true });
const nbar = R.symbol('N', { ascii: 'N', positive: true });
const omega = R.symbol('ω_t', { ascii: 'omega_t', positive: true });

describe('normal ordering', () => {
  it('a a† = a† a + 1', () => {
    expect(a.mul(ad).equals(ad.mul(a).add(Operator.IDENTITY))).toBe(true);
  });
  it('[a, (a†)ⁿ] = n (a†)ⁿ⁻¹ for n = 1..7', () => {
    for (let n = 1; n <= 7; n++) {
      expect(commutator(a, ad.pow(n)).equals(ad.pow(n - 1).scale(n))).toBe(true);
    }
  });
  it('aⁿ (a†)ⁿ has constant term n! (vacuum expectation ⟨0|aⁿ a†ⁿ|0⟩)', () => {
    expect(a.pow(5).mul(ad.pow(5)).constantPart().equals(q(120))).toBe(true);
  });
  it('different modes commute; [X, Y] = i; X and Y are Hermitian', () => {
    expect(commutator(a, Operator.creation(d)).isZero()).toBe(true);
    const x = positionQuadrature(c);
    const y = momentumQuadrature(c);
    expect(commutator(x, y).equals(Operator.scalar(R.I))).toBe(true);
    expect(x.isHermitian() && y.isHermitian()).toBe(true);
    // X² + Y² = 2a†a + 1: the vacuum variance of each quadrature is 1/2
    expect(x.mul(x).add(y.mul(y)).equals(ad.mul(a).scale(2).add(Operator.IDENTITY))).toBe(true);
  });
  it('the Jacobi identity holds on a cubic example', () => {
    const [p, r, s] = [ad.mul(a).mul(a), a.add(Operator.creation(d)), ad.mul(ad).add(Operator.annihilation(d))];
    const jacobi = commutator(p, commutator(r, s))
      .add(commutator(r, commutator(s, p)))
      .add(commutator(s, commutator(p, r)));
    expect(jacobi.isZero()).toBe(true);
  });
  it('adjoint reverses order and conjugates: (i a† a²)† = −i a†² a', () => {
    const op = ad.mul(a).mul(a).scale(R.I);
    expect(op.adjoint().equals(ad.mul(ad).mul(a).scale(R.I.neg()))).toBe(true);
  });
});

describe('adjoint Lindblad generator', () => {
  const damping = [
    {
      rate: q(2)
        .mul(gamma)
        .mul(nbar.add(q(1))),
      jump: a,
    },
    { rate: q(2).mul(gamma).mul(nbar), jump: ad },
  ];
  it('a damped mode’s ⟨a⟩ decays at the amplitude rate γ (half the energy rate 2γ)', () => {
    expect(adjointGenerator(Operator.ZERO, damping, a).equals(a.scale(gamma.neg()))).toBe(true);
  });
  it('d⟨a†a⟩/dt = −2γ⟨a†a⟩ + 2γN: thermal occupation N in the steady state', () => {
    const n = ad.mul(a);
    expect(adjointGenerator(Operator.ZERO, damping, n).equals(n.scale(q(-2).mul(gamma)).add(Operator.scalar(q(2).mul(gamma).mul(nbar))))).toBe(true);
  });
  it('free evolution: H = ω a†a gives da/dt = −iω a', () => {
    expect(adjointGenerator(ad.mul(a).scale(omega), [], a).equals(a.scale(R.I.neg().mul(omega)))).toBe(true);
  });
});

describe('rotating frame and RWA', () => {
  it('H = ω(a†a + ½) in the frame at ω with zero point is 0', () => {
    const h = TimeDependentOperator.constant(
      ad
        .mul(a)
        .add(Operator.scalar(q(1, 2)))
        .scale(omega),
    );
    expect(
      h
        .inRotatingFrame([{ mode: c, frequency: omega }], { energyUnit: q(1), zeroPoint: true })
        .secularPart()
        .isZero(),
    ).toBe(true);
  });
  it('(a + a†)² cos(2ωt) at ω keeps (a² + a†²)/2; sin(2ωt) keeps (a² − a†²)/(2i)', () => {
    const x2 = a.add(ad).pow(2);
    const frame = [{ mode: c, frequency: omega }];
    const opts = { energyUnit: q(0), zeroPoint: false };
    const cosPart = TimeDependentOperator.cos(x2, omega, 2).inRotatingFrame(frame, opts).secularPart();
    expect(cosPart.equals(a.mul(a).add(ad.mul(ad)).scale(q(1, 2)))).toBe(true);
    const sinPart = TimeDependentOperator.sin(x2, omega, 2).inRotatingFrame(frame, opts).secularPart();
    expect(
      sinPart.equals(
        a
          .mul(a)
          .sub(ad.mul(ad))
          .scale(R.I.neg().mul(q(1, 2))),
      ),
    ).toBe(true);
  });
  it('anticommutator is symmetric', () => {
    expect(anticommutator(a, ad).equals(anticommutator(ad, a))).toBe(true);
  });
});
