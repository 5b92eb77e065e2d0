/**
 * The Krawczyk proof for the Riccati steady state (issue 22's second piece): the box it proves holds
 * the solution computed independently at twice the precision; a midpoint off by 1e-20 gives a box
 * that still holds it; a matrix that is not a solution, with a narrow box, is not proved; a
 * defective drift (Δ = χ, a Jordan block) is proved too.
 */
import { twoModeSqueezedVacuum } from './support/states.ts';
import { describe, expect, it } from 'vitest';

import { resolveParameters } from '../src/models/parameters.ts';
import { riccatiSteadyState } from '../src/numeric/riccati.ts';
import { encloseLyapunovOver, encloseRiccati, encloseRiccatiOver, provedHurwitz } from '../src/numeric/riccatiEnclosure.ts';
import { lyapunovSteadyState } from '../src/numeric/riccati.ts';
import { intervalMatrix } from '../src/numeric/fromExact.ts';
import { q, RationalFunction } from '../src/exact/rationalFunction.ts';
import { intervalArithmetic } from '../src/numeric/interval.ts';
import { logNegativityEnclosure, physicalityEnclosure, separabilityEnclosure } from '../src/entanglement/enclosures.ts';
import { independentS } from './support/independentClosedForms.ts';
import { modelMatrices, solveModel } from '../src/app/solve.ts';
import type { DMatrix } from '../src/numeric/matrix.ts';
import { decimalContext } from '../src/numeric/context.ts';

const at = (params: Record<string, string>, digits: number) => {
  const m = modelMatrices(resolveParameters('modulated', params), digits);
  return { ...m, v: riccatiSteadyState(digits, m.drift, m.diffusion, m.measurement).covariance };
};
const inside = (box: ReturnType<typeof encloseRiccati>, v: DMatrix) =>
  box!.box.every((row, i) => row.every((x, j) => x.lo.lte(v[i]![j]!) && v[i]![j]!.lte(x.hi)));

