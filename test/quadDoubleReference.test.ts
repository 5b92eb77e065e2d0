import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { holdingDigits, type PrintedNumbers } from '../src/app/certify.ts';
import { modelMatrices, solveModel } from '../src/app/solve.ts';
import { analyseTwoMode } from '../src/entanglement/analysis.ts';
import { resolveParameters } from '../src/models/parameters.ts';
import { toArithmetic } from '../src/numeric/arithmetic.ts';
import { decimalContext } from '../src/numeric/context.ts';
import { QuadDoubleContext } from '../src/numeric/quadDouble.ts';
import { riccatiSteadyState } from '../src/numeric/riccati.ts';
import { bindingThresholdCoupling } from '../src/paper/figure2Readings.ts';

const numbers = (value: string): PrintedNumbers => new Map([['x', { value: new Decimal(value), floor: 0 }]]);

describe('two-precision agreement with a quad-double reference', () => {
  it('a reference that agrees ends the search at the first precision; one that disagrees or fails leaves the precisions to rise as without it', () => {
    const asked: number[] = [];
    const at = (work: number) => {
      asked.push(work);
      return '1.000000000000000000000000000000000001';
    };
    expect(holdingDigits(30, at, numbers, () => '1.0000000000000000000000000000000000009')).toBeDefined();
    expect(asked).toEqual([40]);
    asked.length = 0;
    holdingDigits(30, at, numbers, () => '1.1');
    expect(asked).toEqual([40, 60]);
    asked.length = 0;
    holdingDigits(30, at, numbers);
    expect(asked).toEqual([40, 60]);
  });

  it("model one's Riccati state and every figure of merit in quad-doubles agree with decimal.js at 60 digits to 10⁻⁵⁵ (the paper's point)", () => {
    const p = resolveParameters('modulated', { delta: '30', chi: '25', nbar: '5', mu: '5', eta: '1' });
    const m = modelMatrices(p, 60);
    const quad = (x: typeof m.drift) => toArithmetic(QuadDoubleContext, x);
    const [slow, fast] = [
      riccatiSteadyState(60, m.drift, m.diffusion, m.measurement),
      riccatiSteadyState(56, quad(m.drift), quad(m.diffusion), quad(m.measurement)),
    ];
    const D = decimalContext(70);
    const gap = (x: { toString(): string }, y: { toString(): string }) => new D(x.toString()).minus(y.toString()).abs().toNumber();
    expect(Math.max(...slow.covariance.flatMap((row, i) => row.map((x, j) => gap(x, fast.covariance[i]![j]!))))).toBeLessThan(1e-55);
    const [a, b] = [analyseTwoMode(60, slow.covariance), analyseTwoMode(56, fast.covariance)];
    for (const k of ['S', 'logNegativity', 'simon', 'smallestSymplectic', 'cos2alpha'] as const) expect(gap(a[k], b[k])).toBeLessThan(1e-54);
    expect(gap(a.logNegativityCheck.value, b.logNegativityCheck.value)).toBeLessThan(1e-54);
  });

  it('conditionalOnly: at the binding threshold (Γ to 45 digits) the conditional state alone, the same as the full solve gives', () => {
    const point = resolveParameters('constant', {
      gamma1: '1.25',
      gamma2: '0.75',
      coupling: bindingThresholdCoupling('25', '1.25', '0.75', 45),
      chi: '25',
      nbar: '5',
      eta: '1',
      mu: '1',
    });
    const [full, only] = [solveModel(point, 30), solveModel(point, 30, { conditionalOnly: true })];
    expect(full.unconditional).toBeDefined();
    expect(only.unconditional).toBeUndefined();
    expect(only.stable).toBe(true);
    expect(only.workingDigits).toBeLessThan(full.workingDigits);
    const D = decimalContext(40);
    for (const [i, row] of full.conditional!.covariance.entries())
      for (const [j, x] of row.entries())
        expect(new D(x).minus(only.conditional!.covariance[i]![j]!).abs().div(x.abs().plus(1)).toNumber()).toBeLessThan(1e-30);
  });
});
