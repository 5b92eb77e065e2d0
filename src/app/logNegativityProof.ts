/**
 * E_N where two precisions cannot settle it: below 10^-(digits+5) the agreement test of
 * src/app/certify.ts is absolute, so weak entanglement (E_N ≈ 10⁻⁶⁰) and a separable state's
 * rounding residue both come out as 0. Here the conditional covariance is enclosed (Krawczyk, over
 * A, D and M enclosed from the exact model) and E_N enclosed from the box, at rising working
 * precision, until the box proves the state entangled with E_N to `digits` relative digits, or
 * proves E_N exactly 0 (2ν̃₋ ≥ 1 over the box), or the precision runs out.
 */
import { logNegativityEnclosure, simonEnclosure } from '../entanglement/enclosures.ts';
import { MAX_CONTEXT_DIGITS, type Dec } from '../numeric/context.ts';
import { evaluateDecimal, intervalMatrix } from '../numeric/fromExact.ts';
import { intervalArithmetic, IntervalError, type Interval, type IntervalArithmetic } from '../numeric/interval.ts';
import { riccatiSteadyState } from '../numeric/riccati.ts';
import type { DMatrix } from '../numeric/matrix.ts';
import { encloseRiccatiOver } from '../numeric/riccatiEnclosure.ts';
import type { ModelPoint } from '../models/modelFile.ts';
import type { RationalFunction } from '../exact/rationalFunction.ts';

export interface LogNegativityProof {
  /** entangled: E_N > 0 proved, to `digits` relative digits; separable: E_N = 0 proved; undecided: neither within the precision. */
  readonly verdict: 'entangled' | 'separable' | 'undecided';
  readonly enclosure: Interval;
  /** The working precision of the last enclosure. */
  readonly workingDigits: number;
  /** Simon's invariant enclosed from the same box, and whether it holds `digits` relative digits. */
  readonly simon: Interval;
  readonly simonDecided: boolean;
}

type Box = ReadonlyArray<readonly Interval[]>;

/** T V Tᵀ for an interval box V and an interval change of basis T. */
function congruence(I: IntervalArithmetic, t: Box, v: Box): Interval[][] {
  const zero = I.of('0');
  const tv = t.map((row) => v[0]!.map((_, j) => row.reduce((sum, x, k) => I.add(sum, I.mul(x, v[k]![j]!)), zero)));
  return tv.map((row) => t.map((tj) => row.reduce((sum, x, k) => I.add(sum, I.mul(x, tj[k]!)), zero)));
}

/**
 * The proof of E_N for a two-mode point whose conditional state exists; `toModes` reads the
 * model's basis per mode (X₁, Y₁, X₂, Y₂); `solved` is the solve's covariance (in the model's
 * basis), the first midpoint. Working precision: 30 digits, then the larger of digits + 20 and the precision the solve
 * needed, then doubling up to 4·digits + 80; with `simon`, until Simon's invariant holds its
 * digits too (it is about E_N², 10⁻⁶¹ where E_N is 10⁻³⁰). Undefined when no precision proves a box at all.
 */
export function proveLogNegativity(
  point: ModelPoint,
  toModes: RationalFunction[][],
  digits: number,
  solved: { readonly covariance: DMatrix; readonly workingDigits: number },
  options: { readonly simon?: boolean } = {},
): LogNegativityProof | undefined {
  const s = point.model.system;
  let last: LogNegativityProof | undefined;
  const start = Math.max(digits + 20, solved.workingDigits);
  // An E_N exactly 0 with 2ν̃₋ exactly 1 (a state on the boundary, as `bae` has) is never decided
  // by a box of positive width: the ceiling bounds that search, and still decides E_N down to about 10^-(3·digits + 70).
  const ceiling = Math.min(MAX_CONTEXT_DIGITS - 30, Math.max(start, 4 * digits + 80));
  // 30 digits first: a state clearly separable is proved there, at a fraction of the cost.
  for (let work = Math.min(30, start); work <= ceiling; work = work < start ? start : Math.min(2 * work, ceiling)) {
    const I = intervalArithmetic(work);
    const [A, D, M] = [s.drift, s.diffusion, s.measurement].map((m) => intervalMatrix(I, m, point.values)) as [Interval[][], Interval[][], Interval[][]];
    const approximate =
      work <= solved.workingDigits
        ? solved.covariance
        : riccatiSteadyState(work, ...([s.drift, s.diffusion, s.measurement].map((m) => evaluateDecimal(work, m, point.values)) as [Dec[][], Dec[][], Dec[][]]))
            .covariance;
    const proved = encloseRiccatiOver(I, A, D, M, approximate);
    // A box so wide that 2ν̃₋ may reach 0 (near threshold) bounds nothing: the next precision narrows it.
    const box = proved?.stabilising ? congruence(I, intervalMatrix(I, toModes, point.values), proved.box) : undefined;
    const e = box && enclosureOrWide(I, box);
    if (box && e) {
      const relative = (x: Interval) => x.hi.minus(x.lo).lte(I.abs(x).lo.times(`1e-${digits + 1}`));
      const simon = simonEnclosure(I, box);
      const verdict = e.separable ? 'separable' : e.entangled && relative(e.logNegativity) ? 'entangled' : 'undecided';
      last = { verdict, enclosure: e.logNegativity, workingDigits: work, simon, simonDecided: relative(simon) };
      if (verdict !== 'undecided' && (last.simonDecided || !options.simon)) return last;
    }
    if (work === ceiling) break;
  }
  return last;
}

function enclosureOrWide(I: IntervalArithmetic, box: Box): ReturnType<typeof logNegativityEnclosure> | undefined {
  try {
    return logNegativityEnclosure(I, box);
  } catch (err) {
    if (err instanceof IntervalError) return undefined;
    throw err;
  }
}