describe('the Riccati enclosure', () => {
  const point = { delta: '30', chi: '25', nbar: '5', mu: '5' };
  it('proves a box a few units wide that holds the solution computed at twice the digits', () => {
    const { drift, diffusion, measurement, v } = at(point, 30);
    const box = encloseRiccati(30, drift, diffusion, measurement, v);
    expect(box).toBeDefined();
    expect(inside(box, at(point, 60).v)).toBe(true);
    expect(box!.box.flat().every((x) => x.hi.minus(x.lo).lt('1e-24'))).toBe(true);
  });
  it('a midpoint off by 1e-20 in one entry: the box it proves holds the solution, not the wrong midpoint', () => {
    const { drift, diffusion, measurement, v } = at(point, 40);
    const off = v.map((row, i) => row.map((x, j) => (i === 0 && j === 0 ? x.plus('1e-20') : x)));
    const box = encloseRiccati(40, drift, diffusion, measurement, off);
    expect(box).toBeDefined();
    expect(inside(box, at(point, 80).v)).toBe(true);
    // K(X) is tight around the solution: the wrong midpoint, 1e-20 away, is outside it.
    expect(inside(box, off)).toBe(false);
  });
  it('a matrix that is not a solution (off by 1e-3) is not proved in a narrow box', () => {
    const { drift, diffusion, measurement, v } = at(point, 30);
    const off = v.map((row, i) => row.map((x, j) => (i === 1 && j === 1 ? x.plus('1e-3') : x)));
    expect(encloseRiccati(30, drift, diffusion, measurement, off, { radius: '1e-10' })).toBeUndefined();
  });
  it('off by 1e-3 with a box of radius 10⁻², which holds the solution: proved, and the box (one Newton step plus the spread of the Jacobian over X) still holds it', () => {
    const { drift, diffusion, measurement, v } = at(point, 30);
    const off = v.map((row, i) => row.map((x, j) => (i === 1 && j === 1 ? x.plus('1e-3') : x)));
    const box = encloseRiccati(30, drift, diffusion, measurement, off, { radius: '1e-2' });
    expect(box).toBeDefined();
    expect(inside(box, at(point, 60).v)).toBe(true);
  });
  it('with A, D and M enclosed from the exact model (not rounded to Decimals first), the box holds the 60-digit solution', () => {
    const p = resolveParameters('modulated', point);
    const I = intervalArithmetic(40);
    const s = p.model.system;
    const [A, D, M] = [s.drift, s.diffusion, s.measurement].map((m) => intervalMatrix(I, m, p.values)) as [
      ReturnType<typeof intervalMatrix>,
      ReturnType<typeof intervalMatrix>,
      ReturnType<typeof intervalMatrix>,
    ];
    const box = encloseRiccatiOver(I, A, D, M, at(point, 40).v);
    expect(box).toBeDefined();
    expect(box!.stabilising).toBe(true);
    expect(inside(box, at(point, 60).v)).toBe(true);
  });
  it('the unconditional (Lyapunov) state of model one, A and D from the exact model: proved, A proved Hurwitz, and the box holds the 60-digit solution', () => {
    const p = resolveParameters('modulated', point);
    const I = intervalArithmetic(40);
    const [A, D] = [p.model.system.drift, p.model.system.diffusion].map((m) => intervalMatrix(I, m, p.values)) as [
      ReturnType<typeof intervalMatrix>,
      ReturnType<typeof intervalMatrix>,
    ];
    const solved = (digits: number) => {
      const m = modelMatrices(p, digits);
      return lyapunovSteadyState(digits, m.drift, m.diffusion).covariance;
    };
    const box = encloseLyapunovOver(I, A, D, solved(40));
    expect(box?.stabilising).toBe(true);
    expect(inside(box, solved(60))).toBe(true);
    // Above threshold (χ = 40γ > √(γ² + Δ²)) A is not Hurwitz: a box may hold the Lyapunov solution, but it is not a steady state.
    const above = resolveParameters('modulated', { ...point, chi: '40' });
    const [Aa, Da] = [above.model.system.drift, above.model.system.diffusion].map((m) => intervalMatrix(I, m, above.values)) as [
      ReturnType<typeof intervalMatrix>,
      ReturnType<typeof intervalMatrix>,
    ];
    const m = modelMatrices(above, 40);
    const guess = lyapunovSteadyState(40, m.drift, m.diffusion, { driftStable: true }).covariance;
    expect(encloseLyapunovOver(I, Aa, Da, guess)?.stabilising ?? false).toBe(false);
  });
  it('an entry with a square root (3√2, from sqrt(2) in a model file) is enclosed by a narrow interval that holds its 60-digit value; a rational entry is held exactly', () => {
    const I = intervalArithmetic(30);
    const root = RationalFunction.sqrt('√2', q(2), { ascii: 'sqrt2' }).mul(q(3));
    const [[x, third]] = intervalMatrix(I, [[root, q(1).div(q(3))]], new Map()) as [[ReturnType<typeof I.of>, ReturnType<typeof I.of>]];
    const exact = new (decimalContext(60))(18).sqrt();
    expect(x.lo.lte(exact) && exact.lte(x.hi)).toBe(true);
    expect(x.hi.minus(x.lo).lt('1e-28')).toBe(true);
    const D60 = decimalContext(60);
    expect(third.lo.lte(new D60(1).div(3)) && new D60(1).div(3).lte(third.hi)).toBe(true);
  });
  it('a defective drift (Δ = χ: the collective pairs are Jordan blocks) is proved without diagonalising', () => {
    const q = { delta: '25', chi: '25', nbar: '5', mu: '5.5' };
    const { drift, diffusion, measurement, v } = at(q, 30);
    const box = encloseRiccati(30, drift, diffusion, measurement, v);
    expect(box).toBeDefined();
    expect(inside(box, at(q, 60).v)).toBe(true);
  });
});

