/** Algebraic laws of the exact engine over random inputs: the foundation every derivation rests on. */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { Rational } from '../src/exact/rational.ts';
import { q, RationalFunction as R } from '../src/exact/rationalFunction.ts';
import { commutator, mode, Operator } from '../src/operators/operator.ts';
import { SQRT2 } from '../src/operators/quadratures.ts';

const u = R.symbol('u_p', { ascii: 'u_p' });
const v = R.symbol('v_p', { ascii: 'v_p' });
const atoms = [u, v, SQRT2, R.I, q(1), q(-3, 2)];

/** Random exact scalars: small sums of products of symbols, √2, i and rationals. */
const scalar: fc.Arbitrary<R> = fc
  .array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 1, max: 4 }), fc.array(fc.constantFrom(...atoms), { maxLength: 3 })), {
    minLength: 1,
    maxLength: 3,
  })
  .map((terms) => terms.reduce((acc, [n, d, fs]) => acc.add(fs.reduce((p, f) => p.mul(f), R.from(Rational.of(n, d)))), R.ZERO));

const m1 = mode('p1');
const m2 = mode('p2');
const ladders = [Operator.annihilation(m1), Operator.creation(m1), Operator.annihilation(m2), Operator.creation(m2)];
const operator: fc.Arbitrary<Operator> = fc
  .array(fc.tuple(scalar, fc.array(fc.constantFrom(...ladders), { maxLength: 3 })), { minLength: 1, maxLength: 3 })
  .map((terms) => terms.reduce((acc, [c, ops]) => acc.add(ops.reduce((p, o) => p.mul(o), Operator.IDENTITY).scale(c)), Operator.ZERO));

describe('exact scalars form a field', () => {
  it('distributivity and commutativity', () => {
    fc.assert(fc.property(scalar, scalar, scalar, (x, y, z) => x.mul(y.add(z)).equals(x.mul(y).add(x.mul(z))) && x.mul(y).equals(y.mul(x))));
  });
  it('x · (1/x) = 1 for x ≠ 0, with roots rationalised', () => {
    fc.assert(
      fc.property(
        scalar.filter((x) => !x.isZero()),
        (x) => x.mul(x.inv()).equals(R.ONE),
      ),
    );
  });
});

describe('normal-ordered operators form an associative algebra', () => {
  it('associativity and the adjoint of a product', () => {
    fc.assert(
      fc.property(
        operator,
        operator,
        operator,
        (x, y, z) =>
          x
            .mul(y)
            .mul(z)
            .equals(x.mul(y.mul(z))) && x.mul(y).adjoint().equals(y.adjoint().mul(x.adjoint())),
      ),
    );
  });
  it('Jacobi identity', () => {
    fc.assert(
      fc.property(operator, operator, operator, (x, y, z) =>
        commutator(x, commutator(y, z))
          .add(commutator(y, commutator(z, x)))
          .add(commutator(z, commutator(x, y)))
          .isZero(),
      ),
    );
  });
});
