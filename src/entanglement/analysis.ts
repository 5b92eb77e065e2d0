/** Every figure of merit of a two-mode covariance, each headline number by two routes with their agreement. */
import { agreeingDigits, arithmeticOf, type Dec } from '../numeric/context.ts';
import type { DMatrix } from '../numeric/matrix.ts';
import { logNegativityInvariant, logNegativityPartialTranspose, physicality, separability, simonInvariant, type Separability } from './gaussianState.ts';

/** A number's second route: which, its value, and how many digits it shares with the first ('interval': an enclosure's midpoint and the digits the enclosure proves). */
export interface SecondRoute {
  readonly route: 'partial-transpose' | 'square-root' | 'interval';
  readonly value: Dec;
  readonly digits: number;
}

export interface TwoModeAnalysis extends Separability {
  readonly logNegativity: Dec;
  /** E_N from the explicit partial transpose, and how many digits it shares with the invariant route. */
  readonly logNegativityCheck: SecondRoute;
  readonly expMinusLogNegativity: Dec;
  /** Simon's invariant: negative iff the state is not PPT, i.e. entangled. */
  readonly simon: Dec;
  readonly smallestSymplectic: Dec;
  readonly physical: boolean;
}

export function analyseTwoMode(digits: number, v: DMatrix): TwoModeAnalysis {
  const invariant = logNegativityInvariant(digits, v);
  const transposed = logNegativityPartialTranspose(digits, v);
  const phys = physicality(digits, v);
  const s = separability(digits, v);
  const twoNu = invariant.nu.times(2);
  return {
    // Not spread: a spread would evaluate α's arctangent, which most callers never read.
    get alpha() {
      return s.alpha;
    },
    cos2alpha: s.cos2alpha,
    sin2alpha: s.sin2alpha,
    vAlphaPlus: s.vAlphaPlus,
    vAlphaMinus: s.vAlphaMinus,
    S: s.S,
    duan: s.duan,
    logNegativity: invariant.logNegativity,
    logNegativityCheck: { route: 'partial-transpose', value: transposed.logNegativity, digits: agreeingDigits(invariant.nu, transposed.nu, digits) },
    // e^(−E_N) = min(1, 2ν̃₋) exactly, without an exponential.
    expMinusLogNegativity: twoNu.lt(1) ? twoNu : new (arithmeticOf(v[0]![0]!, digits))(1),
    simon: simonInvariant(digits, v),
    smallestSymplectic: phys.smallestSymplectic,
    physical: phys.physical,
  };
}