describe('the stabilising solution', () => {
  it('is proved stabilising in model one, and at Δ = χ', () => {
    for (const q of [
      { delta: '30', chi: '25', nbar: '5', mu: '5' },
      { delta: '25', chi: '25', nbar: '5', mu: '5.5' },
    ]) {
      const { drift, diffusion, measurement, v } = at(q, 30);
      expect(encloseRiccati(30, drift, diffusion, measurement, v)!.stabilising).toBe(true);
    }
  });
  it('of 2v + 1 − v² = 0 (a = d = m = 1) both roots are enclosed; only 1 + √2 is stabilising, 1 − √2 is not', () => {
    const D = decimalContext(40);
    const [one] = [[[new D(1)]]];
    const plus = encloseRiccati(30, one, one, one, [[new D(2).sqrt().plus(1)]])!;
    const minus = encloseRiccati(30, one, one, one, [[new D(1).minus(new D(2).sqrt())]])!;
    expect(plus.stabilising).toBe(true);
    expect(minus.stabilising).toBe(false);
    expect(plus.box[0]![0]!.lo.lte(new D(2).sqrt().plus(1)) && new D(2).sqrt().plus(1).lte(plus.box[0]![0]!.hi)).toBe(true);
  });
});

describe('provedHurwitz', () => {
  const I = intervalArithmetic(30);
  const m = (rows: string[][]) => rows.map((row) => row.map((x) => I.of(x)));
  it('proves a stable Jordan block and a stable 4×4, and never a marginal or unstable matrix', () => {
    expect(
      provedHurwitz(
        I,
        m([
          ['-1', '0'],
          ['-2', '-1'],
        ]),
      ),
    ).toBe(true);
    expect(
      provedHurwitz(
        I,
        m([
          ['-1', '30', '0', '-25'],
          ['-30', '-1', '-25', '0'],
          ['0', '-25', '-1', '30'],
          ['-25', '0', '-30', '-1'],
        ]),
      ),
    ).toBe(true);
    expect(
      provedHurwitz(
        I,
        m([
          ['0', '1'],
          ['-1', '0'],
        ]),
      ),
    ).toBe(false);
    expect(
      provedHurwitz(
        I,
        m([
          ['-1', '0'],
          ['0', '1e-20'],
        ]),
      ),
    ).toBe(false);
  });
});

describe('the log-negativity enclosure', () => {
  it('of a two-mode squeezed vacuum holds E_N = 2r (the closed form)', () => {
    const D = decimalContext(80);
    const r = new D('0.7');
    const [c, s] = [r.times(2).cosh().div(2), r.times(2).sinh().div(2)];
    const v = twoModeSqueezedVacuum(c, s);
    const I = intervalArithmetic(60);
    const box = v.map((row) => row.map((x) => ({ lo: I.of(x.toString()).lo.minus('1e-55'), hi: I.of(x.toString()).hi.plus('1e-55') })));
    const e = logNegativityEnclosure(I, box);
    expect(e.entangled).toBe(true);
    expect(e.logNegativity.lo.lte(r.times(2)) && r.times(2).lte(e.logNegativity.hi)).toBe(true);
    expect(e.logNegativity.hi.minus(e.logNegativity.lo).lt('1e-50')).toBe(true);
  });
  it('weak entanglement is proved, not printed as 0: model one at Δ = 0, χ = 10⁻⁶⁰ (no measurement), E_N ≈ 10⁻⁶⁰ enclosed away from 0', () => {
    const digits = 150;
    const m = modelMatrices(resolveParameters('modulated', { delta: '0', chi: '1e-60' }), digits);
    const v = riccatiSteadyState(digits, m.drift, m.diffusion, m.measurement).covariance;
    const proved = encloseRiccati(digits, m.drift, m.diffusion, m.measurement, v)!;
    expect(proved.stabilising).toBe(true);
    const e = logNegativityEnclosure(intervalArithmetic(digits), proved.box);
    expect(e.entangled).toBe(true);
    expect(e.logNegativity.lo.gt('1e-61') && e.logNegativity.hi.lt('1e-59')).toBe(true);
    // The same state at 50 digits cannot decide it: the enclosure holds 0, and says so.
    const coarse = modelMatrices(resolveParameters('modulated', { delta: '0', chi: '1e-60' }), 50);
    const v50 = riccatiSteadyState(50, coarse.drift, coarse.diffusion, coarse.measurement).covariance;
    const e50 = logNegativityEnclosure(intervalArithmetic(50), encloseRiccati(50, coarse.drift, coarse.diffusion, coarse.measurement, v50)!.box);
    expect(e50.entangled).toBe(false);
    expect(e50.separable).toBe(false);
    expect(e50.logNegativity.lo.isZero()).toBe(true);
  });
});

