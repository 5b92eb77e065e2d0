/**
 * The local-minimum proof (src/numeric/certifiedMinimum.ts) on functions whose minimum is known,
 * the enclosures of V, V′ and V″ along μ (src/numeric/riccatiAlong.ts) against differences of
 * solves 10⁻²⁰ apart, and the global half: branch and bound over the range (provedLeast) on
 * functions whose least value is known, the exact test of positive semidefiniteness behind the
 * comparison, and the comparison's Loewner bounds against solves at points of the box. Each can
 * fail: a maximum is refused, a wrong guess outside the convex box is refused, the derivative boxes
 * must hold the differences, a deeper minimum elsewhere is refused, an indefinite matrix is refused,
 * and the bounds are checked against states solved here. */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { certifiedLocalMinimum, certifiedRoot, provedLeast } from '../src/numeric/certifiedMinimum.ts';
import { intervalArithmetic, type Interval } from '../src/numeric/interval.ts';
import { jetArithmetic, type Jet } from '../src/numeric/jet.ts';
import { comparisonState, encloseAlong, lowerStateOver } from '../src/numeric/riccatiAlong.ts';
import { riccatiSteadyState } from '../src/numeric/riccati.ts';
import { modelMatrices } from '../src/app/solve.ts';
import { resolveParameters } from '../src/models/parameters.ts';
import { intervalMatrix } from '../src/numeric/fromExact.ts';
import { parameterSymbol } from '../src/models/modelFile.ts';
import { Rational } from '../src/exact/rational.ts';
import { isPositiveSemidefinite } from '../src/exact/matrix.ts';
import { symmetricEigen } from '../src/numeric/eigen.ts';
import type { DMatrix } from '../src/numeric/matrix.ts';
import { separabilityLowerBound } from '../src/entanglement/enclosures.ts';
import { separability } from '../src/entanglement/gaussianState.ts';

const I = intervalArithmetic(40);
const J = jetArithmetic(I);
const D = Decimal.clone({ precision: 40 });
const range = [new D('0.001'), new D('1000')] as const;
const variable = (X: Interval): Jet => ({ value: X, slope: I.of('1'), curvature: I.of('0') });

/** Model one at the paper's point along μ: the interval system (D and M affine in μ) and its Decimal midpoints. */
const at = (mu: string) => resolveParameters('modulated', { delta: '30', chi: '25', nbar: '5', eta: '1', mu });
const modelOne = at('1');
const muSymbol = parameterSymbol(modelOne.model, 'mu');
const s = modelOne.model.system;
const exact = (m: typeof s.drift, value: string) => intervalMatrix(I, m, new Map(modelOne.values).set(muSymbol, Rational.parse(value)));
const affine = (m: typeof s.drift) => [exact(m, '0'), exact(m, '1').map((row, i) => row.map((x, j) => I.sub(x, exact(m, '0')[i]![j]!)))] as const;
const [m0, m1] = [modelMatrices(at('0'), 40), modelMatrices(at('1'), 40)];
const line = (a: DMatrix, b: DMatrix) => (x: Decimal) => a.map((row, i) => row.map((y, j) => y.plus(b[i]![j]!.minus(y).times(x))));
const point = {
  drift: m0.drift,
  driftStable: true,
  diffusion: line(m0.diffusion, m1.diffusion),
  measurement: line(m0.measurement, m1.measurement),
  diffusionSlope: m1.diffusion.map((row, i) => row.map((y, j) => y.minus(m0.diffusion[i]![j]!))),
  measurementSlope: m1.measurement.map((row, i) => row.map((y, j) => y.minus(m0.measurement[i]![j]!))),
};
const system = { drift: exact(s.drift, '0'), diffusion: affine(s.diffusion), measurement: affine(s.measurement) };

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
    const X = { lo: new D('4.999999'), hi: new D('5.000001') };
    const e = encloseAlong(I, system, point, X, new D(5), 40);
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

