import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../src/exact/rational.ts';
import { Polynomial } from '../src/exact/polynomial.ts';
import { q, RationalFunction as R, symbolIndex } from '../src/exact/rationalFunction.ts';
import { characteristicPolynomial, determinant, inverse, matrix, mul, identity, differences } from '../src/exact/matrix.ts';

const x = R.symbol('x_t', { ascii: 'x_t' });
const y = R.symbol('y_t', { ascii: 'y_t' });

describe('Rational', () => {
  it('reads decimals and fractions exactly and keeps lowest terms', () => {
    expect(Rational.parse('0.1').toString()).toBe('1/10');
    expect(Rational.parse('-2.50e-1').toString()).toBe('-1/4');
    expect(Rational.parse('6/8').toString()).toBe('3/4');
    expect(Rational.parse('0.1').add(Rational.parse('0.2')).equals(Rational.parse('0.3'))).toBe(true);
  });
  it('refuses what is not a number', () => {
    expect(() => Rational.parse('1e')).toThrow(/not an exact decimal/);
    expect(() => Rational.parse('abc')).toThrow(/not an exact decimal/);
    expect(() => Rational.of(1, 0)).toThrow(/zero denominator/);
  });
});

describe('Polynomial', () => {
  it('multiplies and divides exactly: (x+y)(x−y) = x² − y²', () => {
    const p = x.add(y).mul(x.sub(y)).asPolynomial()!;
    expect(p.equals(x.mul(x).sub(y.mul(y)).asPolynomial()!)).toBe(true);
    expect(p.divExact(x.add(y).asPolynomial()!)!.equals(x.sub(y).asPolynomial()!)).toBe(true);
    expect(p.divExact(x.add(q(1)).asPolynomial()!)).toBeNull();
  });
  it('substitutes a polynomial for a symbol: (x+1)² at x = y − 1 is y²', () => {
    const p = x.add(q(1)).pow(2).asPolynomial()!;
    const xi = p.symbols()[0]!;
    expect(p.substitute(xi, y.sub(q(1)).asPolynomial()!).equals(y.mul(y).asPolynomial()!)).toBe(true);
  });
  it('has Gaussian coefficients: (1 + i)(1 − i) = 2', () => {
    const one = Polynomial.ONE;
    expect(one.add(Polynomial.I).mul(one.sub(Polynomial.I)).equals(Polynomial.constant(2))).toBe(true);
  });
});

describe('RationalFunction with square roots', () => {
  const s2 = R.sqrt('√2', q(2), { ascii: 'sqrt2' });
  it('reduces √2·√2 = 2 and rationalises 1/√2 = √2/2 and 1/(1+√2) = √2 − 1', () => {
    expect(s2.mul(s2).equals(q(2))).toBe(true);
    expect(
      q(1)
        .div(s2)
        .equals(s2.mul(q(1, 2))),
    ).toBe(true);
    expect(
      q(1)
        .div(q(1).add(s2))
        .equals(s2.sub(q(1))),
    ).toBe(true);
  });
  it('a root of a rational function squares back to it: √(x/(2y))² = x/(2y)', () => {
    const r = R.sqrt('√(x/2y)', x.div(q(2).mul(y)), { ascii: 'root_x_2y' });
    expect(r.mul(r).equals(x.div(q(2).mul(y)))).toBe(true);
    expect(
      r
        .mul(y)
        .mul(r)
        .equals(x.mul(q(1, 2))),
    ).toBe(true);
  });
  it('cancels a polynomial denominator that divides the numerator', () => {
    expect(x.mul(x).sub(y.mul(y)).div(x.sub(y)).asPolynomial()!.equals(x.add(y).asPolynomial()!)).toBe(true);
  });
});

