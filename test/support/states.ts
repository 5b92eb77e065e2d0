/** Covariances of known states for tests, in (X₁, Y₁, X₂, Y₂), built here and not by the code under test. */
import type { Decimal } from 'decimal.js';

/** A two-mode squeezed vacuum: ½[[c, 0, s, 0], [0, c, 0, −s], [s, 0, c, 0], [0, −s, 0, c]] given c/2 = cosh(2r)/2 and s/2 = sinh(2r)/2; E_N = 2r. */
export function twoModeSqueezedVacuum(halfCosh: Decimal, halfSinh: Decimal): Decimal[][] {
  const zero = halfCosh.times(0);
  return [
    [halfCosh, zero, halfSinh, zero],
    [zero, halfCosh, zero, halfSinh.neg()],
    [halfSinh, zero, halfCosh, zero],
    [zero, halfSinh.neg(), zero, halfCosh],
  ];
}