describe('branch and bound over the range', () => {
  // f(μ) = μ − 3 + 4/μ, least 1 at μ = 2; a well −h/(1 + (μ − 50)²) added at μ = 50.
  const f = (h: string) => (x: Jet) => {
    const well = J.div(J.of(h), J.add(J.of('1'), J.mul(J.sub(x, J.of('50')), J.sub(x, J.of('50')))));
    return J.sub(J.add(J.sub(x, J.of('3')), J.div(J.of('4'), x)), well);
  };
  // Its natural interval extension, with the square taken of |μ − 50| (never below 0): a lower bound over X.
  const lower = (h: string) => (X: Interval) => {
    const d = I.abs(I.sub(X, I.of('50')));
    const well = I.div(I.of(h), I.add(I.of('1'), I.mul(d, d)));
    return I.sub(I.add(I.sub(X, I.of('3')), I.div(I.of('4'), X)), well).lo;
  };
  // f(c + t) ≥ f(c) − |f′(c)|r + ½ min(0, f″(X)) r² on X = c ± r: of second order in r, as μ* needs.
  const secondOrder = (jet: (X: Interval) => Jet) => (X: Interval) => {
    const c = I.midpoint(X);
    const r = I.abs(I.sub(X, { lo: c, hi: c }));
    const [at, over] = [jet({ lo: c, hi: c }), jet(X)];
    const bend = over.curvature.lo.isNegative() ? { lo: over.curvature.lo, hi: over.curvature.lo } : I.of('0');
    return I.add(I.sub(at.value, I.mul(I.abs(at.slope), r)), I.mul(I.mul(I.of('0.5'), bend), I.mul(r, r))).lo;
  };
  const prove = (h: string) => {
    const jet = (X: Interval) => f(h)(variable(X));
    // The minimiser near 2, by Newton on the jets' midpoints: the well moves it off 2.
    let guess = new D('2');
    for (let k = 0; k < 30; k++) {
      const j = jet({ lo: guess, hi: guess });
      guess = guess.minus(I.midpoint(j.slope).div(I.midpoint(j.curvature)));
    }
    const local = certifiedLocalMinimum(I, jet, range, guess);
    expect(local).toBeDefined();
    return provedLeast(I, local!, range, [lower(h), secondOrder(jet)]);
  };
  it('a shallow second well (f(50) ≈ 46) leaves μ = 2 the least: proved', () => {
    const proof = prove('1');
    expect(proof).toBeDefined();
    expect(proof!.boxes).toBeGreaterThan(2);
  });
  it('a deeper second well (f(50) ≈ −3 < 1) is found: refused', () => {
    expect(prove('50')).toBeUndefined();
  });
  it('an end of the range: 1/μ is least at μ = 10³, proved with the one-sided neighbourhood f′ < 0 gives', () => {
    const jet = (X: Interval) => J.div(J.of('1'), variable(X));
    const local = certifiedLocalMinimum(I, jet, range, new D('1000'));
    expect(local!.neighbourhood.lo.lt(1000)).toBe(true);
    expect(provedLeast(I, local!, range, [(X) => I.div(I.of('1'), X).lo])).toBeDefined();
    // A dip −½/(1 + (μ − 10)²) leaves f′ < 0 at 10³ (a local minimum there) but f(10) ≈ −0.4 < f(10³): refused.
    const dip = (x: Jet) => J.sub(J.div(J.of('1'), x), J.div(J.of('0.5'), J.add(J.of('1'), J.mul(J.sub(x, J.of('10')), J.sub(x, J.of('10'))))));
    const dipJet = (X: Interval) => dip(variable(X));
    const dipLower = (X: Interval) => {
      const d = I.abs(I.sub(X, I.of('10')));
      return I.sub(I.div(I.of('1'), X), I.div(I.of('0.5'), I.add(I.of('1'), I.mul(d, d)))).lo;
    };
    const end = certifiedLocalMinimum(I, dipJet, range, new D('1000'));
    expect(end).toBeDefined();
    expect(provedLeast(I, end!, range, [dipLower])).toBeUndefined();
  });
});