describe('matrices', () => {
  it('det of a 3×3 with a known value, inverse times matrix is 1', () => {
    const m = matrix([
      [2, 0, 1],
      [1, 3, 2],
      [1, 1, 2],
    ]);
    // 2(3·2 − 2·1) − 0 + 1(1·1 − 3·1) = 8 − 2
    expect(determinant(m).equals(q(6))).toBe(true);
    expect(differences(mul(inverse(m), m), identity(3))).toEqual([]);
  });
  it('characteristic polynomial of [[a, b], [c, d]] is λ² − (a+d)λ + (ad − bc)', () => {
    const m = matrix([
      [x, q(1)],
      [y, q(3)],
    ]);
    const [c0, c1, c2] = characteristicPolynomial(m);
    expect(c0!.equals(q(1))).toBe(true);
    expect(c1!.equals(x.add(q(3)).neg())).toBe(true);
    expect(c2!.equals(x.mul(q(3)).sub(y))).toBe(true);
  });
  it('a matrix of numbers: det by elimination and the characteristic polynomial by Faddeev-LeVerrier equal the Laplace expansion of the same matrix with a symbol added and then set to 0', () => {
    const index = symbolIndex(x);
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((n) => fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n })),
        (rows) => {
          const numbers = matrix(rows);
          // x on the first entry keeps every entry of the Laplace route symbolic-capable (no numeric fast path).
          const symbolic = numbers.map((row, i) => row.map((v, j) => (i === 0 && j === 0 ? v.add(x) : v)));
          const atZero = (r: R) => r.substitute(index, q(0));
          expect(determinant(numbers).equals(atZero(determinant(symbolic)))).toBe(true);
          const [byNumbers, bySymbols] = [characteristicPolynomial(numbers), characteristicPolynomial(symbolic).map(atZero)];
          expect(byNumbers.map((c) => c.toString())).toEqual(bySymbols.map((c) => c.toString()));
        },
      ),
      { numRuns: 60 },
    );
  });
  it('a matrix of polynomials in one symbol: det and the characteristic polynomial by evaluation and interpolation equal the Laplace expansion once a second symbol is added and set to 0', () => {
    const index = symbolIndex(y);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((n) =>
          fc.array(
            fc.array(fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -2, max: 2 }), fc.integer({ min: 0, max: 2 })), {
              minLength: n,
              maxLength: n,
            }),
            {
              minLength: n,
              maxLength: n,
            },
          ),
        ),
        (rows) => {
          // Entries c₀ + c₁·x^k: polynomials in x alone.
          const inX = rows.map((row) => row.map(([c0, c1, k]) => q(c0).add(q(c1).mul(x.pow(k)))));
          const twoSymbols = inX.map((row, i) => row.map((v, j) => (i === 0 && j === 0 ? v.add(y) : v)));
          const atZero = (r: R) => r.substitute(index, q(0));
          expect(determinant(inX).equals(atZero(determinant(twoSymbols)))).toBe(true);
          const [byInterpolation, byLaplace] = [characteristicPolynomial(inX), characteristicPolynomial(twoSymbols).map(atZero)];
          expect(byInterpolation.map((c) => c.toString())).toEqual(byLaplace.map((c) => c.toString()));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('errors', () => {
  it('every error class the package throws on purpose is a DetunedParampError with its own name and a code', async () => {
    const api = await import('../src/index.ts');
    const { UsageError } = await import('../src/cli/options.ts');
    const { MalformedInputError } = await import('../src/app/resultsFile.ts');
    const { SimulationInputError } = await import('../src/app/simulate.ts');
    const { NotLinearGaussianError } = await import('../src/gaussian/linearSystem.ts');
    const { ExpressionSyntaxError } = await import('../src/exact/expression.ts');
    const { WorkingPrecisionError } = await import('../src/numeric/context.ts');
    const cases: Array<[new (message: string) => Error, string]> = [
      [api.InputError, 'INPUT'],
      [api.NotPhysicalStateError, 'NOT_PHYSICAL'],
      [api.ParameterError, 'PARAMETER'],
      [api.ModelFileError, 'MODEL_FILE'],
      [api.NoSteadyStateError, 'NO_STEADY_STATE'],
      [api.PrecisionError, 'PRECISION'],
      [UsageError, 'USAGE'],
      [MalformedInputError, 'MALFORMED_INPUT'],
      [SimulationInputError, 'SIMULATION_INPUT'],
      [NotLinearGaussianError, 'NOT_LINEAR_GAUSSIAN'],
      [ExpressionSyntaxError, 'EXPRESSION_SYNTAX'],
      [WorkingPrecisionError, 'WORKING_PRECISION'],
    ];
    for (const [Class, code] of cases) {
      const e = new Class('why');
      expect(e, Class.name).toBeInstanceOf(api.DetunedParampError);
      expect((e as InstanceType<typeof api.DetunedParampError>).code, Class.name).toBe(code);
      expect(e.name).toBe(Class.name);
      expect(e.message).toBe('why');
    }
    expect(() => api.solve('modulated', { delta: 1, chi: 1, mu: -1 })).toThrow(expect.objectContaining({ code: 'PARAMETER', name: 'ParameterError' }));
  });
});

describe('BoundedCache', () => {
  it('keeps at most its capacity, drops the least recently used, and makes each value once while held', async () => {
    const { BoundedCache } = await import('../src/exact/boundedCache.ts');
    const cache = new BoundedCache<number>(2);
    let made = 0;
    const get = (k: string) => cache.get(k, () => ++made);
    expect([get('a'), get('b'), get('a')]).toEqual([1, 2, 1]);
    get('c'); // drops b, the least recently used
    expect(cache.size).toBe(2);
    expect(get('a')).toBe(1);
    expect(get('b')).toBe(4);
    expect(() => new BoundedCache(0)).toThrow(RangeError);
  });
});