describe('the separability enclosure', () => {
  it('S of (15) from the proved box holds the closed form (16)-(18) typed independently, and S at twice the digits', () => {
    const point = { delta: '30', chi: '25', nbar: '5', mu: '5' };
    const m = modelMatrices(resolveParameters('modulated', point), 40);
    const v = riccatiSteadyState(40, m.drift, m.diffusion, m.measurement).covariance;
    const e = separabilityEnclosure(intervalArithmetic(40), encloseRiccati(40, m.drift, m.diffusion, m.measurement, v)!.box);
    const closed = new (decimalContext(40))(independentS('1', '30', '25', '5', '5', '1'));
    expect(e.angleDecided).toBe(true);
    // The closed form is given to 40 digits: the enclosure and its rounding overlap.
    expect(e.S.lo.minus('1e-38').lte(closed) && closed.lte(e.S.hi.plus('1e-38'))).toBe(true);
    const fine = solveModel(resolveParameters('modulated', point), 60).analysis!.S;
    expect(e.S.lo.lte(fine) && fine.lte(e.S.hi)).toBe(true);
    expect(e.S.hi.minus(e.S.lo).lt('1e-33')).toBe(true);
  });
});

describe('the physical-state proof', () => {
  const proved = (params: Record<string, string>, digits: number) => {
    const m = modelMatrices(resolveParameters('modulated', params), digits);
    const v = riccatiSteadyState(digits, m.drift, m.diffusion, m.measurement).covariance;
    return encloseRiccati(digits, m.drift, m.diffusion, m.measurement, v)!.box;
  };
  it('a thermal conditional state (N = 5) is proved a state: 2ν₋ ≥ 1 over the whole box', () => {
    const e = physicalityEnclosure(intervalArithmetic(40), proved({ delta: '30', chi: '25', nbar: '5', mu: '5' }, 40));
    expect(e.physical).toBe(true);
    expect(e.unphysical).toBe(false);
  });
  it('the vacuum (Δ = χ = μ = 0: V = ½·1, pure, 2ν₋ = 1 exactly) is proved a state: its equation is linear with exact entries, so the box is the point ½·1', () => {
    const box = proved({ delta: '0', chi: '0' }, 40);
    expect(box.flat().every((x) => x.lo.eq(x.hi))).toBe(true);
    expect(physicalityEnclosure(intervalArithmetic(40), box).physical).toBe(true);
  });
  it('a box of positive width around a pure state (½·1 ± 10⁻³⁰) is on the boundary: neither proved a state nor refuted', () => {
    const I = intervalArithmetic(40);
    const v = [0, 1, 2, 3].map((i) =>
      [0, 1, 2, 3].map((j) => (i === j ? I.of('0.5') : I.of('0'))).map((x) => ({ lo: x.lo.minus('1e-30'), hi: x.hi.plus('1e-30') })),
    );
    const e = physicalityEnclosure(I, v);
    expect(e.physical).toBe(false);
    expect(e.unphysical).toBe(false);
  });
  it('V = 0.4·1, below the vacuum, is proved not a state', () => {
    const I = intervalArithmetic(30);
    const v = [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => I.of(i === j ? '0.4' : '0')));
    const e = physicalityEnclosure(I, v);
    expect(e.unphysical).toBe(true);
    expect(e.physical).toBe(false);
  });
});