describe('positive semidefiniteness, exactly', () => {
  const m = (rows: number[][]) => rows.map((r) => r.map((x) => Rational.of(x)));
  it('accepts singular and definite ones, refuses indefinite ones and a zero pivot with a nonzero row', () => {
    expect(
      isPositiveSemidefinite(
        m([
          [1, 1],
          [1, 1],
        ]),
      ),
    ).toBe(true);
    expect(
      isPositiveSemidefinite(
        m([
          [0, 0, 0],
          [0, 2, 1],
          [0, 1, 1],
        ]),
      ),
    ).toBe(true);
    expect(
      isPositiveSemidefinite(
        m([
          [1, 2],
          [2, 1],
        ]),
      ),
    ).toBe(false);
    expect(
      isPositiveSemidefinite(
        m([
          [0, 1],
          [1, 5],
        ]),
      ),
    ).toBe(false);
    expect(
      isPositiveSemidefinite([
        [Rational.ONE, Rational.ZERO],
        [Rational.ZERO, Rational.of(-1, 10 ** 9)],
      ]),
    ).toBe(false);
    expect(
      isPositiveSemidefinite(
        m([
          [1, 2],
          [0, 1],
        ]),
      ),
    ).toBe(false);
  });
});

describe('the comparison theorem along μ', () => {
  const solveAt = (value: string) => {
    const x = modelMatrices(at(value), 40);
    return riccatiSteadyState(40, x.drift, x.diffusion, x.measurement).covariance;
  };
  const least = (a: DMatrix, b: ReadonlyArray<readonly Interval[]>, sign: 1 | -1) =>
    symmetricEigen(
      D,
      a.map((row, i) => row.map((y, j) => y.minus(I.midpoint(b[i]![j]!)).times(sign))),
    ).values.reduce((x, y) => (x.lt(y) ? x : y));
  it("model one's D₁ and M₁ are positive semidefinite, so the comparison applies", () => {
    const slope = (x: typeof s.drift) => exact(x, '1').map((row, i) => row.map((y, j) => Rational.parse(I.sub(y, exact(x, '0')[i]![j]!).lo.toString())));
    expect(isPositiveSemidefinite(slope(s.diffusion))).toBe(true);
    expect(isPositiveSemidefinite(slope(s.measurement))).toBe(true);
  });
  it('over μ ∈ [4, 6]: V(μ) − V₋ ⪰ 0 and V⁺ − V(μ) ⪰ 0 at μ = 4, 5, 6 (solved here), and S(V(μ)) ≥ the bound from V₋', () => {
    const X = { lo: new D(4), hi: new D(6) };
    const below = lowerStateOver(I, system, point, X, 40)!;
    const above = comparisonState(I, system, point, new D(6), new D(4), 40)!;
    expect(below && above).toBeDefined();
    const bound = separabilityLowerBound(I, below);
    for (const x of ['4', '5', '6']) {
      const v = solveAt(x);
      expect(least(v, below, 1).gte('-1e-30')).toBe(true);
      expect(least(v, above, -1).gte('-1e-30')).toBe(true);
      expect(separability(40, v).S.gte(bound)).toBe(true);
    }
    // The order is strict inside: V(5) − V₋ has a positive least eigenvalue, so the test above can fail.
    expect(least(solveAt('5'), below, 1).gt('1e-6')).toBe(true);
  });
  it("with `comparison`, V's box over μ ∈ [4.9, 5.1] holds V there, where the Krawczyk proof over X fails", () => {
    const X = { lo: new D('4.9'), hi: new D('5.1') };
    expect(encloseAlong(I, system, point, X, new D(5), 40)).toBeUndefined();
    const e = encloseAlong(I, system, point, X, new D(5), 40, { comparison: true })!;
    expect(e).toBeDefined();
    for (const x of ['4.9', '5', '5.1']) {
      const v = solveAt(x);
      for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) expect(e.value[i]![j]!.lo.lte(v[i]![j]!) && v[i]![j]!.lte(e.value[i]![j]!.hi)).toBe(true);
    }
  });
});
