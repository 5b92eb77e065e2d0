/**
 * The local-minimum proof (src/numeric/certifiedMinimum.ts) on functions whose minimum is known,
 * and the enclosures of V, V′ and V″ along μ (src/numeric/riccatiAlong.ts) against differences of
 * solves 10⁻²⁰ apart. Each can fail: a maximum is refused, a wrong guess outside the convex box
 * is refused, and the derivative boxes must hold the differences.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { certifiedLocalMinimum, certifiedRoot } from '../src/numeric/certifiedMinimum.ts';
import { intervalArithmetic, type Interval } from '../src/numeric/interval.ts';
import { jetArithmetic, type Jet } from '../src/numeric/jet.ts';
import { encloseAlong } from '../src/numeric/riccatiAlong.ts';
import { riccatiSteadyState } from '../src/numeric/riccati.ts';
import { modelMatrices } from '../src/app/solve.ts';
import { resolveParameters } from '../src/models/parameters.ts';
import { intervalMatrix } from '../src/numeric/fromExact.ts';
import { parameterSymbol } from '../src/models/modelFile.ts';
import { Rational } from '../src/exact/rational.ts';

const I = intervalArithmetic(40);
const J = jetArithmetic(I);
const D = Decimal.clone({ precision: 40 });
const range = [new D('0.001'), new D('1000')] as const;
const variable = (X: Interval): Jet => ({ value: X, slope: I.of('1'), curvature: I.of('0') });

describe('the proved local minimum', () => {
  it('f(μ) = (μ − 7/3)² + 1/7 + μ³/1000: the enclosures hold the minimiser and the least value found here by Newton at 60 digits', () => {
    const f = (x: Jet) =>
      J.add(
        J.add(J.mul(J.sub(x, J.div(J.of('7'), J.of('3'))), J.sub(x, J.div(J.of('7'), J.of('3')))), J.div(J.of('1'), J.of('7'))),
        J.div(J.mul(J.mul(x, x), x), J.of('1000')),
      );
    // f′ = 2(μ − 7/3) + 3μ²/1000 = 0, the root near 7/3, by Newton here; the proof starts from it to 10 digits.
    const F = Decimal.clone({ precision: 60 });
    let mu = new F(7).div(3);
    for (let k = 0; k < 20; k++)
      mu = mu.minus(
        mu
          .minus(new F(7).div(3))
          .times(2)
          .plus(mu.pow(2).times(3).div(1000))
          .div(new F(2).plus(mu.times(6).div(1000))),
      );
    const m = certifiedLocalMinimum(I, (X) => f(variable(X)), range, new D(mu.toSignificantDigits(10)));
    expect(m).toBeDefined();
    const least = mu.minus(new F(7).div(3)).pow(2).plus(new F(1).div(7)).plus(mu.pow(3).div(1000));
    expect(m!.location.lo.lte(mu) && mu.lte(m!.location.hi)).toBe(true);
    expect(m!.value.lo.lte(least) && least.lte(m!.value.hi)).toBe(true);
    expect(m!.location.hi.minus(m!.location.lo).lt('1e-30')).toBe(true);
  });
  it('refuses a maximum, and a guess too far for the convex box to hold the Newton step', () => {
    const bump = (x: Jet) => J.sub(J.of('1'), J.mul(J.sub(x, J.of('2')), J.sub(x, J.of('2'))));
    expect(certifiedLocalMinimum(I, (X) => bump(variable(X)), range, new D('2'))).toBeUndefined();
    const bowl = (x: Jet) => J.mul(J.sub(x, J.of('2')), J.sub(x, J.of('2')));
    expect(certifiedLocalMinimum(I, (X) => bowl(variable(X)), range, new D('2.5'))).toBeUndefined();
    expect(certifiedLocalMinimum(I, (X) => bowl(variable(X)), range, new D('2.0000000001'))).toBeDefined();
  });
  it('an end of the range: f decreasing into μ = 10³ proves the end, f increasing there is refused', () => {
    const falling = (x: Jet) => J.div(J.of('1'), x);
    expect(certifiedLocalMinimum(I, (X) => falling(variable(X)), range, new D('1000'))?.location).toEqual({ lo: new D('1000'), hi: new D('1000') });
    expect(certifiedLocalMinimum(I, (X) => J.neg(falling(variable(X))), range, new D('1000'))).toBeUndefined();
  });
});

describe('the proved root', () => {
  it('μ² − 2 near 1.41421356: the location holds √2 at 60 digits and is narrow (half the 40 working digits); a double root ((μ − 1)², f′ holding 0) is refused', () => {
    const f = (x: Jet) => J.sub(J.mul(x, x), J.of('2'));
    const r = certifiedRoot(I, (X) => f(variable(X)), new D('1.41421356'));
    const root2 = Decimal.clone({ precision: 60 }).sqrt(2);
    expect(r!.location.lo.lte(root2) && root2.lte(r!.location.hi)).toBe(true);
    expect(r!.location.hi.minus(r!.location.lo).lt('1e-19')).toBe(true);
    const double = (x: Jet) => J.mul(J.sub(x, J.of('1')), J.sub(x, J.of('1')));
    expect(certifiedRoot(I, (X) => double(variable(X)), new D('1.0000001'))).toBeUndefined();
  });
});

describe('V, V′ and V″ along μ', () => {
  it("model one at the paper's point: over μ ∈ 5 ± 10⁻⁶ the boxes hold V(5) and the central differences of solves 10⁻²⁰ apart", () => {
    const at = (mu: string) => resolveParameters('modulated', { delta: '30', chi: '25', nbar: '5', eta: '1', mu });
    const p = at('1');
    const mu = parameterSymbol(p.model, 'mu');
    const s = p.model.system;
    const exact = (m: typeof s.drift, value: string) => intervalMatrix(I, m, new Map(p.values).set(mu, Rational.parse(value)));
    const affine = (m: typeof s.drift) => [exact(m, '0'), exact(m, '1').map((row, i) => row.map((x, j) => I.sub(x, exact(m, '0')[i]![j]!)))] as const;
    const decimal = (value: string) => modelMatrices(at(value), 40);
    const [m0, m1] = [decimal('0'), decimal('1')];
    const point = {
      drift: m0.drift,
      driftStable: true,
      diffusion: (x: Decimal) => m0.diffusion.map((row, i) => row.map((y, j) => y.plus(m1.diffusion[i]![j]!.minus(y).times(x)))),
      measurement: (x: Decimal) => m0.measurement.map((row, i) => row.map((y, j) => y.plus(m1.measurement[i]![j]!.minus(y).times(x)))),
      diffusionSlope: m1.diffusion.map((row, i) => row.map((y, j) => y.minus(m0.diffusion[i]![j]!))),
      measurementSlope: m1.measurement.map((row, i) => row.map((y, j) => y.minus(m0.measurement[i]![j]!))),
    };
    const X = { lo: new D('4.999999'), hi: new D('5.000001') };
    const e = encloseAlong(I, { drift: exact(s.drift, '0'), diffusion: affine(s.diffusion), measurement: affine(s.measurement) }, point, X, new D(5), 40);
    expect(e).toBeDefined();
    const solveAt = (value: string) => {
      const m = modelMatrices(at(value), 60);
      return riccatiSteadyState(60, m.drift, m.diffusion, m.measurement).covariance;
    };
    const [below, centre, above] = ['4.99999999999999999999', '5', '5.00000000000000000001'].map(solveAt);
    const h = new Decimal('1e-20');
    const inside = (x: Interval, y: Decimal, slack: string) => x.lo.minus(slack).lte(y) && y.lte(x.hi.plus(slack));
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) {
        expect(inside(e!.value[i]![j]!, centre![i]![j]!, '0')).toBe(true);
        const slope = above![i]![j]!.minus(below![i]![j]!).div(h.times(2));
        expect(inside(e!.slope[i]![j]!, slope, '1e-18')).toBe(true);
      }
  });
});
